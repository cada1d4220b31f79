import Foundation
import SkillCore
import SkillStore
import SkillRecords

extension InstitutionPerformanceReport {
    /// The CSV columns, in the order of the screen.
    public static let csvHeader = ["code", "name", "grade", "status", "classes", "enrolled", "completed", "completion_bp",
                                   "certified", "certified_bp", "submitted", "approved", "rejected", "rejection_bp",
                                   "w1", "w2", "w3", "w4", "w5", "warnings_unrecorded", "paid_yuan"]

    /// The report as CSV text (UTF-8, CRLF; cells neutralised as every export's are).
    public var csv: String {
        var out = CSVCell.line(Self.csvHeader)
        func bp(_ v: Int64?) -> String { v.map(String.init) ?? "" }
        for p in rows {
            out += CSVCell.line([CSVCell.text(p.code), CSVCell.text(p.name), CSVCell.text(p.grade ?? ""), p.status.rawValue,
                                 String(p.classes), String(p.enrolled), String(p.completed), bp(p.completionBP),
                                 String(p.certified), bp(p.certifiedBP), String(p.submitted), String(p.approved),
                                 String(p.rejected), bp(p.rejectionBP)] + p.warnings.map(String.init)
                                + [String(p.warningsUnrecorded), CSVCell.yuan(p.paidFen)])
        }
        return out
    }
}

extension Session {
    /// Writes institution performance for a period to a CSV file (UTF-8 with BOM) through the one
    /// file writer, audited `report.export` like a list export.
    public func exportInstitutionPerformance(_ period: ReportPeriod, sort: PerformanceSort, to path: String,
                                             replace: Bool) throws -> ExportResult {
        try require(.readReports)
        let file = try outputFile(path, replace: replace)
        let report = try institutionPerformance(period, sort: sort)
        let bytes = [0xEF, 0xBB, 0xBF] + Array(report.csv.utf8)
        do {
            try file.write(bytes)
            try file.commit()
        } catch let e as OutputFileError { throw DeskError.outputFile(e) }
        let now = desk.clock()
        do {
            try write(.readReports) { w in
                try w.audit(at: now, user: user, action: "report.export", entity: "report", key: "institutions",
                            before: nil, after: CatalogueJSON.encode(ExportAudit(list: "institutions", filter: "period=\(period.code) sort=\(sort.rawValue)",
                                                                                 rows: report.rows.count, bytes: bytes.count,
                                                                                 encoding: "utf8", file: file.path)))
            }
        } catch {
            throw DeskError.listExportNotAudited(path: path, reason: "\(error)", reasonZh: "\(error)")
        }
        return ExportResult(rows: report.rows.count, bytes: bytes.count, path: path)
    }
}
