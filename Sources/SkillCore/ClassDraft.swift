/// What a clerk types to open a class (开班): raw strings, checked all at once by `validate`, the
/// one definition of a valid class. The use case (`Session.addClass`) and the class form both ask it;
/// the catalogue facts it needs (the institution, the occupation's levels) are passed in as plain
/// values, so the rule stays pure.
public struct ClassDraft: Sendable, Equatable {
    public var institution = ""
    public var occupation = ""
    public var level = ""
    public var type = ""
    public var start = ""
    public var end = ""
    public var plannedHours = ""
    public init() {}

    /// Largest planned hours a class may have (a year of full days is about 2,000 hours).
    public static let maxPlannedHours = 5_000
    /// Planned hours are typed as a whole number; its widest text.
    public static var plannedHoursDigits: Int { String(maxPlannedHours).count }

    public static let startLabel = FieldLabel(en: "start date", zh: "开班日期")
    public static let endLabel = FieldLabel(en: "end date", zh: "结业日期")

    /// The institution code as it is looked up (credit codes are upper case).
    public var institutionCode: String { institution.trimmedWhitespace().uppercased() }
    public var occupationCode: String { occupation.trimmedWhitespace() }
    /// The start date, when the text is a usable date (the catalogue is read as of this day).
    public var startDate: CalendarDate? { try? DateInput.parse(start, field: Self.startLabel).get() }

    /// Checks every field and reports every error, one per field. Without `catalogue` only what
    /// the text alone decides is checked (the use case does this before it opens a transaction).
    public func validate(catalogue: ClassCatalogueFacts? = nil) -> Result<ClassPlan, ClassValidation> {
        var errors: [ClassField: ClassDraftError] = [:]
        let level = SkillLevel.parse(self.level)
        if level == nil { errors[.level] = .badLevel(self.level) }
        let type = TrainingType.parse(self.type)
        if let type {
            if !type.hasClassDays { errors[.type] = .noClassDays }
        } else {
            errors[.type] = .badType(self.type)
        }
        var start: CalendarDate?, end: CalendarDate?
        switch DateInput.parse(self.start, field: Self.startLabel) {
        case .success(let d): start = d
        case .failure(let e): errors[.start] = .startDate(e)
        }
        switch DateInput.parse(self.end, field: Self.endLabel) {
        case .success(let d): end = d
        case .failure(let e): errors[.end] = .endDate(e)
        }
        if let start, let end {
            if end < start {
                errors[.end] = .endBeforeStart(start: start, end: end)
            } else if start.days(to: end) >= ClassSpan.maxDays {
                errors[.end] = .tooManyDays(start: start, end: end)
            }
        }
        let hours = Int(plannedHours.trimmedWhitespace())
        if hours.map({ !(1...Self.maxPlannedHours).contains($0) }) ?? true { errors[.hours] = .badHours(plannedHours) }

        if let catalogue { check(catalogue, level: level, start: start, &errors) }

        guard errors.isEmpty, let level, let type, let start, let end, let hours else {
            return .failure(ClassValidation(errors: errors))
        }
        return .success(ClassPlan(institution: institutionCode, occupation: occupationCode, level: level, type: type,
                                  start: start, end: end, plannedHours: hours))
    }

    /// E9 and the catalogue: an active institution that may train this occupation at this level,
    /// an occupation in force on the start date that has the level.
    private func check(_ c: ClassCatalogueFacts, level: SkillLevel?, start: CalendarDate?,
                       _ errors: inout [ClassField: ClassDraftError]) {
        let code = institutionCode, occ = occupationCode
        if let inst = c.institution {
            if inst.status != .active { errors[.institution] = .institutionInactive(code: inst.code, status: inst.status) }
        } else {
            errors[.institution] = .institutionNotFound(code)
        }
        switch c.occupation {
        case .unknown:
            errors[.occupation] = .occupationNotFound(occ, asOf: nil)
        case .notInForce:
            errors[.occupation] = .occupationNotFound(occ, asOf: start)
        case .inForce(let levels):
            if let level, let start, !levels.contains(level), errors[.level] == nil {
                errors[.level] = .occupationLacksLevel(occupation: occ, level: level, on: start)
            }
        case .listed:
            break
        }
        // Not this occupation at any level: the occupation is wrong; at another level: the level is.
        guard let inst = c.institution, errors[.occupation] == nil else { return }
        if !inst.mayTrain.contains(where: { $0.occupation == occ }) {
            errors[.occupation] = .mayNotTrain(institution: inst.code, occupation: occ, level: level)
        } else if let level, !inst.mayTrain.contains(where: { $0.occupation == occ && $0.level == level }), errors[.level] == nil {
            errors[.level] = .mayNotTrain(institution: inst.code, occupation: occ, level: level)
        }
    }
}

