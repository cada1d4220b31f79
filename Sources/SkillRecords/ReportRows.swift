import SkillCore

/// One recorded target (table `targets`, migration v16-targets-and-grades).
public struct TargetRow: Sendable, Equatable, Codable {
    public var id: Int64
    public var kind: TargetKind
    public var fromYear: Int
    public var toYear: Int
    /// Person-times, or basis points for a share.
    public var value: Int64
    public var clause: String
    public var createdBy: String
    public var createdAt: String
    public var updatedBy: String
    public var updatedAt: String
    public var version: Int

    public init(id: Int64, kind: TargetKind, fromYear: Int, toYear: Int, value: Int64, clause: String, createdBy: String,
                createdAt: String, updatedBy: String, updatedAt: String, version: Int) {
        self.id = id; self.kind = kind; self.fromYear = fromYear; self.toYear = toYear; self.value = value
        self.clause = clause; self.createdBy = createdBy; self.createdAt = createdAt; self.updatedBy = updatedBy
        self.updatedAt = updatedAt; self.version = version
    }

    public var first: CalendarDate { CalendarDate(year: fromYear, month: 1, day: 1)! }
    public var last: CalendarDate { CalendarDate(year: toYear, month: 12, day: 31)! }
    /// `2019–2021`, or `2026` for one year.
    public var spanText: String { fromYear == toYear ? "\(fromYear)" : "\(fromYear)–\(toYear)" }
}

/// Claims of one institution in a period, counted by the store (institution performance).
public struct InstitutionClaimCounts: Sendable, Equatable {
    public var submitted = 0
    public var approved = 0
    public var rejected = 0
    public var paidFen: Int64 = 0
    /// Warnings raised at submission, by rule (W1–W5), for claims submitted in the period.
    public var warnings: [String: Int] = [:]
    /// Warnings counted on claims submitted before v16 recorded which rule raised them.
    public var warningsUnrecorded = 0
    public init() {}
}
