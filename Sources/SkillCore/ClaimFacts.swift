/// What a claim asks for. The as-of date is an input: the core owns no clock.
public struct ClaimRequest: Hashable, Sendable {
    public var kind: SubsidyKind
    /// Training through work: the months claimed.
    public var months: Int?
    /// Prepayment: the percent of the expected subsidy asked in advance.
    public var prepayPercent: Int?
    /// The day the claim is evaluated (prepared, submitted or reviewed).
    public var asOf: CalendarDate

    public init(kind: SubsidyKind, months: Int? = nil, prepayPercent: Int? = nil, asOf: CalendarDate) {
        self.kind = kind
        self.months = months
        self.prepayPercent = prepayPercent
        self.asOf = asOf
    }
}

/// The relative through whom a worker claims (E11: the poor and the severely disabled extend
/// training benefits to their direct relatives).
public struct RelativeFacts: Hashable, Sendable {
    public var name: String
    public var groups: Set<TargetGroup>
    public var disability: Disability

    public init(name: String, groups: Set<TargetGroup>, disability: Disability) {
        self.name = name
        self.groups = groups
        self.disability = disability
    }
}

/// The worker as the store has them.
public struct WorkerFacts: Hashable, Sendable {
    /// The stored resident ID passes GB 11643 (E1).
    public var idValid: Bool
    public var residentID: String
    public var name: String
    /// From the ID; nil when the ID does not give one.
    public var birthDate: CalendarDate?
    public var drawsPension: Bool
    public var groups: Set<TargetGroup>
    public var disability: Disability
    /// Rural household registration (农村户籍).
    public var rural: Bool
    /// GB/T 2260 region codes (6 digits) of household registration, usual residence and the
    /// place of job-seeking or work as recorded on the worker (E10).
    public var hukouRegion: String?
    public var residenceRegion: String?
    public var workRegion: String?
    /// Where the employer is registered (characters 3–8 of its credit code): a place of work too.
    public var employerRegion: String?
    /// Insured in unemployment insurance (insured-employee upgrading subsidy).
    public var unemploymentInsured: Bool
    public var relativeOf: RelativeFacts?

    public init(idValid: Bool = true, residentID: String, name: String, birthDate: CalendarDate?,
                drawsPension: Bool = false, groups: Set<TargetGroup> = [], disability: Disability = .none,
                rural: Bool = false, hukouRegion: String? = nil, residenceRegion: String? = nil,
                workRegion: String? = nil, unemploymentInsured: Bool = false, relativeOf: RelativeFacts? = nil,
                employerRegion: String? = nil) {
        self.idValid = idValid
        self.residentID = residentID
        self.name = name
        self.birthDate = birthDate
        self.drawsPension = drawsPension
        self.groups = groups
        self.disability = disability
        self.rural = rural
        self.hukouRegion = hukouRegion
        self.residenceRegion = residenceRegion
        self.workRegion = workRegion
        self.employerRegion = employerRegion
        self.unemploymentInsured = unemploymentInsured
        self.relativeOf = relativeOf
    }
}

/// The class the claim rests on (nil for direct appraisal without a class).
public struct ClassFacts: Hashable, Sendable {
    public var id: Int64
    public var type: TrainingType
    public var institutionCode: String
    public var institutionName: String
    public var institutionStatus: InstitutionStatus
    /// The institution is an enterprise (payee of enterprise-run and project training).
    public var institutionIsEnterprise: Bool
    /// GB/T 2260 code of where the class is held (E10).
    public var region: String?
    public var occupationCode: String
    public var occupationName: String
    public var level: SkillLevel
    public var start: CalendarDate
    public var end: CalendarDate
    public var plannedHours: Int
    /// This worker's counted minutes (online at the profile's ratio) and attended days.
    public var countedMinutes: Int
    public var attendedDays: Int
    public var closedOn: CalendarDate?
    /// The employer for enterprise kinds (E7: same person and employer).
    public var employer: String?

    public init(id: Int64, type: TrainingType, institutionCode: String, institutionName: String,
                institutionStatus: InstitutionStatus = .active, institutionIsEnterprise: Bool = false,
                region: String? = nil, occupationCode: String, occupationName: String, level: SkillLevel,
                start: CalendarDate, end: CalendarDate, plannedHours: Int, countedMinutes: Int,
                attendedDays: Int, closedOn: CalendarDate? = nil, employer: String? = nil) {
        self.id = id
        self.type = type
        self.institutionCode = institutionCode
        self.institutionName = institutionName
        self.institutionStatus = institutionStatus
        self.institutionIsEnterprise = institutionIsEnterprise
        self.region = region
        self.occupationCode = occupationCode
        self.occupationName = occupationName
        self.level = level
        self.start = start
        self.end = end
        self.plannedHours = plannedHours
        self.countedMinutes = countedMinutes
        self.attendedDays = attendedDays
        self.closedOn = closedOn
        self.employer = employer
    }
}

/// The catalogue entry for the class's occupation and level in force on the class end date.
public struct CatalogueFacts: Hashable, Sendable {
    public var subsidised: Bool
    public var shortage: Bool
    public var standardFen: Int64
    public var hours: Int

    public init(subsidised: Bool, shortage: Bool, standardFen: Int64, hours: Int) {
        self.subsidised = subsidised
        self.shortage = shortage
        self.standardFen = standardFen
        self.hours = hours
    }
}

/// The certificate the claim rests on.
public struct CertificateFacts: Hashable, Sendable {
    public var type: CertificateType
    public var number: String
    public var level: SkillLevel?
    public var date: CalendarDate
    public var holderName: String
    /// W1: names of other workers holding a certificate of the same type and number.
    public var otherHolders: [String]

