import Foundation
import GRDB
import SkillCore
import SkillRecords

extension StoreReader {
    // MARK: classes

    public func trainingClass(id: Int64) throws -> ClassRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.classColumns) FROM classes WHERE id = ?"), arguments: [id]).map(Self.trainingClass)
    }

    /// Newest first.
    public func trainingClasses(limit: Int) throws -> [ClassRow] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.classColumns) FROM classes ORDER BY id DESC LIMIT ?"), arguments: [limit]).map(Self.trainingClass)
    }

    /// The columns `trainingClass(_:)` decodes, in its order (by index: name lookups cost more than
    /// the read when a re-evaluation job decodes thousands of rows). Queries select exactly these.
    static let classColumns = "id, institution, occupation_code, level, type, start_date, end_date, planned_hours, status"
    static let classColumnsOfC = ColumnList.prefixed(classColumns, "c.")
    static let classColumnCount = ColumnList.count(classColumns)

    static func trainingClass(_ row: Row) throws -> ClassRow {
        ColumnList.check(row, classColumns)
        let id = row.integer(0)
        return ClassRow(id: id, institution: row[1], occupationCode: row[2], level: row[3],
                        type: try row.enumValue(4, table: "classes", key: String(id), column: "type"),
                        startDate: row[5], endDate: row[6], plannedHours: row.int(7),
                        status: try row.enumValue(8, table: "classes", key: String(id), column: "status"))
    }

    /// The roster with counted minutes, in one query: the GROUP BY walks the attendance primary
    /// key (class_id, worker_id, date) for this class only. `onlinePercent` comes from the
    /// AttendanceRule; integer division rounds down per day exactly as `countedMinutes` does.
    public func roster(classID: Int64, onlinePercent: Int) throws -> [RosterRow] {
        try Row.fetchAll(db.cachedStatement(sql: Self.rosterSQL), arguments: [onlinePercent, classID])
            .map { RosterRow(workerID: $0["worker_id"], countedMinutes: try Self.countedMinutes($0["counted"]), days: $0["days"]) }
    }

    /// SQLite turns an integer product or sum that overflows into a REAL, which GRDB would trap on
    /// decoding as Int: minutes raised behind the program's back are refused instead (issue 10).
    static func countedMinutes(_ value: DatabaseValue) throws -> Int {
        guard let n = Int.fromDatabaseValue(value) else { throw StoreError.sumOverflow }
        return n
    }

    public func isEnrolled(classID: Int64, workerID: String) throws -> Bool {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM enrolments WHERE class_id = ? AND worker_id = ?"),
                         arguments: [classID, workerID]) != nil
    }

    /// A worker's classes (index enrolments_worker), newest first.
    public func classes(ofWorker workerID: String) throws -> [ClassRow] {
        try Row.fetchAll(db.cachedStatement(sql: Self.classesOfWorkerSQL), arguments: [workerID]).map(Self.trainingClass)
    }

    /// Classes of an occupation that start on or after `from` and end after `after` (closing an
    /// entry at `after` would cut them off). A scan of `classes`: closing an entry is rare.
    public func classIDs(occupationCode: String, startingFrom from: String, endingAfter after: String) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT id FROM classes WHERE occupation_code = ? AND start_date >= ? AND end_date > ? ORDER BY id
            """, arguments: [occupationCode, from, after])
    }

    public func attendance(classID: Int64, workerID: String, date: String) throws -> AttendanceRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM attendance WHERE class_id = ? AND worker_id = ? AND date = ?"),
                         arguments: [classID, workerID, date]).map(Self.attendance)
    }

    /// Every class's attendance of one worker on one day (index attendance_worker_date).
    public func attendance(workerID: String, date: String) throws -> [OtherAttendanceRow] {
        try Row.fetchAll(db.cachedStatement(sql: Self.sameDayAttendanceSQL), arguments: [workerID, date])
            .map { OtherAttendanceRow(attendance: Self.attendance($0), institution: $0["institution"]) }
    }

    static func attendance(_ row: Row) -> AttendanceRow {
        AttendanceRow(classID: row.integer("class_id"), workerID: row["worker_id"], date: row["date"],
                      classroomMinutes: row.int("classroom_minutes"), onlineMinutes: row.int("online_minutes"))
    }

    // MARK: certificates

    public func certificates(type: String, number: String) throws -> [CertificateRow] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.certificateColumns) FROM certificates WHERE type = ? AND number = ? ORDER BY id"),
                         arguments: [type, number]).map(Self.certificate)
    }

    /// Every certificate with this number among `types` (the UNIQUE(type, number, worker_id) index).
    public func certificates(number: String, types: [String]) throws -> [CertificateRow] {
        guard !types.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: types.count).joined(separator: ", ")
        return try Row.fetchAll(db, sql: "SELECT \(Self.certificateColumns) FROM certificates WHERE type IN (\(marks)) AND number = ? ORDER BY type, id",
                                arguments: StatementArguments(types + [number])).map(Self.certificate)
    }

    public func certificates(workerID: String?, limit: Int) throws -> [CertificateRow] {
        if let workerID {
            return try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.certificateColumns) FROM certificates WHERE worker_id = ? ORDER BY id LIMIT ?"),
                                    arguments: [workerID, limit]).map(Self.certificate)
        }
        return try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.certificateColumns) FROM certificates ORDER BY id DESC LIMIT ?"), arguments: [limit])
            .map(Self.certificate)
    }

    /// The columns `certificate(_:)` decodes, in its order (by index, as for classes).
    static let certificateColumns = "id, type, number, occupation_code, level, issuer, issue_date, worker_id, class_id, voided_at, voided_by, void_reason, version"
    static let certificateColumnsOfC = ColumnList.prefixed(certificateColumns, "c.")

    static func certificate(_ row: Row) throws -> CertificateRow {
        ColumnList.check(row, certificateColumns)
        let id = row.integer(0)
        return CertificateRow(id: id, type: try row.enumValue(1, table: "certificates", key: String(id), column: "type"), number: row[2], occupationCode: row[3], level: row[4],
                              issuer: row[5], issueDate: row[6], workerID: row[7], classID: row.optionalInteger(8),
                              voidedAt: row[9], voidedBy: row[10], voidReason: row[11], version: row.int(12))
    }
}

extension StoreWriter {
    public func insertClass(institution: String, occupationCode: String, level: SkillLevel, type: TrainingType,
                            start: CalendarDate, end: CalendarDate, plannedHours: Int, at: Date) throws -> ClassRow {
        let now = Timestamp.utc(at)
        try db.execute(sql: """
            INSERT INTO classes(institution, occupation_code, level, type, start_date, end_date, planned_hours, status,
                                created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?)
            """, arguments: [institution, occupationCode, level.rawValue, type.rawValue, start.description,
                             end.description, plannedHours, now, now])
        return try trainingClass(id: db.lastInsertedRowID)!
    }

    public func setClassStatus(id: Int64, status: ClassStatus, at: Date) throws {
        try db.execute(sql: "UPDATE classes SET status = ?, updated_at = ? WHERE id = ?",
                       arguments: [status.rawValue, Timestamp.utc(at), id])
    }

    /// False when already enrolled (nothing written).
    public func enrol(classID: Int64, workerID: String, at: Date) throws -> Bool {
        try db.execute(sql: """
            INSERT INTO enrolments(class_id, worker_id, enrolled_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
            """, arguments: [classID, workerID, Timestamp.utc(at)])
        return db.changesCount == 1
    }

    /// Inserts or replaces one day's attendance.
    public func upsertAttendance(_ a: AttendanceRow, at: Date) throws {
        try db.execute(sql: """
            INSERT INTO attendance(class_id, worker_id, date, classroom_minutes, online_minutes, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(class_id, worker_id, date) DO UPDATE SET classroom_minutes = excluded.classroom_minutes,
                online_minutes = excluded.online_minutes, updated_at = excluded.updated_at
            """, arguments: [a.classID, a.workerID, a.date, a.classroomMinutes, a.onlineMinutes, Timestamp.utc(at)])
    }

    /// Deletes one day's attendance (nothing when there is none).
    public func deleteAttendance(classID: Int64, workerID: String, date: String) throws {
        try db.execute(sql: "DELETE FROM attendance WHERE class_id = ? AND worker_id = ? AND date = ?",
                       arguments: [classID, workerID, date])
    }

    public func insertCertificate(type: CertificateType, number: String, occupationCode: String, level: SkillLevel?,
                                  issuer: String?, issueDate: CalendarDate, workerID: String, classID: Int64?,
                                  at: Date) throws -> CertificateRow {
        try db.execute(sql: """
            INSERT INTO certificates(type, number, occupation_code, level, issuer, issue_date, worker_id, class_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [type.rawValue, number, occupationCode, level?.rawValue, issuer, issueDate.description,
                             workerID, classID, Timestamp.utc(at)])
        let id = db.lastInsertedRowID
        return try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.certificateColumns) FROM certificates WHERE id = ?"), arguments: [id]).map(Self.certificate)!
    }
}

