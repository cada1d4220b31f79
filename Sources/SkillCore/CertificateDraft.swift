/// What a clerk types to record a certificate (证书): raw strings, checked all at once by
/// `validate`, the one definition of a valid certificate. The use case (`Session.addCertificate`)
/// and the certificate form both ask it; what only the store knows (is the holder registered, is
/// the occupation code in the catalogue, does the linked class exist) is passed in as plain values.
public struct CertificateDraft: Sendable, Equatable {
    public var worker = ""
    public var type = ""
    public var number = ""
    public var occupation = ""
    /// Only for types that state a level (`CertificateType.hasLevel`).
    public var level = ""
    public var issuer = ""
    public var issueDate = ""
    public var classID: Int64?
    public init() {}

    /// Longest certificate number, in characters.
    public static let maxNumber = FieldText.maxIdentifier
    /// Longest issuer, in characters.
    public static let maxIssuer = FieldText.maxName

    public static let numberLabel = FieldLabel(en: "certificate number", zh: "证书编号")
    public static let issuerLabel = FieldLabel(en: "issuer", zh: "发证机构")
    public static let issueDateLabel = FieldLabel(en: "issue date", zh: "发证日期")

    /// The holder's resident ID as it is looked up.
    public var workerID: String { HalfWidth.ascii(worker).trimmedWhitespace().uppercased() }
    public var occupationCode: String { HalfWidth.ascii(occupation).trimmedWhitespace() }

    /// Checks every field and reports every error, one per field. A certificate is recorded once
    /// issued, so the issue date may not be after `today`. Without `catalogue` only what the
    /// text alone decides is checked (the use case does this before it opens a transaction).
    public func validate(today: CalendarDate, catalogue: CertificateStoreFacts? = nil)
        -> Result<CertificatePlan, CertificateValidation> {
        // What an input method types in full-width form (Ｓ３２０１…, ２０２６－１１－１６) is read as
        // ASCII in the number, the codes and the date (issue 12), for the form, the CLI and corrections.
        var d = self
        d.worker = HalfWidth.ascii(worker); d.type = HalfWidth.ascii(type); d.number = HalfWidth.ascii(number)
        d.occupation = HalfWidth.ascii(occupation); d.level = HalfWidth.ascii(level); d.issueDate = HalfWidth.ascii(issueDate)
        return d.validateFolded(today: today, catalogue: catalogue)
    }

    private func validateFolded(today: CalendarDate, catalogue: CertificateStoreFacts?)
        -> Result<CertificatePlan, CertificateValidation> {
        var errors: [CertificateField: CertificateDraftError] = [:]
        let type = CertificateType.parse(self.type)
        if type == nil { errors[.type] = .badType(self.type) }

        var number: String?
        do { number = try FieldText.identifier(self.number, field: Self.numberLabel, max: Self.maxNumber) } catch {
            errors[.number] = .number(error)
        }

        var level: SkillLevel?
        let levelText = self.level.trimmedWhitespace()
        if let type {
            if type.hasLevel {
                level = SkillLevel.parse(levelText)
                if level == nil { errors[.level] = .levelRequired(type) }
            } else if !levelText.isEmpty {
                errors[.level] = .levelNotStated(type)
            }
        }

        var date: CalendarDate?
        switch DateInput.parse(issueDate, field: Self.issueDateLabel) {
        case .success(let d):
            if d > today { errors[.issueDate] = .issuedAfterToday(d, today: today) } else { date = d }
        case .failure(let e):
            errors[.issueDate] = .issueDate(e)
        }

        var issuer: String?
        do { issuer = try FieldText.cleaned(self.issuer, field: Self.issuerLabel, max: Self.maxIssuer) } catch {
            errors[.issuer] = .issuer(error)
        }

        if occupationCode.isEmpty { errors[.occupation] = .occupationNotFound(occupationCode) }
        if let catalogue {
            if !catalogue.workerRegistered { errors[.worker] = .workerNotRegistered(workerID) }
            if catalogue.occupationKnown == false { errors[.occupation] = .occupationNotFound(occupationCode) }
            if let id = classID, catalogue.classExists == false { errors[.trainingClass] = .classNotFound(id) }
        }

        guard errors.isEmpty, let type, let number, let date, let issuer else {
            return .failure(CertificateValidation(errors: errors))
        }
        return .success(CertificatePlan(worker: workerID, type: type, number: number, occupation: occupationCode,
                                        level: level, issuer: issuer.isEmpty ? nil : issuer, issueDate: date,
                                        classID: classID))
    }
}

