import Foundation
import GRDB
import SkillCore
import SkillRecords

extension StoreReader {
    /// Every day of every trainee of one class (primary key prefix class_id), by worker and date.
    public func attendance(classID: Int64) throws -> [AttendanceRow] {
        try Row.fetchAll(db, sql: "SELECT * FROM attendance WHERE class_id = ? ORDER BY worker_id, date",
                         arguments: [classID]).map(Self.attendance)
    }

    /// Roster sizes of all classes, keyed by class id (one grouped scan of enrolments).
    public func rosterSizes() throws -> [Int64: Int] {
        var out: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT class_id, COUNT(*) AS n FROM enrolments GROUP BY class_id") {
            out[row["class_id"]] = row["n"]
        }
        return out
    }
}
