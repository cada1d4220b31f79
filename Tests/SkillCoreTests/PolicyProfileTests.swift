import Testing
@testable import SkillCore

/// The shipped profiles, their numbers and sources, the clause passages, and malformed profiles.
@Suite struct PolicyProfileTests {
    func profile(_ name: String) -> PolicyProfile {
        guard let p = PolicyLibrary.profile(named: name) else {
            Issue.record("no profile \(name); problems: \(PolicyLibrary.loaded.problems.map { $0.message(.en) })")
            return PolicyLibrary.profiles[0]
        }
        return p
    }

    @Test func allFiveShippedProfilesLoadAgainstTheClauses() {
        #expect(PolicyLibrary.loaded.problems.isEmpty, "\(PolicyLibrary.loaded.problems.map { $0.message(.en) })")
        #expect(PolicyLibrary.names == ["nanjing-2019", "yancheng-2019", "wuxi-2015", "nantong-2017", "nantong-draft"])
        #expect(PolicyLibrary.profile(named: "shanghai") == nil)
    }

    @Test func everyClauseAProfileOrRuleCitesHasASeedPassage() {
        let book = ClauseBook.shipped
        #expect(book.references.count >= 15)
        for p in PolicyLibrary.profiles {
            for c in p.citedClauses {
                #expect(book.text(c) != nil, "\(p.name) cites \(c), which has no passage")
                #expect(c.hasPrefix(p.seed + " "), "\(p.name) (seed \(p.seed)) cites another seed's clause \(c)")
            }
        }
        // The fund sources and reject reasons cite clauses too.
        for c in FundSource.allCases.compactMap(\.clause) + RejectReason.allCases.compactMap(\.clause) {
            #expect(book.text(c) != nil, "\(c) has no passage")
        }
        // Every rule outcome's clause, over a spread of kinds and profiles.
        for p in PolicyLibrary.profiles {
            for kind in SubsidyKind.allCases {
                let e = PolicyEngine.evaluate(ClaimRequest(kind: kind, months: 3, prepayPercent: 50, asOf: date("2024-06-01")),
                                              facts: PolicyFixture.facts(), profile: p)
                for o in e.outcomes where !(o.clause.isEmpty && p.kinds[kind] == nil && o.rule.hasPrefix("P")) {
                    #expect(book.text(o.clause) != nil, "\(o.rule) cites \(o.clause), which has no passage")
                }
            }
        }
    }

    @Test func clausePassagesAreTheSeedText() {
        let book = ClauseBook.shipped
        #expect(book.text("003 二(一)1")?.contains("高级技师水平的每人每年8000元") == true)
        #expect(book.text("003 二(三)10")?.contains("原则上每人每年可享受不超过3次，但同一职业同一等级不可重复享受") == true)
        #expect(book.text("002 (八)")?.contains("再提高30%") == true)
        #expect(book.text("000 二(二)")?.contains("分别给予个人5000元、3000元一次性奖励") == true)
        #expect(book.text("001 四(三)2")?.contains("最长不超过6个月") == true)
        #expect(book.text("004 三(二)5")?.contains("取得高级工及以上职业资格证书的，依据紧缺程度适当提高") == true)
        #expect(book.text("999 一(一)") == nil)
        let parsed = ClauseBook(text: "; comment\n@ 003 二(一)1\nline one\nline two\n\n@ 002 (八)\nx\n")
        #expect(parsed.references == ["003 二(一)1", "002 (八)"])
        #expect(parsed.text("003 二(一)1") == "line one\nline two")
    }

    struct Number { let profile: String; let kind: SubsidyKind; let level: SkillLevel; let fen: Int64; let source: PolicySource }

