/// The eligibility rules E1–E15 (POLICY.md "Rules"), one function each; which kinds each applies
/// to is `PolicyRule.applies(to:)`, not a guard of its own.
extension PolicyContext {
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
        guard applies(.e3) else { return naKind("E3", Self.e3Refs) }
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
        guard applies(.e4) else { return naKind("E4", refs) }
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
        guard applies(.e5), let level else { return naKind("E5", refs) }
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
        guard applies(.e6) else { return naKind("E6", refs) }
        guard let k = klass, k.type == .safety else {
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
            // The subsidy is paid to the enterprise the worker works for (直补企业): with no employer
            // recorded there is no payee, so the claim fails rather than showing "paid to the enterprise".
            guard !employer.trimmedWhitespace().isEmpty else {
                return outcome("E7", refs, false,
                               zh: "以工代训补贴支付给用人企业，\(name) 未登记工作单位（统一社会信用代码），没有可受领的企业；请先在劳动者信息中填写工作单位及其信用代码",
                               en: "the training-through-work subsidy is paid to the employing enterprise, and \(name) has no employer (credit code) recorded, so there is no enterprise to pay; record the employer and its credit code on the worker first")
            }
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
        guard applies(.e7) else { return naKind("E7", refs) }
        guard klass?.type == .prejob else {
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
        guard applies(.e8), let k = klass else { return naKind("E8", refs) }
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
        guard applies(.e10), let k = klass else { return naKind("E10", refs) }
        guard let where_ = Self.city(k.region) else {
            return na("E10", refs, zh: "培训班未登记地区，请人工核对", en: "the class has no region recorded; check by hand")
        }
        let w = facts.worker
        // The third place is the one recorded on the worker (求职就业地, v13); where the employer is
        // registered counts as a place of work as well (it did before the field existed).
        let places: [(String, String, String?)] = [("户籍地", "household registration", w.hukouRegion),
                                                   ("常住地", "usual residence", w.residenceRegion),
                                                   ("求职就业地", "place of job-seeking or work", w.workRegion),
                                                   ("工作单位所在地", "employer's place", w.employerRegion)]
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
        guard applies(.e11) else { return naKind("E11", refs) }
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
        guard applies(.e12) else { return naKind("E12", refs) }
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
        guard applies(.e13) else { return naKind("E13", refs) }
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
        guard applies(.e14) else { return naKind("E14", refs) }
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
        guard applies(.e15) else { return naKind("E15", refs) }
        if let c = counting.first(where: { $0.kind == .apprenticeship && $0.year == year }) {
            return outcome("E15", refs, false,
                           zh: "\(name) \(year) 年已有学徒制补贴 \(claimRef(c, .zh))；每人每年一次",
                           en: "\(name) already has an apprenticeship subsidy for \(year) \(claimRef(c, .en)); one per apprentice per year")
        }
        return outcome("E15", refs, true, zh: "\(name) \(year) 年尚无学徒制补贴", en: "\(name) has no apprenticeship subsidy for \(year) yet")
    }

}
