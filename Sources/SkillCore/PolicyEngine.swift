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
        var outcomes: [RuleOutcome] = []
        outcomes.append(ctx.e1()); outcomes.append(ctx.e2()); outcomes.append(ctx.e3())
        outcomes.append(ctx.e4()); outcomes.append(ctx.e5()); outcomes.append(ctx.e6())
        outcomes.append(ctx.e7()); outcomes.append(ctx.e8()); outcomes.append(ctx.e9())
        outcomes.append(ctx.e10()); outcomes.append(ctx.e11()); outcomes.append(ctx.e12())
        outcomes.append(ctx.e13()); outcomes.append(ctx.e14()); outcomes.append(ctx.e15())
        outcomes.append(ctx.p1()); outcomes.append(ctx.p2())
        outcomes.append(ctx.w1()); outcomes.append(ctx.w2()); outcomes.append(ctx.w3())
        outcomes.append(ctx.w4()); outcomes.append(ctx.w5())
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

// MARK: - Evaluation context

struct PolicyContext {
    let request: ClaimRequest
    let facts: ClaimFacts
    let profile: PolicyProfile
    let kind: SubsidyKind
    let level: SkillLevel?
    let year: Int
    /// Prior claims that count (not drafts, rejected or recovered).
    let counting: [PriorClaim]
    /// False: outcomes and the computation carry no text (see `PolicyEngine.evaluate`).
    let messages: Bool
    /// `"<seed> "`: the profile's own clauses start with it (`cite`).
    let seedPrefix: String

    init(request: ClaimRequest, facts: ClaimFacts, profile: PolicyProfile, messages: Bool = true) {
        self.messages = messages
        seedPrefix = profile.seed + " "
        self.request = request
        self.facts = facts
        self.profile = profile
        kind = request.kind
        level = PolicyEngine.claimLevel(request.kind, facts: facts)
        year = PolicyEngine.claimYear(request, facts: facts)
        counting = facts.priorClaims.filter { $0.status.counts }
    }

    var name: String { facts.worker.name }
    var klass: ClassFacts? { facts.klass }

    func na(_ rule: String, _ refs: [String], zh: @autoclosure () -> String, en: @autoclosure () -> String,
            clause: String? = nil) -> RuleOutcome {
        make(rule, .notApplicable, clause ?? PolicyEngine.cite(refs, seedPrefix: seedPrefix), zh: zh(), en: en())
    }

    /// An outcome whose messages are only built when `messages` is on.
    func make(_ rule: String, _ result: RuleResult, _ clause: String, zh: @autoclosure () -> String,
              en: @autoclosure () -> String) -> RuleOutcome {
        messages ? RuleOutcome(rule: rule, result: result, clause: clause, zh: zh(), en: en())
            : RuleOutcome(rule: rule, result: result, clause: clause, zh: "", en: "")
    }

    /// Appends a computation line when `messages` is on.
    func note(_ lines: inout [String], _ text: @autoclosure () -> String) {
        if messages { lines.append(text()) }
    }

    func naKind(_ rule: String, _ refs: [String]) -> RuleOutcome {
        na(rule, refs, zh: "不适用于\(kind.label(.zh))", en: "does not apply to a \(kind.label(.en))")
    }

    func outcome(_ rule: String, _ refs: [String], _ ok: Bool, warn: Bool = false, zh: @autoclosure () -> String,
                 en: @autoclosure () -> String) -> RuleOutcome {
        make(rule, ok ? .pass : (warn ? .warn : .fail), PolicyEngine.cite(refs, seedPrefix: seedPrefix), zh: zh(), en: en())
    }

    func occLevel(_ lang: Lang, code: String, name occ: String, level l: SkillLevel?) -> String {
        let lv = l.map { $0.label(lang) } ?? ""
        let o = occ.isEmpty ? code : occ
        return lang == .zh ? "\(o) \(lv)" : "\(o) \(lv)"
    }

    var thisOcc: (zh: String, en: String) {
        let code = klass?.occupationCode ?? "", n = klass?.occupationName ?? ""
        return (occLevel(.zh, code: code, name: n, level: level), occLevel(.en, code: code, name: n, level: level))
    }

    func claimRef(_ c: PriorClaim, _ lang: Lang) -> String {
        lang == .zh ? "\(c.date) 申请 #\(c.id)（\(c.status.label(.zh))）" : "on \(c.date), claim #\(c.id) (\(c.status.label(.en)))"
    }

    func dates(_ ds: [CalendarDate]) -> String {
        let shown = ds.prefix(5).map(\.description).joined(separator: ", ")
        return ds.count > 5 ? shown + " …(\(ds.count))" : shown
    }

    // MARK: Amounts

    static let trainingFamily: Set<SubsidyKind> = [.training, .prepayment, .settlement]

    /// Uplift percent that applies to this claim, and its source.
    func uplift() -> (percent: Int, source: PolicySource?) {
        guard let tp = profile.kinds[.training], let u = tp.shortageUpliftPercent, u.value > 0,
              facts.catalogue?.shortage == true, let level else { return (0, nil) }
        if let from = tp.shortageUpliftFromLevel, level < from.value { return (0, nil) }
        return (u.value, u.source)
    }