    @Test func eachProfileHasItsSeedsNumbers() {
        let rows: [Number] = [
            Number(profile: "nanjing-2019", kind: .apprenticeship, level: .l4, fen: 400_000, source: .clause("003 二(一)1")),
            Number(profile: "nanjing-2019", kind: .apprenticeship, level: .l3, fen: 500_000, source: .clause("003 二(一)1")),
            Number(profile: "nanjing-2019", kind: .apprenticeship, level: .l2, fen: 600_000, source: .clause("003 二(一)1")),
            Number(profile: "nanjing-2019", kind: .apprenticeship, level: .l1, fen: 800_000, source: .clause("003 二(一)1")),
            Number(profile: "nantong-2017", kind: .highSkillReward, level: .l1, fen: 500_000, source: .clause("000 二(二)")),
            Number(profile: "nantong-2017", kind: .highSkillReward, level: .l2, fen: 300_000, source: .clause("000 二(二)")),
            Number(profile: "nantong-2017", kind: .appraisal, level: .l4, fen: 20_000, source: .demo),
            Number(profile: "wuxi-2015", kind: .appraisal, level: .l5, fen: 15_000, source: .demo),
            Number(profile: "yancheng-2019", kind: .insuredUpgrading, level: .l3, fen: 200_000, source: .demo),
        ]
        for r in rows {
            let a = profile(r.profile).kinds[r.kind]?.amounts[r.level]
            #expect(a == Cited(r.fen, r.source), "\(r.profile) \(r.kind) \(r.level): \(String(describing: a))")
        }
        let nj = profile("nanjing-2019")
        #expect(nj.kinds[.apprenticeship]?.amounts[.l5] == nil)
        #expect(nj.trainingsPerYear == Cited(3, .clause("003 二(三)10")))
        #expect(nj.kinds[.workBased]?.maxMonths == Cited(6, .clause("003 二(一)1")))
        #expect(nj.kinds[.workBased]?.perMonthFen == Cited(50_000, .demo))
        #expect(nj.kinds[.prepayment]?.maxPercent == Cited(50, .clause("003 二(三)10")))
        #expect(nj.kinds[.livingAllowance]?.perDayFen == Cited(3_000, .demo))
        #expect(nj.kinds[.livingAllowance]?.localRuralHukou == Cited(true, .clause("003 二(一)2")))
        #expect(nj.attendanceRule == AttendanceRule(onlinePercent: 50, completionPercent: 80))
        #expect(nj.onlinePercent.source == .demo && nj.completionPercent.source == .demo && nj.claimWindowDays.source == .demo)
        #expect(nj.workingAgeMin == Cited(16, .demo) && nj.workingAgeMax == Cited(60, .demo))
        let yc = profile("yancheng-2019")
        #expect(yc.kinds[.workBased]?.maxMonths == Cited(6, .clause("001 四(三)2")))
        #expect(yc.kinds[.prepayment]?.maxPercent == Cited(50, .clause("001 四(三)2")))
        #expect(yc.trainingsPerYear == Cited(3, .clause("001 四(三)2")))
        #expect(yc.kinds[.livingAllowance]?.localRuralHukou == nil)
        let draft = profile("nantong-draft")
        #expect(draft.kinds[.training]?.shortageUpliftPercent == Cited(30, .clause("002 (八)")))
        #expect(draft.kinds[.training]?.shortageUpliftFromLevel == nil)
        let wx = profile("wuxi-2015")
        #expect(wx.kinds[.training]?.shortageUpliftFromLevel == Cited(.l3, .clause("004 三(二)5")))
        #expect(wx.kinds[.training]?.shortageUpliftPercent?.source == .demo)
        #expect(wx.kinds[.workBased] == nil, "Wuxi 2015 has no 以工代训")
        #expect(wx.kinds[.prepayment] == nil)
        #expect(profile("nantong-2017").kinds[.highSkillReward] != nil)
        #expect(nj.kinds[.highSkillReward] == nil && nj.kinds[.appraisal] == nil)
        // Which kinds each profile pays, as a whole.
        let kinds = Dictionary(uniqueKeysWithValues: PolicyLibrary.profiles.map { ($0.name, Set($0.kinds.keys)) })
        #expect(kinds["nanjing-2019"] == [.training, .livingAllowance, .apprenticeship, .workBased, .insuredUpgrading, .prepayment, .settlement])
        #expect(kinds["yancheng-2019"] == [.training, .livingAllowance, .workBased, .insuredUpgrading, .prepayment, .settlement])
        #expect(kinds["wuxi-2015"] == [.training, .appraisal])
        #expect(kinds["nantong-2017"] == [.training, .appraisal, .insuredUpgrading, .highSkillReward])
        #expect(kinds["nantong-draft"] == [.training, .insuredUpgrading])
    }

