import SkillCore
import Testing

@Suite struct SkillLevelTests {
    @Test func parsesCodesNumbersAndChineseNames() {
        #expect(SkillLevel.parse("L4") == .l4)
        #expect(SkillLevel.parse(" l3 ") == .l3)
        #expect(SkillLevel.parse("5") == .l5)
        #expect(SkillLevel.parse("高级技师") == .l1)
        #expect(SkillLevel.parse("技师") == .l2)
        #expect(SkillLevel.parse("学徒工") == .apprentice)
        #expect(SkillLevel.parse("首席技师") == .chief)
        #expect(SkillLevel.parse("SPECIAL") == .special)
        #expect(SkillLevel.parse("L6") == nil)
        #expect(SkillLevel.parse("6") == nil)
        #expect(SkillLevel.parse("") == nil)
        #expect(SkillLevel.parse("工") == nil)
    }

    @Test func highSkillIsSeniorWorkerAndAbove() {
        let high = SkillLevel.allCases.filter(\.isHighSkill)
        #expect(high == [.l3, .l2, .l1, .special, .chief])
        #expect(SkillLevel.apprentice < .l5 && .l1 < .special && .special < .chief)
    }
}

@Suite struct OccupationCodeTests {
    @Test func acceptsOnlyDigitDashForm() {
        for good in ["6-31-01-03", "4-10-01-05", " 1-01-00-00 "] {
            #expect((try? OccupationCode.parse(good).get()) != nil, "\(good)")
        }
        for bad in ["6-31-01-003", "63-1-01-03", "6-31-01", "6.31.01.03", "6-31-01-0A", "６-31-01-03", "6-31-01-03-", "-6-31-01-03"] {
            #expect((try? OccupationCode.parse(bad).get()) == nil, "\(bad)")
        }
        #expect(OccupationCode.parse("") == .failure(.emptyCode))
    }

    @Test func levelStandardsParseAndRefuse() throws {
        #expect(try LevelStandard.parse("L4:150000:120").get() == LevelStandard(level: .l4, standardFen: 150_000, hours: 120))
        #expect(try LevelStandard.parse("中级工:1:1").get().level == .l4)
        #expect(LevelStandard.parse("L9:1:1") == .failure(.badLevel("L9")))
        #expect(LevelStandard.parse("L4:-1:10") == .failure(.negativeAmount(.l4)))
        #expect(LevelStandard.parse("L4:100:0") == .failure(.badHours(.l4)))
        #expect(LevelStandard.parse("L4:100") == .failure(.badLevel("L4:100")))
    }

    @Test func periodsOverlapInclusively() {
        let d = { CalendarDate(iso: $0)! }
        let y2024 = EffectivePeriod(from: d("2024-01-01"), to: d("2024-12-31"))
        #expect(!y2024.overlaps(EffectivePeriod(from: d("2025-01-01"), to: nil)))
        #expect(y2024.overlaps(EffectivePeriod(from: d("2024-12-31"), to: nil)))
        #expect(EffectivePeriod(from: d("2025-01-01"), to: nil).overlaps(EffectivePeriod(from: d("2030-01-01"), to: d("2030-01-01"))))
        #expect(!EffectivePeriod(from: d("2025-01-01"), to: nil).overlaps(y2024))
        #expect(y2024.contains(d("2024-12-31")) && !y2024.contains(d("2025-01-01")))
    }

    @Test func duplicateLevelsAndReversedPeriodsRefused() {
        let l = LevelStandard(level: .l4, standardFen: 1, hours: 1)
        let from = CalendarDate(iso: "2025-01-01")!
        let dup = Occupation.make(code: "6-31-01-03", name: "电工", subsidised: true, shortage: false, accessControlled: false,
                                  tier: nil, levels: [l, l], from: from, to: nil)
        #expect(dup == .failure(.duplicateLevel(.l4)))
        let rev = Occupation.make(code: "6-31-01-03", name: "电工", subsidised: true, shortage: false, accessControlled: false,
                                  tier: nil, levels: [l], from: from, to: CalendarDate(iso: "2024-12-31")!)
        #expect(rev == .failure(.periodReversed(from: from, to: CalendarDate(iso: "2024-12-31")!)))
    }
}

@Suite struct InstitutionStatusTests {
    @Test func transitions() {
        #expect(InstitutionAction.suspend.apply(to: .active) == .success(.suspended))
        #expect(InstitutionAction.reinstate.apply(to: .suspended) == .success(.active))
        #expect(InstitutionAction.disqualify.apply(to: .active) == .success(.disqualified))
        #expect(InstitutionAction.disqualify.apply(to: .suspended) == .success(.disqualified))
        for action in InstitutionAction.allCases {
            if case .success = action.apply(to: .disqualified) { Issue.record("\(action) on disqualified must be refused") }
        }
        if case .success = InstitutionAction.reinstate.apply(to: .active) { Issue.record("reinstating an active one") }
        if case .success = InstitutionAction.suspend.apply(to: .suspended) { Issue.record("suspending twice") }
    }

    @Test func kindsParseCodesAndChineseLabels() {
        #expect(InstitutionKind.parse("technical-school") == .technicalSchool)
        #expect(InstitutionKind.parse("民办培训学校") == .privateSchool)
        #expect(InstitutionKind.parse("school") == nil)
    }
}