/// A class the draft describes, every field checked.
public struct ClassPlan: Sendable, Equatable {
    public var institution: String
    public var occupation: String
    public var level: SkillLevel
    public var type: TrainingType
    public var start: CalendarDate
    public var end: CalendarDate
    public var plannedHours: Int
}

/// What the catalogue says about a draft's institution and occupation, read by the caller.
public struct ClassCatalogueFacts: Sendable, Equatable {
    /// The institution with the draft's code; nil when there is none.
    public var institution: InstitutionFacts?
    public var occupation: OccupationFact

    public init(institution: InstitutionFacts?, occupation: OccupationFact) {
        self.institution = institution
        self.occupation = occupation
    }

    public struct InstitutionFacts: Sendable, Equatable {
        public var code: String
        public var status: InstitutionStatus
        /// The (occupation, level) pairs it may train.
        public var mayTrain: [Scope]
        public init(code: String, status: InstitutionStatus, mayTrain: [Scope]) {
            self.code = code
            self.status = status
            self.mayTrain = mayTrain
        }
    }

    public struct Scope: Sendable, Equatable {
        public var occupation: String
        public var level: SkillLevel
        public init(occupation: String, level: SkillLevel) {
            self.occupation = occupation
            self.level = level
        }
    }

    public enum OccupationFact: Sendable, Equatable {
        /// No entry of this code at all.
        case unknown
        /// Entries exist, none in force on the start date.
        case notInForce
        /// The entry in force on the start date, with its levels.
        case inForce(levels: Set<SkillLevel>)
        /// In the catalogue, its entry on the start date not looked at (a form's list of today's entries).
        case listed
    }
}

/// The fields of the class form, in form order; keys of `ClassValidation.errors`.
public enum ClassField: String, Sendable, CaseIterable {
    case institution, occupation, level, type, start, end, hours
}

/// What is wrong with one field of a class draft. The cases are in the order the use case reports
/// them when several fields are wrong (`ClassValidation.first`).
public enum ClassDraftError: Error, Equatable, Sendable, UserMessage, RankedFieldError {
    case badLevel(String)
    case badType(String)
    /// Direct appraisal (`TrainingType.hasClassDays` false) has no class.
    case noClassDays
    case startDate(DateInputError)
    case endDate(DateInputError)
    case endBeforeStart(start: CalendarDate, end: CalendarDate)
    /// Longer than `ClassSpan.maxDays`.
    case tooManyDays(start: CalendarDate, end: CalendarDate)
    /// Not a whole number in 1…`ClassDraft.maxPlannedHours` (the text as typed).
    case badHours(String)
    case institutionNotFound(String)
    /// E9: only an active institution opens classes.
    case institutionInactive(code: String, status: InstitutionStatus)
    /// `asOf` nil: no entry of the code at all.
    case occupationNotFound(String, asOf: CalendarDate?)
    case occupationLacksLevel(occupation: String, level: SkillLevel, on: CalendarDate)
    /// Not in the institution's may-train list (`level` nil: the occupation at no level).
    case mayNotTrain(institution: String, occupation: String, level: SkillLevel?)

