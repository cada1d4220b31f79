import Testing
import SkillCore

/// The suggested credit grade (issue 13 item 3): the rule is the profile's `[credit_grade]`
/// section; each threshold is tried at its edge, and too few figures give no grade.
@Suite("Credit grade rule from the policy profile")
struct CreditGradeRuleTests {
    var rule: CreditGradeRule { PolicyLibrary.profile(named: "nanjing-2019")!.creditGrade! }

    func f(enrolled: Int = 100, completed: Int = 95, certified: Int = 95, approved: Int = 95, rejected: Int = 5, w3: Int = 0) -> CreditGradeRule.Figures {
        .init(enrolled: enrolled, completed: completed, certified: certified, approved: approved, rejected: rejected, w3: w3)
    }

    @Test func theShippedProfilesCarryTheRuleWithItsClause() {
        #expect(rule.clause == "003 二(三)11")
        #expect(rule.aCompletionPercent.value == 90 && rule.aCompletionPercent.source == .demo)
        #expect(PolicyLibrary.profile(named: "yancheng-2019")!.creditGrade!.clause == "001 五(三)")
        #expect(PolicyLibrary.profile(named: "wuxi-2015")!.creditGrade == nil)
        #expect(PolicyLibrary.loaded.problems.isEmpty)
    }

    @Test func aAtEachEdge() {
        // completion 90/100 = 90% ≥ 90; certified 72/90 = 80% ≥ 80; rejection 5/100 = 5% ≤ 5; W3 0.
        #expect(rule.suggest(f(completed: 90, certified: 72)).grade == .a)
        #expect(rule.suggest(f(completed: 89, certified: 72)).grade == .b)      // completion just below A
        #expect(rule.suggest(f(completed: 90, certified: 71)).grade == .b)      // certified just below A
        #expect(rule.suggest(f(approved: 94, rejected: 6)).grade == .b)         // 6% > 5%
        #expect(rule.suggest(f(w3: 1)).grade == .b)                             // one W3
    }

    @Test func bAndCAtTheirEdges() {
        // B: completion ≥ 75, rejection ≤ 15.
        #expect(rule.suggest(f(completed: 75, approved: 85, rejected: 15)).grade == .b)
        #expect(rule.suggest(f(completed: 74)).grade == .c)
        #expect(rule.suggest(f(approved: 84, rejected: 16)).grade == .c)
    }

    @Test func dAtItsEdges() {
        // D: rejection ≥ 30, or completion < 50.
        #expect(rule.suggest(f(approved: 70, rejected: 30)).grade == .d)
        #expect(rule.suggest(f(approved: 71, rejected: 29)).grade == .c)
        #expect(rule.suggest(f(completed: 49)).grade == .d)
        #expect(rule.suggest(f(completed: 50)).grade == .c)
        let s = rule.suggest(f(completed: 49))
        #expect(s.reason(.en).contains("completion rate 49.00% (49/100) < 50%"))
        #expect(s.reason(.zh).contains("结业率 49.00% (49/100) < 50%"))
    }

    @Test func tooFewFiguresIsNotAGrade() {
        let s = rule.suggest(f(approved: 9, rejected: 0))
        #expect(s.grade == nil)
        #expect(s.outcome == .notEnoughData(decided: 9, enrolled: 100))
        #expect(s.label(.en) == "not enough data")
        #expect(s.reason(.en).contains("9 decided claims (at least 10)"))
        #expect(rule.suggest(f(approved: 10, rejected: 0)).grade != nil)
        #expect(rule.suggest(f(enrolled: 9, completed: 9, certified: 9)).grade == nil)
        #expect(rule.suggest(f(enrolled: 0, completed: 0, certified: 0)).grade == nil)
    }

    @Test func aProfileWithABadThresholdOrAMissingOneIsRefusedNamingTheLine() {
        let text = """
            [profile]
            name = t
            title = t
            seed = 003
            [rules]
            trainings_per_year = 3 ; demo
            online_percent = 50 ; demo
            completion_percent = 80 ; demo
            claim_window_days = 365 ; demo
            working_age_min = 16 ; demo
            working_age_max = 60 ; demo
            rejection_warn_percent = 20 ; demo
            [credit_grade]
            clause = 003 二(三)11
            min_decided = 10 ; demo
            min_enrolled = 10 ; demo
            a_completion_percent = 190 ; demo
            a_certified_percent = 80 ; demo
            a_rejection_percent = 5 ; demo
            a_max_w3 = 0 ; demo
            b_completion_percent = 75 ; demo
            b_rejection_percent = 15 ; demo
            d_completion_percent = 50 ; demo
            d_rejection_percent = 30 ; demo
            """
        guard case let .failure(e) = ProfileParser.parse(text, file: "t.profile") else { Issue.record("parsed"); return }
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("a_completion_percent") }! + 1
        #expect(e.line == line && e.field == "a_completion_percent")
        #expect(e.message(.en).contains("a percent 0–100"))
        let missing = text.replacingOccurrences(of: "a_max_w3 = 0 ; demo\n", with: "")
        guard case let .failure(m) = ProfileParser.parse(missing, file: "t.profile") else { Issue.record("parsed"); return }
        #expect(m.field == "a_max_w3" && m.message(.en).contains("required key missing from [credit_grade]"))
    }
}
