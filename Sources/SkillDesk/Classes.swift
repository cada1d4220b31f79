import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// What a clerk types to open a class (开班).
public struct ClassDraft: Sendable {
    public var institution = ""
    public var occupation = ""
    public var level = ""
    public var type = ""
    public var start = ""
    public var end = ""
    public var plannedHours = ""
    public init() {}
}

/// A class with its roster (`class show`).
public struct ClassDetail: Sendable {
    public var row: ClassRow
    public var roster: [RosterRow]
    public var rule: AttendanceRule
}

/// W2: the worker's attendance on one day looks doubtful. A warning, not a refusal: the row is stored.
public enum AttendanceWarning: Sendable, Equatable, UserMessage {
    /// The worker also attended a class of another institution on the same day.
    case otherInstitution(workerID: String, date: String, classID: Int64, institution: String)
    /// The worker's classroom + online minutes across all their classes that day exceed 24 h.
    case overDay(workerID: String, date: String, minutes: Int, classIDs: [Int64])

    /// The other institution's class (`otherInstitution` only).
    public var otherClassID: Int64? {
        if case let .otherInstitution(_, _, id, _) = self { return id }
        return nil
    }

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.otherInstitution(w, d, id, inst), .zh):
            return "W2：\(w) 在 \(d) 还有另一机构（\(inst)）培训班 \(id) 的考勤"
        case let (.otherInstitution(w, d, id, inst), .en):
            return "W2: \(w) also attended class \(id) of another institution (\(inst)) on \(d)"
        case let (.overDay(w, d, minutes, ids), .zh):
            return "W2：\(w) 在 \(d) 各培训班（\(ids.map(String.init).joined(separator: "、"))）合计 \(Hours.text(minutes)) 小时，超过一天 24 小时"
        case let (.overDay(w, d, minutes, ids), .en):
            return "W2: \(w) has \(Hours.text(minutes)) hours on \(d) across classes \(ids.map(String.init).joined(separator: ", ")), more than a day's 24"
        }
    }
}

public struct AttendanceResult: Sendable {
    /// What was asked for; when both minutes are 0 the day's row was deleted (`cleared`), not stored.
    public var row: AttendanceRow
    /// The row it replaced or deleted, if any.
    public var before: AttendanceRow?
    public var warnings: [AttendanceWarning]
    /// 0 classroom and 0 online minutes: the day's row is gone (or was never there).
    public var cleared: Bool { row.classroomMinutes == 0 && row.onlineMinutes == 0 }
}

public struct EnrolResult: Sendable, Equatable {
    public var enrolled: [String]
    /// Already on the roster: nothing written for them.
    public var alreadyEnrolled: [String]
}

/// Largest planned hours a class may have (a year of full days is about 2,000 hours).
let maxPlannedHours = 5_000

