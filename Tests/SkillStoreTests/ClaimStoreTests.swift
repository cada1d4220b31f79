import Foundation
import GRDB
import SkillCore
import Testing
@testable import SkillStore
import SkillRecords

@Suite("Claims table (v4)")
struct ClaimStoreTests {
    static func claim(_ worker: String, status: ClaimStatus, institution: String? = "INST") -> NewClaim {
        NewClaim(workerID: worker, kind: .training, institution: institution, occupationCode: "6-31-01-03", level: .l4,
                 claimYear: 2025, claimDate: CalendarDate(year: 2025, month: 6, day: 1)!, amountFen: 1,
                 payee: .worker, status: status, preparedBy: "clerk1")
    }

    /// The status CHECK is fixed by the v4 migration: a new ClaimStatus case needs a migration that
    /// widens it (SQLite cannot alter a CHECK: rebuild the table). This fails until one is added.
    @Test func everyClaimStatusIsAccepted() throws {
        let store = try Store.inMemory()
        try store.write { w in
            for s in ClaimStatus.allCases { _ = try w.insertClaim(Self.claim("W", status: s), at: fixedNow) }
        }
        #expect(try store.read { try $0.claims(ofWorker: "W") }.map(\.status) == ClaimStatus.allCases)
        #expect(throws: StoreError.self) {
            try store.write { w in try w.db.execute(sql: "UPDATE claims SET status = 'bogus' WHERE id = 1") }
        }
    }

    @Test func institutionCountsFollowInsertsUpdatesAndDeletes() throws {
        let store = try Store.inMemory()
        try store.write { w in
            _ = try w.insertClaim(Self.claim("A", status: .submitted), at: fixedNow)
            _ = try w.insertClaim(Self.claim("B", status: .submitted), at: fixedNow)
            _ = try w.insertClaim(Self.claim("C", status: .approved), at: fixedNow)
            _ = try w.insertClaim(Self.claim("D", status: .approved, institution: nil), at: fixedNow)
        }
        #expect(try store.read { try $0.institutionClaimCounts("INST") } == ["submitted": 2, "approved": 1])
        try store.write { w in
            try w.db.execute(sql: "UPDATE claims SET status = 'rejected' WHERE worker_id = 'A'")
            try w.db.execute(sql: "DELETE FROM claims WHERE worker_id = 'C'")
        }
        #expect(try store.read { try $0.institutionClaimCounts("INST") } == ["submitted": 1, "approved": 0, "rejected": 1])
    }

    /// `claim(_:)` decodes by name from `claimColumns`; a column the decoder reads but the list
    /// lacks is a fatal error at run time, so the list must name every column of the table (but
    /// `updated_at`, which no reader needs).
    @Test func claimColumnsNameEveryColumnOfTheTable() throws {
        let store = try Store.inMemory()
        let table = try store.read { r in
            try Row.fetchAll(r.db, sql: "PRAGMA table_info(claims)").map { $0["name"] as String }
        }
        let listed = StoreReader.claimColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(Set(table).subtracting(["updated_at"]) == Set(listed))
        #expect(listed.count == Set(listed).count)
        // And a stored claim reads back through the list.
        let id = try store.write { w in try w.insertClaim(Self.claim("W1", status: .draft), at: Date()).id }
        let row = try store.read { r in try r.claim(id: id) }
        #expect(row?.workerID == "W1" && row?.status == .draft)
    }

    @Test func evaluationQueriesUseIndexes() throws {
        let store = try Store.inMemory()
        func plan(_ sql: String) throws -> String {
            try store.read { r in
                try Row.fetchAll(r.db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "\n")
            }
        }
        let queries = [
            ("claims_worker", "SELECT * FROM claims WHERE worker_id = 'X' ORDER BY id"),
            ("claims_status", "SELECT * FROM claims WHERE status = 'submitted' AND (created_at, id) > ('', 0) ORDER BY created_at, id LIMIT 10"),
            ("attendance_worker_date", """
                SELECT a.class_id, a.date, c.institution FROM attendance a JOIN classes c ON c.id = a.class_id
                WHERE a.worker_id = 'X' AND a.date >= '2025-03-01' AND a.date <= '2025-03-31'
                """),
            ("certificates_worker", "SELECT * FROM certificates WHERE worker_id = 'X' AND number = 'N'"),
            ("PRIMARY KEY", "SELECT status, n FROM institution_claim_counts WHERE institution = 'I'"),
            ("PRIMARY KEY (key=?)", "SELECT value FROM settings WHERE key = 'policy'"),
        ]
        for (index, sql) in queries {
            let p = try plan(sql)
            #expect(p.contains(index) && !p.contains("SCAN"), "\(sql)\n\(p)")
        }
        // The queue's page is read in index order: no sort of every pending claim per page.
        let queue = try plan(queries[1].1)
        #expect(!queue.contains("TEMP B-TREE"), "\(queue)")
    }

    @Test func aDatabaseFromBeforeV4GetsNanjingAndUninsuredWorkers() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v3-training")
        try queue.write { db throws in
            try db.execute(sql: """
                INSERT INTO workers(id, name, sex, birth_date, employment, created_at, updated_at)
                VALUES ('X', '王芳', 'female', '1990-01-01', 'employed', 'now', 'now')
                """)
        }
        try Schema.migrator.migrate(queue)
        try queue.read { db throws in
            #expect(try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'policy'") == "nanjing-2019")
            #expect(try Int.fetchOne(db, sql: "SELECT unemployment_insured FROM workers WHERE id = 'X'") == 0)
        }
    }
}