    /// The training subsidy for the class: standard × (100 + uplift) / 100, rounded half up once.
    func trainingAmount(zh: inout [String], en: inout [String]) -> Int64 {
        guard let cat = facts.catalogue else {
            note(&zh, "无目录标准（班级结束日无有效目录条目），金额按 ¥0.00 计")
            note(&en, "no catalogue standard (no entry in force on the class end date); amount taken as ¥0.00")
            return 0
        }
        let std = max(0, min(cat.standardFen, 1_000_000_000_000))
        let endText = klass.map { "\($0.end)" } ?? ""
        note(&zh, "目录标准（\(thisOcc.zh)，\(endText) 有效）\(Money.format(fen: std))")
        note(&en, "catalogue standard (\(thisOcc.en), in force on \(endText)) \(Money.format(fen: std))")
        let (u, src) = uplift()
        if u > 0 {
            let amt = PolicyEngine.roundHalfUp(std, times: Int64(100 + u), over: 100)
            note(&zh, "紧缺工种上浮 \(u)%（\(src!.label(.zh))）：\(Money.format(fen: std)) × \(100 + u)% = \(Money.format(fen: amt))（四舍五入到分，仅一次）")
            note(&en, "shortage uplift \(u)% (\(src!.label(.en))): \(Money.format(fen: std)) × \(100 + u)% = \(Money.format(fen: amt)) (rounded half up to the fen, once)")
            return amt
        }
        if cat.shortage {
            note(&zh, "紧缺工种，但本方案对该等级不上浮")
            note(&en, "shortage occupation, but this profile gives no uplift at this level")
        }
        return std
    }

    func computeAmount() -> (fen: Int64, zh: [String], en: [String]) {
        var zh: [String] = [], en: [String] = []
        let head = (zh: "\(kind.label(.zh))（\(profile.name)）", en: "\(kind.label(.en)) (\(profile.name))")
        note(&zh, head.zh); note(&en, head.en)
        guard let kp = profile.kinds[kind] else {
            note(&zh, "本方案无此补贴种类，金额 ¥0.00"); note(&en, "this profile pays no such subsidy; amount ¥0.00")
            return (0, zh, en)
        }
        var fen: Int64 = 0
        switch kind {
        case .training:
            fen = trainingAmount(zh: &zh, en: &en)
        case .prepayment:
            let expected = trainingAmount(zh: &zh, en: &en)
            let maxPct = kp.maxPercent?.value ?? 0
            let pct = min(max(request.prepayPercent ?? 0, 0), maxPct)
            // From the unrounded expected amount, so the rounding still happens once.
            let std = max(0, min(facts.catalogue?.standardFen ?? 0, 1_000_000_000_000))
            let u = uplift().percent
            fen = PolicyEngine.roundHalfUp(std, times: Int64(100 + u) * Int64(pct), over: 10_000)
            note(&zh, "预拨 \(pct)%（上限 \(maxPct)%，\(kp.maxPercent?.source.label(.zh) ?? "")）：\(Money.format(fen: expected)) × \(pct)% = \(Money.format(fen: fen))（四舍五入到分）")
            note(&en, "prepaid \(pct)% (at most \(maxPct)%, \(kp.maxPercent?.source.label(.en) ?? "")): \(Money.format(fen: expected)) × \(pct)% = \(Money.format(fen: fen)) (rounded half up to the fen)")
        case .settlement:
            let total = trainingAmount(zh: &zh, en: &en)
            let prepaid = counting.filter { $0.kind == .prepayment && $0.classID != nil && $0.classID == klass?.id }
            // Clamped per claim so no stored amount, however wrong, can overflow the sum.
            let paid = prepaid.reduce(Int64(0)) { $0 + min(max(0, $1.amountFen), 1_000_000_000_000) }
            fen = max(0, total - paid)
            let ids = prepaid.map { "#\($0.id)" }.joined(separator: ", ")
            note(&zh, "已预拨 \(Money.format(fen: paid))\(ids.isEmpty ? "" : "（\(ids)）")；清算 = \(Money.format(fen: total)) − \(Money.format(fen: paid)) = \(Money.format(fen: fen))")
            note(&en, "prepaid \(Money.format(fen: paid))\(ids.isEmpty ? "" : " (\(ids))"); settlement = \(Money.format(fen: total)) − \(Money.format(fen: paid)) = \(Money.format(fen: fen))")
        case .appraisal, .apprenticeship, .insuredUpgrading, .highSkillReward:
            if let level, let a = kp.amounts[level] {
                fen = a.value
                note(&zh, "\(level.label(.zh)) 标准 \(Money.format(fen: a.value))（\(a.source.label(.zh))）")
                note(&en, "\(level.label(.en)) amount \(Money.format(fen: a.value)) (\(a.source.label(.en)))")
            } else {
                let l = level.map { $0.label(.zh) } ?? "未知等级", le = level.map { $0.label(.en) } ?? "unknown level"
                note(&zh, "本方案对\(l)无此补贴标准，金额 ¥0.00"); note(&en, "this profile sets no amount for \(le); amount ¥0.00")
            }
        case .livingAllowance:
            let rate = kp.perDayFen?.value ?? 0, cap = kp.maxDays?.value ?? 0
            let attended = max(0, klass?.attendedDays ?? 0)
            let days = min(attended, cap)
            fen = rate * Int64(days)
            note(&zh, "出勤 \(attended) 天，计 \(days) 天（上限 \(cap) 天，\(kp.maxDays?.source.label(.zh) ?? "")）× \(Money.format(fen: rate))/天（\(kp.perDayFen?.source.label(.zh) ?? "")）= \(Money.format(fen: fen))")
            note(&en, "\(attended) days attended, \(days) counted (at most \(cap), \(kp.maxDays?.source.label(.en) ?? "")) × \(Money.format(fen: rate))/day (\(kp.perDayFen?.source.label(.en) ?? "")) = \(Money.format(fen: fen))")
        case .workBased:
            let rate = kp.perMonthFen?.value ?? 0, cap = kp.maxMonths?.value ?? 0
            let before = priorWorkBasedMonths()
            let asked = max(0, request.months ?? 0)
            let months = min(asked, max(0, cap - before))
            fen = rate * Int64(months)
            note(&zh, "申请 \(asked) 个月，此前已享 \(before) 个月，计 \(months) 个月（上限 \(cap) 个月，\(kp.maxMonths?.source.label(.zh) ?? "")）× \(Money.format(fen: rate))/月（\(kp.perMonthFen?.source.label(.zh) ?? "")）= \(Money.format(fen: fen))")
            note(&en, "\(asked) months asked, \(before) already paid, \(months) counted (at most \(cap), \(kp.maxMonths?.source.label(.en) ?? "")) × \(Money.format(fen: rate))/month (\(kp.perMonthFen?.source.label(.en) ?? "")) = \(Money.format(fen: fen))")
        }
        note(&zh, "金额 \(Money.format(fen: fen))，支付给\(kind.payee(classType: klass?.type, institutionIsEnterprise: klass?.institutionIsEnterprise ?? false).label(.zh))")
        note(&en, "amount \(Money.format(fen: fen)), paid to \(kind.payee(classType: klass?.type, institutionIsEnterprise: klass?.institutionIsEnterprise ?? false).label(.en))")
        return (fen, zh, en)
    }

