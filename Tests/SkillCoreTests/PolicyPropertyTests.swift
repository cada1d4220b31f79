import Testing
@testable import SkillCore

/// Generated claims: amounts stay within bounds, and approving claims in any order never lets a
/// worker pass the yearly cap or repeat an occupation and level.
@Suite struct PolicyPropertyTests {
    static let levels: [SkillLevel] = [.l5, .l4, .l3, .l2, .l1]
    static let statuses = ClaimStatus.allCases

    /// The most a kind can pay under a profile for these facts: standard × (1 + uplift) rounded
    /// up for the training family; the per-level amount, or rate × cap, for the others.
    static func bound(_ kind: SubsidyKind, _ facts: ClaimFacts, _ profile: PolicyProfile) -> Int64 {
        let std = facts.catalogue?.standardFen ?? 0
        let uplift = Int64(profile.kinds[.training]?.shortageUpliftPercent?.value ?? 0)
        let withUplift = (std * (100 + uplift) + 99) / 100
        guard let kp = profile.kinds[kind] else { return 0 }
        switch kind {
        case .training, .settlement, .prepayment: return withUplift
        case .appraisal, .apprenticeship, .insuredUpgrading, .highSkillReward: return kp.amounts.values.map(\.value).max() ?? 0
        case .livingAllowance: return (kp.perDayFen?.value ?? 0) * Int64(kp.maxDays?.value ?? 0)
        case .workBased: return (kp.perMonthFen?.value ?? 0) * Int64(kp.maxMonths?.value ?? 0)
        }
    }

    @Test func anAmountIsNeverNegativeNorAboveTheStandardWithUplift() {
        var rng = SeededGenerator(seed: 20_261_123)
        let profiles = PolicyLibrary.profiles
        var positive = 0, uplifted = 0
        for i in 0..<3_000 {
            let profile = profiles.randomElement(using: &rng)!
            let kind = SubsidyKind.allCases.randomElement(using: &rng)!
            var f = PolicyFixture.facts()
            f.catalogue!.standardFen = Int64.random(in: 0...5_000_000, using: &rng)
            f.catalogue!.shortage = Bool.random(using: &rng)
            f.klass!.level = Self.levels.randomElement(using: &rng)!
            f.klass!.type = TrainingType.allCases.randomElement(using: &rng)!
            f.klass!.attendedDays = Int.random(in: 0...400, using: &rng)
            f.certificate!.level = Self.levels.randomElement(using: &rng)!
            f.worker.groups = Bool.random(using: &rng) ? [.dibao] : []
            // Earlier claims, including prepayments of this very class larger than its subsidy.
            f.priorClaims = (0..<Int.random(in: 0...4, using: &rng)).map { j in
                PolicyFixture.prior(Int64(j + 1), SubsidyKind.allCases.randomElement(using: &rng)!,
                                    level: Self.levels.randomElement(using: &rng)!, status: Self.statuses.randomElement(using: &rng)!,
                                    classID: Bool.random(using: &rng) ? 10 : nil, amount: Int64.random(in: 0...9_000_000, using: &rng),
                                    employer: "南京机电公司", months: Int.random(in: 0...9, using: &rng))
            }
            let request = ClaimRequest(kind: kind, months: Int.random(in: -2...12, using: &rng),
                                       prepayPercent: Int.random(in: -10...120, using: &rng), asOf: PolicyFixture.asOf)
            let e = PolicyEngine.evaluate(request, facts: f, profile: profile)
            let max = Self.bound(kind, f, profile)
            #expect(e.amountFen >= 0, "case \(i): \(kind) \(profile.name) gave \(e.amountFen)")
            #expect(e.amountFen <= max, "case \(i): \(kind) \(profile.name) gave \(e.amountFen) > \(max)\n\(e.computation(.en))")
            if e.amountFen > 0 { positive += 1 }
            if kind == .training && e.amountFen > f.catalogue!.standardFen { uplifted += 1 }
        }
        #expect(positive > 1_000 && uplifted > 20, "the generator must reach real amounts and uplifts")
    }

