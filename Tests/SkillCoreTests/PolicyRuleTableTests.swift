import Testing
@testable import SkillCore

/// Which rules apply to which kind is one table (`PolicyRule.kindRules`, issue 11 item 6): the
/// engine follows it, for every kind and every profile.
@Suite("Policy rule table")
struct PolicyRuleTableTests {
    @Test("an evaluation's outcomes are the rules of the table, in its order")
    func outcomesFollowTheTableOrder() {
        let e = PolicyEngine.evaluate(ClaimRequest(kind: .training, asOf: PolicyFixture.asOf), facts: PolicyFixture.facts(),
                                      profile: PolicyLibrary.profile(named: "nanjing-2019")!)
        #expect(e.outcomes.map(\.rule) == PolicyRule.allCases.map(\.rawValue))
    }

    @Test("a rule outside a kind's row says it does not apply to that kind; a rule in it never says so",
          arguments: SubsidyKind.allCases)
    func engineFollowsTheTable(kind: SubsidyKind) {
        for profile in PolicyLibrary.profiles {
            let e = PolicyEngine.evaluate(ClaimRequest(kind: kind, months: 1, prepayPercent: 50, asOf: PolicyFixture.asOf),
                                          facts: PolicyFixture.facts(), profile: profile)
            let kindNA = "does not apply to a \(kind.label(.en))"
            for rule in PolicyRule.allCases {
                let o = e.outcome(rule.rawValue)!
                if rule.applies(to: kind) {
                    #expect(o.en != kindNA, "\(profile.name) \(kind): \(rule.rawValue) is in the table but said \(o.en)")
                } else {
                    #expect(o.result == .notApplicable && o.en == kindNA,
                            "\(profile.name) \(kind): \(rule.rawValue) is not in the table but came out \(o.result) — \(o.en)")
                }
            }
        }
    }

    @Test("every kind has at least one rule of its own, and every kind-gated rule some kind")
    func tableIsNotEmpty() {
        for kind in SubsidyKind.allCases { #expect(!PolicyRule.kindRules(kind).isEmpty, "\(kind)") }
        let gated = Set(PolicyRule.allCases).subtracting(PolicyRule.everyKind)
        let used = SubsidyKind.allCases.reduce(into: Set<PolicyRule>()) { $0.formUnion(PolicyRule.kindRules($1)) }
        #expect(gated == used)
    }
}