    public init(type: CertificateType, number: String, level: SkillLevel?, date: CalendarDate,
                holderName: String, otherHolders: [String] = []) {
        self.type = type
        self.number = number
        self.level = level
        self.date = date
        self.holderName = holderName
        self.otherHolders = otherHolders
    }
}

/// One of the worker's earlier claims, any status (the engine decides which count).
public struct PriorClaim: Hashable, Sendable {
    public var id: Int64
    public var kind: SubsidyKind
    public var classID: Int64?
    public var trainingType: TrainingType?
    public var occupationCode: String
    public var occupationName: String
    public var level: SkillLevel
    /// The calendar year the claim counts in (its class's end year; see `PolicyEngine.claimYear`).
    public var year: Int
    public var date: CalendarDate
    public var status: ClaimStatus
    public var amountFen: Int64
    public var employer: String?
    /// Training through work: months claimed.
    public var months: Int?

    public init(id: Int64, kind: SubsidyKind, classID: Int64? = nil, trainingType: TrainingType? = nil,
                occupationCode: String, occupationName: String, level: SkillLevel, year: Int,
                date: CalendarDate, status: ClaimStatus, amountFen: Int64, employer: String? = nil, months: Int? = nil) {
        self.id = id
        self.kind = kind
        self.classID = classID
        self.trainingType = trainingType
        self.occupationCode = occupationCode
        self.occupationName = occupationName
        self.level = level
        self.year = year
        self.date = date
        self.status = status
        self.amountFen = amountFen
        self.employer = employer
        self.months = months
    }
}

/// Facts the anti-fraud warnings need (W2, W3, W5).
public struct AnomalyFacts: Hashable, Sendable {
    /// W2: days this worker also attended a class at another institution.
    public var otherInstitutionDays: [CalendarDate]
    /// W2: those other classes' days, each with the class and institution by name (issue 12:
    /// a supervisor reads names, not codes). Empty when the gatherer gave only the dates.
    public var elsewhere: [AttendanceElsewhere] = []
    /// W2: days with more than a day's hours across all classes.
    public var overlongDays: [CalendarDate]
    /// W3: the institution's decided claims (approved, rejected and every status after them —
    /// not drafts, submitted or returned ones) and how many of them were rejected.
    public var institutionDecided: Int
    public var institutionRejected: Int
    /// W5: days logged or edited after the class was closed, and after this claim was submitted.
    public var editedAfterClose: [CalendarDate]
    public var editedAfterSubmission: [CalendarDate]

    public init(otherInstitutionDays: [CalendarDate] = [], overlongDays: [CalendarDate] = [],
                institutionDecided: Int = 0, institutionRejected: Int = 0, editedAfterClose: [CalendarDate] = [],
                editedAfterSubmission: [CalendarDate] = []) {
        self.otherInstitutionDays = otherInstitutionDays
        self.overlongDays = overlongDays
        self.institutionDecided = institutionDecided
        self.institutionRejected = institutionRejected
        self.editedAfterClose = editedAfterClose
        self.editedAfterSubmission = editedAfterSubmission
    }

    public static let none = AnomalyFacts()
}

/// Everything the engine needs, as plain values the store gathers.
public struct ClaimFacts: Hashable, Sendable {
    public var worker: WorkerFacts
    public var klass: ClassFacts?
    public var catalogue: CatalogueFacts?
    public var certificate: CertificateFacts?
    /// The worker's other claims, every status (not the claim being evaluated itself).
    public var priorClaims: [PriorClaim]
    public var anomalies: AnomalyFacts

    public init(worker: WorkerFacts, klass: ClassFacts?, catalogue: CatalogueFacts?, certificate: CertificateFacts?,
                priorClaims: [PriorClaim] = [], anomalies: AnomalyFacts = .none) {
        self.worker = worker
        self.klass = klass
        self.catalogue = catalogue
        self.certificate = certificate
        self.priorClaims = priorClaims
        self.anomalies = anomalies
    }
}

extension ClaimStatus {
    /// A supervisor has decided the claim (approved or rejected, and every status after an
    /// approval): what W3's rejection rate counts. Drafts, submitted and returned claims are not
    /// decided, nor is any status outside this list (a withdrawal decides nothing).
    public var isDecided: Bool {
        switch self {
        case .approved, .rejected, .onNotice, .payable, .paid, .clawback, .recovered: true
        default: false
        }
    }
}

/// W2: one day a worker attended another institution's class, named as a supervisor reads it.
public struct AttendanceElsewhere: Hashable, Sendable {
    public var date: CalendarDate
    public var classID: Int64
    public var occupationName: String
    public var institutionName: String
    /// Classroom + online minutes logged there that day.
    public var minutes: Int

    public init(date: CalendarDate, classID: Int64, occupationName: String, institutionName: String, minutes: Int) {
        self.date = date; self.classID = classID; self.occupationName = occupationName
        self.institutionName = institutionName; self.minutes = minutes
    }

    /// "2025-03-05 南京技师学院 培训班 1790（电工）3 小时" / "2025-03-05 class 1790 (电工) at 南京技师学院, 3 h".
    public func text(_ lang: Lang) -> String {
        let h = Hours.text(minutes)
        return lang == .zh ? "\(date) \(institutionName) 培训班 \(classID)（\(occupationName)）\(h) 小时"
            : "\(date) class \(classID) (\(occupationName)) at \(institutionName), \(h) h"
    }
}