    func priorWorkBasedMonths() -> Int {
        counting.filter { $0.kind == .workBased && $0.employer == klass?.employer }.reduce(0) { $0 + min(max(0, $1.months ?? 0), 1_000) }
    }

    // MARK: Rules

    static let e1Refs = ["001 四(二)4", "003 二(二)7"]
    static let trainingRefs = ["001 四(三)2", "003 二(三)10"]
    static let e3Refs = ["001 四(三)2", "003 二(三)10", "000 二(一)"]
    static let e9Refs = ["000 四(三)", "003 二(三)11"]
    static let e12Refs = ["001 四(三)2", "003 二(一)2"]
    static let apprenticeRefs = ["003 二(一)1"]
    static let fraudRefs = ["003 三(三)", "000 四(三)", "001 四(三)3"]

    func e1() -> RuleOutcome {
        let id = facts.worker.residentID
        return outcome("E1", Self.e1Refs, facts.worker.idValid,
                       zh: facts.worker.idValid ? "\(name) 以有效身份证号 \(id) 实名登记" : "\(name) 的身份证号 \(id) 无效；须以有效的18位身份证号实名登记",
                       en: facts.worker.idValid ? "\(name) is registered under the valid resident ID \(id)"
                           : "\(name)'s resident ID \(id) is not valid; registration needs a valid 18-character ID")
    }

    func e2() -> RuleOutcome {
        let p = facts.worker.drawsPension
        return outcome("E2", Self.trainingRefs, !p,
                       zh: p ? "\(name) 按月领取养老金，不在培训补贴范围内" : "\(name) 未按月领取养老金",
                       en: p ? "\(name) draws a monthly pension and is outside the training subsidies" : "\(name) draws no monthly pension")
    }

    func e3() -> RuleOutcome {
        let needs: Set<SubsidyKind> = [.training, .settlement, .appraisal, .insuredUpgrading, .highSkillReward]
        guard needs.contains(kind) else { return naKind("E3", Self.e3Refs) }
        guard let c = facts.certificate else {
            return outcome("E3", Self.e3Refs, false, zh: "\(name) 没有本次培训后取得的证书；须有职业资格、技能等级、专项能力、特种作业或培训合格证书之一",
                           en: "\(name) has no certificate from this training; one of the five certificate types is required")
        }
        let cert = (zh: "\(c.type.label(.zh)) \(c.number)（\(c.date)）", en: "\(c.type.label(.en)) \(c.number) (\(c.date))")
        if let k = klass, c.date < k.start {
            return outcome("E3", Self.e3Refs, false, zh: "\(cert.zh) 早于培训开始日 \(k.start)，不是培训后取得的证书",
                           en: "\(cert.en) is dated before the training started on \(k.start), so it was not obtained after the training")
        }
        let window = profile.claimWindowDays.value
        // A date near year 9999 has no later day to add: then the window has not closed.
        let lastDay = CalendarDate(daysSinceEpoch: c.date.daysSinceEpoch + window)
        let last = lastDay?.description ?? "9999-12-31"
        if let lastDay, request.asOf > lastDay {
            return outcome("E3", Self.e3Refs, false,
                           zh: "\(cert.zh) 后 \(window) 天内应申请（截至 \(last)，\(profile.claimWindowDays.source.label(.zh))），申请日 \(request.asOf) 已超期",
                           en: "a claim must be made within \(window) days of \(cert.en) (by \(last), \(profile.claimWindowDays.source.label(.en))); \(request.asOf) is too late")
        }
        return outcome("E3", Self.e3Refs, true, zh: "\(name) 培训后取得 \(cert.zh)，在申请期限 \(last) 之内",
                       en: "\(name) obtained \(cert.en) after the training, within the claim window ending \(last)")
    }

