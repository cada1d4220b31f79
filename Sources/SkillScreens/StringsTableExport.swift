import SkillCore

/// Texts of `S` for exporting a list to CSV (issue 12, `ListExportFlow`).
extension S {
    static let tableScreensExport: [S: (String, String)] = [
        .keyExportCSV: ("导出", "Export"),
        .helpExportCSV: ("Ctrl-X（^X）把当前筛选下的全部行（不只本页）导出为 CSV 或 XLSX 文件：先选格式（CSV：UTF-8 带 BOM，或中文 Windows 上旧版 Excel 用的 GB18030；或 XLSX 工作簿），再给路径；已存在的文件须确认才覆盖。身份证号、手机号按文本写出（XLSX 中金额、笔数为数字），CSV 中以 = + - @ 开头的内容前加 ' 以免被当作公式，XLSX 中文本永远不是公式。每次导出记入审计日志（谁、哪个列表、什么筛选、多少行）。命令行同样可用：在列表命令后加 --csv 文件，或 --out 文件 [--format csv|xlsx]。",
                         "Ctrl-X (^X) writes every row of the current filter (not just this page) to a CSV or XLSX file: first the format (CSV in UTF-8 with BOM, CSV in GB18030 for older Excel on a Chinese Windows, or an XLSX workbook), then the path; an existing file is replaced only when confirmed. IDs and phones are written as text (amounts and counts are numbers in XLSX); in CSV a cell starting with = + - @ gets a leading ' so it is never a formula, and in XLSX text is never a formula. Every export is audited (who, which list, which filter, how many rows). The CLI does the same: add --csv FILE, or --out FILE [--format csv|xlsx], to a list command."),
        .csvEncodingTitle: ("导出%@：文件格式", "Export %@: file format"),
        .csvEncodingUTF8: ("CSV，UTF-8（带 BOM；Excel、WPS、LibreOffice）", "CSV, UTF-8 with BOM (Excel, WPS, LibreOffice)"),
        .csvEncodingGB: ("CSV，GB18030（中文 Windows 上的旧版 Excel）", "CSV, GB18030 (older Excel on a Chinese Windows)"),
        .csvPathTitle: ("导出%@：保存到文件", "Export %@: save to file"),
        .csvPathHint: ("写出当前筛选的全部行（不只本页）；Enter 写入，F12 取消",
                       "Every row of the filter, not just this page; Enter writes, F12 cancels"),
        .csvOverwrite: ("%@ 已存在。用导出的文件覆盖它吗？", "%@ exists. Replace it with the exported file?"),
        .csvExporting: ("正在导出%@到 %@…", "Exporting %@ to %@…"),
        .csvProgress: ("已写入 %d 行", "%d rows written"),
        .csvExported: ("已导出 %d 行到 %@（%@，已记入审计日志）", "Exported %d rows to %@ (%@; recorded in the audit trail)"),
        .csvCancelled: ("已取消导出，未写入文件", "Export cancelled; no file written"),
        .csvListWorkers: ("劳动者", "workers"),
        .csvListClaims: ("“%@”申请", "%@ claims"),
        .csvListClaimSearch: ("查找“%@”的申请", "claims found by “%@”"),
        .csvListBatches: ("支付批次", "payment batches"),
        .csvListLines: ("批次 %@ 的明细", "the lines of batch %@"),
        .csvListClasses: ("培训班", "training classes"),
        .csvListNotices: ("公示名单", "the notice list"),
    ]
}
