import Foundation
import GRDB
import SkillCore
import Testing
@testable import SkillStore
import SkillRecords

@Suite("Claims workflow tables (v5)")
struct WorkflowStoreTests {
    @Test func fundFiguresCannotGoNegativeAndHolidaysAreSeeded() throws {
        let store = try Store.inMemory()
        try store.write { w in try w.saveFund(FundAccount(year: 2026, source: .employmentSubsidy, allocatedFen: 100), readVersion: nil) }
        for column in ["allocated_fen", "reserved_fen", "paid_fen", "recovered_fen", "clawback_due_fen"] {
            #expect(throws: StoreError.self, "\(column)") {
                try store.write { w in try w.db.execute(sql: "UPDATE fund_accounts SET \(column) = -1") }
            }
        }
        #expect(try store.read { try $0.fundAccount(year: 2026, source: .employmentSubsidy)?.allocatedFen } == 100)
        let seeded = try store.read { try $0.calendarEntries() }
        #expect(seeded.count == WorkingCalendar.shippedEntries.count && !seeded.isEmpty)
        #expect(seeded.first { $0.date == CalendarDate(iso: "2026-10-01") }?.kind == .holiday)
    }

    @Test func queueNoticeAndBatchQueriesUseIndexes() throws {
        let store = try Store.inMemory()
        func plan(_ sql: String) throws -> String {
            try store.read { r in
                try Row.fetchAll(r.db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "\n")
            }
        }
        let queries = [
            ("claims_queue ", """
                SELECT c.*, w.name FROM claims c LEFT JOIN workers w ON w.id = c.worker_id WHERE c.status = 'submitted'
                AND c.warning_count = 0 AND c.amount_fen >= 1 ORDER BY c.status, c.submitted_at, c.id LIMIT 51 OFFSET 0
                """),
            // A kind or an institution filter seeks its own index instead of walking every pending claim.
            ("claims_queue_kind ", """
                SELECT c.*, w.name FROM claims c LEFT JOIN workers w ON w.id = c.worker_id WHERE c.status = 'submitted'
                AND c.kind = 'training' AND c.amount_fen >= 1 ORDER BY c.status, c.submitted_at, c.id LIMIT 51 OFFSET 0
                """),
            ("claims_queue_institution ", """
                SELECT c.*, w.name FROM claims c LEFT JOIN workers w ON w.id = c.worker_id WHERE c.status = 'submitted'
                AND c.institution = 'X' AND c.warning_count > 0 ORDER BY c.status, c.submitted_at, c.id LIMIT 51 OFFSET 0
                """),
            ("claims_notice", "SELECT * FROM claims WHERE status = 'on_notice' AND notice_end_on < '2026-01-01' ORDER BY notice_end_on, id LIMIT 500"),
            ("claims_batch", "SELECT id FROM claims WHERE batch_id = 'PB1'"),
            ("USING INDEX", "UPDATE claims SET evidence_changed = 1 WHERE worker_id = 'X' AND class_id = 1"),  // the trigger's
            // v7's evidence marks: each trigger's update seeks an index, never walks every claim.
            // (v12's claims_certificate, which also finds the claims resting on a certificate, is the narrower seek.)
            ("claims_certificate", "UPDATE claims SET evidence_changed = 1 WHERE worker_id = 'X' AND certificate_id = 1 AND evidence_sha256 IS NOT NULL AND evidence_changed = 0"),
            ("claims_worker", "UPDATE claims SET evidence_changed = 1 WHERE worker_id IN ('X', 'Y') AND evidence_sha256 IS NOT NULL AND evidence_changed = 0"),
            ("claims_class", "UPDATE claims SET evidence_changed = 1 WHERE class_id = 1 AND evidence_sha256 IS NOT NULL AND evidence_changed = 0"),
            ("claims_occupation", "UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted' AND occupation_code = 'X' AND evidence_changed = 0"),
            ("claims_occupation", "UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted' AND occupation_code IN ('X', 'Y') AND evidence_changed = 0"),
            ("USING INDEX", "UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted' AND evidence_changed = 0"),
        ]
        for (index, sql) in queries {
            let p = try plan(sql)
            #expect(p.contains(index), "\(index): \(p)")
            #expect(!p.contains("USE TEMP B-TREE"), "sorts: \(p)")
        }
    }

    /// With statistics for the older claims indexes only (an ANALYZE before v6), the planner takes
    /// the unanalysed filter indexes for very selective; the queue still walks its own index in order.
    @Test func theQueueKeepsItsIndexWithPartialStatistics() throws {
        let store = try Store.inMemory()
        try store.write { w in
            try w.db.execute(sql: """
                ANALYZE;
                DELETE FROM sqlite_stat1;
                INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES ('claims', 'claims_queue', '5000000 700000 1 1'),
                  ('claims', 'claims_status', '5000000 700000 1'), ('claims', 'claims_worker', '5000000 5 2'),
                  ('claims', 'claims_notice', '5000000 700000 1');
                ANALYZE sqlite_schema;
                """)
        }
        let cases: [(ClaimQueueFilter, String)] = [
            (ClaimQueueFilter(), "claims_queue "), (ClaimQueueFilter(hasWarnings: true), "claims_queue "),
            (ClaimQueueFilter(minAmountFen: 1), "claims_queue "), (ClaimQueueFilter(kind: .training), "claims_queue_kind "),
            (ClaimQueueFilter(institution: "X"), "claims_queue_institution "),
        ]
        for (filter, index) in cases {
            let plan = try store.read { r -> String in
                var sql: String?
                r.db.trace(options: .statement) { event in
                    if case .statement(let s) = event, s.sql.contains("worker_name") { sql = s.expandedSQL }
                }
                _ = try r.claimQueue(filter, offset: 0, limit: 50)
                r.db.trace(options: [], nil)
                guard let sql else { return "no queue statement traced" }
                return try Row.fetchAll(r.db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "\n")
            }
            #expect(plan.contains(index) && !plan.contains("USE TEMP B-TREE"), "\(filter): \(plan)")
        }
    }

    @Test func saveClaimIsOptimistic() throws {
        let store = try Store.inMemory()
        let c = try store.write { w -> ClaimRow in
            var c = try w.insertClaim(NewClaim(workerID: "W", kind: .training, classID: nil, occupationCode: "6-31-01-03", level: .l4,
                                               claimYear: 2025, claimDate: CalendarDate(iso: "2025-06-01")!, amountFen: 1,
                                               payee: .worker, status: .submitted, preparedBy: "clerk1"), at: Date())
            c.evidenceSHA256 = "x"
            #expect(try w.saveClaim(c, at: Date()))
            return try w.claim(id: c.id)!
        }
        #expect(!c.evidenceChanged && c.version == 2)
        // A stale version is refused.
        #expect(try store.write { w in try w.saveClaim(c, at: Date()) } == true)
        #expect(try store.write { w in try w.saveClaim(c, at: Date()) } == false)
    }

    /// A savepoint that throws undoes its own writes (claim and audit row) and nothing else; the
    /// transaction around it commits the rest.
    @Test func aFailedSavepointRollsBackItsWritesAlone() throws {
        struct Refused: Error {}
        let store = try Store.inMemory()
        func claim(_ w: StoreWriter) throws -> ClaimRow {
            let c = try w.insertClaim(NewClaim(workerID: "W", kind: .training, classID: nil, occupationCode: "6-31-01-03", level: .l4,
                                               claimYear: 2025, claimDate: CalendarDate(iso: "2025-06-01")!, amountFen: 1,
                                               payee: .worker, status: .submitted, preparedBy: "clerk1"), at: Date())
            try w.audit(at: Date(), user: "clerk1", action: "claim.create", entity: "claim", key: String(c.id), before: nil, after: "{}")
            return c
        }
        let audits = try store.read { try $0.auditCount() }
        let kept = try store.write { w -> Int64 in
            let a = try claim(w)
            #expect(throws: Refused.self) { try w.savepoint { _ = try claim(w); throw Refused() } }
            let b = try w.savepoint { try claim(w) }
            return b.id - a.id
        }
        #expect(kept == 1)   // the rolled-back claim's id was reused: nothing of it was kept
        #expect(try store.read { r in try r.auditCount() } == audits + 2)
        #expect(try store.read { r in try r.verifyAudit() } == .intact(entries: audits + 2))
    }
}
