/// P1–P2 (the profile pays this kind at this level; the worker is whom the kind is for) and the
/// warnings W1–W5.
extension PolicyContext {
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
                if a.elsewhere.isEmpty {
                    zh.append("\(dates(a.otherInstitutionDays)) 同日在其他机构也有出勤"); en.append("also attended at another institution on \(dates(a.otherInstitutionDays))")
                } else {
                    zh.append("同日在其他机构也有出勤：" + a.elsewhere.map { $0.text(.zh) }.joined(separator: "；"))
                    en.append("also attended at another institution: " + a.elsewhere.map { $0.text(.en) }.joined(separator: "; "))
                }
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
        let a = facts.anomalies
        let minimum = profile.rejectionWarnMinDecided.value
        let rejected = max(0, a.institutionRejected), decided = max(0, a.institutionDecided)
        let counts = Self.rejectionCounts(rejected: rejected, decided: decided)
        // Too few decisions for a rate to mean anything (one rejection of three is no pattern).
        guard decided >= minimum else {
            return outcome("W3", refs, true,
                           zh: "机构 \(k.institutionName) 状态正常；已决定申请 \(decided) 份（驳回 \(rejected) 份），不足 \(minimum) 份，暂不计驳回率（\(profile.rejectionWarnMinDecided.source.label(.zh))）",
                           en: "institution \(k.institutionName) is active; \(decided) decided claims (\(rejected) rejected), fewer than the \(minimum) a rejection rate needs (\(profile.rejectionWarnMinDecided.source.label(.en)))")
        }
        // Reaching the line counts (rejected / decided ≥ threshold %), compared exactly in integers.
        let (scaled, over) = rejected.multipliedReportingOverflow(by: 100)
        let (line, overLine) = threshold.multipliedReportingOverflow(by: decided)
        if over || overLine || scaled >= line {
            let exactly = !over && !overLine && scaled == line
            return outcome("W3", refs, false, warn: true,
                           zh: "机构 \(k.institutionName) 驳回率 \(counts.zh)，\(exactly ? "达到" : "超过")警示线 \(threshold)%（\(profile.rejectionWarnPercent.source.label(.zh))）",
                           en: "institution \(k.institutionName) has a rejection rate of \(counts.en), \(exactly ? "at" : "over") the \(threshold)% alert line (\(profile.rejectionWarnPercent.source.label(.en)))")
        }
        return outcome("W3", refs, true, zh: "机构 \(k.institutionName) 状态正常，驳回率 \(counts.zh)，低于 \(threshold)%",
                       en: "institution \(k.institutionName) is active with a rejection rate of \(counts.en), under \(threshold)%")
    }

    /// "35%（20 份已决定中驳回 7 份）" / "35% (7 of 20 decided claims rejected)"; the percent with one
    /// decimal when it is not whole (33.3%), rounded down so it never shows more than it is.
    static func rejectionCounts(rejected: Int, decided: Int) -> (zh: String, en: String) {
        guard decided > 0 else { return ("0%（无已决定申请）", "0% (no decided claims)") }
        let tenths = rejected.multipliedReportingOverflow(by: 1000)
        let t = tenths.overflow ? Int.max / decided : tenths.partialValue / decided
        let percent = t % 10 == 0 ? "\(t / 10)%" : "\(t / 10).\(t % 10)%"
        return ("\(percent)（\(decided) 份已决定中驳回 \(rejected) 份）", "\(percent) (\(rejected) of \(decided) decided claims rejected)")
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
