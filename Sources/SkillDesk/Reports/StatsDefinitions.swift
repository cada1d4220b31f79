import SkillCore

/// What every figure counts, in words (F1 on the statistics screen, `report stats --explain`):
/// which rows, why, and the clause. The same rows as `FigureID.includes` — if one changes, so must
/// the other (docs/DECISIONS.md "Oversight (issue 13): statistics").
public enum StatsDefinitions {
    public static func text(_ f: FigureID, period: ReportPeriod, lang: Lang) -> String {
        var parts = [metric(f.metric, lang)]
        if let d = f.dimension, let key = f.key { parts.append(breakdown(d, key, lang)) }
        parts.append(area(f.area, lang))
        parts.append(lang == .zh ? "期间：\(period.label(.zh))（\(period.first) 至 \(period.last)，含首尾）。"
                                 : "Period: \(period.label(.en)) (\(period.first) to \(period.last), both included).")
        return parts.joined(separator: "\n")
    }

    public static func metric(_ m: StatsMetric, _ lang: Lang) -> String {
        switch (m, lang) {
        case (.enrolled, .zh):
            return "报名人次：期间内结业的培训班（结束日期在期间内，且班级状态为已结业或已关闭）的全部在册学员，一人一班计一次（政策“统计报表”，001 五(二)）。"
        case (.enrolled, .en):
            return "Enrolled: every trainee on the roster of a class that ENDED in the period (end date in the period, class completed or closed); one per worker per class (POLICY \"Reports\", 001 五(二))."
        case (.completed, .zh):
            return "培训人次：上述报名中，累计学时（线上学时按政策比例折算，逐日向下取整）达到计划学时合格比例的（E14，001 四(二)4；003 二(二)7）。按人次计：一人结业两个班计两次。"
        case (.completed, .en):
            return "Person-times trained: of those enrolments, the ones whose counted hours (online at the profile's ratio, rounded down per day) reach the completion share of the planned hours (E14; 001 四(二)4; 003 二(二)7). Person-times: a worker who finished two classes counts twice."
        case (.certificates, .zh):
            return "发证数：发证日期在期间内、未作废的证书（作废的证书保留在案但不计）。"
        case (.certificates, .en):
            return "Certificates: certificates whose issue date is in the period and that are not voided (a voided certificate stays on record but is not counted)."
        case (.leveled, .zh):
            return "注明等级的证书：上述证书中注明技能等级的（高技能人才占比的分母）。"
        case (.leveled, .en):
            return "Certificates stating a level: of those certificates, the ones that state a skill level (the high-skill share's denominator)."
        case (.highSkill, .zh):
            return "高技能人才：上述证书中等级为高级工（三级）及以上的——高级工、技师、高级技师、特级技师、首席技师。高技能人才占比 = 高级工及以上证书 ÷ 注明等级的证书（政策“统计报表”）。"
        case (.highSkill, .en):
            return "High-skill: of those certificates, level 3 (senior worker) and above — L3, L2, L1, special-grade and chief technician. High-skill share = these ÷ certificates stating a level (POLICY \"Reports\")."
        case (.submitted, .zh):
            return "提交的申请：最近一次提交日在期间内的申请，不论现状（退回后再次提交的按最后一次提交日计一次）；金额为申请金额。"
        case (.submitted, .en):
            return "Claims submitted: claims whose last submission day is in the period, whatever their status now (a claim returned and submitted again counts once, on its last submission); amount: the claim's."
        case (.approved, .zh):
            return "批准的申请：审批日（北京时间）在期间内、现为已批准或其后状态（公示、待支付、已支付、追回、已追回）的申请；金额为批准金额。"
        case (.approved, .en):
            return "Claims approved: claims decided (Beijing time) in the period that are approved or past it now (on notice, payable, paid, clawed back, recovered); amount: the amount approved."
        case (.rejected, .zh):
            return "驳回的申请：驳回日（北京时间）在期间内的申请（驳回为终结状态）；金额为申请金额。"
        case (.rejected, .en):
            return "Claims rejected: claims rejected (Beijing time) in the period (rejection is final); amount: the claim's."
        case (.paid, .zh):
            return "已支付：支付批次业务日期在期间内、银行回单为成功的支付行；金额为支付行金额（003 三(三)）。"
        case (.paid, .en):
            return "Paid: payment lines the bank paid, in batches whose business date is in the period; amount: the line's (003 三(三))."
        case (.clawedBack, .zh):
            return "追回的申请：审计记录中“追回”操作（claim.clawback）的日期（北京时间）在期间内的申请；金额为应追回金额（000 四(三)）。"
        case (.clawedBack, .en):
            return "Claims clawed back: claims whose claw-back entry in the audit trail (claim.clawback) is dated (Beijing time) in the period; amount: the amount clawed back (000 四(三))."
        }
    }

