import Testing
@testable import SkillCore

/// W3 (issue 12): an institution's rejection rate means something only past the profile's minimum
/// of decided claims (20 in the shipped profiles), and its text says the rate, the counts and the line.
@Suite struct RejectionRateWarningTests {
    static func w3(decided: Int, rejected: Int, profile: String = "nanjing-2019",
                   tweak: (inout PolicyProfile) -> Void = { _ in }) -> RuleOutcome {
        var facts = PolicyFixture.facts()
        facts.anomalies.institutionDecided = decided
        facts.anomalies.institutionRejected = rejected
        var p = PolicyLibrary.profile(named: profile)!
        tweak(&p)
        return PolicyEngine.evaluate(ClaimRequest(kind: .training, asOf: PolicyFixture.asOf), facts: facts, profile: p).outcome("W3")!
    }

    @Test func everyShippedProfileWantsTwentyDecidedClaims() {
        for p in PolicyLibrary.profiles {
            #expect(p.rejectionWarnMinDecided == Cited(20, .demo), "\(p.name)")
        }
    }

    @Test func nineteenDecidedIsSilentWhateverTheRate() {
        // 19 decided, 19 rejected: 100%, but too few decisions to mean anything.
        let o = Self.w3(decided: 19, rejected: 19)
        #expect(o.result == .pass)
        #expect(o.zh.contains("已决定申请 19 份（驳回 19 份），不足 20 份"), "\(o.zh)")
        #expect(o.en.contains("19 decided claims (19 rejected), fewer than the 20"), "\(o.en)")
        // The case: one rejection of three.
        #expect(Self.w3(decided: 3, rejected: 1).result == .pass)
    }

    @Test func twentyDecidedAboveTheLineFiresWithRateCountsAndLine() {
        // nanjing-2019's line is 20%; 7 of 20 is 35%.
        let o = Self.w3(decided: 20, rejected: 7)
        #expect(o.result == .warn)
        #expect(o.zh == "机构 金陵职业培训学校 驳回率 35%（20 份已决定中驳回 7 份），超过警示线 20%（演示默认值）", "\(o.zh)")
        #expect(o.en == "institution 金陵职业培训学校 has a rejection rate of 35% (7 of 20 decided claims rejected), over the 20% alert line (demo default)", "\(o.en)")
    }

    @Test func exactlyAtTheLineFiresAndSaysAt() {
        // 4 of 20 is exactly 20%: reaching the line counts ("达到").
        let at = Self.w3(decided: 20, rejected: 4)
        #expect(at.result == .warn)
        #expect(at.zh.contains("驳回率 20%（20 份已决定中驳回 4 份），达到警示线 20%"), "\(at.zh)")
        #expect(at.en.contains("20% (4 of 20 decided claims rejected), at the 20% alert line"), "\(at.en)")
        // Just under: 4 of 21 is 19.0…%: quiet, and the rate is not rounded up to the line.
        let under = Self.w3(decided: 21, rejected: 4)
        #expect(under.result == .pass)
        #expect(under.zh.contains("驳回率 19%（21 份已决定中驳回 4 份），低于 20%"), "\(under.zh)")
        // Just over, where rounding down would show the line itself: 61 of 300 is 20.33…% → "20.3%".
        let over = Self.w3(decided: 300, rejected: 61)
        #expect(over.result == .warn && over.zh.contains("20.3%") && over.zh.contains("超过警示线 20%"), "\(over.zh)")
    }

    @Test func theMinimumIsTheProfilesValue() {
        let five = Self.w3(decided: 5, rejected: 2) { $0.rejectionWarnMinDecided = Cited(5, .demo) }
        #expect(five.result == .warn)
        #expect(Self.w3(decided: 4, rejected: 2) { $0.rejectionWarnMinDecided = Cited(5, .demo) }.result == .pass)
    }

    @Test func aProfileMayLeaveTheMinimumOutOrSetIt() throws {
        let base = PolicyLibrary.files.first { $0.file == "nanjing-2019.profile" }!.text
        let without = base.replacingOccurrences(of: "rejection_warn_min_decided = 20 ; demo\n", with: "")
        #expect(without != base)
        #expect(ProfileParser.parse(without, file: "x").success?.rejectionWarnMinDecided == Cited(20, .demo))
        let fifty = base.replacingOccurrences(of: "rejection_warn_min_decided = 20 ; demo", with: "rejection_warn_min_decided = 50 ; demo")
        #expect(ProfileParser.parse(fifty, file: "x").success?.rejectionWarnMinDecided == Cited(50, .demo))
        let zero = base.replacingOccurrences(of: "rejection_warn_min_decided = 20 ;", with: "rejection_warn_min_decided = 0 ;")
        let e = try #require(ProfileParser.parse(zero, file: "x").failure)
        #expect(e.field == "rejection_warn_min_decided")
        #expect(e.problem == .badValue("0", expected: "a whole number of decided claims 1–100000"))
        #expect(!e.message(.zh).isEmpty && e.message(.zh) != e.message(.en))
    }
}
