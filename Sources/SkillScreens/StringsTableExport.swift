import SkillCore

/// Texts of `S` for exporting a list to CSV (issue 12, `ListExportFlow`).
extension S {
    static let tableScreensExport: [S: (String, String)] = [
        .keyExportCSV: ("导出CSV", "Export CSV"),
        .helpExportCSV: ("Ctrl-X（^X）把当前筛选下的全部行（不只本页）导出为 CSV 文件：先选编码（UTF-8 带 BOM，或中文 Windows 上旧版 Excel 用的 GB18030），再给路径；已存在的文件须确认才覆盖。身份证号、手机号按文本写出，以 = + - @ 开头的内容前加 ' 以免被当作公式。每次导出记入审计日志（谁、哪个列表、什么筛选、多少行）。命令行同样可用：在列表命令后加 --csv 文件。",
                         "Ctrl-X (^X) writes every row of the current filter (not just this page) to a CSV file: first the encoding (UTF-8 with BOM, or GB18030 for older Excel on a Chinese Windows), then the path; an existing file is replaced only when confirmed. IDs and phones are written as text; a cell starting with = + - @ gets a leading ' so it is never a formula. Every export is audited (who, which list, which filter, how many rows). The CLI does the same: add --csv FILE to a list command."),
        .csvEncodingTitle: ("导出%@为 CSV：文件编码", "Export %@ to CSV: file encoding"),
        .csvEncodingUTF8: ("UTF-8（带 BOM；Excel、WPS、LibreOffice）", "UTF-8 with BOM (Excel, WPS, LibreOffice)"),
        .csvEncodingGB: ("GB18030（中文 Windows 上的旧版 Excel）", "GB18030 (older Excel on a Chinese Windows)"),
        .csvPathTitle: ("导出%@为 CSV：保存到文件", "Export %@ to CSV: save to file"),
        .csvPathHint: ("写出当前筛选的全部行（不只本页）；Enter 写入，F12 取消",
                       "Every row of the filter, not just this page; Enter writes, F12 cancels"),
        .csvOverwrite: ("%@ 已存在。用导出的 CSV 覆盖它吗？", "%@ exists. Replace it with the exported CSV?"),
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
