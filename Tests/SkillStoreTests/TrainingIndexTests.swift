import Foundation
import GRDB
import Testing
@testable import SkillStore
import SkillRecords

/// The training queries a city runs against millions of rows must be index lookups, never scans.
@Suite("Training queries use indexes")
struct TrainingIndexTests {
    /// The plan of one of the product's own statements, with arguments for its placeholders.
    static func plan(_ store: Store, _ sql: String, _ arguments: StatementArguments) throws -> String {
        try store.read { r in
            try Row.fetchAll(r.db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
    }

    @Test func rosterWorkersClassesAndSameDayAttendance() throws {
        let store = try Store.inMemory()
        let roster = try Self.plan(store, StoreReader.rosterSQL, [50, 1])
        #expect(!roster.contains("SCAN"), "\(roster)")
        let classes = try Self.plan(store, StoreReader.classesOfWorkerSQL, ["X"])
        #expect(classes.contains("enrolments_worker") && !classes.contains("SCAN"), "\(classes)")
        let sameDay = try Self.plan(store, StoreReader.sameDayAttendanceSQL, ["X", "2025-03-01"])
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
