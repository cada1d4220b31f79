import Foundation
import GRDB
import SkillCore
import Testing
@testable import SkillStore
import SkillRecords

/// Issue 10, break 9: a full disk (SQLITE_FULL) is a store error of its own — the command line
/// turns it into exit 74 — and the transaction that hit it leaves nothing behind.
@Suite("Store: a full disk")
struct DiskFullTests {
    @Test func aFullDatabaseIsDiskFullAndWritesNothing() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let store = try Store.open(path: dir.file("full.sqlite"), create: true)
        try store.write { w throws in
            #expect(try w.insertUser(name: "admin", roles: [.admin], passwordHash: "$y$x", at: fixedNow))
        }
        // The writer connection may not grow the file past what it holds now: as good as a full disk.
        let pages = try store.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! }
        try store.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        var thrown: Error?
        do {
            try store.write { w throws in
                for i in 0..<2_000 {
                    _ = try w.insertWorker(try makeWorker(id: residentID(birth: String(19_800_101 + i / 1000), seq: i % 1000 + 1),
                                                          name: "张桂兰"), at: fixedNow)
                }
            }
        } catch { thrown = error }
        let e = try #require(thrown as? StoreError, "\(String(describing: thrown))")
        if case .failure = e { Issue.record("a full disk is reported as a generic database error: \(e.message(.en))") }
        #expect(e.message(.en).contains("disk is full") && e.message(.en).contains("nothing was written"), "\(e.message(.en))")
        #expect(e.message(.zh).contains("磁盘已满"), "\(e.message(.zh))")
        #expect(try store.read { try $0.workerCount() } == 0)
        #expect(try store.read { try $0.user(named: "admin") } != nil)
    }
}
