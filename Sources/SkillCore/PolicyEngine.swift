/// The result of one rule for one claim.
public enum RuleResult: String, Sendable, Codable, CaseIterable {
    case pass, fail, warn
    case notApplicable = "n/a"
}

/// One rule's outcome: its stable ID (E1–E15, W1–W5, P1 "the profile pays this kind at this level",
/// P2 "the worker is whom the kind is for"), the
/// result, the clause it rests on, and a message in both languages that names the facts.
public struct RuleOutcome: Hashable, Sendable, UserMessage {
    public var rule: String
    public var result: RuleResult
    /// Clause reference (`003 二(三)10`); its seed text is `ClauseBook.shipped.text(clause)`.
    /// Empty only for P1 when the profile has no such kind.
    public var clause: String
    public var zh: String
    public var en: String

    public init(rule: String, result: RuleResult, clause: String, zh: String, en: String) {
        self.rule = rule
        self.result = result
        self.clause = clause
        self.zh = zh
        self.en = en
    }

    /// `E5: …` in the language asked.
    public func message(_ lang: Lang) -> String { "\(rule): " + (lang == .zh ? zh : en) }
}

/// What the engine says about a claim: the amount, how it was computed (for a supervisor to
/// check by hand), every rule's outcome, and who is paid.
public struct Evaluation: Hashable, Sendable {
    public var kind: SubsidyKind
    public var profileName: String
    public var payee: Payee
    /// Integer fen, never negative. Computed even when a rule fails, so the screen can show it.
    public var amountFen: Int64
    public var computationZh: [String]
    public var computationEn: [String]
    /// E1…E15, then P1, P2, then W1…W5, in that order, every one present.
    public var outcomes: [RuleOutcome]

    /// No rule failed (warnings do not stop a claim).
    public var eligible: Bool { !outcomes.contains { $0.result == .fail } }
    public var failures: [RuleOutcome] { outcomes.filter { $0.result == .fail } }
    public var warnings: [RuleOutcome] { outcomes.filter { $0.result == .warn } }

    public func outcome(_ rule: String) -> RuleOutcome? { outcomes.first { $0.rule == rule } }

    /// The computation as lines of text.
    public func computation(_ lang: Lang) -> String {
        (lang == .zh ? computationZh : computationEn).joined(separator: "\n")
    }
}

/// The pure policy engine: a claim, the facts the store gathered and a profile in; an evaluation
/// out. No clock (the as-of date is in the request), no store, no randomness.
public enum PolicyEngine {
    /// The year a claim counts in for the yearly cap (E4, E15): its class's end year, else the
    /// certificate's year, else the as-of year. The store should record this as `PriorClaim.year`.
    public static func claimYear(_ request: ClaimRequest, facts: ClaimFacts) -> Int {
        facts.klass?.end.year ?? facts.certificate?.date.year ?? request.asOf.year
    }

    /// The level a claim is for: the certificate's for appraisal and the high-skill reward, the
    /// class's otherwise.
    public static func claimLevel(_ kind: SubsidyKind, facts: ClaimFacts) -> SkillLevel? {
        switch kind {
        case .appraisal, .highSkillReward: facts.certificate?.level ?? facts.klass?.level
        default: facts.klass?.level ?? facts.certificate?.level
        }
    }

    /// The groups a living allowance is paid to (001 四(三)2; 003 二(一)2): 建档立卡低收入农户,
    /// 城乡低保 (urban 低保 families included), 就业困难人员 (含残疾人), 零就业家庭成员; rural 两后生.
    public static let livingAllowanceGroups: Set<TargetGroup> = [
        .lowIncomeRural, .dibao, .employmentDifficulty, .disabled, .zeroEmploymentFamily,
    ]

    /// "Poor" for E11: 建档立卡低收入农户, 城乡低保, 贫困家庭子女.
    public static let poorGroups: Set<TargetGroup> = [.lowIncomeRural, .dibao, .poorFamilyChild]

    /// E11's one definition: poor (registered low-income rural household, minimum-living-guarantee,
    /// child of a poor family) or severely disabled — whose direct relatives share training
    /// benefits (001 四(三)2; 003 二(三)10). The engine and the registration check both ask it.
    public static func extendsToRelatives<G: Sequence>(groups: G, disability: Disability) -> Bool where G.Element == TargetGroup {
        disability == .severe || groups.contains(where: poorGroups.contains)
    }

    /// `messages: false` decides without building text: every outcome's result, rule ID and clause,
    /// the amount and the payee are those of the full evaluation, but the outcomes' `zh`/`en` and
    /// the computation lines are empty (a re-evaluation job stores verdicts; the messages are
    /// built when a claim is opened).
    public static func evaluate(_ request: ClaimRequest, facts: ClaimFacts, profile: PolicyProfile,
                                messages: Bool = true) -> Evaluation {
        let ctx = PolicyContext(request: request, facts: facts, profile: profile, messages: messages)
        let amount = ctx.computeAmount()
        let outcomes = PolicyRule.allCases.map { ctx.outcome(of: $0) }
        let k = facts.klass
        return Evaluation(kind: request.kind, profileName: profile.name,
                          payee: request.kind.payee(classType: k?.type, institutionIsEnterprise: k?.institutionIsEnterprise ?? false),
                          amountFen: amount.fen, computationZh: amount.zh, computationEn: amount.en, outcomes: outcomes)
    }

    /// `n × num / den` rounded half up, once, in integers (n, num ≥ 0; den > 0).
    public static func roundHalfUp(_ value: Int64, times num: Int64, over den: Int64) -> Int64 {
        let (p, o) = value.multipliedReportingOverflow(by: num)
        precondition(!o && value >= 0 && num >= 0 && den > 0, "amount out of range")
        return (p + den / 2) / den
    }

    /// The clause among `refs` from the profile's own seed, else the first.
    static func cite(_ refs: [String], _ profile: PolicyProfile) -> String {
        cite(refs, seedPrefix: profile.seed + " ")
    }

    static func cite(_ refs: [String], seedPrefix: String) -> String {
        // Byte-wise: String.hasPrefix compares canonically equivalent characters, which costs
        // more than the rule it cites when a job evaluates 100,000 claims.
        refs.first { $0.utf8.starts(with: seedPrefix.utf8) } ?? refs[0]
    }
}