    func e4() -> RuleOutcome {
        let refs: [String]
        if case .clause(let c) = profile.trainingsPerYear.source { refs = [c] } else { refs = Self.trainingRefs }
        guard kind.isTrainingFamily else { return naKind("E4", refs) }
        let cap = profile.trainingsPerYear.value
        var seen = Set<String>()
        var earlier: [PriorClaim] = []
        for c in counting where c.kind.isTrainingFamily && c.year == year {
            if let cid = c.classID, cid == klass?.id { continue }   // this class's own prepayment
            let key = c.classID.map { "c\($0)" } ?? "k\(c.id)"
            if seen.insert(key).inserted { earlier.append(c) }
        }
        let ok = earlier.count < cap
        let list = earlier.map { "#\($0.id)" }.joined(separator: ", ")
        return outcome("E4", refs, ok,
                       zh: ok ? "\(name) \(year) 年已享受 \(earlier.count) 次补贴培训，未超过每年 \(cap) 次（\(profile.trainingsPerYear.source.label(.zh))）"
                           : "\(name) \(year) 年已享受 \(earlier.count) 次补贴培训（\(list)），每人每年不超过 \(cap) 次",
                       en: ok ? "\(name) has \(earlier.count) subsidised training\(earlier.count == 1 ? "" : "s") in \(year); the cap is \(cap) a year (\(profile.trainingsPerYear.source.label(.en)))"
                           : "\(name) already has \(earlier.count) subsidised trainings in \(year) (claims \(list)); at most \(cap) a year")
    }

    func e5() -> RuleOutcome {
        let refs = kind == .apprenticeship ? Self.apprenticeRefs : Self.trainingRefs
        let applies: Set<SubsidyKind> = [.training, .prepayment, .settlement, .apprenticeship, .insuredUpgrading, .highSkillReward]
        guard applies.contains(kind), let level else { return naKind("E5", refs) }
        let occ = klass?.occupationCode ?? ""
        let blocking = counting.filter { c in
            let sameFamily = kind.isTrainingFamily ? c.kind.isTrainingFamily : c.kind == kind
            let sameClass = c.classID != nil && c.classID == klass?.id
            return sameFamily && !sameClass && c.occupationCode == occ && c.level >= level
        }.sorted { $0.date < $1.date }
        if let c = blocking.first {
            let higher = c.level > level
            let o = (zh: occLevel(.zh, code: c.occupationCode, name: c.occupationName, level: c.level),
                     en: occLevel(.en, code: c.occupationCode, name: c.occupationName, level: c.level))
            return outcome("E5", refs, false,
                           zh: "\(name) 已于 \(claimRef(c, .zh)) 享受 \(o.zh) 的\(c.kind.label(.zh))" + (higher ? "；已补贴更高等级，不再补贴 \(thisOcc.zh)" : "；同一职业同一等级只补贴一次"),
                           en: "\(name) already received a \(c.kind.label(.en)) for \(o.en) \(claimRef(c, .en))" + (higher ? "; a higher level is already subsidised, so \(thisOcc.en) is not" : "; the same occupation and level is subsidised once"))
        }
        return outcome("E5", refs, true, zh: "\(name) 此前未享受 \(thisOcc.zh) 或更高等级的同类补贴",
                       en: "\(name) has no earlier subsidy of this kind for \(thisOcc.en) or a higher level")
    }

    func e6() -> RuleOutcome {
        let refs = Self.apprenticeRefs
        guard kind.isTrainingFamily, let k = klass, k.type == .safety else {
            return na("E6", refs, zh: "不是安全技能培训", en: "not safety-skills training")
        }
        let earlier = counting.filter { $0.kind.isTrainingFamily && $0.trainingType == .safety && $0.occupationCode == k.occupationCode && $0.classID != k.id }
        if let c = earlier.first {
            return outcome("E6", refs, false, zh: "\(name) 已于 \(claimRef(c, .zh)) 享受 \(k.occupationName) 安全技能培训补贴；同一职业（工种）只享受一次",
                           en: "\(name) already received a safety-skills training subsidy for \(k.occupationName) \(claimRef(c, .en)); once per occupation")
        }
        return outcome("E6", refs, true, zh: "\(name) 此前未享受 \(k.occupationName) 安全技能培训补贴",
                       en: "\(name) has had no safety-skills training subsidy for \(k.occupationName)")
    }

