import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// A class with its roster (`class show`).
public struct ClassDetail: Sendable {
    public var row: ClassRow
    public var roster: [RosterRow]
    public var rule: AttendanceRule
}

/// W2: the worker's attendance on one day looks doubtful. A warning, not a refusal: the row is stored.
public enum AttendanceWarning: Sendable, Equatable, UserMessage {
    /// The worker also attended a class of another institution on the same day: the other class
    /// by number and occupation, its institution by name, the worker by name and ID (issue 12).
    case otherInstitution(workerID: String, date: String, classID: Int64, institution: String,
                          workerName: String = "", occupation: String = "", institutionName: String = "")
    /// The worker's classroom + online minutes across all their classes that day exceed 24 h
    /// (refused at entry since issue 12; found only in rows stored behind the program's back).
    case overDay(workerID: String, date: String, minutes: Int, classIDs: [Int64])

    /// The other institution's class (`otherInstitution` only).
    public var otherClassID: Int64? {
        if case let .otherInstitution(_, _, id, _, _, _, _) = self { return id }
        return nil
    }

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.otherInstitution(w, d, id, inst, name, occupation, instName), .zh):
            let who = name.isEmpty ? w : "\(name)（\(w)）"
            let klass = occupation.isEmpty ? "培训班 \(id)" : "培训班 \(id)（\(occupation)）"
            return "W2：\(who) 在 \(d) 还有另一机构 \(instName.isEmpty ? inst : instName) \(klass)的考勤"
        case let (.otherInstitution(w, d, id, inst, name, occupation, instName), .en):
            let who = name.isEmpty ? w : "\(name) (\(w))"
            let klass = occupation.isEmpty ? "class \(id)" : "class \(id) (\(occupation))"
            return "W2: \(who) also attended \(klass) of another institution, \(instName.isEmpty ? inst : instName), on \(d)"
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

/// Training classes, rosters and attendance. Clerks manage them; every role reads them.
extension Session {
    /// Opens a class. `ClassDraft.validate` is the rule: first on the text alone, then in the
    /// write transaction with the catalogue as it stands; its first error (in the order of checks)
    /// is the refusal.
    public func addClass(_ d: ClassDraft) throws -> ClassRow {
        try require(.manageClasses)
        if case .failure(let v) = d.validate() { throw Self.refusal(v) }
        let now = desk.clock()
        return try write(.manageClasses) { w in
            let plan: ClassPlan
            switch d.validate(catalogue: try Self.catalogueFacts(d, w)) {
            case .success(let p): plan = p
            case .failure(let v): throw Self.refusal(v)
            }
            let row = try w.insertClass(institution: plan.institution, occupationCode: plan.occupation, level: plan.level,
                                        type: plan.type, start: plan.start, end: plan.end,
                                        plannedHours: plan.plannedHours, at: now)
            try w.audit(at: now, user: user, action: "class.create", entity: "class", key: String(row.id),
                        before: nil, after: ClassSnapshot(row, roster: [], rule: try PolicySetting.rule(w, desk)).json())
            return row
        }
    }

    /// What the catalogue says about the draft's institution and occupation (on its start date).
    static func catalogueFacts(_ d: ClassDraft, _ r: StoreReader) throws -> ClassCatalogueFacts {
        let institution = try r.institution(code: d.institutionCode).map(ClassCatalogueFacts.InstitutionFacts.init)
        let occupation: ClassCatalogueFacts.OccupationFact
        if let start = d.startDate, let occ = try r.occupation(code: d.occupationCode, asOf: start.description) {
            occupation = .inForce(levels: Set(occ.levels.compactMap { SkillLevel(rawValue: $0.level) }))
        } else {
            occupation = try r.occupationEntries(code: d.occupationCode).isEmpty ? .unknown : .notInForce
        }
        return ClassCatalogueFacts(institution: institution, occupation: occupation)
    }

    /// The refusal for a draft: the catalogue's own errors keep their DeskError (and exit code).
    static func refusal(_ v: ClassValidation) -> DeskError {
        switch v.first {
        case .institutionNotFound(let code)?: return .institutionNotFound(code)
        case let .occupationNotFound(code, asOf)?: return .occupationNotFound(code, asOf: asOf)
        case let e?: return .invalidInput(e.message(.en), zh: e.message(.zh))
        case nil: return .invalidInput("the class is not valid", zh: "培训班信息无效")
        }
    }

    static func date(_ text: String, en: String, zh: String) throws -> CalendarDate {
        switch DateInput.parse(text, field: FieldLabel(en: en, zh: zh)) {
        case .success(let d): return d
        case .failure(let e): throw DeskError.invalidInput(e.message(.en), zh: e.message(.zh))
        }
    }

