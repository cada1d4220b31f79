import SkillCore

/// Texts of `S` for the anomaly screens (issue 13 item 5, 异常线索). The signals' own titles and
/// definitions live with them in SkillCore (`AnomalySignal`), not here.
extension S {
    static let tableScreensAnomalies: [S: (String, String)] = [
        .menuAnomalies: ("异常线索", "Anomalies"),
        .anomalyTitle: ("异常线索", "Anomalies"),
        .anomalySweeping: ("正在扫描 %@ 的异常线索…", "Sweeping %@ for anomalies…"),
        .anomalyProgress: ("%@ %d/%d", "%@ %d/%d"),
        .anomalyDone: ("完成", "done"),
        .anomalySwept: ("已扫描 %@", "Swept %@"),
        .anomalyKeyPeriod: ("期间", "Period"),
        .anomalyKeySweep: ("重新扫描", "Sweep again"),
        .anomalyKeyRecords: ("涉及记录", "Records"),
        .anomalyPeriodTitle: ("统计期间", "Period"),
        .anomalyPeriodHint: ("2026-07（月）、2026-Q3（季度）、2026（年）或 2026-07-01..2026-09-30",
                             "2026-07 (month), 2026-Q3 (quarter), 2026 (year) or 2026-07-01..2026-09-30"),
        .anomalyPeriodBad: ("“%@”不是统计期间：请按上一行的格式填写", "'%@' is not a period: write it as the line above shows"),
        .anomalyPeriodLine: ("期间：%@（%@ 至 %@）  F4 更改", "Period: %@ (%@ to %@)  F4 to change"),
        .anomalyNotSwept: ("尚未扫描：按 F5 扫描本期间", "Not swept yet: F5 sweeps this period"),
        .anomalyNone: ("“%@”本期间没有线索", "No occurrence of “%@” in this period"),
        .anomalyColSignal: ("信号", "Signal"),
        .anomalyColCode: ("代码（--signal）", "Code (--signal)"),
        .anomalyColCount: ("条数", "Count"),
        .anomalyDefinitionHeading: ("定义（F1 查看全文）：", "Definition (F1 shows it whole):"),
        .anomalyDefinitionMore: ("…（F1 查看全文）", "… (F1 shows it whole)"),
        .anomalyOccurrencesLine: ("期间：%@ · 共 %d 条（Enter 查看涉及的记录）", "Period: %@ · occurrences: %d (Enter lists the records)"),
        .anomalyColSubject: ("对象", "Subject"),
        .anomalyColFigures: ("触发数据", "Figures"),
        .anomalyColKind: ("类别", "Kind"),
        .anomalyColNumber: ("编号", "Number"),
        .anomalyColName: ("名称", "Name"),
        .anomalyKindWorker: ("职工", "Worker"),
        .anomalyKindClaim: ("申请", "Claim"),
        .anomalyKindClass: ("班级", "Class"),
        .anomalyKindInstitution: ("机构", "Inst."),
        .helpAnomalies: ("异常线索：按期间（F4）扫描各信号，列出条数；↑↓ 选择信号，下方显示其定义，F1 看全文；Enter 列出各条线索，再 Enter 列出涉及的职工、申请、班级和机构，再 Enter 打开。F5 重新扫描（结果是扫描时的快照）。",
                         "Anomalies: every signal swept over the period (F4) with its count; ↑↓ chooses a signal, whose definition shows below (F1: whole); Enter lists its occurrences, Enter again the workers, claims, classes and institutions named, and Enter opens one. F5 sweeps again (the list is the sweep's snapshot)."),
        .helpAnomalyOccurrences: ("每行一条线索及触发它的数据；Enter 列出涉及的记录。", "One occurrence a line with the figures that triggered it; Enter lists the records it names."),
        .helpAnomalyRecords: ("Enter 打开所选记录：职工档案、申请详情、班级考勤或机构。", "Enter opens the record: the worker, the claim's detail, the class's attendance or the institution."),
    ]
}
