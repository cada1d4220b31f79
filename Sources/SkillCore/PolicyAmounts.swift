/// Amounts (POLICY.md "Amounts"): the standard, uplifts, proration and how each was computed.
extension PolicyContext {
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

}
