import SkillCore

/// Texts of `S` for the public disclosure of fund use and the XLSX format (issue 13).
extension S {
    static let tableScreensDisclose: [S: (String, String)] = [
        .exportFormatXLSX: ("XLSX（Excel 工作簿：身份证号为文本，金额为数字）", "XLSX (Excel workbook: IDs as text, amounts as numbers)"),
        .menuDisclosure: ("资金使用公开", "Fund disclosure"),
        .discPeriodLine: ("期间 %@（%@ 至 %@）· %@ · 依据 %@", "Period %@ (%@ to %@) · %@ · under %@"),
        .discTotal: ("已支付 %d 笔，合计 %@", "Paid: %d payments, %@ in all"),
        .discClawed: ("其中支付后被追回 %d 笔，%@", "of which clawed back since: %d, %@"),
        .discNone: ("%@没有银行已确认支付的补贴", "No subsidy confirmed paid by the bank in %@"),
        .discByKind: ("补贴种类", "Subsidy kind"),
        .discByInstitution: ("培训机构", "Institution"),
        .discColCount: ("笔数", "Payments"),
        .discColAmount: ("金额", "Amount"),
        .discTotalRow: ("合计", "Total"),
        .discNoInstitution: ("（无培训机构）", "(no institution)"),
        .discMoreInstitutions: ("… 另有 %d 个机构（PgDn 下翻；文件中全有）", "… %d more institutions (PgDn; all in the file)"),
        .discLines: ("明细 %d 笔（姓名、身份证号遮蔽；无电话、账号、住址）· F9 写出文件",
                     "%d lines, names and IDs masked, nothing else personal · F9 writes a file"),
        .discRule: ("按批次业务日期计入；银行确认支付后才公开；事后被追回的仍列在原期间并注明",
                    "On the batch date, once the bank confirms; later clawbacks stay, marked"),
        .discPeriodTitle: ("资金使用公开：期间", "Fund disclosure: period"),
        .discPeriodHint: ("如 2026-07、2026-Q3、2026、2026-07-01..2026-09-30", "e.g. 2026-07, 2026-Q3, 2026, 2026-07-01..2026-09-30"),
        .discFormatTitle: ("写出%@的资金使用公开：文件格式", "Write the fund disclosure of %@: file format"),
        .discFormatHTML: ("HTML（可打印的网页，自带样式）", "HTML (a printable page, self-contained)"),
        .discPathTitle: ("写出%@的资金使用公开：保存到文件", "Write the fund disclosure of %@: save to file"),
        .discPathHint: ("Enter 写入，F12 取消；文件权限 0600", "Enter writes, F12 cancels; the file is mode 0600"),
        .discWriting: ("正在写出%@的资金使用公开到 %@…", "Writing the fund disclosure of %@ to %@…"),
        .discWritten: ("已写出 %d 笔到 %@（%@；SHA-256 %@…；已记入审计日志）", "Wrote %d payments to %@ (%@; SHA-256 %@…; recorded in the audit trail)"),
        .discPeriodInvalid: ("“%@”不是统计期间；可写的形式见上一行", "'%@' is not a period; the forms are on the line above"),
        .discPathExtension: ("文件名须以 .%@ 结尾（所选的格式）", "the file name must end in .%@ (the format chosen)"),
        .keyPeriod: ("期间", "Period"),
        .keyWriteFile: ("写出文件", "Write file"),
        .helpDisclosure: ("资金使用公开（003 三(三)“定期向社会公开资金使用情况”）：所选期间内银行已确认支付的补贴，按补贴种类和培训机构合计，并列出每笔（姓名、身份证号遮蔽，不含电话、银行账号、住址）。支付按支付批次的业务日期计入期间；尚无银行结果的不公开；支付后被追回的仍列在支付期间，备注“追回中/已追回”。F4 改期间（月 2026-07、季度 2026-Q3、年 2026、起止 2026-07-01..2026-09-30，全角亦可）；F9 写出 HTML（可打印）、CSV（UTF-8 带 BOM 或 GB18030）或 XLSX，写出记入审计日志（期间、格式、行数、文件的 SHA-256）。命令行：skilldesk report disclosure --period P --out 文件.html|.csv|.xlsx。",
                            "Fund disclosure (003 三(三): the use of the funds is disclosed to the public regularly): the subsidies the bank confirmed paid in the period, totalled by subsidy kind and institution, and listed one by one (name and resident ID masked; no phone, bank account or address). A payment counts on its batch's business date; one without the bank's result is not disclosed yet; one clawed back after payment stays where it was paid, noted \"clawback\" or \"recovered\". F4 changes the period (month 2026-07, quarter 2026-Q3, year 2026, span 2026-07-01..2026-09-30, full-width too); F9 writes HTML (printable), CSV (UTF-8 with BOM or GB18030) or XLSX, audited with the period, format, rows and the file's SHA-256. CLI: skilldesk report disclosure --period P --out FILE.html|.csv|.xlsx."),
    ]
}