    func e7() -> RuleOutcome {
        var refs = Self.apprenticeRefs
        if let m = profile.kinds[.workBased]?.maxMonths, case .clause(let c) = m.source { refs = [c] }
        let employer = klass?.employer ?? ""
        if kind == .workBased {
            let cap = profile.kinds[.workBased]?.maxMonths?.value ?? 6
            let before = priorWorkBasedMonths()
            guard let asked = request.months, asked >= 1 else {
                return outcome("E7", refs, false, zh: "以工代训须给出申请月数（1–\(cap)）", en: "training through work needs the months claimed (1–\(cap))")
            }
            if asked > cap - before {
                return outcome("E7", refs, false,
                               zh: "\(name) 在 \(employer) 已享以工代训 \(before) 个月，再申请 \(asked) 个月将超过最长 \(cap) 个月",
                               en: "\(name) already has \(before) months of training through work at \(employer); \(asked) more would exceed \(cap)")
            }
            if let c = counting.first(where: { $0.kind.isTrainingFamily && $0.trainingType == .prejob && $0.employer == employer }) {
                return outcome("E7", refs, false,
                               zh: "\(name) 已于 \(claimRef(c, .zh)) 在 \(employer) 享受新录用岗前培训补贴，不可与以工代训重复享受",
                               en: "\(name) already received a new-hire pre-job training subsidy at \(employer) \(claimRef(c, .en)); it cannot be combined with training through work")
            }
            return outcome("E7", refs, true, zh: "\(name) 在 \(employer) 以工代训共 \(before + asked) 个月，不超过 \(cap) 个月，且未享受岗前培训补贴",
                           en: "\(name) has \(before + asked) months of training through work at \(employer), within \(cap), and no pre-job training subsidy there")
        }
        guard kind.isTrainingFamily, klass?.type == .prejob else {
            return na("E7", refs, zh: "不是以工代训或新录用岗前培训", en: "neither training through work nor new-hire pre-job training")
        }
        if let c = counting.first(where: { $0.kind == .workBased && $0.employer == employer }) {
            return outcome("E7", refs, false,
                           zh: "\(name) 已于 \(claimRef(c, .zh)) 在 \(employer) 享受以工代训补贴，不可再享受新录用岗前培训补贴",
                           en: "\(name) already received a training-through-work subsidy at \(employer) \(claimRef(c, .en)); no new-hire pre-job training subsidy as well")
        }
        return outcome("E7", refs, true, zh: "\(name) 未在 \(employer) 享受以工代训补贴", en: "\(name) has had no training-through-work subsidy at \(employer)")
    }

    func e8() -> RuleOutcome {
        let refs = ["003 二(三)10"]
        guard kind.isTrainingFamily || kind == .insuredUpgrading, let k = klass else { return naKind("E8", refs) }
        if k.type == .prejob {
            return outcome("E8", refs, true, zh: "新录用人员岗前培训工种 \(k.occupationName) 由企业自主确定，不受补贴目录限制（报人社部门审核）",
                           en: "pre-job training of new hires: the enterprise chooses \(k.occupationName), not limited by the catalogue (reviewed by the bureau)")
        }
        guard let cat = facts.catalogue else {
            return outcome("E8", refs, false, zh: "\(thisOcc.zh) 在班级结束日 \(k.end) 无有效的补贴目录条目",
                           en: "\(thisOcc.en) has no catalogue entry in force on the class end date \(k.end)")
        }
        return outcome("E8", refs, cat.subsidised,
                       zh: cat.subsidised ? "\(thisOcc.zh) 在补贴性职业技能培训目录内" : "\(thisOcc.zh) 不在补贴性职业技能培训目录内",
                       en: cat.subsidised ? "\(thisOcc.en) is in the subsidised training catalogue" : "\(thisOcc.en) is not in the subsidised training catalogue")
    }

    func e9() -> RuleOutcome {
        guard let k = klass else { return na("E9", Self.e9Refs, zh: "无培训班（直接鉴定）", en: "no class (direct appraisal)") }
        let ok = k.institutionStatus == .active
        return outcome("E9", Self.e9Refs, ok,
                       zh: ok ? "培训机构 \(k.institutionName)（\(k.institutionCode)）状态正常" : "培训机构 \(k.institutionName)（\(k.institutionCode)）状态为“\(k.institutionStatus.label(.zh))”，不能开展补贴性培训",
                       en: ok ? "institution \(k.institutionName) (\(k.institutionCode)) is active"
                           : "institution \(k.institutionName) (\(k.institutionCode)) is \(k.institutionStatus.label(.en)); it may not run subsidised training")
    }

    /// The city part (first four digits) of a GB/T 2260 code.
    static func city(_ code: String?) -> String? {
        guard let c = code, c.count >= 4 else { return nil }
        return String(c.prefix(4))
    }

    func e10() -> RuleOutcome {
        let refs = Self.trainingRefs
        let applies: Set<SubsidyKind> = [.training, .prepayment, .settlement, .livingAllowance, .appraisal, .insuredUpgrading, .highSkillReward]
        guard applies.contains(kind), let k = klass else { return naKind("E10", refs) }
        guard let where_ = Self.city(k.region) else {
            return na("E10", refs, zh: "培训班未登记地区，请人工核对", en: "the class has no region recorded; check by hand")
        }
        let w = facts.worker
        let places: [(String, String, String?)] = [("户籍地", "household registration", w.hukouRegion),
                                                   ("常住地", "usual residence", w.residenceRegion),
                                                   ("求职就业地", "place of job-seeking or work", w.workRegion)]
        if let hit = places.first(where: { Self.city($0.2) == where_ }) {
            return outcome("E10", refs, true, zh: "培训地 \(k.region!) 与 \(name) 的\(hit.0) \(hit.2!) 同属一市",
                           en: "the class at \(k.region!) is in the city of \(name)'s \(hit.1) \(hit.2!)")
        }
        let known = places.compactMap { p in p.2.map { "\(p.0) \($0)" } }.joined(separator: "、")
        let knownEn = places.compactMap { p in p.2.map { "\(p.1) \($0)" } }.joined(separator: ", ")
        return outcome("E10", refs, false,
                       zh: "培训地 \(k.region!) 不在 \(name) 的户籍地、常住地或求职就业地（\(known.isEmpty ? "均未登记" : known)）",
                       en: "the class at \(k.region!) is not where \(name) holds household registration, usual residence or seeks/holds work (\(knownEn.isEmpty ? "none recorded" : knownEn))")
    }