/// A certificate the draft describes, every field checked.
public struct CertificatePlan: Sendable, Equatable {
    public var worker: String
    public var type: CertificateType
    public var number: String
    public var occupation: String
    public var level: SkillLevel?
    public var issuer: String?
    public var issueDate: CalendarDate
    public var classID: Int64?
}

/// What the store says about a certificate draft. Nil: not looked at (a form that cannot know).
public struct CertificateStoreFacts: Sendable, Equatable {
    public var workerRegistered: Bool
    /// Any catalogue entry of the occupation code, in force or not.
    public var occupationKnown: Bool?
    /// The linked class, when the draft names one.
    public var classExists: Bool?

    public init(workerRegistered: Bool, occupationKnown: Bool?, classExists: Bool?) {
        self.workerRegistered = workerRegistered
        self.occupationKnown = occupationKnown
        self.classExists = classExists
    }
}

/// The fields of a certificate draft; keys of `CertificateValidation.errors`.
public enum CertificateField: String, Sendable, CaseIterable {
    case worker, type, number, occupation, level, issueDate, issuer, trainingClass
}

/// What is wrong with one field of a certificate draft. The cases are in the order the use case
/// reports them when several fields are wrong (`CertificateValidation.first`).
public enum CertificateDraftError: Error, Equatable, Sendable, UserMessage, RankedFieldError {
    case badType(String)
    case number(FieldTextError)
    /// This type states a level (`CertificateType.hasLevel`) and none was given.
    case levelRequired(CertificateType)
    /// This type states no level and one was given.
    case levelNotStated(CertificateType)
    case issueDate(DateInputError)
    case issuedAfterToday(CalendarDate, today: CalendarDate)
    case issuer(FieldTextError)
    case workerNotRegistered(String)
    /// No catalogue entry of the code (or no code).
    case occupationNotFound(String)
    case classNotFound(Int64)

    public var rank: Int {
        switch self {
        case .badType: 0
        case .number: 1
        case .levelRequired, .levelNotStated: 2
        case .issueDate, .issuedAfterToday: 3
        case .issuer: 4
        case .workerNotRegistered: 5
        case .occupationNotFound: 6
        case .classNotFound: 7
        }
    }

    /// What only the store can tell (checked in the use case's transaction).
    public var needsStore: Bool { rank >= 5 }

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.badType(t), .zh): return "证书类型“\(t)”无效；可用：\(CertificateType.allCases.map(\.rawValue).joined(separator: ", "))"
        case let (.badType(t), .en): return "certificate type '\(t)' is not valid; use one of \(CertificateType.allCases.map(\.rawValue).joined(separator: ", "))"
        case let (.number(e), _), let (.issuer(e), _): return e.message(lang)
        case let (.levelRequired(t), .zh): return "\(t.label(.zh))须注明等级（\(SkillLevel.codes)）"
        case let (.levelRequired(t), .en): return "a \(t.label(.en).lowercased()) states a level: enter the level (\(SkillLevel.codes))"
        case let (.levelNotStated(t), .zh): return "\(t.label(.zh))不注明等级；请勿填写等级"
        case let (.levelNotStated(t), .en): return "a \(t.label(.en).lowercased()) has no level; leave --level out"
        case let (.issueDate(e), _): return e.message(lang)
        case let (.issuedAfterToday(d, today), .zh): return "发证日期 \(d) 晚于今天（\(today)）：证书发出后才能登记"
        case let (.issuedAfterToday(d, today), .en):
            return "the issue date \(d) is after today (\(today)): a certificate is recorded once issued"
        case let (.workerNotRegistered(w), .zh): return "以下身份证号未登记为劳动者：\(w)；请先登记，未作改动"
        case let (.workerNotRegistered(w), .en): return "not registered as workers: \(w); register them first; nothing was written"
        case let (.occupationNotFound(c), .zh): return "目录中没有职业编码 \(c)"
        case let (.occupationNotFound(c), .en): return "no occupation \(c) in the catalogue"
        case let (.classNotFound(id), .zh): return "未找到培训班 \(id)"
        case let (.classNotFound(id), .en): return "no training class \(id)"
        }
    }
}

/// Every field error of a certificate draft at once (`DraftValidation`).
public typealias CertificateValidation = DraftValidation<CertificateField, CertificateDraftError>