    // MARK: Malformed profiles

    static let good = """
    ; a test profile
    [profile]
    name = test-1
    title = 测试
    seed = 003

    [rules]
    trainings_per_year = 3          ; 003 二(三)10
    online_percent = 50             ; demo
    completion_percent = 80         ; demo
    claim_window_days = 365         ; demo
    working_age_min = 16            ; demo
    working_age_max = 60            ; demo
    rejection_warn_percent = 20     ; demo

    [apprenticeship]
    clause = 003 二(一)1
    L4 = 4000.00                    ; 003 二(一)1
    L3 = 5000.5                     ; demo
    """

    func parse(_ text: String) -> Result<PolicyProfile, ProfileError> {
        ProfileParser.parse(text, file: "t.profile", knownClauses: Set(ClauseBook.shipped.references))
    }

    @Test func aGoodProfileParsesMoneyExactly() throws {
        let p = try parse(Self.good).get()
        #expect(p.kinds[.apprenticeship]?.amounts[.l4] == Cited(400_000, .clause("003 二(一)1")))
        #expect(p.kinds[.apprenticeship]?.amounts[.l3] == Cited(500_050, .demo))
        #expect(p.name == "test-1" && p.seed == "003" && p.title == "测试")
    }

    /// A profile saved with Windows line endings reads the same (and errors keep their line numbers).
    @Test func windowsLineEndingsReadTheSame() throws {
        let lf = try parse(Self.good).get()
        let crlf = try parse(Self.good.replacingOccurrences(of: "\n", with: "\r\n")).get()
        #expect(crlf == lf)
        let book = ClauseBook(text: "@ 003 二(一)1\r\n第一行\r\n第二行\r\n")
        #expect(book.text("003 二(一)1")?.contains("第一行") == true)
    }

    struct Bad { let label: String; let text: String; let line: Int; let field: String; let problem: ProfileError.Problem }