/// Training classes, rosters and attendance. Clerks manage them; every role reads them.
extension Session {
    public func addClass(_ d: ClassDraft) throws -> ClassRow {
        try require(.manageClasses)
        let instCode = d.institution.trimmedWhitespace().uppercased()
        let occCode = d.occupation.trimmedWhitespace()
        guard let level = SkillLevel.parse(d.level) else {
            throw DeskError.invalidInput("level '\(d.level)' is not valid; use one of \(SkillLevel.codes)",
                                         zh: "等级“\(d.level)”无效；可用：\(SkillLevel.codes)")
        }
        guard let type = TrainingType.parse(d.type) else {
            let codes = TrainingType.allCases.map(\.rawValue).joined(separator: ", ")
            throw DeskError.invalidInput("training type '\(d.type)' is not valid; use one of \(codes)",
                                         zh: "培训类型“\(d.type)”无效；可用：\(codes)")
        }
        guard type.hasClassDays else {
            throw DeskError.invalidInput("direct appraisal has no class; record its certificate instead",
                                         zh: "技能鉴定不开班；请直接登记证书")
        }
        let start = try Self.date(d.start, en: "start date", zh: "开班日期")
        let end = try Self.date(d.end, en: "end date", zh: "结业日期")
        guard start <= end else {
            throw DeskError.invalidInput("the end date \(end) is before the start date \(start)",
                                         zh: "结业日期 \(end) 早于开班日期 \(start)")
        }
        guard start.days(to: end) < ClassSpan.maxDays else {
            throw DeskError.invalidInput(
                "the class would run \(start.days(to: end) + 1) days (\(start)–\(end)); a class runs at most \(ClassSpan.maxDays) days: check the end date",
                zh: "培训班 \(start) 至 \(end) 共 \(start.days(to: end) + 1) 天，超过上限 \(ClassSpan.maxDays) 天；请检查结业日期")
        }
        guard let hours = Int(d.plannedHours.trimmedWhitespace()), (1...maxPlannedHours).contains(hours) else {
            throw DeskError.invalidInput("planned hours '\(d.plannedHours)' must be a whole number from 1 to \(maxPlannedHours)",
                                         zh: "计划课时“\(d.plannedHours)”应为 1–\(maxPlannedHours) 的整数")
        }
        let now = desk.clock()
        return try desk.write { w in
            guard let inst = try w.institution(code: instCode) else { throw DeskError.institutionNotFound(instCode) }
            if inst.status != InstitutionStatus.active.rawValue {
                let s = InstitutionStatus(rawValue: inst.status) ?? .suspended
                throw DeskError.invalidInput("institution \(inst.code) is \(s.label(.en)); it may not open classes (E9)",
                                             zh: "机构 \(inst.code) 当前状态为“\(s.label(.zh))”，不能开班（E9）")
            }
            guard let occ = try w.occupation(code: occCode, asOf: start.description) else {
                let any = try !w.occupationEntries(code: occCode).isEmpty
                throw DeskError.occupationNotFound(occCode, asOf: any ? start : nil)
            }
            guard occ.levels.contains(where: { $0.level == level.rawValue }) else {
                throw DeskError.invalidInput("occupation \(occCode) has no level \(level.rawValue) on \(start)",
                                             zh: "职业 \(occCode) 在 \(start) 没有等级 \(level.rawValue)（\(level.label(.zh))）")
            }
            guard inst.mayTrain.contains(where: { $0.occupationCode == occCode && $0.level == level.rawValue }) else {
                throw DeskError.invalidInput(
                    "institution \(inst.code) may not train \(occCode) at \(level.rawValue) (not in its may-train list)",
                    zh: "机构 \(inst.code) 的可培训范围不含 \(occCode) \(level.rawValue)（\(level.label(.zh))）")
            }
            let row = try w.insertClass(institution: inst.code, occupationCode: occCode, level: level, type: type,
                                        start: start, end: end, plannedHours: hours, at: now)
            try w.audit(at: now, user: user, action: "class.create", entity: "class", key: String(row.id),
                        before: nil, after: ClassSnapshot(row, roster: [], rule: try PolicySetting.rule(w, desk)).json())
            return row
        }
    }

    static func date(_ text: String, en: String, zh: String) throws -> CalendarDate {
        guard let d = CalendarDate(iso: text.trimmedWhitespace()) else {
            throw DeskError.invalidInput("\(en) '\(text)' is not a date (YYYY-MM-DD)", zh: "\(zh)“\(text)”不是有效日期（YYYY-MM-DD）")
        }
        guard d.isSupported else {
            let m = CalendarDate.unsupportedMessage(d, en: en, zh: zh)
            throw DeskError.invalidInput(m.en, zh: m.zh)
        }
        return d
    }

    public func startClass(_ id: Int64) throws -> ClassRow { try move(id, to: .running, en: "be started", zh: "开班") }
    public func completeClass(_ id: Int64) throws -> ClassRow { try move(id, to: .completed, en: "be completed", zh: "结业") }
    public func closeClass(_ id: Int64) throws -> ClassRow { try move(id, to: .closed, en: "be closed", zh: "关闭") }

    /// Status moves one step forward only.
    func move(_ id: Int64, to target: ClassStatus, en: String, zh: String) throws -> ClassRow {
        try require(.manageClasses)
        let now = desk.clock()
        return try desk.write { w in
            guard let old = try w.trainingClass(id: id) else { throw DeskError.classNotFound(id) }
            let status = ClassStatus(rawValue: old.status) ?? .closed
            guard status.next == target else {
                throw DeskError.classWrongStatus(id: id, status: status, action: en, actionZh: zh)
            }
            try w.setClassStatus(id: id, status: target, at: now)
            let row = try w.trainingClass(id: id)!
            let rule = try PolicySetting.rule(w, desk)
            try w.audit(at: now, user: user, action: "class.\(target.rawValue)", entity: "class", key: String(id),
                        before: ClassSnapshot(old, roster: [], rule: rule).json(),
                        after: ClassSnapshot(row, roster: [], rule: rule).json())
            return row
        }
    }

