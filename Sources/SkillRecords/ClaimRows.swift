import Foundation
import SkillCore

/// A claim as stored (plain values; the claims workflow adds columns later).
public struct ClaimRow: Equatable, Sendable {
    public var id: Int64
    public var workerID: String
    public var kind: SubsidyKind
    public var classID: Int64?
    public var certificateID: Int64?
    public var institution: String?
    public var occupationCode: String
    public var level: String
    public var trainingType: TrainingType?
    public var claimYear: Int
    public var claimDate: String
    public var months: Int?
    public var prepayPercent: Int?
    public var amountFen: Int64
    public var payee: Payee
    public var employerCode: String?
    public var status: ClaimStatus
    public var preparedBy: String
    public var createdAt: String
    public var version: Int
    // The workflow (v5-workflow).
    public var submittedAt: String? = nil
    public var submittedBy: String? = nil
    public var decidedAt: String? = nil
    public var decidedBy: String? = nil
    public var decisionNote: String? = nil
    public var reason: String? = nil
    public var rejectCode: String? = nil
    public var noticePublishedOn: String? = nil
    public var noticeEndOn: String? = nil
    public var fundYear: Int? = nil
    public var fundSource: FundSource? = nil
    public var batchID: String? = nil
    public var payeeName: String? = nil
    public var bankAccount: String? = nil
    public var evidenceJSON: String? = nil
    public var evidenceSHA256: String? = nil
    public var warningCount: Int = 0
    public var clawbackDueFen: Int64 = 0
    public var recoveredFen: Int64 = 0
    /// The class attendance was written after the evidence was frozen (kept by triggers).
    public var evidenceChanged: Bool = false
    /// The business date of the last submission (v11; nil before it: count from `submittedAt`'s day).
    public var submittedOn: String? = nil
    /// Warnings for the queue: those at submission, plus W5 when the evidence changed since.
    public var queueWarnings: Int { warningCount + (evidenceChanged ? 1 : 0) }

    public init(id: Int64, workerID: String, kind: SubsidyKind, classID: Int64? = nil, certificateID: Int64? = nil,
                institution: String? = nil, occupationCode: String, level: String, trainingType: TrainingType? = nil,
                claimYear: Int, claimDate: String, months: Int? = nil, prepayPercent: Int? = nil, amountFen: Int64,
                payee: Payee, employerCode: String? = nil, status: ClaimStatus, preparedBy: String, createdAt: String,
                version: Int, submittedAt: String? = nil, submittedBy: String? = nil, decidedAt: String? = nil,
                decidedBy: String? = nil, decisionNote: String? = nil, reason: String? = nil,
                rejectCode: String? = nil, noticePublishedOn: String? = nil, noticeEndOn: String? = nil,
                fundYear: Int? = nil, fundSource: FundSource? = nil, batchID: String? = nil, payeeName: String? = nil,
                bankAccount: String? = nil, evidenceJSON: String? = nil, evidenceSHA256: String? = nil,
                warningCount: Int = 0, clawbackDueFen: Int64 = 0, recoveredFen: Int64 = 0,
                evidenceChanged: Bool = false, submittedOn: String? = nil) {
        self.id = id; self.workerID = workerID; self.kind = kind; self.classID = classID
        self.certificateID = certificateID; self.institution = institution; self.occupationCode = occupationCode
        self.level = level; self.trainingType = trainingType; self.claimYear = claimYear
        self.claimDate = claimDate; self.months = months; self.prepayPercent = prepayPercent
        self.amountFen = amountFen; self.payee = payee; self.employerCode = employerCode; self.status = status
        self.preparedBy = preparedBy; self.createdAt = createdAt; self.version = version
        self.submittedAt = submittedAt; self.submittedBy = submittedBy; self.decidedAt = decidedAt
        self.decidedBy = decidedBy; self.decisionNote = decisionNote; self.reason = reason
        self.rejectCode = rejectCode; self.noticePublishedOn = noticePublishedOn; self.noticeEndOn = noticeEndOn
        self.fundYear = fundYear; self.fundSource = fundSource; self.batchID = batchID; self.payeeName = payeeName
        self.bankAccount = bankAccount; self.evidenceJSON = evidenceJSON; self.evidenceSHA256 = evidenceSHA256
        self.warningCount = warningCount; self.clawbackDueFen = clawbackDueFen; self.recoveredFen = recoveredFen
        self.evidenceChanged = evidenceChanged; self.submittedOn = submittedOn
    }
}

/// What a new claim row holds (the workflow's "save draft"; tests and benchmarks plant rows with it).
public struct NewClaim: Sendable {
    public var workerID: String
    public var kind: SubsidyKind
    public var classID: Int64?
    public var certificateID: Int64?
    public var institution: String?
    public var occupationCode: String
    public var level: SkillLevel
    public var trainingType: TrainingType?
    public var claimYear: Int
    public var claimDate: CalendarDate
    public var months: Int?
    public var prepayPercent: Int?
    public var amountFen: Int64
    public var payee: Payee
    public var employerCode: String?
    public var status: ClaimStatus
    public var preparedBy: String

    public init(workerID: String, kind: SubsidyKind, classID: Int64? = nil, certificateID: Int64? = nil,
                institution: String? = nil, occupationCode: String, level: SkillLevel, trainingType: TrainingType? = nil,
                claimYear: Int, claimDate: CalendarDate, months: Int? = nil, prepayPercent: Int? = nil,
                amountFen: Int64, payee: Payee, employerCode: String? = nil, status: ClaimStatus, preparedBy: String) {
        self.workerID = workerID; self.kind = kind; self.classID = classID; self.certificateID = certificateID
        self.institution = institution; self.occupationCode = occupationCode; self.level = level
        self.trainingType = trainingType; self.claimYear = claimYear; self.claimDate = claimDate
        self.months = months; self.prepayPercent = prepayPercent; self.amountFen = amountFen; self.payee = payee
        self.employerCode = employerCode; self.status = status; self.preparedBy = preparedBy
    }
}

/// One day of a worker's attendance in any class, with that class's institution (W2, E14).
public struct WorkerDayRow: Equatable, Sendable {
    public var classID: Int64
    public var institution: String
    public var date: String
    public var classroomMinutes: Int
    public var onlineMinutes: Int

    public init(classID: Int64, institution: String, date: String, classroomMinutes: Int, onlineMinutes: Int) {
        self.classID = classID; self.institution = institution; self.date = date
        self.classroomMinutes = classroomMinutes; self.onlineMinutes = onlineMinutes
    }
}

extension ClaimRow {
    /// The organisation (credit code) a claim paid to an institution or enterprise goes to: the
    /// class's institution for an institution payee, the employer — else the institution, an
    /// enterprise running its own class — for an enterprise payee; nil for a worker payee.
    /// `StoreReader.payeeCodeSQL` is the same rule in SQL.
    public var payeeCode: String? {
        switch payee {
        case .institution: return institution
        case .enterprise: return employerCode ?? institution
        case .worker: return nil
        }
    }
}

/// A claim's place in the (created_at, id) order a re-evaluation job pages by.
public struct ClaimPosition: Equatable, Sendable {
    public var createdAt: String
    public var id: Int64
    public init(createdAt: String, id: Int64) { self.createdAt = createdAt; self.id = id }
}
