/// Where a number in a policy profile comes from: a clause of the profile's seed, or a
/// demonstration default for a value the seeds leave to local choice.
public enum PolicySource: Hashable, Sendable, CustomStringConvertible {
    case clause(String)
    case demo

    public var isDemo: Bool { self == .demo }

    /// The clause reference, or `demo`.
    public var description: String {
        switch self {
        case .clause(let c): c
        case .demo: "demo"
        }
    }

    /// `003 二(一)1`, or "演示默认值" / "demo default".
    public func label(_ lang: Lang) -> String {
        switch self {
        case .clause(let c): c
        case .demo: lang == .zh ? "演示默认值" : "demo default"
        }
    }
}

/// A value with its source.
public struct Cited<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var source: PolicySource

    public init(_ value: Value, _ source: PolicySource) {
        self.value = value
        self.source = source
    }
}

/// What one profile says about one subsidy kind. Only the fields the kind uses are set.
public struct KindPolicy: Hashable, Sendable {
    public var kind: SubsidyKind
    /// The clause that grants the kind in this profile's seed.
    public var clause: String
    /// Per-level amounts in fen (appraisal, apprenticeship, insured upgrading, high-skill reward).
    public var amounts: [SkillLevel: Cited<Int64>] = [:]
    /// Living allowance: fen per attended day, and the most days paid.
    public var perDayFen: Cited<Int64>?
    public var maxDays: Cited<Int>?
    /// Training through work: fen per month, and the most months.
    public var perMonthFen: Cited<Int64>?
    public var maxMonths: Cited<Int>?
    /// Prepayment: the most that may be paid in advance, percent of the expected subsidy.
    public var maxPercent: Cited<Int>?
    /// Training: the shortage uplift in percent, and the lowest level it applies to (nil = all).
    public var shortageUpliftPercent: Cited<Int>?
    public var shortageUpliftFromLevel: Cited<SkillLevel>?
    /// Living allowance: other local rural-hukou persons also qualify (Nanjing, 003 二(一)2).
    public var localRuralHukou: Cited<Bool>?

    public init(kind: SubsidyKind, clause: String) {
        self.kind = kind
        self.clause = clause
    }
}
