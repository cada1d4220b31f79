import SkillCore

/// The statistics of a period and area (issue 13 item 1), as plain values in a deterministic order
/// (lines by count descending, then key): what `report stats --json` prints and what filing will
/// freeze and compare. Amounts are fen. Names (institutions, occupations, districts) are the current
/// ones, for display; the keys are the stored codes.
public struct StatsReport: Sendable, Codable, Equatable {
    public var period: String
    public var area: String
    /// The training table's breakdown.
    public var by: StatsDimension
    /// The attendance rule the completion test used (the active profile's).
    public var onlinePercent: Int
    public var completionPercent: Int
    public var headline: [StatsHeadline]
    /// Enrolled and completed by `by`: a worker in two groups counts in each (the total once).
    public var training: [StatsTrainingLine]
    public var trainingTotal: StatsTrainingLine
    public var certificatesByType: [StatsLine]
    public var certificatesByLevel: [StatsLine]
    public var highSkill: HighSkillShare
    public var claims: [StatsClaimTable]
    /// The fund accounts of the years the period touches (the city's; not split by district).
    public var funds: [StatsFundLine]
    public var months: [StatsMonth]

    public func headline(_ m: StatsMetric) -> StatsHeadline? { headline.first { $0.metric == m } }
}

/// A headline figure with the previous period's (▲/▼).
public struct StatsHeadline: Sendable, Codable, Equatable {
    public var metric: StatsMetric
    public var figure: String
    public var count: Int
    public var amountFen: Int64?
    public var previousPeriod: String?
    public var previousCount: Int?
    public var previousAmountFen: Int64?

    /// Change on the previous period in tenths of a percent, rounded toward zero; nil without one
    /// or when the previous was 0.
    public var changePermille: Int? {
        guard let p = previousCount, p > 0 else { return nil }
        return (count - p) * 1000 / p
    }
}

/// One line of a breakdown: its figure id (for `report rows`), key, name, count, amount.
public struct StatsLine: Sendable, Codable, Equatable {
    public var figure: String
    public var key: String
    public var name: String?
    public var count: Int
    public var amountFen: Int64?
}

/// Enrolled and completed (person-times) for one key.
public struct StatsTrainingLine: Sendable, Codable, Equatable {
    public var key: String
    public var name: String?
    public var enrolled: Int
    public var completed: Int
    public var enrolledFigure: String
    public var completedFigure: String

    /// Completed over enrolled, per ten thousand, rounded down; nil when none enrolled.
    public var rateBasisPoints: Int? { enrolled == 0 ? nil : completed * 10_000 / enrolled }
}

/// A claim figure (submitted, approved, ...) in total and by subsidy kind and fund source.
public struct StatsClaimTable: Sendable, Codable, Equatable {
    public var metric: StatsMetric
    public var total: StatsLine
    public var byKind: [StatsLine]
    public var bySource: [StatsLine]
}

/// One fund account (`FundAccount`, as `fund show` computes it).
public struct StatsFundLine: Sendable, Codable, Equatable {
    public var year: Int
    public var source: String
    public var allocatedFen: Int64
    public var reservedFen: Int64
    public var paidFen: Int64
    public var recoveredFen: Int64
    public var clawbackDueFen: Int64
    public var balanceFen: Int64
}

/// One month of the trend.
public struct StatsMonth: Sendable, Codable, Equatable {
    public var month: String
    public var completed: Int
    public var paidFen: Int64
}

/// One row behind a figure (a drill-down line): an enrolment, a certificate, a claim or a payment.
public struct StatsRow: Sendable, Codable, Equatable {
    public var kind: StatsRowKind
    /// `report rows --after` resumes after it.
    public var key: String
    public var workerID: String
    public var workerName: String
    public var classID: Int64?
    public var institution: String?
    public var occupationCode: String?
    public var level: String?
    public var countedMinutes: Int?
    public var plannedHours: Int?
    public var completed: Bool?
    public var certificateID: Int64?
    public var certificateNumber: String?
    public var certificateType: String?
    public var claimID: Int64?
    public var claimNumber: String?
    public var subsidyKind: String?
    public var fundSource: String?
    public var amountFen: Int64?
    /// The day that put the row in the period.
    public var day: String
    public var batchID: String?
}

/// A page of a drill-down.
public struct StatsRowsPage: Sendable, Codable, Equatable {
    public var figure: String
    public var period: String
    public var rows: [StatsRow]
    /// The key to pass as `after` for the next page; nil on the last.
    public var next: String?
}
