// The helpers every test target shares (resident IDs, TestClock, TempDir, GB18030, the template
// databases, the scenario builder) live in CoreTestSupport and DeskTestSupport; exported here so
// that each test file sees them without importing them.
@_exported import CoreTestSupport
@_exported import DeskTestSupport
import Foundation
import SkillCore
@testable import SkillDesk
import SkillStore
import SkillRecords
import Testing

func draft(seq: Int, name: String, phone: String = "", groups: [TargetGroup] = [],
           disability: Disability = .none, relativeOf: String = "") -> WorkerDraft {
    WorkerDraft(id: residentID(seq: seq), name: name, phone: phone, hukouRegion: "320102",
                employment: .unemployed, groups: groups, disability: disability, relativeOf: relativeOf)
}

/// An in-memory desk with its administrator logged in, and a way to add a user of any role.
struct Fixture {
    let desk: Desk
    let clock: TestClock
    let admin: Session

    init(clock: TestClock = TestClock(), profiles: [PolicyProfile] = PolicyLibrary.profiles) throws {
        self.clock = clock
        if profiles.contains(where: { $0.name == PolicyLibrary.defaultName }) {
            // The database `Desk.inMemory` makes at this instant, made once (its administrator's
            // password hashed once) and copied; the profiles are the desk's, not the database's.
            let start = clock.now()
            let store = try TemplateDatabase.copy("SkillDeskTests.Fixture admin @\(start.timeIntervalSince1970)") {
                try Desk.inMemory(admin: "admin", password: "admin-pass-1", clock: { start }).store
            }
            desk = Desk(store: store, clock: clock.closure, profiles: profiles)
        } else {
            // Without the default policy `Desk.inMemory` refuses: keep that path as it is.
            desk = try Desk.inMemory(admin: "admin", password: "admin-pass-1", profiles: profiles, clock: clock.closure)
        }
        admin = try desk.login(name: "admin", password: "admin-pass-1")
    }

    static func password(_ name: String) -> String { name + "-pass-1" }

    /// Adds `name` with `role` (once) and logs them in.
    func session(_ role: Role, name: String? = nil) throws -> Session {
        let name = name ?? role.rawValue + "1"
        if (try admin.users()).allSatisfy({ $0.name != name }) {
            try admin.addUser(name: name, roles: [role], password: Self.password(name))
        }
        return try desk.login(name: name, password: Self.password(name))
    }

    func clerk() throws -> Session { try session(.clerk) }

    var auditCount: Int { get throws { try desk.store.read { try $0.auditCount() } } }
    var workerCount: Int { get throws { try desk.store.read { try $0.workerCount() } } }
    func stored(_ id: String) throws -> WorkerRow? { try desk.store.read { try $0.worker(id: id) } }
}

/// Parses a CSV file with the product's reader (tested on its own in SkillStoreTests).
func csvRows(_ path: String) throws -> [[String?]] {
    let reader = try CSVReader(path: path, encoding: .utf8)
    var rows: [[String?]] = []
    while let r = try reader.next() { rows.append(r.fields) }
    return rows
}

/// Runs `body`, expecting a `DeskError`, and returns it.
func deskError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> DeskError? {
    #expect(throws: DeskError.self, sourceLocation: sourceLocation) { try body() }
}