    /// Own groups qualify for a living allowance (without E11).
    func ownGroupsQualify() -> Bool {
        let w = facts.worker
        if !w.groups.isDisjoint(with: PolicyEngine.livingAllowanceGroups) { return true }
        if w.disability != .none { return true }               // 就业困难人员（含残疾人）
        if w.groups.contains(.schoolLeaver) && w.rural { return true }
        if profile.kinds[.livingAllowance]?.localRuralHukou?.value == true, w.rural,
           let h = Self.city(w.hukouRegion), h == Self.city(klass?.region) { return true }
        return false
    }

    func relativeQualifies() -> Bool {
        guard let r = facts.worker.relativeOf else { return false }
        return PolicyEngine.extendsToRelatives(groups: r.groups, disability: r.disability)
    }

    func e11() -> RuleOutcome {
        let refs = Self.trainingRefs
        guard kind == .livingAllowance else { return naKind("E11", refs) }
        guard let r = facts.worker.relativeOf else {
            return na("E11", refs, zh: "\(name) 未登记经由亲属享受", en: "\(name) does not claim through a relative")
        }
        if ownGroupsQualify() {
            return na("E11", refs, zh: "\(name) 本人已属补贴群体，无需经由亲属 \(r.name)", en: "\(name) qualifies in their own right; the relative \(r.name) is not needed")
        }
        let groups = TargetGroup.sorted(r.groups)
        let gz = groups.map { $0.label(.zh) }.joined(separator: "、"), ge = groups.map { $0.label(.en) }.joined(separator: ", ")
        if relativeQualifies() {
            return outcome("E11", refs, true,
                           zh: "\(name) 是 \(r.name)（\(r.disability == .severe ? "重度残疾" : gz)）的直系亲属，待遇等同本人",
                           en: "\(name) is a direct relative of \(r.name) (\(r.disability == .severe ? "severe disability" : ge)), treated as that person")
        }
        return outcome("E11", refs, false,
                       zh: "亲属 \(r.name) 既非贫困人员也非重度残疾人（\(gz.isEmpty ? "无群体" : gz)），不能延伸至 \(name)",
                       en: "the relative \(r.name) is neither poor nor severely disabled (\(ge.isEmpty ? "no groups" : ge)), so nothing extends to \(name)")
    }

    func e12() -> RuleOutcome {
        let refs = Self.e12Refs
        guard kind == .livingAllowance else { return naKind("E12", refs) }
        let viaRelative = !ownGroupsQualify() && relativeQualifies()
        guard ownGroupsQualify() || viaRelative else {
            let own = TargetGroup.sorted(facts.worker.groups)
            return outcome("E12", refs, false,
                           zh: "\(name) 不属生活费补贴对象（低收入农户、低保、就业困难人员含残疾人、零就业家庭、农村两后生）；现有群体：\(own.isEmpty ? "无" : own.map { $0.label(.zh) }.joined(separator: "、"))",
                           en: "\(name) is not in a living-allowance group (low-income rural, dibao, employment difficulty incl. disability, zero-employment family, rural school leaver); groups: \(own.isEmpty ? "none" : own.map(\.rawValue).joined(separator: ", "))")
        }
        guard let k = klass, k.type == .employment || k.type == .entrepreneurship else {
            let t = klass?.type
            return outcome("E12", refs, false, zh: "生活费补贴只适用于就业技能培训或创业培训，本班为“\(t?.label(.zh) ?? "无培训班")”",
                           en: "a living allowance is only for employment-skills or entrepreneurship training; this is \(t?.label(.en) ?? "no class")")
        }
        guard facts.certificate != nil else {
            return outcome("E12", refs, false, zh: "\(name) 尚未考核合格（无证书），不能发放生活费补贴",
                           en: "\(name) has not passed the assessment (no certificate); no living allowance yet")
        }
        return outcome("E12", refs, true, zh: "\(name) 属补贴对象\(viaRelative ? "（经亲属，E11）" : "")，参加\(k.type.label(.zh))并考核合格",
                       en: "\(name) is in a listed group\(viaRelative ? " (through a relative, E11)" : ""), in \(k.type.label(.en)) training, and passed the assessment")
    }

    func e13() -> RuleOutcome {
        let mp = profile.kinds[.prepayment]?.maxPercent
        var refs = ["001 四(三)2"]
        if let mp, case .clause(let c) = mp.source { refs = [c] }
        guard kind == .prepayment else { return naKind("E13", refs) }
        let cap = mp?.value ?? 0
        guard let pct = request.prepayPercent, pct >= 1 else {
            return outcome("E13", refs, false, zh: "预拨须给出比例（1–\(cap)%）", en: "a prepayment needs its percent (1–\(cap)%)")
        }
        if pct > cap {
            return outcome("E13", refs, false, zh: "预拨比例 \(pct)% 超过上限 \(cap)%", en: "prepayment of \(pct)% exceeds the \(cap)% cap")
        }
        guard let k = klass, k.type == .project || k.institutionIsEnterprise else {
            return outcome("E13", refs, false, zh: "只有企业开展培训或培训机构开展项目制培训可先行拨付",
                           en: "only enterprise training or an institution's project-based training may be prepaid")
        }
        return outcome("E13", refs, true, zh: "预拨 \(pct)%，不超过 \(cap)%（\(k.institutionName)）", en: "prepayment of \(pct)%, within \(cap)% (\(k.institutionName))")
    }

