import Testing
@testable import SkillCore

/// A claim that passes every rule under nanjing-2019: 李娜, an employment-skills class in 电工
/// 中级工 in Nanjing, completed, certified, no earlier claims.
enum PolicyFixture {
    static func worker() -> WorkerFacts {
        WorkerFacts(residentID: "320102199001011236", name: "李娜", birthDate: date("1990-01-01"),
                    groups: [.unemployed], hukouRegion: "320102", residenceRegion: "320105")
    }

    static func klass() -> ClassFacts {
        ClassFacts(id: 10, type: .employment, institutionCode: "52320100MJ5000000X", institutionName: "金陵职业培训学校",
                   region: "320106", occupationCode: "6-31-01-03", occupationName: "电工", level: .l4,
                   start: date("2024-03-01"), end: date("2024-04-30"), plannedHours: 100, countedMinutes: 100 * 60,
                   attendedDays: 40, closedOn: date("2024-05-01"), employer: "南京机电公司")
    }

    static func facts() -> ClaimFacts {
        ClaimFacts(worker: worker(), klass: klass(),
                   catalogue: CatalogueFacts(subsidised: true, shortage: false, standardFen: 150_000, hours: 100),
                   certificate: CertificateFacts(type: .skillLevel, number: "S2024-0001", level: .l4, date: date("2024-05-10"), holderName: "李娜"))
    }

    static func prior(_ id: Int64, _ kind: SubsidyKind = .training, occ: String = "6-31-01-03", name: String = "电工",
                      level: SkillLevel = .l4, year: Int = 2024, date d: String = "2024-05-12", status: ClaimStatus = .approved,
                      classID: Int64? = nil, type: TrainingType? = .employment, amount: Int64 = 150_000,
                      employer: String? = nil, months: Int? = nil) -> PriorClaim {
        PriorClaim(id: id, kind: kind, classID: classID ?? id + 1000, trainingType: type, occupationCode: occ, occupationName: name,
                   level: level, year: year, date: date(d), status: status, amountFen: amount, employer: employer, months: months)
    }

    static let asOf = date("2024-06-01")
}

@Suite struct PolicyEngineTests {
    typealias Mutation = @Sendable (inout ClaimRequest, inout ClaimFacts) -> Void

    struct Row: Sendable {
        let label: String
        let profile: String
        let kind: SubsidyKind
        let rule: String
        let expected: RuleResult
        let mutate: Mutation
        init(_ label: String, kind: SubsidyKind = .training, profile: String = "nanjing-2019", _ rule: String, _ expected: RuleResult,
             _ mutate: @escaping Mutation = { _, _ in }) {
            self.label = label; self.profile = profile; self.kind = kind; self.rule = rule; self.expected = expected; self.mutate = mutate
        }
    }

    static func run(_ row: Row) -> Evaluation {
        var request = ClaimRequest(kind: row.kind, asOf: PolicyFixture.asOf)
        var facts = PolicyFixture.facts()
        row.mutate(&request, &facts)
        return PolicyEngine.evaluate(request, facts: facts, profile: PolicyLibrary.profile(named: row.profile)!)
    }

    static let livingAllowance: Mutation = { _, f in f.worker.groups = [.dibao] }
    static let apprentice: Mutation = { _, f in f.klass!.type = .apprenticeship; f.klass!.institutionIsEnterprise = true }
    static let project: Mutation = { r, f in r.prepayPercent = 50; f.klass!.type = .project }
    static let workBased: Mutation = { r, f in r.months = 6; f.klass!.type = .workBased }