    @Test func malformedProfilesAreRefusedWithFileLineAndField() {
        let g = Self.good
        let rows: [Bad] = [
            Bad(label: "unknown key", text: g.replacingOccurrences(of: "L3 = 5000.5", with: "L9 = 5000.5"), line: 19, field: "L9",
                problem: .unknownKey(section: "apprenticeship")),
            Bad(label: "bad number", text: g.replacingOccurrences(of: "4000.00", with: "4,000"), line: 18, field: "L4",
                problem: .badValue("4,000", expected: "yuan with at most two decimals, e.g. 4000.00")),
            Bad(label: "three decimals", text: g.replacingOccurrences(of: "4000.00", with: "4000.001"), line: 18, field: "L4",
                problem: .badValue("4000.001", expected: "yuan with at most two decimals, e.g. 4000.00")),
            Bad(label: "negative", text: g.replacingOccurrences(of: "4000.00", with: "-4000"), line: 18, field: "L4",
                problem: .badValue("-4000", expected: "yuan with at most two decimals, e.g. 4000.00")),
            Bad(label: "percent over 100", text: g.replacingOccurrences(of: "online_percent = 50", with: "online_percent = 150"), line: 9,
                field: "online_percent", problem: .badValue("150", expected: "a percent 0–100")),
            Bad(label: "not a whole number", text: g.replacingOccurrences(of: "trainings_per_year = 3 ", with: "trainings_per_year = 3.5 "), line: 8,
                field: "trainings_per_year", problem: .badValue("3.5", expected: "a whole number")),
            Bad(label: "missing required key", text: g.replacingOccurrences(of: "claim_window_days = 365         ; demo\n", with: ""), line: 7,
                field: "claim_window_days", problem: .missingKey(section: "rules")),
            Bad(label: "duplicate key", text: g.replacingOccurrences(of: "L3 = 5000.5", with: "L4 = 5000.5"), line: 19, field: "L4",
                problem: .duplicateKey(firstLine: 18)),
            Bad(label: "kind with no clause", text: g.replacingOccurrences(of: "clause = 003 二(一)1\n", with: ""), line: 16,
                field: "[apprenticeship]", problem: .kindWithoutClause(.apprenticeship)),
            Bad(label: "number with no source", text: g.replacingOccurrences(of: "4000.00                    ; 003 二(一)1", with: "4000.00"), line: 18,
                field: "L4", problem: .missingSource),
            Bad(label: "invented clause", text: g.replacingOccurrences(of: "4000.00                    ; 003 二(一)1", with: "4000.00 ; 003 九(九)9"),
                line: 18, field: "L4", problem: .unknownClause("003 九(九)9")),
            Bad(label: "unknown section", text: g.replacingOccurrences(of: "[apprenticeship]", with: "[bonus]"), line: 16, field: "bonus",
                problem: .unknownSection("bonus")),
            Bad(label: "duplicate section", text: g + "\n[rules]\n", line: 20, field: "rules", problem: .duplicateSection(firstLine: 7)),
            Bad(label: "not a line", text: g.replacingOccurrences(of: "seed = 003", with: "seed 003"), line: 5, field: "seed 003", problem: .badLine),
            Bad(label: "missing rules section", text: "[profile]\nname = a\ntitle = b\nseed = 003\n", line: 0, field: "[rules]",
                problem: .missingKey(section: "rules")),
            Bad(label: "per-level kind without amounts", text: g.replacingOccurrences(of: "L4 = 4000.00                    ; 003 二(一)1\nL3 = 5000.5                     ; demo", with: ""),
                line: 16, field: "L5…L1", problem: .missingKey(section: "apprenticeship")),
            Bad(label: "bad seed", text: g.replacingOccurrences(of: "seed = 003", with: "seed = 3"), line: 5, field: "seed",
                problem: .badValue("3", expected: "a three-digit seed number, e.g. 003")),
        ]
        for r in rows {
            guard case .failure(let e) = parse(r.text) else { Issue.record("\(r.label): accepted"); continue }
            #expect(e == ProfileError(file: "t.profile", line: r.line, field: r.field, problem: r.problem), "\(r.label): \(e)")
            #expect(e.message(.en).hasPrefix(r.line == 0 ? "t.profile, line 0" : "t.profile, line \(r.line), \(r.field): "), "\(r.label)")
            #expect(e.message(.zh).hasPrefix("t.profile 第\(r.line)行 “\(r.field)”："), "\(r.label)")
        }
    }

    @Test func errorMessagesSayWhatWouldBeRight() {
        let unknown = ProfileError(file: "f", line: 3, field: "L9", problem: .unknownKey(section: "apprenticeship"))
        #expect(unknown.message(.en).contains("allowed: clause, apprentice, L5, L4, L3, L2, L1, special, chief"))
        let noSource = ProfileError(file: "f", line: 3, field: "L4", problem: .missingSource)
        #expect(noSource.message(.zh).contains("; demo") && noSource.message(.en).contains("; demo"))
        let noClause = ProfileError(file: "f", line: 3, field: "[training]", problem: .kindWithoutClause(.training))
        #expect(noClause.message(.zh).contains("职业培训补贴") && noClause.message(.en).contains("clause = "))
    }
}