extension StoreReader {
    /// The statements of `roster`, `classes(ofWorker:)` and `attendance(workerID:date:)`, named so
    /// that the index tests plan the product's own SQL, not a copy of it.
    static let rosterSQL = """
        SELECT e.worker_id AS worker_id,
               COALESCE(SUM(a.classroom_minutes + a.online_minutes * ? / 100), 0) AS counted,
               COUNT(a.date) AS days
        FROM enrolments e
        LEFT JOIN attendance a ON a.class_id = e.class_id AND a.worker_id = e.worker_id
        WHERE e.class_id = ?
        GROUP BY e.worker_id ORDER BY e.worker_id
        """
    static let classesOfWorkerSQL = """
        SELECT \(classColumnsOfC) FROM enrolments e JOIN classes c ON c.id = e.class_id WHERE e.worker_id = ? ORDER BY c.id DESC
        """
    static let sameDayAttendanceSQL = """
        SELECT a.*, c.institution AS institution FROM attendance a JOIN classes c ON c.id = a.class_id
        WHERE a.worker_id = ? AND a.date = ? ORDER BY a.class_id
        """

    /// The SQL of `workerClasses`: enrolments by worker (index enrolments_worker), each class by
    /// id, and the worker's attendance in it by the attendance primary key (class_id, worker_id, date).
    public static let workerClassesSQL = """
        SELECT \(classColumnsOfC), COALESCE(SUM(a.classroom_minutes + a.online_minutes * ? / 100), 0) AS counted
        FROM enrolments e
        JOIN classes c ON c.id = e.class_id
        LEFT JOIN attendance a ON a.class_id = e.class_id AND a.worker_id = e.worker_id
        WHERE e.worker_id = ?
        GROUP BY c.id ORDER BY c.start_date, c.id
        """

    /// A worker's classes, oldest first, with the worker's counted minutes in each (电子档案).
    public func workerClasses(workerID: String, onlinePercent: Int) throws -> [WorkerClassRow] {
        try Row.fetchAll(db, sql: Self.workerClassesSQL, arguments: [onlinePercent, workerID])
            .map { WorkerClassRow(trainingClass: try Self.trainingClass($0), countedMinutes: try Self.countedMinutes($0[Self.classColumnCount])) }
    }
}

extension StoreWriter {
    /// Marks every submitted claim resting on the class as having its evidence changed (W5), as the
    /// v7 triggers do for other evidence edits; a roster correction calls it. Returns how many.
    public func markClassClaimsEvidenceChanged(classID: Int64) throws -> Int {
        try db.execute(sql: """
            UPDATE claims SET evidence_changed = 1 WHERE class_id = ?
                AND evidence_sha256 IS NOT NULL AND evidence_changed = 0
            """, arguments: [classID])
        return db.changesCount
    }
}