    func e14() -> RuleOutcome {
        let refs = Self.e1Refs
        let applies: Set<SubsidyKind> = [.training, .settlement, .livingAllowance, .insuredUpgrading, .highSkillReward]
        guard applies.contains(kind) else { return naKind("E14", refs) }
        guard let k = klass, k.type.hasClassDays else {
            return na("E14", refs, zh: "直接鉴定，无课时要求", en: "direct appraisal: no class hours")
        }
        let rule = profile.attendanceRule
        let planned = min(max(0, k.plannedHours), 100_000)     // the store allows 1–5,000; no overflow on junk
        let need = rule.minutesToComplete(plannedHours: planned)
        let ok = rule.isComplete(countedMinutes: k.countedMinutes, plannedHours: planned)
        let got = Hours.text(max(0, k.countedMinutes)), needH = Hours.text(need)
        let how = (zh: "线上按 \(rule.onlinePercent)% 计（\(profile.onlinePercent.source.label(.zh))），须达计划 \(planned) 小时的 \(rule.completionPercent)%（\(profile.completionPercent.source.label(.zh))）",
                   en: "online counted at \(rule.onlinePercent)% (\(profile.onlinePercent.source.label(.en))), \(rule.completionPercent)% of the planned \(planned) h needed (\(profile.completionPercent.source.label(.en)))")
        return outcome("E14", refs, ok,
                       zh: "\(name) 计入 \(got) 小时，\(ok ? "达到" : "未达到") \(needH) 小时；\(how.zh)",
                       en: "\(name) has \(got) h counted, \(ok ? "reaching" : "short of") \(needH) h; \(how.en)")
    }

    func e15() -> RuleOutcome {
        let refs = Self.apprenticeRefs
        guard kind == .apprenticeship else { return naKind("E15", refs) }
        if let c = counting.first(where: { $0.kind == .apprenticeship && $0.year == year }) {
            return outcome("E15", refs, false,
                           zh: "\(name) \(year) 年已有学徒制补贴 \(claimRef(c, .zh))；每人每年一次",
                           en: "\(name) already has an apprenticeship subsidy for \(year) \(claimRef(c, .en)); one per apprentice per year")
        }
        return outcome("E15", refs, true, zh: "\(name) \(year) 年尚无学徒制补贴", en: "\(name) has no apprenticeship subsidy for \(year) yet")
    }

    func p1() -> RuleOutcome {
        guard let kp = profile.kinds[kind] else {
            return make("P1", .fail, "",
                        zh: "方案 \(profile.name) 不含\(kind.label(.zh))", en: "profile \(profile.name) pays no \(kind.label(.en))")
        }
        let perLevel: Set<SubsidyKind> = [.appraisal, .apprenticeship, .insuredUpgrading, .highSkillReward]
        if perLevel.contains(kind) {
            guard let level, kp.amounts[level] != nil else {
                let have = kp.amounts.keys.sorted().map { $0.label(.zh) }.joined(separator: "、")
                let haveEn = kp.amounts.keys.sorted().map(\.rawValue).joined(separator: ", ")
                return make("P1", .fail, kp.clause,
                            zh: "方案 \(profile.name) 的\(kind.label(.zh))无\(level?.label(.zh) ?? "该等级")标准；只有：\(have)",
                            en: "profile \(profile.name) sets no \(kind.label(.en)) for \(level?.label(.en) ?? "this level"); only: \(haveEn)")
            }
        }
        return make("P1", .pass, kp.clause,
                    zh: "方案 \(profile.name) 含\(kind.label(.zh))", en: "profile \(profile.name) pays a \(kind.label(.en))")
    }

    /// Whom a kind is for, beyond E1–E15: the insured-employee upgrading subsidy needs
    /// unemployment insurance (000 二(二); 003 二(一)1); the high-skill reward a qualification or
    /// skill-level certificate (000 二(二): 取得职业资格证书).
    func p2() -> RuleOutcome {
        guard let kp = profile.kinds[kind] else { return na("P2", [], zh: "本方案无此补贴种类", en: "the profile has no such kind", clause: "") }
        switch kind {
        case .insuredUpgrading:
            let ok = facts.worker.unemploymentInsured
            return make("P2", ok ? .pass : .fail, kp.clause,
                        zh: ok ? "\(name) 依法参加失业保险" : "\(name) 未参加失业保险，不能享受参保职工技能提升补贴",
                        en: ok ? "\(name) is insured in unemployment insurance" : "\(name) is not insured in unemployment insurance, which this subsidy requires")
        case .highSkillReward:
            guard let c = facts.certificate, c.type.hasLevel else {
                let t = facts.certificate?.type
                return make("P2", .fail, kp.clause,
                            zh: "一次性奖励须凭职业资格证书或职业技能等级证书；现有：\(t?.label(.zh) ?? "无证书")",
                            en: "the reward needs a vocational qualification or skill-level certificate; found: \(t?.label(.en) ?? "none")")
            }
            return make("P2", .pass, kp.clause, zh: "\(name) 持 \(c.type.label(.zh)) \(c.number)",
                        en: "\(name) holds \(c.type.label(.en)) \(c.number)")
        default:
            return make("P2", .notApplicable, kp.clause,
                        zh: "\(kind.label(.zh))无额外对象条件", en: "no further condition on who gets a \(kind.label(.en))")
        }
    }

