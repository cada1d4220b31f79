import Foundation

/// The anomaly signals an auditor sweeps a period for (issue 13 item 5; 套取骗取 — 000 四(三);
/// 001 四(三)3; 003 三(三)): patterns a single claim's evaluation cannot show. Each signal's written
/// definition lives here and only here; the use case (`Session.anomalySweep`), the CLI
/// (`report anomalies`) and the screen (异常线索) show these texts. The thresholds are audit
/// heuristics, not policy (no seed names a figure for them), so they are named constants
/// (`AnomalyThresholds`), not profile values (DECISIONS.md "Oversight (issue 13): anomalies").
public enum AnomalySignal: String, CaseIterable, Codable, Sendable {
    /// Every W1–W5 a claim submitted in the period carried.
    case warnings
    /// One bank account on several workers.
    case sharedAccount = "shared-account"
    /// One mobile phone on several workers.
    case sharedPhone = "shared-phone"
    /// One worker in classes of several institutions at once or within a short span.
    case institutionHopping = "institution-hopping"
    /// A whole class with one identical day-by-day attendance grid.
    case copiedAttendance = "copied-attendance"
    /// Certificates dated en masse on a class's last day at a low-completion institution.
    case certificatesEnMasse = "certificates-en-masse"

    /// The CLI name (`--signal shared-account`) and the JSON key.
    public var code: String { rawValue }