    /// The verdict-only mode (`messages: false`) decides every scenario exactly as the full
    /// evaluation: same results, rule IDs, clauses, amount and payee; only the text is left out.
    @Test func verdictWithoutMessagesEqualsTheFullEvaluation() {
        #expect(Self.rows.count > 40)
        for row in Self.rows {
            var request = ClaimRequest(kind: row.kind, asOf: PolicyFixture.asOf)
            var facts = PolicyFixture.facts()
            row.mutate(&request, &facts)
            let profile = PolicyLibrary.profile(named: row.profile)!
            let full = PolicyEngine.evaluate(request, facts: facts, profile: profile)
            let verdict = PolicyEngine.evaluate(request, facts: facts, profile: profile, messages: false)
            #expect(verdict.outcomes.map(\.rule) == full.outcomes.map(\.rule), "\(row.label)")
            #expect(verdict.outcomes.map(\.result) == full.outcomes.map(\.result), "\(row.label)")
            #expect(verdict.outcomes.map(\.clause) == full.outcomes.map(\.clause), "\(row.label)")
            #expect(verdict.amountFen == full.amountFen && verdict.payee == full.payee && verdict.eligible == full.eligible, "\(row.label)")
            #expect(verdict.outcome(row.rule)?.result == row.expected, "\(row.label)")
            #expect(verdict.outcomes.allSatisfy { $0.zh.isEmpty && $0.en.isEmpty } && verdict.computationZh.isEmpty
                    && verdict.computationEn.isEmpty, "\(row.label)")
            #expect(full.outcomes.allSatisfy { !$0.zh.isEmpty && !$0.en.isEmpty } && !full.computationEn.isEmpty, "\(row.label)")
        }
    }

    static let rows: [Row] = [
        Row("valid ID", "E1", .pass),
        Row("invalid ID", "E1", .fail) { _, f in f.worker.idValid = false },
        Row("no pension", "E2", .pass),
        Row("pension", "E2", .fail) { _, f in f.worker.drawsPension = true },
        Row("certificate after training", "E3", .pass),
        Row("no certificate", "E3", .fail) { _, f in f.certificate = nil },
        Row("certificate before the class started", "E3", .fail) { _, f in f.certificate!.date = date("2024-02-01") },
        Row("claim window passed", "E3", .fail) { r, _ in r.asOf = date("2025-05-11") },
        Row("last day of the claim window", "E3", .pass) { r, _ in r.asOf = date("2025-05-10") },
        Row("E3 not for apprenticeship", kind: .apprenticeship, "E3", .notApplicable, apprentice),
        Row("two trainings this year", "E4", .pass) { _, f in
            f.priorClaims = [PolicyFixture.prior(1, occ: "4-01-01-01"), PolicyFixture.prior(2, occ: "4-01-01-02")] },
        Row("three trainings this year", "E4", .fail) { _, f in
            f.priorClaims = [PolicyFixture.prior(1, occ: "4-01-01-01"), PolicyFixture.prior(2, occ: "4-01-01-02"), PolicyFixture.prior(3, occ: "4-01-01-03")] },
        Row("three, but one rejected and one draft", "E4", .pass) { _, f in
            f.priorClaims = [PolicyFixture.prior(1, occ: "4-01-01-01"), PolicyFixture.prior(2, occ: "4-01-01-02", status: .rejected),
                             PolicyFixture.prior(3, occ: "4-01-01-03", status: .draft)] },
        Row("three last year", "E4", .pass) { _, f in
            f.priorClaims = (1...3).map { PolicyFixture.prior(Int64($0), occ: "4-01-01-0\($0)", year: 2023) } },
        Row("prepayment and settlement of one class are one training", "E4", .pass) { _, f in
            f.priorClaims = [PolicyFixture.prior(1, .prepayment, occ: "4-01-01-01", classID: 77), PolicyFixture.prior(2, .settlement, occ: "4-01-01-01", classID: 77),
                             PolicyFixture.prior(3, occ: "4-01-01-03")] },
        Row("E4 not for apprenticeship", kind: .apprenticeship, "E4", .notApplicable, apprentice),
        Row("same occupation and level before", "E5", .fail) { _, f in f.priorClaims = [PolicyFixture.prior(1832, status: .submitted)] },
        Row("higher level before", "E5", .fail) { _, f in f.priorClaims = [PolicyFixture.prior(1, level: .l3)] },
        Row("lower level before", "E5", .pass) { _, f in f.priorClaims = [PolicyFixture.prior(1, level: .l5)] },
        Row("same level, rejected", "E5", .pass) { _, f in f.priorClaims = [PolicyFixture.prior(1, status: .rejected)] },
        Row("same level, other occupation", "E5", .pass) { _, f in f.priorClaims = [PolicyFixture.prior(1, occ: "4-01-01-01")] },
        Row("apprenticeship same level, other year", kind: .apprenticeship, "E5", .fail) { r, f in
            apprentice(&r, &f); f.priorClaims = [PolicyFixture.prior(1, .apprenticeship, year: 2023, date: "2023-12-01")] },
        Row("E5 not for living allowance", kind: .livingAllowance, "E5", .notApplicable, livingAllowance),
        Row("E6 not safety training", "E6", .notApplicable),
        Row("safety, first time", "E6", .pass) { _, f in f.klass!.type = .safety },
        Row("safety, same occupation again", "E6", .fail) { _, f in
            f.klass!.type = .safety; f.klass!.level = .l3; f.priorClaims = [PolicyFixture.prior(5, level: .l5, type: .safety)] },
        Row("E7 not work-based or pre-job", "E7", .notApplicable),
        Row("work-based 6 months", kind: .workBased, "E7", .pass, workBased),
        Row("work-based 7 months", kind: .workBased, "E7", .fail) { r, f in workBased(&r, &f); r.months = 7 },
        Row("work-based 4 + 3 months", kind: .workBased, "E7", .fail) { r, f in
            workBased(&r, &f); r.months = 3; f.priorClaims = [PolicyFixture.prior(9, .workBased, employer: "南京机电公司", months: 4)] },
        Row("work-based after pre-job at the same employer", kind: .workBased, "E7", .fail) { r, f in
            workBased(&r, &f); f.priorClaims = [PolicyFixture.prior(9, type: .prejob, employer: "南京机电公司")] },
        Row("pre-job after work-based at the same employer", "E7", .fail) { _, f in
            f.klass!.type = .prejob; f.priorClaims = [PolicyFixture.prior(9, .workBased, occ: "x", employer: "南京机电公司", months: 2)] },
        Row("pre-job after work-based elsewhere", "E7", .pass) { _, f in
            f.klass!.type = .prejob; f.priorClaims = [PolicyFixture.prior(9, .workBased, occ: "x", employer: "别的公司", months: 2)] },
        Row("in the catalogue", "E8", .pass),
        Row("not in the catalogue", "E8", .fail) { _, f in f.catalogue!.subsidised = false },
        Row("no catalogue entry on the end date", "E8", .fail) { _, f in f.catalogue = nil },
        Row("pre-job, outside the catalogue", "E8", .pass) { _, f in f.klass!.type = .prejob; f.catalogue!.subsidised = false },
        Row("E8 not for living allowance", kind: .livingAllowance, "E8", .notApplicable, livingAllowance),
        Row("active institution", "E9", .pass),
        Row("suspended institution", "E9", .fail) { _, f in f.klass!.institutionStatus = .suspended },
        Row("disqualified institution", "E9", .fail) { _, f in f.klass!.institutionStatus = .disqualified },
        Row("direct appraisal, no class", kind: .appraisal, profile: "wuxi-2015", "E9", .notApplicable) { _, f in f.klass = nil },
        Row("trains where registered", "E10", .pass),
        Row("trains in another city", "E10", .fail) { _, f in f.klass!.region = "320502" },
        Row("trains where working", "E10", .pass) { _, f in f.klass!.region = "320502"; f.worker.workRegion = "320505" },
        Row("class region unknown", "E10", .notApplicable) { _, f in f.klass!.region = nil },
        Row("E10 not for apprenticeship", kind: .apprenticeship, "E10", .notApplicable, apprentice),
        Row("no relative", kind: .livingAllowance, "E11", .notApplicable, livingAllowance),
        Row("relative severely disabled", kind: .livingAllowance, "E11", .pass) { _, f in
            f.worker.groups = []; f.worker.relativeOf = RelativeFacts(name: "王强", groups: [], disability: .severe) },
        Row("relative poor", kind: .livingAllowance, "E11", .pass) { _, f in
            f.worker.groups = []; f.worker.relativeOf = RelativeFacts(name: "王强", groups: [.lowIncomeRural], disability: .none) },
        Row("relative neither poor nor severely disabled", kind: .livingAllowance, "E11", .fail) { _, f in
            f.worker.groups = []; f.worker.relativeOf = RelativeFacts(name: "王强", groups: [.veteran], disability: .nonsevere) },
        Row("E11 not for training", "E11", .notApplicable),
        Row("dibao, employment class, passed", kind: .livingAllowance, "E12", .pass, livingAllowance),
        Row("not in a listed group", kind: .livingAllowance, "E12", .fail),
        Row("relative's group counts (E11)", kind: .livingAllowance, "E12", .pass) { _, f in
            f.worker.groups = []; f.worker.relativeOf = RelativeFacts(name: "王强", groups: [.dibao], disability: .none) },
        Row("rural school leaver", kind: .livingAllowance, "E12", .pass) { _, f in f.worker.groups = [.schoolLeaver]; f.worker.rural = true },
        Row("urban school leaver", kind: .livingAllowance, "E12", .fail) { _, f in f.worker.groups = [.schoolLeaver] },
        Row("Nanjing local rural hukou", kind: .livingAllowance, "E12", .pass) { _, f in f.worker.rural = true },
        Row("Yancheng has no local rural hukou rule", kind: .livingAllowance, profile: "yancheng-2019", "E12", .fail) { _, f in
            f.worker.rural = true; f.klass!.region = "320902"; f.worker.hukouRegion = "320902" },
        Row("upgrading class", kind: .livingAllowance, "E12", .fail) { r, f in livingAllowance(&r, &f); f.klass!.type = .upgrading },
        Row("not yet assessed", kind: .livingAllowance, "E12", .fail) { r, f in livingAllowance(&r, &f); f.certificate = nil },
        Row("E12 not for training", "E12", .notApplicable),
        Row("prepay 50% of a project class", kind: .prepayment, "E13", .pass, project),
        Row("prepay 60%", kind: .prepayment, "E13", .fail) { r, f in project(&r, &f); r.prepayPercent = 60 },
        Row("prepay without a percent", kind: .prepayment, "E13", .fail) { r, f in project(&r, &f); r.prepayPercent = nil },
        Row("prepay a non-project class of a school", kind: .prepayment, "E13", .fail) { r, _ in r.prepayPercent = 50 },
        Row("prepay an enterprise's own training", kind: .prepayment, "E13", .pass) { r, f in r.prepayPercent = 50; f.klass!.institutionIsEnterprise = true },
        Row("E13 not for training", "E13", .notApplicable),
        Row("completed at 100%", "E14", .pass),
        Row("completed at exactly 80%", "E14", .pass) { _, f in f.klass!.countedMinutes = 80 * 60 },
        Row("79.98 h of 80 needed", "E14", .fail) { _, f in f.klass!.countedMinutes = 80 * 60 - 1 },
        Row("direct appraisal class", kind: .appraisal, profile: "wuxi-2015", "E14", .notApplicable) { _, f in f.klass!.type = .appraisal },
        Row("E14 not for work-based", kind: .workBased, "E14", .notApplicable, workBased),
        Row("first apprenticeship this year", kind: .apprenticeship, "E15", .pass, apprentice),
        Row("second apprenticeship claim this year", kind: .apprenticeship, "E15", .fail) { r, f in
            apprentice(&r, &f); f.priorClaims = [PolicyFixture.prior(4, .apprenticeship, occ: "4-01-01-01", level: .l3)] },
        Row("apprenticeship last year", kind: .apprenticeship, "E15", .pass) { r, f in
            apprentice(&r, &f); f.priorClaims = [PolicyFixture.prior(4, .apprenticeship, occ: "4-01-01-01", level: .l3, year: 2023)] },
        Row("E15 not for training", "E15", .notApplicable),
        Row("profile pays the kind", "P1", .pass),
        Row("Wuxi has no 以工代训", kind: .workBased, profile: "wuxi-2015", "P1", .fail, workBased),
        Row("no high-skill reward at 高级工", kind: .highSkillReward, profile: "nantong-2017", "P1", .fail) { _, f in f.certificate!.level = .l3 },
        Row("high-skill reward at 技师", kind: .highSkillReward, profile: "nantong-2017", "P1", .pass) { _, f in f.certificate!.level = .l2 },
        Row("insured employee", kind: .insuredUpgrading, "P2", .pass) { _, f in f.worker.unemploymentInsured = true },
        Row("not insured", kind: .insuredUpgrading, "P2", .fail),
        Row("reward on a skill-level certificate", kind: .highSkillReward, profile: "nantong-2017", "P2", .pass) { _, f in f.certificate!.level = .l2 },
        Row("reward on a training certificate", kind: .highSkillReward, profile: "nantong-2017", "P2", .fail) { _, f in
            f.certificate!.level = .l2; f.certificate!.type = .training },
        Row("P2 nothing more for training", "P2", .notApplicable),
        Row("certificate with one holder", "W1", .pass),
        Row("certificate number on two workers", "W1", .warn) { _, f in f.certificate!.otherHolders = ["张伟"] },
        Row("certificate before the training", "W1", .warn) { _, f in f.certificate!.date = date("2024-01-01") },
        Row("no anomalies", "W2", .pass),
        Row("same day at another institution", "W2", .warn) { _, f in f.anomalies.otherInstitutionDays = [date("2024-03-04")] },
        Row("more than a day's hours", "W2", .warn) { _, f in f.anomalies.overlongDays = [date("2024-03-05")] },
        Row("institution fine", "W3", .pass) { _, f in f.anomalies.institutionDecided = 100; f.anomalies.institutionRejected = 19 },
        Row("institution suspended", "W3", .warn) { _, f in f.klass!.institutionStatus = .suspended },
        Row("high rejection rate", "W3", .warn) { _, f in f.anomalies.institutionDecided = 100; f.anomalies.institutionRejected = 20 },
        Row("one rejection of three is no rate yet", "W3", .pass) { _, f in f.anomalies.institutionDecided = 3; f.anomalies.institutionRejected = 1 },
        Row("working age", "W4", .pass),
        Row("pension", "W4", .warn) { _, f in f.worker.drawsPension = true },
        Row("aged 70", "W4", .warn) { _, f in f.worker.birthDate = date("1954-01-01") },
        Row("aged 15", "W4", .warn) { _, f in f.worker.birthDate = date("2009-01-01") },
        Row("aged 60", "W4", .pass) { _, f in f.worker.birthDate = date("1964-01-01") },
        Row("attendance untouched", "W5", .pass),
        Row("logged after closing", "W5", .warn) { _, f in f.anomalies.editedAfterClose = [date("2024-04-30")] },
        Row("edited after submission", "W5", .warn) { _, f in f.anomalies.editedAfterSubmission = [date("2024-04-29")] },
    ]

    @Test func everyRuleBothWays() {
        for row in Self.rows {
            let e = Self.run(row)
            guard let o = e.outcome(row.rule) else { Issue.record("\(row.label): no \(row.rule)"); continue }
            #expect(o.result == row.expected, "\(row.label): \(row.rule) is \(o.result.rawValue) — \(o.en)")
            #expect(!o.zh.isEmpty && !o.en.isEmpty && o.zh != o.en, "\(row.label)")
            #expect(e.eligible == !e.outcomes.contains { $0.result == .fail })
        }
        // Every rule is taken each way it can go.
        for rule in (1...15).map({ "E\($0)" }) + ["P1", "P2"] {
            #expect(Self.rows.contains { $0.rule == rule && $0.expected == .pass }, "\(rule) never passes")
            #expect(Self.rows.contains { $0.rule == rule && $0.expected == .fail }, "\(rule) never fails")
        }
        for rule in (1...5).map({ "W\($0)" }) {
            #expect(Self.rows.contains { $0.rule == rule && $0.expected == .pass }, "\(rule) never quiet")
            #expect(Self.rows.contains { $0.rule == rule && $0.expected == .warn }, "\(rule) never fires")
        }
    }

    @Test func theBaseClaimPassesEverythingAndListsEveryRule() {
        let e = Self.run(Row("base", "E1", .pass))
        #expect(e.outcomes.map(\.rule) == (1...15).map { "E\($0)" } + ["P1", "P2"] + (1...5).map { "W\($0)" })
        #expect(e.eligible && e.failures.isEmpty && e.warnings.isEmpty)
        #expect(e.amountFen == 150_000 && e.payee == .worker)
        #expect(e.outcome("E5")?.clause == "003 二(三)10" && e.outcome("E4")?.clause == "003 二(三)10")
        #expect(e.outcome("W3")?.result == .pass)
    }

    @Test func messagesNameTheFacts() {
        let e = Self.run(Row("dup", "E5", .fail) { _, f in f.priorClaims = [PolicyFixture.prior(1832, status: .submitted)] })
        let o = e.outcome("E5")!
        #expect(o.message(.en) == "E5: 李娜 already received a vocational training subsidy for 电工 intermediate worker (level 4) on 2024-05-12, claim SD-2024-001832 (submitted); the same occupation and level is subsidised once")
        #expect(o.message(.zh).contains("李娜") && o.message(.zh).contains("电工 中级工") && o.message(.zh).contains("申请 SD-2024-001832") && o.message(.zh).contains("2024-05-12"))
        #expect(!e.eligible)
        let yc = PolicyEngine.evaluate(ClaimRequest(kind: .training, asOf: PolicyFixture.asOf), facts: PolicyFixture.facts(),
                                       profile: PolicyLibrary.profile(named: "yancheng-2019")!)
        #expect(yc.outcome("E2")?.clause == "001 四(三)2", "the profile's own seed is cited when the rule has a clause there")
        let e4 = Self.run(Row("cap", "E4", .fail) { _, f in
            f.priorClaims = [PolicyFixture.prior(1, occ: "a"), PolicyFixture.prior(2, occ: "b"), PolicyFixture.prior(3, occ: "c")] }).outcome("E4")!
        #expect(e4.en.contains("#1, #2, #3") && e4.en.contains("2024") && e4.zh.contains("3 次"))
        let w4 = Self.run(Row("old", "W4", .warn) { _, f in f.worker.birthDate = date("1954-01-01") }).outcome("W4")!
        #expect(w4.en.contains("70") && w4.en.contains("16–60") && w4.en.contains("demo default"))
    }

    @Test func warningsDoNotStopAClaim() {
        let e = Self.run(Row("w", "W1", .warn) { _, f in f.certificate!.otherHolders = ["张伟"]; f.anomalies.overlongDays = [date("2024-03-05")] })
        #expect(e.eligible && e.warnings.map(\.rule) == ["W1", "W2"])
    }

    // MARK: Amounts

    struct AmountRow: Sendable { let label: String; let profile: String; let kind: SubsidyKind; let fen: Int64; let mutate: Mutation }

    static let amounts: [AmountRow] = [
        AmountRow(label: "standard", profile: "nanjing-2019", kind: .training, fen: 150_000) { _, _ in },
        AmountRow(label: "shortage without an uplift in the profile", profile: "nanjing-2019", kind: .training, fen: 150_000) { _, f in f.catalogue!.shortage = true },
        AmountRow(label: "Nantong draft +30%", profile: "nantong-draft", kind: .training, fen: 195_000) { _, f in f.catalogue!.shortage = true },
        AmountRow(label: "+30% rounds half up", profile: "nantong-draft", kind: .training, fen: 160_492) { _, f in
            f.catalogue!.shortage = true; f.catalogue!.standardFen = 123_455 },    // 160491.5
        AmountRow(label: "+30% rounds down below half", profile: "nantong-draft", kind: .training, fen: 160_494) { _, f in
            f.catalogue!.shortage = true; f.catalogue!.standardFen = 123_457 },    // 160494.1
        AmountRow(label: "Wuxi uplift not below 高级工", profile: "wuxi-2015", kind: .training, fen: 150_000) { _, f in f.catalogue!.shortage = true },
        AmountRow(label: "Wuxi uplift at 高级工", profile: "wuxi-2015", kind: .training, fen: 180_000) { _, f in
            f.catalogue!.shortage = true; f.klass!.level = .l3 },
        AmountRow(label: "apprenticeship 中级工", profile: "nanjing-2019", kind: .apprenticeship, fen: 400_000, mutate: apprentice),
        AmountRow(label: "apprenticeship 高级技师", profile: "nanjing-2019", kind: .apprenticeship, fen: 800_000) { r, f in apprentice(&r, &f); f.klass!.level = .l1 },
        AmountRow(label: "apprenticeship 初级工: none", profile: "nanjing-2019", kind: .apprenticeship, fen: 0) { r, f in apprentice(&r, &f); f.klass!.level = .l5 },
        AmountRow(label: "high-skill 高级技师", profile: "nantong-2017", kind: .highSkillReward, fen: 500_000) { _, f in f.certificate!.level = .l1 },
        AmountRow(label: "high-skill 技师", profile: "nantong-2017", kind: .highSkillReward, fen: 300_000) { _, f in f.certificate!.level = .l2 },
        AmountRow(label: "appraisal 中级工 (demo)", profile: "wuxi-2015", kind: .appraisal, fen: 20_000) { _, _ in },
        AmountRow(label: "living allowance 40 days", profile: "nanjing-2019", kind: .livingAllowance, fen: 120_000, mutate: livingAllowance),
        AmountRow(label: "living allowance capped at 60 days", profile: "nanjing-2019", kind: .livingAllowance, fen: 180_000) { r, f in
            livingAllowance(&r, &f); f.klass!.attendedDays = 75 },
        AmountRow(label: "work-based 6 months", profile: "nanjing-2019", kind: .workBased, fen: 300_000, mutate: workBased),
        AmountRow(label: "work-based 8 asked, 6 paid", profile: "nanjing-2019", kind: .workBased, fen: 300_000) { r, f in workBased(&r, &f); r.months = 8 },
        AmountRow(label: "work-based 4 before, 2 left", profile: "nanjing-2019", kind: .workBased, fen: 100_000) { r, f in
            workBased(&r, &f); f.priorClaims = [PolicyFixture.prior(9, .workBased, employer: "南京机电公司", months: 4)] },
        AmountRow(label: "prepayment 50%", profile: "nanjing-2019", kind: .prepayment, fen: 75_000, mutate: project),
        AmountRow(label: "prepayment 60% asked, 50% paid", profile: "nanjing-2019", kind: .prepayment, fen: 75_000) { r, f in project(&r, &f); r.prepayPercent = 60 },
        AmountRow(label: "prepayment 33% of 1,000.01", profile: "nanjing-2019", kind: .prepayment, fen: 33_000) { r, f in
            project(&r, &f); r.prepayPercent = 33; f.catalogue!.standardFen = 100_001 },   // 33000.33
        AmountRow(label: "settlement after prepayment", profile: "nanjing-2019", kind: .settlement, fen: 75_000) { _, f in
            f.klass!.type = .project; f.priorClaims = [PolicyFixture.prior(3, .prepayment, classID: 10, amount: 75_000)] },
        AmountRow(label: "settlement ignores a rejected prepayment", profile: "nanjing-2019", kind: .settlement, fen: 150_000) { _, f in
            f.klass!.type = .project; f.priorClaims = [PolicyFixture.prior(3, .prepayment, status: .rejected, classID: 10, amount: 75_000)] },
        AmountRow(label: "insured upgrading 中级工 (demo)", profile: "yancheng-2019", kind: .insuredUpgrading, fen: 150_000) { _, f in f.worker.unemploymentInsured = true },
        AmountRow(label: "kind not in profile", profile: "wuxi-2015", kind: .workBased, fen: 0, mutate: workBased),
    ]

    @Test func amountsInFen() {
        for row in Self.amounts {
            let e = Self.run(Row(row.label, kind: row.kind, profile: row.profile, "E1", .pass, row.mutate))
            #expect(e.amountFen == row.fen, "\(row.label): \(e.amountFen)\n\(e.computation(.en))")
        }
    }

    @Test func payeeFollowsTheKind() {
        #expect(Self.run(Row("a", kind: .apprenticeship, "E1", .pass, Self.apprentice)).payee == .enterprise)
        #expect(Self.run(Row("w", kind: .workBased, "E1", .pass, Self.workBased)).payee == .enterprise)
        #expect(Self.run(Row("p", kind: .prepayment, "E1", .pass, Self.project)).payee == .institution)
        #expect(Self.run(Row("l", kind: .livingAllowance, "E1", .pass, Self.livingAllowance)).payee == .worker)
        #expect(Self.run(Row("t", kind: .training, "E1", .pass) { _, f in f.klass!.type = .project; f.klass!.institutionIsEnterprise = true }).payee == .enterprise)
    }

    @Test func theComputationCanBeCheckedByHand() {
        let e = Self.run(Row("uplift", profile: "nantong-draft", "E1", .pass) { _, f in f.catalogue!.shortage = true; f.catalogue!.standardFen = 123_455 })
        let en = e.computation(.en), zh = e.computation(.zh)
        #expect(en.contains("catalogue standard (电工 intermediate worker (level 4), in force on 2024-04-30) ¥1,234.55"))
        #expect(en.contains("shortage uplift 30% (002 (八)): ¥1,234.55 × 130% = ¥1,604.92 (rounded half up to the fen, once)"))
        #expect(en.hasSuffix("amount ¥1,604.92, paid to the worker"))
        #expect(zh.contains("紧缺工种上浮 30%（002 (八)）：¥1,234.55 × 130% = ¥1,604.92"))
        let s = Self.run(Row("settle", kind: .settlement, "E1", .pass) { _, f in
            f.klass!.type = .project; f.priorClaims = [PolicyFixture.prior(3, .prepayment, classID: 10, amount: 75_000)] })
        #expect(s.computation(.en).contains("settlement = ¥1,500.00 − ¥750.00 = ¥750.00"))
        let l = Self.run(Row("la", kind: .livingAllowance, "E1", .pass, Self.livingAllowance))
        #expect(l.computation(.en).contains("40 days attended, 40 counted (at most 60, demo default) × ¥30.00/day (demo default) = ¥1,200.00"))
    }

    @Test func roundHalfUpInIntegers() {
        #expect(PolicyEngine.roundHalfUp(5, times: 1, over: 10) == 1)     // 0.5 → 1
        #expect(PolicyEngine.roundHalfUp(4, times: 1, over: 10) == 0)     // 0.4 → 0
        #expect(PolicyEngine.roundHalfUp(15, times: 1, over: 10) == 2)    // 1.5 → 2
        #expect(PolicyEngine.roundHalfUp(0, times: 130, over: 100) == 0)
    }

    @Test func kindCodes() {
        #expect(SubsidyKind.allCases.map(\.rawValue) == ["training", "appraisal", "living_allowance", "apprenticeship", "work_based",
                                                          "insured_upgrading", "high_skill_reward", "prepayment", "settlement"])
        #expect(SubsidyKind.parse("Work-Based") == .workBased && SubsidyKind.parse("以工代训补贴") == .workBased && SubsidyKind.parse("x") == nil)
        #expect(RuleResult.notApplicable.rawValue == "n/a")
        #expect(ClaimStatus.allCases.filter(\.counts) == [.submitted, .returned, .approved, .onNotice, .payable, .paid, .clawback])
    }

    @Test func attendanceRuleDemoStillMatchesTheShippedProfiles() {
        for p in PolicyLibrary.profiles { #expect(p.attendanceRule == AttendanceRule.demo, "\(p.name)") }
    }
}
