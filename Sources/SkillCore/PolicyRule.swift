/// Every rule the engine evaluates, in the order of an evaluation's outcomes (E1…E15, P1, P2, W1…W5).
public enum PolicyRule: String, CaseIterable, Sendable {
    case e1 = "E1", e2 = "E2", e3 = "E3", e4 = "E4", e5 = "E5", e6 = "E6", e7 = "E7", e8 = "E8"
    case e9 = "E9", e10 = "E10", e11 = "E11", e12 = "E12", e13 = "E13", e14 = "E14", e15 = "E15"
    case p1 = "P1", p2 = "P2"
    case w1 = "W1", w2 = "W2", w3 = "W3", w4 = "W4", w5 = "W5"

    /// Rules evaluated whatever the kind: they rest on the worker, the profile or the evidence.
    public static let everyKind: Set<PolicyRule> = [.e1, .e2, .e9, .p1, .p2, .w1, .w2, .w3, .w4, .w5]

    /// **Which rules apply to which subsidy kind: the one table.** Beyond `everyKind`, the rules each
    /// kind is checked against; every other rule is "not applicable to <kind>". The switch is
    /// exhaustive, so a new kind does not compile until it has its row — it cannot silently become
    /// "not applicable" everywhere. A rule may still find itself not applicable for a reason other
    /// than the kind (E6 outside safety-skills classes, E9 without a class); that is the rule's own.
    public static func kindRules(_ kind: SubsidyKind) -> Set<PolicyRule> {
        switch kind {
        case .training:         [.e3, .e4, .e5, .e6, .e7, .e8, .e10, .e14]
        case .prepayment:       [.e4, .e5, .e6, .e7, .e8, .e10, .e13]
        case .settlement:       [.e3, .e4, .e5, .e6, .e7, .e8, .e10, .e14]
        case .appraisal:        [.e3, .e10]
        case .livingAllowance:  [.e10, .e11, .e12, .e14]
        case .apprenticeship:   [.e5, .e15]
        case .workBased:        [.e7]
        case .insuredUpgrading: [.e3, .e5, .e8, .e10, .e14]
        case .highSkillReward:  [.e3, .e5, .e10, .e14]
        }
    }

    /// This rule is checked for a claim of `kind` (`everyKind` or the kind's row).
    public func applies(to kind: SubsidyKind) -> Bool {
        Self.everyKind.contains(self) || Self.kindRules(kind).contains(self)
    }
}
