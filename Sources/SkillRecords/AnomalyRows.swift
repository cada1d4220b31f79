/// The rows the anomaly sweep reads (issue 13 item 5; `StoreReader` in SkillStore/AnomalyRows.swift).
/// Plain values with the names a message needs (worker by name and ID, class by number and
/// occupation, institution by name), so a list names its records without a second read.

/// A worker by ID and name (the name empty when the worker is no longer on record).
public struct AnomalyWorker: Sendable, Equatable, Hashable, Codable {
    public var id: String
    public var name: String
    public init(id: String, name: String) { self.id = id; self.name = name }
}

/// A claim by its id and year (its number is `ClaimNumber.format(year:serial:)`).
public struct AnomalyClaim: Sendable, Equatable, Hashable, Codable {
    public var id: Int64
    public var year: Int
    public var workerID: String
    public var kind: String
    public init(id: Int64, year: Int, workerID: String, kind: String) {
        self.id = id; self.year = year; self.workerID = workerID; self.kind = kind
    }
}

/// A class with what names it: number, occupation (code and name), level, institution, dates.
public struct AnomalyClass: Sendable, Equatable, Hashable, Codable {
    public var id: Int64
    public var occupationCode: String
    public var occupationName: String
    public var level: String
    public var institution: String
    public var institutionName: String
    public var startDate: String
    public var endDate: String
    public init(id: Int64, occupationCode: String, occupationName: String, level: String, institution: String,
                institutionName: String, startDate: String, endDate: String) {
        self.id = id; self.occupationCode = occupationCode; self.occupationName = occupationName; self.level = level
        self.institution = institution; self.institutionName = institutionName
        self.startDate = startDate; self.endDate = endDate
    }
}

/// A claim submitted in the period that carried warnings (or whose evidence changed since: W5).
public struct WarnedClaimRow: Sendable, Equatable {
    public var claim: AnomalyClaim
    public var worker: AnomalyWorker
    public var classID: Int64?
    public var institution: String?
    public var institutionName: String?
    /// The business date of the submission (`submitted_on`, else the UTC day of `submitted_at`).
    public var submittedOn: String
    public var warningCount: Int
    public var evidenceChanged: Bool
    public init(claim: AnomalyClaim, worker: AnomalyWorker, classID: Int64?, institution: String?, institutionName: String?,
                submittedOn: String, warningCount: Int, evidenceChanged: Bool) {
        self.claim = claim; self.worker = worker; self.classID = classID; self.institution = institution
        self.institutionName = institutionName; self.submittedOn = submittedOn
        self.warningCount = warningCount; self.evidenceChanged = evidenceChanged
    }
}

/// One value (a bank account, a phone) recorded for several workers active in the period.
public struct SharedValueRow: Sendable, Equatable {
    public var value: String
    /// By resident ID.
    public var workers: [AnomalyWorker]
    public init(value: String, workers: [AnomalyWorker]) { self.value = value; self.workers = workers }
}

/// What `StoreReader.sharedValues` groups by.
public enum SharedField: Sendable {
    case bankAccount, phone
}

/// A class's roster with one identical day grid.
public struct CopiedGridRow: Sendable, Equatable {
    public var classID: Int64
    public var workers: Int
    public var days: Int
    /// Minutes per worker (classroom + online, as recorded).
    public var minutes: Int
    public init(classID: Int64, workers: Int, days: Int, minutes: Int) {
        self.classID = classID; self.workers = workers; self.days = days; self.minutes = minutes
    }
}

/// A class that ended in the period, with its certificates and how many are dated on its end date.
public struct ClassCertificatesRow: Sendable, Equatable {
    public var classID: Int64
    public var institution: String
    public var endDate: String
    public var certificates: Int
    public var onEndDate: Int
    public init(classID: Int64, institution: String, endDate: String, certificates: Int, onEndDate: Int) {
        self.classID = classID; self.institution = institution; self.endDate = endDate
        self.certificates = certificates; self.onEndDate = onEndDate
    }
}

/// One enrolment of a worker in a class starting near the period (the institution-hopping signal).
public struct WorkerClassSpan: Sendable, Equatable {
    public var workerID: String
    public var classID: Int64
    public var institution: String
    public var startDate: String
    public var endDate: String
    public init(workerID: String, classID: Int64, institution: String, startDate: String, endDate: String) {
        self.workerID = workerID; self.classID = classID; self.institution = institution
        self.startDate = startDate; self.endDate = endDate
    }
}