    /// Junk the store should never hold still gives an answer, not a trap.
    @Test func extremeFactsDoNotCrash() {
        var f = PolicyFixture.facts()
        f.catalogue!.standardFen = .max
        f.klass!.attendedDays = .max
        f.klass!.plannedHours = .max
        f.klass!.countedMinutes = .max
        f.certificate!.date = date("9999-12-31")
        f.priorClaims = [PolicyFixture.prior(1, .prepayment, classID: 10, amount: .max), PolicyFixture.prior(2, .prepayment, classID: 10, amount: .max),
                         PolicyFixture.prior(3, .workBased, employer: "南京机电公司", months: .max), PolicyFixture.prior(4, .workBased, employer: "南京机电公司", months: .max)]
        for p in PolicyLibrary.profiles {
            for kind in SubsidyKind.allCases {
                for n in [Int.max, Int.min, 0] {
                    let e = PolicyEngine.evaluate(ClaimRequest(kind: kind, months: n, prepayPercent: n, asOf: date("9999-12-31")), facts: f, profile: p)
                    #expect(e.amountFen >= 0 && e.outcomes.count == 22)
                }
            }
        }
    }

    /// A worker's candidate training claims, approved one at a time in a random order; each is
    /// evaluated against the claims already approved (plus rejected and draft noise, which must
    /// not count). Whatever the order, the approved set keeps the rules.
    @Test func approvingInAnyOrderKeepsTheYearlyCapAndNoRepeatedLevel() {
        var rng = SeededGenerator(seed: 4_2026)
        let profile = PolicyLibrary.profile(named: "nanjing-2019")!
        let occupations = [("6-31-01-03", "电工"), ("4-03-02-01", "中式烹调师"), ("4-10-01-01", "保育师")]
        var approvedTotal = 0, refusedTotal = 0
        for trial in 0..<200 {
            var candidates: [(facts: ClaimFacts, occ: String, level: SkillLevel, year: Int)] = []
            for c in 0..<Int.random(in: 4...14, using: &rng) {
                var f = PolicyFixture.facts()
                let occ = occupations.randomElement(using: &rng)!
                let year = Int.random(in: 2023...2024, using: &rng)
                let level = [SkillLevel.l5, .l4, .l3].randomElement(using: &rng)!
                f.klass!.id = Int64(100 + c)
                f.klass!.occupationCode = occ.0
                f.klass!.occupationName = occ.1
                f.klass!.level = level
                f.klass!.start = date("\(year)-03-01")
                f.klass!.end = date("\(year)-04-30")
                f.certificate!.date = date("\(year)-05-10")
                f.certificate!.level = level
                candidates.append((f, occ.0, level, year))
            }
            candidates.shuffle(using: &rng)
            var approved: [PriorClaim] = []
            var noise: [PriorClaim] = []
            for (n, c) in candidates.enumerated() {
                var f = c.facts
                f.priorClaims = approved + noise
                let e = PolicyEngine.evaluate(ClaimRequest(kind: .training, asOf: date("\(c.year)-06-01")), facts: f, profile: profile)
                let claim = PriorClaim(id: Int64(n + 1), kind: .training, classID: f.klass!.id, trainingType: .employment,
                                       occupationCode: c.occ, occupationName: "", level: c.level,
                                       year: PolicyEngine.claimYear(ClaimRequest(kind: .training, asOf: date("\(c.year)-06-01")), facts: f),
                                       date: date("\(c.year)-06-01"), status: .approved, amountFen: e.amountFen)
                if e.eligible {
                    approved.append(claim)
                } else {
                    refusedTotal += 1
                    var dead = claim
                    dead.status = Bool.random(using: &rng) ? .rejected : .draft
                    noise.append(dead)
                }
            }
            approvedTotal += approved.count
            for year in 2023...2024 {
                let n = approved.filter { $0.year == year }.count
                #expect(n <= 3, "trial \(trial): \(n) trainings approved in \(year)")
            }
            for (i, a) in approved.enumerated() {
                for b in approved[..<i] where a.occupationCode == b.occupationCode {
                    #expect(a.level > b.level, "trial \(trial): \(a.occupationCode) \(a.level) approved after \(b.level)")
                }
            }
        }
        #expect(approvedTotal > 400 && refusedTotal > 200, "the trials must exercise both outcomes")
    }
}
