import Foundation
import SkillCore
import SkillStore
import SkillRecords

extension Session {
    /// Writes a sweep's occurrences to a CSV file (one row per occurrence: signal, subject, figures,
    /// the records it names) through the one writer (`OutputFile`, `CSVSink`), then audits it as
    /// `list.export` of the list `anomalies` with the period and signals — personal data leaving the
    /// system, as every other list export.
    public func exportAnomalies(_ report: AnomalyReport, to path: String, encoding: BankFileEncoding, replace: Bool,
                                lang: Lang) throws -> ExportResult {
        try require(.readAnomalies)
        let file = try outputFile(path, replace: replace)
        let sink = try CSVSink(file, encoding: encoding)
        let zh = lang == .zh
        try sink.row((zh ? ["信号", "信号名称", "对象", "触发数据", "涉及记录"] : ["signal", "title", "subject", "figures", "records"]).map(ExportCell.text))
        var rows = 0
        for s in report.signals {
            for o in s.occurrences {
                let records = o.records.map { "\($0.kind.rawValue) \($0.number) \($0.name)" }.joined(separator: "; ")
                try sink.row([s.signal.code, s.signal.title(lang), o.subject, o.figures(lang), records].map(ExportCell.text))
                rows += 1
            }
        }
        try sink.flush()
        try file.commit()
        let audit = ExportAudit(list: "anomalies", filter: "period=\(report.period) signals=\(report.signals.map(\.signal.code).joined(separator: ","))",
                                rows: rows, bytes: sink.bytes, encoding: encoding.rawValue, file: file.path)
        do {
            try write(.readAnomalies) { w in
                try w.audit(at: desk.clock(), user: user, action: "list.export", entity: "export", key: "anomalies",
                            before: nil, after: CatalogueJSON.encode(audit))
            }
        } catch {
            let e = error as? UserMessage
            throw DeskError.listExportNotAudited(path: path, reason: e?.message(.en) ?? "\(error)", reasonZh: e?.message(.zh) ?? "\(error)")
        }
        return ExportResult(rows: rows, bytes: sink.bytes, path: path)
    }
}