    func w1() -> RuleOutcome {
        guard let c = facts.certificate else { return na("W1", Self.fraudRefs, zh: "无证书", en: "no certificate") }
        if !c.otherHolders.isEmpty {
            let others = c.otherHolders.joined(separator: "、")
            return outcome("W1", Self.fraudRefs, false, warn: true,
                           zh: "证书 \(c.type.label(.zh)) \(c.number) 同时登记在 \(others) 名下", en: "certificate \(c.type.label(.en)) \(c.number) is also recorded for \(c.otherHolders.joined(separator: ", "))")
        }
        if let k = klass, c.date < k.start {
            return outcome("W1", Self.fraudRefs, false, warn: true,
                           zh: "证书 \(c.number) 日期 \(c.date) 早于培训开始日 \(k.start)", en: "certificate \(c.number) is dated \(c.date), before the training started on \(k.start)")
        }
        return outcome("W1", Self.fraudRefs, true, zh: "证书 \(c.number) 仅此一人持有，日期在培训开始之后", en: "certificate \(c.number) has one holder and is dated after the training started")
    }

    func w2() -> RuleOutcome {
        let a = facts.anomalies
        if !a.otherInstitutionDays.isEmpty || !a.overlongDays.isEmpty {
            var zh: [String] = [], en: [String] = []
            if !a.otherInstitutionDays.isEmpty {
                zh.append("\(dates(a.otherInstitutionDays)) 同日在其他机构也有出勤"); en.append("also attended at another institution on \(dates(a.otherInstitutionDays))")
            }
            if !a.overlongDays.isEmpty {
                zh.append("\(dates(a.overlongDays)) 出勤超过一天的时长"); en.append("more hours than a day allows on \(dates(a.overlongDays))")
            }
            return outcome("W2", Self.fraudRefs, false, warn: true, zh: "\(name)：" + zh.joined(separator: "；"), en: "\(name): " + en.joined(separator: "; "))
        }
        return outcome("W2", Self.fraudRefs, true, zh: "\(name) 无同日多机构出勤或超时出勤", en: "\(name) has no same-day attendance elsewhere and no over-long day")
    }

    func w3() -> RuleOutcome {
        let refs = Self.e9Refs
        guard let k = klass else { return na("W3", refs, zh: "无培训班", en: "no class") }
        let threshold = profile.rejectionWarnPercent.value
        if k.institutionStatus != .active {
            return outcome("W3", refs, false, warn: true, zh: "申请来自状态为“\(k.institutionStatus.label(.zh))”的机构 \(k.institutionName)",
                           en: "the claim comes from \(k.institutionName), which is \(k.institutionStatus.label(.en))")
        }
        if let r = facts.anomalies.institutionRejectionPercent, r >= threshold {
            return outcome("W3", refs, false, warn: true,
                           zh: "机构 \(k.institutionName) 的申请驳回率 \(r)%，达到警示线 \(threshold)%（\(profile.rejectionWarnPercent.source.label(.zh))）",
                           en: "institution \(k.institutionName) has \(r)% of its claims rejected, at or above the \(threshold)% alert line (\(profile.rejectionWarnPercent.source.label(.en)))")
        }
        return outcome("W3", refs, true, zh: "机构 \(k.institutionName) 状态正常，驳回率低于 \(threshold)%", en: "institution \(k.institutionName) is active with a rejection rate under \(threshold)%")
    }

    func w4() -> RuleOutcome {
        let refs = Self.trainingRefs
        let w = facts.worker
        if w.drawsPension {
            return outcome("W4", refs, false, warn: true, zh: "\(name) 按月领取养老金", en: "\(name) draws a monthly pension")
        }
        let lo = profile.workingAgeMin.value, hi = profile.workingAgeMax.value
        guard let b = w.birthDate else { return na("W4", refs, zh: "出生日期未知", en: "birth date unknown") }
        let age = b.age(on: request.asOf)
        if age < lo || age > hi {
            return outcome("W4", refs, false, warn: true,
                           zh: "\(name) 在 \(request.asOf) 年满 \(age) 岁，不在劳动年龄 \(lo)–\(hi) 岁内（\(profile.workingAgeMax.source.label(.zh))）",
                           en: "\(name) is \(age) on \(request.asOf), outside working age \(lo)–\(hi) (\(profile.workingAgeMax.source.label(.en)))")
        }
        return outcome("W4", refs, true, zh: "\(name) \(age) 岁，在劳动年龄内，未领养老金", en: "\(name) is \(age), of working age, with no pension")
    }

    func w5() -> RuleOutcome {
        let a = facts.anomalies
        if !a.editedAfterClose.isEmpty || !a.editedAfterSubmission.isEmpty {
            var zh: [String] = [], en: [String] = []
            if !a.editedAfterClose.isEmpty {
                zh.append("\(dates(a.editedAfterClose)) 的考勤在结班后录入或修改"); en.append("attendance for \(dates(a.editedAfterClose)) was logged or edited after the class closed")
            }
            if !a.editedAfterSubmission.isEmpty {
                zh.append("\(dates(a.editedAfterSubmission)) 的考勤在申请提交后修改"); en.append("attendance for \(dates(a.editedAfterSubmission)) was edited after the claim was submitted")
            }
            return outcome("W5", Self.fraudRefs, false, warn: true, zh: zh.joined(separator: "；"), en: en.joined(separator: "; "))
        }
        return outcome("W5", Self.fraudRefs, true, zh: "考勤无结班后或提交后的修改", en: "no attendance logged or edited after closing or submission")
    }
}