    public func startClass(_ id: Int64) throws -> ClassRow { try move(id, to: .running, en: "be started", zh: "开班") }
    public func completeClass(_ id: Int64) throws -> ClassRow { try move(id, to: .completed, en: "be completed", zh: "结业") }
    public func closeClass(_ id: Int64) throws -> ClassRow { try move(id, to: .closed, en: "be closed", zh: "关闭") }

    /// Status moves one step forward only.
    func move(_ id: Int64, to target: ClassStatus, en: String, zh: String) throws -> ClassRow {
        try require(.manageClasses)
        let now = desk.clock()
        return try write(.manageClasses) { w in
            guard let old = try w.trainingClass(id: id) else { throw DeskError.classNotFound(id) }
            let status = old.status
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
        return try write(.manageClasses) { w in
            guard let cls = try w.trainingClass(id: classID) else { throw DeskError.classNotFound(classID) }
            let status = cls.status
            if status == .completed { throw try enrolmentClosed(cls, w) }
            if !status.takesEnrolments {
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
        return try write(.manageClasses) { w in try record(row, w, at: now) }
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
        let status = cls.status
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
        // More than 24 hours in one day across the worker's classes is impossible: refused (issue 12).
        let others = try w.attendance(workerID: worker, date: day).filter { $0.attendance.classID != classID }
        if !others.isEmpty {
            var named: [AttendanceDayLimit.OtherClass] = []
            for o in others {
                let code = try w.trainingClass(id: o.attendance.classID)?.occupationCode
                let name = try code.flatMap { try w.occupationName(code: $0) } ?? code ?? ""
                named.append(.init(classID: o.attendance.classID, occupationName: name,
                                   minutes: AttendanceRule.saturatingSum([o.attendance.classroomMinutes, o.attendance.onlineMinutes])))
            }
            if let e = AttendanceDayLimit.check(workerName: try w.worker(id: worker)?.name ?? worker, workerID: worker, date: day,
                                                classID: classID, minutes: row.classroomMinutes + row.onlineMinutes, others: named) {
                throw DeskError.invalidInput(e.message(.en), zh: e.message(.zh))
            }
        }
        try w.upsertAttendance(row, at: now)
        try w.audit(at: now, user: user, action: "attendance.set", entity: "class", key: String(classID),
                    before: before.map { AttendanceSnapshot($0).json() }, after: AttendanceSnapshot(row).json())
        let sameDay = try w.attendance(workerID: worker, date: day)
        var warnings: [AttendanceWarning] = []
        for o in sameDay where o.attendance.classID != classID && o.institution != cls.institution {
            let code = try w.trainingClass(id: o.attendance.classID)?.occupationCode
            warnings.append(.otherInstitution(workerID: worker, date: day, classID: o.attendance.classID, institution: o.institution,
                                              workerName: try w.worker(id: worker)?.name ?? "",
                                              occupation: try code.flatMap { try w.occupationName(code: $0) } ?? code ?? "",
                                              institutionName: try w.institution(code: o.institution)?.name ?? ""))
        }
        let total = AttendanceRule.saturatingSum(sameDay.flatMap { [$0.attendance.classroomMinutes, $0.attendance.onlineMinutes] })
        if total > AttendanceRule.maxMinutesPerDay {
            warnings.append(.overDay(workerID: worker, date: day, minutes: total, classIDs: sameDay.map(\.attendance.classID)))
        }
        return AttendanceResult(row: row, before: before, warnings: warnings)
    }

    public func trainingClass(_ id: Int64) throws -> ClassDetail {
        return try read(.readClasses) { r in
            let rule = try PolicySetting.rule(r, desk)
            guard let row = try r.trainingClass(id: id) else { throw DeskError.classNotFound(id) }
            return ClassDetail(row: row, roster: try r.roster(classID: id, onlinePercent: rule.onlinePercent), rule: rule)
        }
    }

    public func trainingClasses(limit: Int = 1_000) throws -> [ClassRow] {
        return try read(.readClasses) { try $0.trainingClasses(limit: max(1, limit)) }
    }

    public func classes(ofWorker id: String) throws -> [ClassRow] {
        return try read(.readClasses) { try $0.classes(ofWorker: id.trimmedWhitespace().uppercased()) }
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
        type = row.type.rawValue; startDate = row.startDate; endDate = row.endDate; plannedHours = row.plannedHours
        status = row.status.rawValue
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

extension ClassCatalogueFacts.InstitutionFacts {
    /// The facts the class rule needs from a stored institution (an unknown stored status counts
    /// as suspended: it may not open classes). Levels the rule does not know are left out.
    public init(_ row: InstitutionRow) {
        self.init(code: row.code, status: row.status,
                  mayTrain: row.mayTrain.compactMap { s in
                      SkillLevel(rawValue: s.level).map { ClassCatalogueFacts.Scope(occupation: s.occupationCode, level: $0) }
                  })
    }
}
