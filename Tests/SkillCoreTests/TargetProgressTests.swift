import Testing
import SkillCore

/// Targets (issue 13 item 2): the arithmetic of achieved against target, the share of the span
/// gone by days, and ahead/behind — at the span's edges, in a leap year, and past the target.
@Suite("Target progress")
struct TargetProgressTests {
    func d(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    @Test func firstDayOfAThreeYearSpan() {
        // 2019–2021: 365 + 366 + 365 = 1096 days; on 2019-01-01 one day is gone.
        let p = TargetProgress.count(target: 600_000, achieved: 0, first: d("2019-01-01"), last: d("2021-12-31"), asOf: d("2019-01-01"))
        #expect(p.daysInSpan == 1096)
        #expect(p.daysGone == 1)
        #expect(p.timeShareBP == 9)                   // 1/1096 = 0.0912%
        #expect(p.expected == 547)                    // 600000 × 1 ÷ 1096, rounded down
        #expect(p.difference == -547)
        #expect(p.standing == .behind)
    }

    @Test func lastDayCountsTheWholeSpan() {
        let p = TargetProgress.count(target: 360_000, achieved: 359_999, first: d("2019-01-01"), last: d("2021-12-31"), asOf: d("2021-12-31"))
        #expect(p.daysGone == p.daysInSpan)
        #expect(p.timeShareBP == 10_000)
        #expect(p.expected == 360_000)
        #expect(p.difference == -1)
        #expect(p.standing == .behind)
        #expect(p.achievedShareBP == 9_999)
    }

    @Test func aLeapYearHas366Days() {
        // 2024-02-29 is day 60 of 366.
        let p = TargetProgress.count(target: 366_000, achieved: 60_000, first: d("2024-01-01"), last: d("2024-12-31"), asOf: d("2024-02-29"))
        #expect(p.daysInSpan == 366)
        #expect(p.daysGone == 60)
        #expect(p.expected == 60_000)
        #expect(p.difference == 0)
        #expect(p.standing == .ahead)                 // on pace counts as ahead (not behind)
        let q = TargetProgress.count(target: 366_000, achieved: 59_999, first: d("2024-01-01"), last: d("2024-12-31"), asOf: d("2024-02-29"))
        #expect(q.standing == .behind)
        #expect(q.difference == -1)
    }

    @Test func alreadyExceededIsMetWhateverTheDate() {
        let p = TargetProgress.count(target: 1_000, achieved: 1_250, first: d("2026-01-01"), last: d("2026-12-31"), asOf: d("2026-03-31"))
        #expect(p.standing == .met)
        #expect(p.achievedShareBP == 12_500)
        #expect(p.difference == 1_250 - 1_000 * 90 / 365)
    }

    @Test func beforeAndAfterTheSpan() {
        let before = TargetProgress.count(target: 100, achieved: 0, first: d("2027-01-01"), last: d("2027-12-31"), asOf: d("2026-12-31"))
        #expect(before.daysGone == 0)
        #expect(before.standing == .notStarted)
        #expect(before.expected == 0)
        let after = TargetProgress.count(target: 100, achieved: 40, first: d("2025-01-01"), last: d("2025-12-31"), asOf: d("2026-06-01"))
        #expect(after.daysGone == 365)
        #expect(after.standing == .behind)
        #expect(after.difference == -60)
    }

    @Test func aShareIsJudgedAgainstTheTargetShare() {
        let counts = TargetProgress.ShareCounts(part: 32, whole: 100)
        let met = TargetProgress.share(targetBP: 3_200, counts: counts, first: d("2026-01-01"), last: d("2026-12-31"), asOf: d("2026-01-01"))
        #expect(met.achieved == 3_200)
        #expect(met.standing == .met)
        let short = TargetProgress.share(targetBP: 3_201, counts: counts, first: d("2026-01-01"), last: d("2026-12-31"), asOf: d("2026-12-31"))
        #expect(short.standing == .behind)
        #expect(short.difference == -1)
        let none = TargetProgress.share(targetBP: 3_200, counts: .init(part: 0, whole: 0), first: d("2026-01-01"), last: d("2026-12-31"), asOf: d("2026-05-01"))
        #expect(none.achieved == 0)
    }

    @Test func draftsAreReadExactly() throws {
        let t = try TargetDraft.parse(kind: "person-times", from: "２０１９", to: "2021", value: "600,000", clause: "003 一").get()
        #expect(t.kind == .personTimes && t.fromYear == 2019 && t.toYear == 2021 && t.value == 600_000)
        #expect(try TargetDraft.parse(kind: "人次", from: "2019", to: "", value: "36万", clause: "").get().value == 360_000)
        #expect(try TargetDraft.parse(kind: "high-skill-share", from: "2026", to: "", value: "32.5%", clause: "").get().value == 3_250)
        #expect(try TargetDraft.parse(kind: "high_skill_share", from: "2026", to: "", value: "32.05", clause: "").get().value == 3_205)
        #expect(TargetDraft.parse(kind: "high-skill-share", from: "2026", to: "", value: "100.01", clause: "") == .failure(.badValue("100.01", kind: .highSkillShare)))
        #expect(TargetDraft.parse(kind: "high-skill-share", from: "2026", to: "", value: "0.5e1", clause: "") == .failure(.badValue("0.5e1", kind: .highSkillShare)))
        #expect(TargetDraft.parse(kind: "person-times", from: "2021", to: "2019", value: "1", clause: "") == .failure(.spanBackwards(from: 2021, to: 2019)))
        #expect(TargetDraft.parse(kind: "person-times", from: "19", to: "", value: "1", clause: "") == .failure(.badYear("19")))
        #expect(TargetDraft.parse(kind: "person-times", from: "2019", to: "", value: "-5", clause: "") == .failure(.badValue("-5", kind: .personTimes)))
        #expect(TargetDraft.parse(kind: "lottery", from: "2019", to: "", value: "1", clause: "") == .failure(.unknownKind("lottery")))
        let skilled = TargetDraft.parse(kind: "skilled-share", from: "2019", to: "", value: "28", clause: "")
        #expect(skilled == .failure(.notComputable("skilled-share")))
        if case let .failure(e) = skilled {
            #expect(e.message(.en).contains("employed"))
            #expect(e.message(.zh).contains("就业人员"))
        }
        #expect(formatBasisPoints(3_205) == "32.05%")
        #expect(formatBasisPoints(-7) == "-0.07%")
    }
}
