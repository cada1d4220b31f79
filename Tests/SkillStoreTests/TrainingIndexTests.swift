import Foundation
import GRDB
import Testing
@testable import SkillStore
import SkillRecords

/// The training queries a city runs against millions of rows must be index lookups, never scans.
@Suite("Training queries use indexes")
struct TrainingIndexTests {
    static func plan(_ store: Store, _ sql: String) throws -> String {
        try store.read { r in
            try Row.fetchAll(r.db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "\n")
        }
    }

    @Test func rosterWorkersClassesAndSameDayAttendance() throws {
        let store = try Store.inMemory()
        let roster = try Self.plan(store, """
            SELECT e.worker_id, SUM(a.classroom_minutes + a.online_minutes * 50 / 100), COUNT(a.date)
            FROM enrolments e LEFT JOIN attendance a ON a.class_id = e.class_id AND a.worker_id = e.worker_id
            WHERE e.class_id = 1 GROUP BY e.worker_id ORDER BY e.worker_id
            """)
        #expect(!roster.contains("SCAN"), "\(roster)")
        let classes = try Self.plan(store, "SELECT c.* FROM enrolments e JOIN classes c ON c.id = e.class_id WHERE e.worker_id = 'X'")
        #expect(classes.contains("enrolments_worker") && !classes.contains("SCAN"), "\(classes)")
        let sameDay = try Self.plan(store, """
            SELECT a.*, c.institution FROM attendance a JOIN classes c ON c.id = a.class_id
            WHERE a.worker_id = 'X' AND a.date = '2025-03-01'
            """)
        #expect(sameDay.contains("attendance_worker_date") && !sameDay.contains("SCAN"), "\(sameDay)")
    }
}

@Suite("Worker archive query uses indexes")
struct WorkerArchiveIndexTests {
    @Test func workerClassesIsAnIndexLookup() throws {
        let store = try Store.inMemory()
        let plan = try store.read { r in
            try Row.fetchAll(r.db, sql: "EXPLAIN QUERY PLAN " + StoreReader.workerClassesSQL, arguments: [50, "X"])
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("enrolments_worker") && !plan.contains("SCAN"), "\(plan)")
    }
}