    /// Puts registered workers on the roster. Any unregistered ID refuses the whole call.
    public func enrol(classID: Int64, workerIDs: [String]) throws -> EnrolResult {
        try require(.manageClasses)
        let ids = workerIDs.map { $0.trimmedWhitespace().uppercased() }.filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw DeskError.invalidInput("give at least one resident ID", zh: "请至少填写一个身份证号") }
        let now = desk.clock()
        return try desk.write { w in
            guard let cls = try w.trainingClass(id: classID) else { throw DeskError.classNotFound(classID) }
            let status = ClassStatus(rawValue: cls.status) ?? .closed
            if status == .closed {
                throw DeskError.classWrongStatus(id: classID, status: status, action: "take enrolments", actionZh: "报名")
            }
            var missing: [String] = []
            for id in ids {
                if try w.worker(id: id) == nil, !missing.contains(id) { missing.append(id) }
            }
            if !missing.isEmpty { throw DeskError.workersNotRegistered(missing) }
            var result = EnrolResult(enrolled: [], alreadyEnrolled: [])
            for id in ids {
                if try w.enrol(classID: classID, workerID: id, at: now) {
                    result.enrolled.append(id)
                    try w.audit(at: now, user: user, action: "class.enrol", entity: "class", key: String(classID),
                                before: nil, after: CatalogueJSON.encode(["worker_id": id]))
                } else if !result.alreadyEnrolled.contains(id) {
                    result.alreadyEnrolled.append(id)
                }
            }
            return result
        }
    }

    /// Sets one trainee's attendance on one day (replacing what was there), audited with before/after.
    /// 0 classroom and 0 online minutes clears the day: its row is deleted (`attendance.clear`, with
    /// the before snapshot); clearing a day with no row writes nothing and is not audited.
    public func attend(classID: Int64, workerID: String, date: CalendarDate, classroomMinutes: Int,
                       onlineMinutes: Int) throws -> AttendanceResult {
        try require(.manageClasses)
        let row = try checkAttendance(classID: classID, workerID: workerID, date: date,
                                      classroomMinutes: classroomMinutes, onlineMinutes: onlineMinutes)
        let now = desk.clock()
        return try desk.write { w in try record(row, w, at: now) }
    }

    /// The checks that need no database: minutes within a day, a day that took place.
    func checkAttendance(classID: Int64, workerID: String, date: CalendarDate, classroomMinutes: Int,
                         onlineMinutes: Int) throws -> AttendanceRow {
        guard classroomMinutes >= 0, onlineMinutes >= 0 else {
            throw DeskError.invalidInput("hours cannot be negative", zh: "课时不能为负数")
        }
        guard classroomMinutes + onlineMinutes <= AttendanceRule.maxMinutesPerDay else {
            throw DeskError.invalidInput("classroom and online hours together exceed 24 hours a day",
                                         zh: "面授与线上课时合计超过每天 24 小时")
        }
        // Attendance records what happened: a day after the business date has not happened yet.
        let today = desk.today()
        guard date <= today else {
            throw DeskError.invalidInput("\(date) is after today (\(today)): attendance is logged for days that took place",
                                         zh: "\(date) 晚于今天（\(today)）：只能登记已发生的考勤")
        }
        return AttendanceRow(classID: classID, workerID: workerID.trimmedWhitespace().uppercased(), date: date.description,
                             classroomMinutes: classroomMinutes, onlineMinutes: onlineMinutes)
    }

    /// Checks the row against the class and roster, then stores or clears it with its audit row
    /// and returns the W2 warnings. Throws before writing anything (`attend import` relies on it).
    func record(_ row: AttendanceRow, _ w: StoreWriter, at now: Date) throws -> AttendanceResult {
        let classID = row.classID, worker = row.workerID, day = row.date
        guard let cls = try w.trainingClass(id: classID) else { throw DeskError.classNotFound(classID) }
        let status = ClassStatus(rawValue: cls.status) ?? .closed
        guard status.acceptsAttendance else {
            throw DeskError.classWrongStatus(id: classID, status: status, action: "take attendance", actionZh: "登记考勤")
        }
        guard day >= cls.startDate, day <= cls.endDate else {
            throw DeskError.invalidInput("\(day) is outside the class's dates \(cls.startDate)–\(cls.endDate)",
                                         zh: "\(day) 不在培训班日期 \(cls.startDate)–\(cls.endDate) 之内")
        }
        guard try w.isEnrolled(classID: classID, workerID: worker) else {
            throw DeskError.invalidInput("\(worker) is not on the roster of class \(classID)",
                                         zh: "\(worker) 不在培训班 \(classID) 的花名册上")
        }
        let before = try w.attendance(classID: classID, workerID: worker, date: day)
        if row.classroomMinutes == 0 && row.onlineMinutes == 0 {
            guard let before else { return AttendanceResult(row: row, before: nil, warnings: []) }
            try w.deleteAttendance(classID: classID, workerID: worker, date: day)
            try w.audit(at: now, user: user, action: "attendance.clear", entity: "class", key: String(classID),
                        before: AttendanceSnapshot(before).json(), after: nil)
            return AttendanceResult(row: row, before: before, warnings: [])
        }
        try w.upsertAttendance(row, at: now)
        try w.audit(at: now, user: user, action: "attendance.set", entity: "class", key: String(classID),
                    before: before.map { AttendanceSnapshot($0).json() }, after: AttendanceSnapshot(row).json())
        let sameDay = try w.attendance(workerID: worker, date: day)
        var warnings: [AttendanceWarning] = sameDay
            .filter { $0.attendance.classID != classID && $0.institution != cls.institution }
            .map { .otherInstitution(workerID: worker, date: day, classID: $0.attendance.classID, institution: $0.institution) }
        let total = AttendanceRule.saturatingSum(sameDay.flatMap { [$0.attendance.classroomMinutes, $0.attendance.onlineMinutes] })
        if total > AttendanceRule.maxMinutesPerDay {
            warnings.append(.overDay(workerID: worker, date: day, minutes: total, classIDs: sameDay.map(\.attendance.classID)))
        }
        return AttendanceResult(row: row, before: before, warnings: warnings)
    }

    public func trainingClass(_ id: Int64) throws -> ClassDetail {
        try require(.readClasses)
        return try desk.read { r in
            let rule = try PolicySetting.rule(r, desk)
            guard let row = try r.trainingClass(id: id) else { throw DeskError.classNotFound(id) }
            return ClassDetail(row: row, roster: try r.roster(classID: id, onlinePercent: rule.onlinePercent), rule: rule)
        }
    }

    public func trainingClasses(limit: Int = 1_000) throws -> [ClassRow] {
        try require(.readClasses)
        return try desk.read { try $0.trainingClasses(limit: max(1, limit)) }
    }

    public func classes(ofWorker id: String) throws -> [ClassRow] {
        try require(.readClasses)
        return try desk.read { try $0.classes(ofWorker: id.trimmedWhitespace().uppercased()) }
    }
}

