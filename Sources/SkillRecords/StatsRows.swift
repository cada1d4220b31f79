import SkillCore

/// An enrolment outcome (the one definition of "trained", `EnrolmentOutcomeRow`) with what the
/// statistics also need of its worker: the name a drill-down shows and the target groups a
/// breakdown counts (`;`-separated codes, as stored).
public struct StatsEnrolmentRow: Sendable, Equatable {
    public var outcome: EnrolmentOutcomeRow
    public var workerName: String
    public var groups: String

    public init(outcome: EnrolmentOutcomeRow, workerName: String, groups: String) {
        self.outcome = outcome; self.workerName = workerName; self.groups = groups
    }
}

/// A certificate issued in a period (not voided), with its worker's name and its class's institution.
public struct StatsCertificateRow: Sendable, Equatable {
    public var id: Int64
    public var type: String
    public var number: String
    public var occupationCode: String
    public var level: String?
    public var issueDate: String
    public var workerID: String
    public var workerName: String
    public var classID: Int64?
    public var institution: String?

    public init(id: Int64, type: String, number: String, occupationCode: String, level: String?, issueDate: String,
                workerID: String, workerName: String, classID: Int64?, institution: String?) {
        self.id = id; self.type = type; self.number = number; self.occupationCode = occupationCode; self.level = level
        self.issueDate = issueDate; self.workerID = workerID; self.workerName = workerName; self.classID = classID
        self.institution = institution
    }
}

/// One claim event of a period (submitted, approved, rejected, clawed back) or one payment line the
/// bank paid: the claim, the amount the figure adds, and the bureau day that put it in the period.
public struct StatsClaimRow: Sendable, Equatable {
    public var claimID: Int64
    public var claimYear: Int
    public var workerID: String
    public var workerName: String
    public var kind: String
    public var fundSource: String?
    public var institution: String?
    public var status: String
    public var amountFen: Int64
    /// YYYY-MM-DD in the bureau's time zone.
    public var day: String
    /// The payment batch (payments only).
    public var batchID: String?

    public init(claimID: Int64, claimYear: Int, workerID: String, workerName: String, kind: String, fundSource: String?,
                institution: String?, status: String, amountFen: Int64, day: String, batchID: String? = nil) {
        self.claimID = claimID; self.claimYear = claimYear; self.workerID = workerID; self.workerName = workerName
        self.kind = kind; self.fundSource = fundSource; self.institution = institution; self.status = status
        self.amountFen = amountFen; self.day = day; self.batchID = batchID
    }
}

/// Which claim rows a statistics read streams (`StoreReader.forEachStatsClaim`).
public enum StatsClaimEvent: String, Sendable {
    case submitted, approved, rejected, paid, clawedBack
}

/// Where a drill-down page resumes: after the last row of the page before, in the stream's order.
public enum StatsRowAfter: Sendable, Equatable {
    case enrolment(endDate: String, classID: Int64, workerID: String)
    case id(Int64)
    case payment(batchID: String, claimID: Int64)
}

/// A condition pushed into a statistics read to narrow it (the use case's predicate still decides
/// every row; these only spare reading rows it would refuse). Column equality on the class
/// (enrolments) or the claim.
public struct StatsNarrowing: Sendable, Equatable {
    public var column: String
    public var value: String
    public init(column: String, value: String) { self.column = column; self.value = value }
}
