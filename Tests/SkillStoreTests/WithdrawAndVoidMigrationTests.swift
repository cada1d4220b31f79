import Foundation
import GRDB
import Testing
@testable import SkillStore
import SkillCore
import SkillRecords

/// Migration v12-withdraw-and-void on a database made before it: the claims CHECK takes
/// 'withdrawn' and still refuses anything else, every stored row and the institution counts are
/// kept, a withdrawn claim frees the worker's one live claim, certificates gain the void columns.
@Suite struct WithdrawAndVoidMigrationTests {
    static func claim(_ db: Database, worker: String, status: String) throws {
        try db.execute(sql: """
            INSERT INTO claims(worker_id, kind, class_id, institution, occupation_code, level, claim_year, claim_date, amount_fen,
                payee, status, prepared_by, created_at, updated_at)
            VALUES (?, 'training', 1, 'INST', '6-31-01-03', '4', 2025, '2025-06-01', 1, 'worker', ?, 'c', 'now', 'now')
            """, arguments: [worker, status])
    }

    @Test func anOlderDatabaseTakesWithdrawnAndKeepsItsRowsAndCounts() throws {
        let queue = try DatabaseQueue(configuration: Store.configuration())
        try Schema.migrator.migrate(queue, upTo: "v11-submitted-on")
        try queue.write { db throws in
            try db.execute(sql: """
                INSERT INTO institutions(code, name, kind, created_at, updated_at) VALUES ('INST', '学校', 'school', 'now', 'now');
                INSERT INTO classes(id, institution, occupation_code, level, type, start_date, end_date, planned_hours, created_at, updated_at)
                VALUES (1, 'INST', '6-31-01-03', '4', 'employment', '2025-01-01', '2025-02-01', 100, 'now', 'now');
                INSERT INTO certificates(id, type, number, occupation_code, issue_date, worker_id, created_at)
                VALUES (1, 'vocational', 'N1', '6-31-01-03', '2025-03-01', 'W', 'now');
                """)
            try Self.claim(db, worker: "W", status: "returned")
            try Self.claim(db, worker: "V", status: "rejected")
            // Before v12 the status is refused by the CHECK.
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE claims SET status = 'withdrawn' WHERE id = 1") }
        }
        try Schema.migrator.migrate(queue)
        try queue.write { db throws in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") == 2)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            try db.execute(sql: "UPDATE claims SET status = 'withdrawn' WHERE id = 1")
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE claims SET status = 'cancelled' WHERE id = 1") }
            // The count trigger still runs: returned 0, withdrawn 1, rejected 1.
            let counts = try Row.fetchAll(db, sql: "SELECT status, n FROM institution_claim_counts WHERE n > 0 ORDER BY status")
                .map { "\($0["status"] as String)=\($0["n"] as Int)" }
            #expect(counts == ["rejected=1", "withdrawn=1"])
            // The worker's place is free: a new live claim on the same class is accepted.
            try Self.claim(db, worker: "W", status: "draft")
            #expect(throws: DatabaseError.self) { try Self.claim(db, worker: "W", status: "submitted") }
            // Certificates: the void columns and the version.
            let cert = try #require(try Row.fetchOne(db, sql: "SELECT voided_at, voided_by, void_reason, version FROM certificates WHERE id = 1"))
            #expect((cert["voided_at"] as String?) == nil && (cert["version"] as Int) == 1)
        }
    }

    /// A database whose claims table was changed outside the program is refused, not half-migrated.
    @Test func aClaimsTableChangedOutsideIsRefused() throws {
        let queue = try DatabaseQueue(configuration: Store.configuration())
        try Schema.migrator.migrate(queue, upTo: "v11-submitted-on")
        try queue.writeWithoutTransaction { db throws in
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'claims'")!
            let version = try Int.fetchOne(db, sql: "PRAGMA schema_version")!
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_master SET sql = ? WHERE name = 'claims'",
                           arguments: [sql.replacingOccurrences(of: "'recovered'))", with: "'recovered', 'other'))")])
            try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
        #expect(throws: StoreError.self) { try Schema.migrator.migrate(queue) }
        try queue.read { db throws in
            #expect(try !Schema.migrator.appliedIdentifiers(db).contains("v12-withdraw-and-void"))
        }
    }
}