/// A class as JSON (`class show --json`, audit before/after): snake_case keys.
public struct ClassSnapshot: Encodable, Sendable {
    public struct Trainee: Encodable, Sendable {
        public var workerID: String
        public var countedHours: Double
        public var completed: Bool
        enum CodingKeys: String, CodingKey { case completed, workerID = "worker_id", countedHours = "counted_hours" }
    }

    public var id: Int64
    public var institutionCode: String
    public var occupationCode: String
    public var level: String
    public var type: String
    public var startDate: String
    public var endDate: String
    public var plannedHours: Int
    public var status: String
    public var roster: [Trainee]

    enum CodingKeys: String, CodingKey {
        case id, level, type, status, roster
        case institutionCode = "institution_code", occupationCode = "occupation_code", startDate = "start_date"
        case endDate = "end_date", plannedHours = "planned_hours"
    }

    public init(_ row: ClassRow, roster: [RosterRow], rule: AttendanceRule) {
        id = row.id; institutionCode = row.institution; occupationCode = row.occupationCode; level = row.level
        type = row.type; startDate = row.startDate; endDate = row.endDate; plannedHours = row.plannedHours
        status = row.status
        self.roster = roster.map {
            Trainee(workerID: $0.workerID, countedHours: Double($0.countedMinutes) / 60,
                    completed: rule.isComplete(countedMinutes: $0.countedMinutes, plannedHours: row.plannedHours))
        }
    }

    public init(_ detail: ClassDetail) { self.init(detail.row, roster: detail.roster, rule: detail.rule) }

    public func json() -> String { CatalogueJSON.encode(self) }
}

/// One day's attendance as JSON (audit before/after).
public struct AttendanceSnapshot: Encodable, Sendable {
    public var classID: Int64
    public var workerID: String
    public var date: String
    public var classroomMinutes: Int
    public var onlineMinutes: Int
    enum CodingKeys: String, CodingKey {
        case date
        case classID = "class_id", workerID = "worker_id", classroomMinutes = "classroom_minutes"
        case onlineMinutes = "online_minutes"
    }

    public init(_ a: AttendanceRow) {
        classID = a.classID; workerID = a.workerID; date = a.date
        classroomMinutes = a.classroomMinutes; onlineMinutes = a.onlineMinutes
    }

    public func json() -> String { CatalogueJSON.encode(self) }
}