    static func breakdown(_ d: StatsDimension, _ key: String, _ lang: Lang) -> String {
        let value = StatsKeyLabel.text(d, key, name: nil, lang)
        switch (d, lang) {
        case (.group, .zh):
            return "分类：\(d.label(.zh)) = \(value)。同属两个人群的学员在每个人群各计一次，合计只计一次。"
        case (.group, .en):
            return "Breakdown: \(d.label(.en)) = \(value). A worker in two groups counts in each group; the total counts them once."
        case (.district, .zh), (.institution, .zh):
            return "分类：\(d.label(.zh)) = \(value)。" + placement(.zh)
        case (.district, .en), (.institution, .en):
            return "Breakdown: \(d.label(.en)) = \(value). " + placement(.en)
        case (_, .zh): return "分类：\(d.label(.zh)) = \(value)。"
        case (_, .en): return "Breakdown: \(d.label(.en)) = \(value)."
        }
    }

    static func area(_ a: StatsArea, _ lang: Lang) -> String {
        switch (a, lang) {
        case (.city, .zh): return "范围：全市（含无法归属区县的记录）。"
        case (.city, .en): return "Area: the whole city (rows that cannot be placed in a district included)."
        case (.region, .zh): return "范围：\(a.label(.zh))。" + placement(.zh)
        case (.region, .en): return "Area: \(a.label(.en)). " + placement(.en)
        }
    }

    /// The placement rule (`StatsArea`), as the F1 text says it.
    public static func placement(_ lang: Lang) -> String {
        lang == .zh
            ? "记录按培训机构统一社会信用代码第 3–8 位（登记地行政区划）归属区县：培训班所在地未登记，户籍地会把外来务工人员的培训算到外地；证书按其培训班的机构、申请按其机构归属，无机构的记录只计入全市。"
            : "Rows are placed by characters 3–8 of the institution's unified social credit code (its registration region): a class's location is not recorded, and household registration would count a migrant worker's training in their home county. A certificate is placed by its class's institution, a claim by its institution; rows with none count only in the whole city."
    }
}

/// How a breakdown key reads on a screen or in a table: a coded key by its label, a data key by
/// its name and code, `none` as "—" with what it means.
public enum StatsKeyLabel {
    public static func text(_ d: StatsDimension, _ key: String, name: String?, _ lang: Lang) -> String {
        if key == StatsDimension.noneKey {
            switch d {
            case .group: return lang == .zh ? "未属重点人群" : "no target group"
            case .source: return lang == .zh ? "未定资金来源" : "no fund source yet"
            case .level: return lang == .zh ? "未注明等级" : "no level stated"
            case .district, .institution: return lang == .zh ? "无法归属" : "unplaced"
            default: return "—"
            }
        }
        switch d {
        case .type: return TrainingType(rawValue: key)?.label(lang) ?? key
        case .group: return TargetGroup(rawValue: key)?.label(lang) ?? key
        case .level: return SkillLevel(rawValue: key)?.label(lang) ?? key
        case .certificateType: return CertificateType(rawValue: key)?.label(lang) ?? key
        case .kind: return SubsidyKind(rawValue: key)?.label(lang) ?? key
        case .source: return FundSource(rawValue: key)?.label(lang) ?? key
        case .occupation: return name.map { "\($0) \(key)" } ?? key
        case .institution, .district: return name ?? key
        }
    }
}