    public func title(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.warnings, .zh): return "预警（W1–W5）"
        case (.warnings, .en): return "Warnings (W1–W5)"
        case (.sharedAccount, .zh): return "多人共用银行账户"
        case (.sharedAccount, .en): return "Bank account shared by workers"
        case (.sharedPhone, .zh): return "多人共用手机号码"
        case (.sharedPhone, .en): return "Phone shared by workers"
        case (.institutionHopping, .zh): return "短期内在多家机构培训"
        case (.institutionHopping, .en): return "Several institutions in a short span"
        case (.copiedAttendance, .zh): return "全班考勤完全相同"
        case (.copiedAttendance, .en): return "Identical attendance across a class"
        case (.certificatesEnMasse, .zh): return "结业日集中发证且合格率低"
        case (.certificatesEnMasse, .en): return "Certificates en masse, low completion"
        }
    }

    /// The clauses the signal serves.
    public static let clauses = "000 四(三); 001 四(三)3; 003 三(三)"

    /// The whole definition: which rows count, which date puts them in the period, the thresholds
    /// and why — what F1 shows and `report anomalies --json` carries.
    public func definition(_ lang: Lang) -> String {
        let t = AnomalyThresholds.self
        switch (self, lang) {
        case (.warnings, .zh):
            return "提交日期（业务日）在期间内、提交时评估出预警（W1–W4，记录为预警数）或其证据此后被改动（W5）的申请，每件申请一条，列出其预警数和 W5 标记。"
                + "预警的具体规则以提交日的数据重新评估得出（证据此后改动的，以现在的数据为准）。草稿从未提交，不计。依据 \(Self.clauses)。"
        case (.warnings, .en):
            return "Claims submitted in the period (business date) whose evaluation at submission raised warnings (W1–W4, stored as the warning count) or whose evidence changed afterwards (W5), one line per claim with its count and the W5 mark. "
                + "The rules named are found by evaluating the claim again as of its submission date (on today's data where the evidence changed). Drafts were never submitted and do not count. \(Self.clauses)."
        case (.sharedAccount, .zh):
            return "同一银行账号登记在 \(t.sharedByAtLeast) 名及以上职工名下（职工档案的账户，以及支付给职工本人的申请所用账户）。只看期间内有培训（所在班级与期间有交集）或有申请（申请日期在期间内）的职工："
                + "全库扫描是另一份报表（档案质量），且与本期资金无关。机构、企业的收款账户本就由多人共用，不计。依据 \(Self.clauses)。"
        case (.sharedAccount, .en):
            return "One bank account recorded for \(t.sharedByAtLeast) or more workers (the worker's own account, and the account of claims paid to the worker). Only workers with a class running in the period or a claim dated in it: "
                + "a sweep of the whole registry is another report (data quality) and not about this period's money. Accounts of institutions and enterprises are shared by design and do not count. \(Self.clauses)."
        case (.sharedPhone, .zh):
            return "同一手机号码登记在 \(t.sharedByAtLeast) 名及以上职工名下，只看期间内有培训或有申请的职工（理由同共用账户）。依据 \(Self.clauses)。"
        case (.sharedPhone, .en):
            return "One mobile number recorded for \(t.sharedByAtLeast) or more workers, among the workers with a class running in the period or a claim dated in it (as for shared accounts). \(Self.clauses)."
        case (.institutionHopping, .zh):
            return "同一职工在不同机构的两个班级日期重叠，或开班日期相距不超过 \(t.hoppingDays) 天（一个班通常一至四周：\(t.hoppingDays) 天内在另一机构开始新班，难以真实参训）；至少一个班的开班日期在期间内。"
                + "每名职工一条，列出其班级。按日出勤冲突另见 W2。依据 \(Self.clauses)。"
        case (.institutionHopping, .en):
            return "One worker enrolled in two classes of different institutions whose dates overlap or whose start dates are at most \(t.hoppingDays) days apart (a class runs one to four weeks: a new class elsewhere within \(t.hoppingDays) days is hard to attend for real); at least one of them starts in the period. "
                + "One line per worker, with the classes. Clashes on a single day are W2's. \(Self.clauses)."
        case (.copiedAttendance, .zh):
            return "期间内结束（结业日在期间内，状态为已结业或已关闭，与“培训人次”的口径相同）的班级中，全部学员（至少 \(t.copiedAtLeast) 人）的逐日考勤完全相同：同样的日期、同样的面授和线上分钟数。"
                + "真实的班级总有缺勤、迟到或补课。依据 \(Self.clauses)。"
        case (.copiedAttendance, .en):
            return "A class that ended in the period (end date in the period, completed or closed, as for person-times trained) whose enrolled workers — all of them, at least \(t.copiedAtLeast) — have one identical day-by-day grid: the same dates, the same classroom and online minutes. "
                + "A real class always has an absence, a late start or a make-up day. \(Self.clauses)."
        case (.certificatesEnMasse, .zh):
            return "期间内结束的班级，其（未作废的）证书至少 \(t.enMasseAtLeast) 本且不少于 \(t.enMassePercent)% 的发证日期就是结业日，而所属机构在期间内的合格率（期间内结束班级的学员中按 E14 完成培训的比例，与“培训人次”同一口径）低于 \(t.lowCompletionPercent)%。"
                + "依据 \(Self.clauses)。"
        case (.certificatesEnMasse, .en):
            return "A class that ended in the period whose (unvoided) certificates — at least \(t.enMasseAtLeast) — are \(t.enMassePercent)% or more dated on its end date, at an institution whose completion rate in the period (the share of the enrolments of its classes that ended in the period completed by E14, as for person-times trained) is below \(t.lowCompletionPercent)%. "
                + "\(Self.clauses)."
        }
    }

    /// Reads a `--signal` value (its code, case-insensitive).
    public static func parse(_ text: String) -> AnomalySignal? {
        let t = HalfWidth.ascii(text).trimmingCharacters(in: .whitespaces).lowercased()
        return allCases.first { $0.code == t }
    }
}

/// The thresholds of the anomaly signals: audit heuristics with their reasons, one place.
public enum AnomalyThresholds {
    /// A bank account or phone counts as shared from this many workers on.
    public static let sharedByAtLeast = 2
    /// Classes at different institutions whose start dates are at most this many days apart: a
    /// class runs one to four weeks, so a second institution's class starting within a month of the
    /// first is either overlapping or a worker signed up twice in a hurry.
    public static let hoppingDays = 30
    /// A copied grid needs at least this many workers: two or three workers with the same days is
    /// plausible in a small class of full attendance.
    public static let copiedAtLeast = 5
    /// Certificates "en masse": at least this many …
    public static let enMasseAtLeast = 5
    /// … and at least this share of the class's certificates dated on its end date.
    public static let enMassePercent = 80
    /// A completion rate below this in the period is "low" (the demo profile's completion share is
    /// 80% of the hours; a healthy institution completes most enrolments).
    public static let lowCompletionPercent = 60
}
