import SkillCore

/// Texts of `S` for filing (报送, issue 13): the filed reports list, filing a period, what changed since.
extension S {
    static let tableScreensFiling: [S: (String, String)] = [
        .menuFiledReports: ("已报送报表", "Filed reports"),
        .filedCount: ("已报送报表 %@ 份（最新在前；✓ 与报送时一致）", "%@ filed reports (newest first; ✓ still as filed)"),
        .noFiled: ("尚无已报送的报表", "No report has been filed"),
        .colFiledNumber: ("编号", "Number"),
        .colFiledPeriod: ("期间", "Period"),
        .colFiledKind: ("报表", "Report"),
        .colFiledAt: ("报送时间 (UTC)", "Filed (UTC)"),
        .colFiledBy: ("报送人", "By"),
        .colFiledCheck: ("校验", "Check"),
        .keyFile: ("报送", "File"),
        .fileChooseKind: ("报送：选择报表", "File: choose the report"),
        .fileTitle: ("报送报表：期间", "File a report: period"),
        .fileHint: ("季度（如 2026-Q3）或年度（如 2026）；Enter 继续，F12 取消", "A quarter (e.g. 2026-Q3) or a year (e.g. 2026); Enter continues, F12 cancels"),
        .fileConfirmTitle: ("确认报送", "Confirm filing"),
        .fileConfirm: ("报送“%@”（%@）？报送后数字即冻结，不可更改；再次报送会另存一版。", "File “%@” for %@? Its figures are frozen and cannot be changed; filing again keeps another version."),
        .filedDone: ("已报送 %@（SHA-256 %@…）", "Filed %@ (SHA-256 %@…)"),
        .filedDetailTitle: ("已报送报表", "Filed report"),
        .filedChanges: ("报送后有 %@ 项变化（报送时 → 现在）：", "%@ figures changed since filing (filed → now):"),
        .filedNoChanges: ("报送后数字没有变化", "Nothing has changed since filing"),
        .keyExportFiled: ("导出原件", "Export as filed"),
        .filedExportTitle: ("导出报送原件：文件路径", "Export the filing as filed: file path"),
        .filedExportHint: ("写出报送时冻结的原始字节；Enter 写入，F12 取消", "Writes the bytes frozen at filing; Enter writes, F12 cancels"),
        .filedExported: ("已写出 %@ 到 %@", "Wrote %@ to %@"),
        .filedOverwrite: ("%@ 已存在。用报送原件覆盖它吗？", "%@ exists. Replace it with the filing?"),
        .helpFiled: ("已报送报表：每份报送时冻结其内容（JSON）并把 SHA-256 写入审计链；✓ 表示内容仍与审计链中的记录一致，✗ 说明不一致之处。Enter 查看报送后的变化（迟到的更正），F9 原样导出。管理员按 F10 报送季度或年度报表。",
                     "Filed reports: each filing freezes its content (JSON) and writes its SHA-256 into the audit chain; ✓ means the content still matches the chain, ✗ says what does not. Enter shows what changed since filing (late corrections), F9 exports it byte for byte. Administrators file a quarter or a year with F10."),
    ]
}
