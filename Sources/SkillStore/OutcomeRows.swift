import GRDB
import SkillCore
import SkillRecords

extension StoreReader {
    /// The enrolments of the classes that ENDED in `first...last` — `end_date` in the span and the
    /// class recorded as finished (status completed or closed: a class still running past its planned
    /// end has not ended) — each with the worker's counted minutes, per day as the roster and E14
    /// count them (online minutes at `onlinePercent`, rounded down per day). Index classes_end
    /// finds the classes, the enrolments primary key their rosters, and the attendance primary key
    /// (class_id, worker_id, date) each enrolment's days. Ordered by class, then worker.
    /// Every oversight figure about training (person-times, completion rates, targets) reads this
    /// one definition (DECISIONS.md "Oversight (issue 13): what counts as trained").
    public static let enrolmentOutcomesSQL = enrolmentOutcomesQuery()

    /// `enrolmentOutcomesSQL` with more columns, joins or conditions (`AND …`) and another order: the
    /// same rows, narrowed (the statistics' drill-down resumes after a key; issue 13 stats).
    public static func enrolmentOutcomesQuery(extraColumns: String = "", extraJoins: String = "", extraWhere: String = "",
                                              orderBy: String = "c.id, e.worker_id") -> String {
        """
        SELECT c.id AS class_id, e.worker_id AS worker_id, c.institution AS institution,
               c.occupation_code AS occupation_code, c.level AS level, c.type AS type, c.end_date AS end_date,
               c.planned_hours AS planned_hours,
               COALESCE((SELECT SUM(a.classroom_minutes + a.online_minutes * ? / 100) FROM attendance a
                         WHERE a.class_id = e.class_id AND a.worker_id = e.worker_id), 0) AS counted\(extraColumns)
        FROM classes c INDEXED BY classes_end
        JOIN enrolments e ON e.class_id = c.id\(extraJoins)
        WHERE c.end_date BETWEEN ? AND ? AND c.status IN ('completed', 'closed')\(extraWhere)
        ORDER BY \(orderBy)
        """
    }

    /// Calls `body` with each enrolment outcome of the classes that ended in the span, streamed (a
    /// year at city scale is half a million rows: never held whole).
    public func forEachEnrolmentOutcome(from first: CalendarDate, to last: CalendarDate, onlinePercent: Int,
                                        _ body: (EnrolmentOutcomeRow) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: Self.enrolmentOutcomesSQL),
                                         arguments: [onlinePercent, first.description, last.description])
        while let row = try cursor.next() {
            try body(EnrolmentOutcomeRow(
                classID: row["class_id"], workerID: row["worker_id"], institution: row["institution"],
                occupationCode: row["occupation_code"], level: row["level"], trainingType: row["type"],
                endDate: row["end_date"], plannedHours: row["planned_hours"],
                countedMinutes: try Self.countedMinutes(row["counted"])))
        }
    }
}