    /// Position in the use case's order of checks.
    public var rank: Int {
        switch self {
        case .badLevel: 0
        case .badType: 1
        case .noClassDays: 2
        case .startDate: 3
        case .endDate: 4
        case .endBeforeStart: 5
        case .tooManyDays: 6
        case .badHours: 7
        case .institutionNotFound: 8
        case .institutionInactive: 9
        case .occupationNotFound: 10
        case .occupationLacksLevel: 11
        case .mayNotTrain: 12
        }
    }

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.badLevel(t), .zh): return "等级“\(t)”无效；可用：\(SkillLevel.codes)"
        case let (.badLevel(t), .en): return "level '\(t)' is not valid; use one of \(SkillLevel.codes)"
        case let (.badType(t), .zh): return "培训类型“\(t)”无效；可用：\(TrainingType.allCases.map(\.rawValue).joined(separator: ", "))"
        case let (.badType(t), .en): return "training type '\(t)' is not valid; use one of \(TrainingType.allCases.map(\.rawValue).joined(separator: ", "))"
        case (.noClassDays, .zh): return "技能鉴定不开班；请直接登记证书"
        case (.noClassDays, .en): return "direct appraisal has no class; record its certificate instead"
        case let (.startDate(e), _), let (.endDate(e), _): return e.message(lang)
        case let (.endBeforeStart(s, e), .zh): return "结业日期 \(e) 早于开班日期 \(s)"
        case let (.endBeforeStart(s, e), .en): return "the end date \(e) is before the start date \(s)"
        case let (.tooManyDays(s, e), .zh):
            return "培训班 \(s) 至 \(e) 共 \(s.days(to: e) + 1) 天，超过上限 \(ClassSpan.maxDays) 天；请检查结业日期"
        case let (.tooManyDays(s, e), .en):
            return "the class would run \(s.days(to: e) + 1) days (\(s)–\(e)); a class runs at most \(ClassSpan.maxDays) days: check the end date"
        case let (.badHours(t), .zh): return "计划课时“\(t)”应为 1–\(ClassDraft.maxPlannedHours) 的整数"
        case let (.badHours(t), .en): return "planned hours '\(t)' must be a whole number from 1 to \(ClassDraft.maxPlannedHours)"
        case let (.institutionNotFound(c), .zh): return "未找到统一社会信用代码为 \(c) 的培训机构"
        case let (.institutionNotFound(c), .en): return "no training institution with credit code \(c)"
        case let (.institutionInactive(c, s), .zh): return "机构 \(c) 当前状态为“\(s.label(.zh))”，不能开班（E9）"
        case let (.institutionInactive(c, s), .en): return "institution \(c) is \(s.label(.en)); it may not open classes (E9)"
        case let (.occupationNotFound(c, d?), .zh): return "职业编码 \(c) 在 \(d) 没有有效的目录条目"
        case let (.occupationNotFound(c, d?), .en): return "occupation \(c) has no catalogue entry in force on \(d)"
        case let (.occupationNotFound(c, nil), .zh): return "目录中没有职业编码 \(c)"
        case let (.occupationNotFound(c, nil), .en): return "no occupation \(c) in the catalogue"
        case let (.occupationLacksLevel(o, l, d), .zh): return "职业 \(o) 在 \(d) 没有等级 \(l.rawValue)（\(l.label(.zh))）"
        case let (.occupationLacksLevel(o, l, d), .en): return "occupation \(o) has no level \(l.rawValue) on \(d)"
        case let (.mayNotTrain(i, o, l?), .zh): return "机构 \(i) 的可培训范围不含 \(o) \(l.rawValue)（\(l.label(.zh))）"
        case let (.mayNotTrain(i, o, l?), .en):
            return "institution \(i) may not train \(o) at \(l.rawValue) (not in its may-train list)"
        case let (.mayNotTrain(i, o, nil), .zh): return "机构 \(i) 的可培训范围不含 \(o)"
        case let (.mayNotTrain(i, o, nil), .en): return "institution \(i) may not train \(o) (not in its may-train list)"
        }
    }
}

/// Every field error of a class draft at once (`DraftValidation`).
public typealias ClassValidation = DraftValidation<ClassField, ClassDraftError>
