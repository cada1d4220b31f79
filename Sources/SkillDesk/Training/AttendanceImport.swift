import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// The columns of an attendance CSV: one row per class, worker and day.
enum AttendanceColumn: String, CaseIterable {
    case classID = "class_id", date, residentID = "resident_id", hours, onlineHours = "online_hours"
    static let required: [AttendanceColumn] = [.classID, .date, .residentID, .hours]
}

extension Session {
    /// Imports attendance from a CSV file (`class_id,date,resident_id,hours[,online_hours]`). Each
    /// row is checked as `attend` checks it (hours 0 clears the day); a row repeating an earlier
    /// row's class, worker and day is refused. Good rows go in one transaction, each with its
    /// `attendance.set`/`attendance.clear` audit row, plus one `attendance.import` row (file,
    /// SHA-256, counts). W2 warnings come back by line in `warnings`.
    public func importAttendance(path: String, options: ImportOptions = ImportOptions()) throws -> ImportReport {
        try require(.manageClasses)
        let lang = options.lang
        let csv = try NamedCSV<AttendanceColumn>(path: path, encoding: options.encoding, required: AttendanceColumn.required)
        var rejects = ImportRejects(file: try rejectsFile(options, input: path))
        var rows: [(line: Int, row: AttendanceRow)] = []
        var seen: [String: Int] = [:]
        while let record = try csv.next() {
            rejects.note(record)
            if let why = csv.unreadable(record, lang: lang) { rejects.refuse(record.line, why); continue }
            do {
                let row = try attendanceRow({ csv.field($0, record) })
                let key = "\(row.classID)|\(row.workerID)|\(row.date)"
                if let first = seen[key] {
                    rejects.refuse(record.line, lang == .zh ? "与第 \(first) 行是同一班级、同一人、同一天；每格只能有一行"
                                   : "repeats the class, worker and day of line \(first); a day has one row")
                    continue
                }
                seen[key] = record.line
                rows.append((record.line, row))
            } catch let e as DeskError {
                rejects.refuse(record.line, e.message(lang))
            }
        }

        let now = desk.clock()
        var imported = 0
        var warnings: [ImportReject] = []
        try write(.manageClasses) { w in
            for (line, row) in rows {
                do {
                    // `record` checks everything before it writes: a refused row leaves nothing behind.
                    let r = try record(row, w, at: now)
                    imported += 1
                    warnings += r.warnings.map { ImportReject(line: line, reason: $0.message(lang)) }
                } catch let e as DeskError {
                    rejects.refuse(line, e.message(lang))
                }
            }
            try w.audit(at: now, user: user, action: "attendance.import", entity: "attendance", key: "import",
                        before: nil, after: csv.summary(imported: imported, rejected: rejects.list.count))
        }
        rejects.finish(header: csv.header)
        return csv.report(imported: imported, rejects: rejects, warnings: warnings)
    }

    /// One CSV row as a checked attendance row (the checks `attend` makes before the database).
    func attendanceRow(_ field: (AttendanceColumn) -> String) throws -> AttendanceRow {
        guard let classID = Int64(field(.classID)), classID > 0 else {
            throw DeskError.invalidInput("class_id '\(field(.classID))' is not a class number",
                                         zh: "class_id“\(field(.classID))”不是培训班编号")
        }
        let date = try Self.date(field(.date), en: "date", zh: "日期")
        guard let classroom = Hours.minutes(field(.hours)) else {
            throw DeskError.invalidInput("hours '\(field(.hours))' must be a number of whole minutes, e.g. 7.5",
                                         zh: "课时“\(field(.hours))”应为整分钟数的小时，如 7.5")
        }
        let onlineText = field(.onlineHours)
        guard let online = onlineText.isEmpty ? 0 : Hours.minutes(onlineText) else {
            throw DeskError.invalidInput("online_hours '\(onlineText)' must be a number of whole minutes, e.g. 2",
                                         zh: "线上课时“\(onlineText)”应为整分钟数的小时，如 2")
        }
        let worker = field(.residentID)
        guard !worker.isEmpty else { throw DeskError.invalidInput("resident_id is empty", zh: "身份证号为空") }
        return try checkAttendance(classID: classID, workerID: worker, date: date, classroomMinutes: classroom,
                                   onlineMinutes: online)
    }
}
