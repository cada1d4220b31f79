import Foundation
import SkillCore
@testable import SkillDesk
import SkillStore
import Testing

/// The shared template databases (DeskTestSupport): built once, and each test's copy its own.
@Suite("Template databases")
struct TemplateDatabaseTests {
    static func template(_ builds: Builds) throws -> Store {
        try TemplateDatabase.copy("TemplateDatabaseTests admin + clerk9") {
            builds.add()
            let desk = try Desk.inMemory(clock: { fixedNow })
            let admin = try desk.login(name: "admin", password: "admin-pass-1")
            try admin.addUser(name: "clerk9", roles: [.clerk], password: "clerk9-pass-1")
            return desk.store
        }
    }

    final class Builds: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.lock(); n += 1; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return n }
    }

    @Test func copiesHoldTheTemplateAndAreIndependent() throws {
        let builds = Builds()
        let a = Desk(store: try Self.template(builds), clock: { fixedNow })
        let b = Desk(store: try Self.template(builds), clock: { fixedNow })
        #expect(builds.count <= 1)                       // built at most once (another test may have built it)
        #expect(a.store !== b.store)
        // The template's user and password came along: the copy's clerk logs in and works.
        let clerk = try a.login(name: "clerk9", password: "clerk9-pass-1")
        _ = try clerk.register(WorkerDraft(id: residentID(seq: 901), name: "张三", hukouRegion: "320102", employment: .unemployed))
        #expect(try clerk.workerCount() == 1)
        // The other copy did not see the worker, and its chain is intact from the same beginning.
        let other = try b.login(name: "clerk9", password: "clerk9-pass-1")
        #expect(try other.workerCount() == 0)
        let admin = try b.login(name: "admin", password: "admin-pass-1")
        if case .intact = try admin.verifyAudit().0 {} else { Issue.record("the copy's audit chain is broken") }
        #expect(try a.store.read { try $0.meta("db_id") } == b.store.read { try $0.meta("db_id") })
    }

    @Test func parallelTestsGetOneBuild() async throws {
        let builds = Builds()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { _ = try TemplateDatabase.copy("TemplateDatabaseTests parallel") {
                builds.add()
                return try Store.inMemory()
            } } }
            try await group.waitForAll()
        }
        #expect(builds.count == 1)
    }
}
