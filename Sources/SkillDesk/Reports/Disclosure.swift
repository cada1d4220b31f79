import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// The public disclosure of fund use (资金使用情况公开, 003 三(三): "定期向社会公开资金使用情况")
/// for a period: the subsidies paid in it, totalled by kind and by institution, and listed with
/// the worker's name and resident ID masked (`PublicMask`) — nothing else personal.
///
/// Which payments count (docs/DECISIONS.md "Oversight (issue 13): disclosure and XLSX"): a payment
/// line the bank confirmed paid (`payment_lines.result = 'paid'`), in the period of its batch's
/// business date (the day the bank file was made and the money sent). A line still waiting for the
/// bank's result is not disclosed until the result says paid; a failed one never. A claim clawed
/// back or recovered after it was paid — in the period or later — stays disclosed where it was
/// paid (the money did leave the fund then) and is marked, and counted in `clawedBackCount/Fen`.
public struct Disclosure: Codable, Equatable, Sendable {
    /// `ReportPeriod.code` and its first and last day.
    public var period: String
    public var first: String
    public var last: String
    /// The bureau's city (the policy profile's `city`, else its title).
    public var city: String
    /// The clause the disclosure answers.
    public var clause: String
    /// Every payment of the period: how many, how much (fen).
    public var count: Int
    public var amountFen: Int64
    /// By subsidy kind, in `SubsidyKind`'s order; kinds with no payment left out.
    public var byKind: [KindTotal]
    /// By institution, by name then credit code; payments of claims without an institution
    /// (`code` empty) last.
    public var byInstitution: [InstitutionTotal]
    /// Of these, the payments whose claim has since been clawed back (status clawback or recovered).
    public var clawedBackCount: Int
    public var clawedBackFen: Int64
    /// The list, when asked for (`Session.disclosure(_:lines:)`), in paid date then claim order.
    public var lines: [Line]?

    public struct KindTotal: Codable, Equatable, Sendable {
        public var kind: SubsidyKind
        public var count: Int
        public var amountFen: Int64
    }

    public struct InstitutionTotal: Codable, Equatable, Sendable {
        public var code: String
        public var name: String
        public var count: Int
        public var amountFen: Int64
    }

    /// One payment as published: masked name and ID, never the full ones.
    public struct Line: Codable, Equatable, Sendable {
        public var maskedName: String
        public var maskedID: String
        public var kind: SubsidyKind
        public var occupationCode: String
        public var occupationName: String
        public var level: String
        public var institution: String
        public var amountFen: Int64
        public var paidOn: String
        /// The claim's status when it was clawed back after it was paid (`clawback`: being
        /// recovered, `recovered`); nil when it stands paid.
        public var clawback: ClaimStatus?
    }

    public static let clauseCode = "003 三(三)"

    /// The line as published, from the store's row: the only place a disclosed name or ID is made.
    static func line(_ r: DisclosedPaymentRow) -> Line {
        Line(maskedName: PublicMask.name(r.workerName), maskedID: PublicMask.residentID(r.workerID), kind: r.kind,
             occupationCode: r.occupationCode, occupationName: UnsafeText.forDisplay(r.occupationName), level: r.level,
             institution: UnsafeText.forDisplay(r.institutionName), amountFen: r.amountFen, paidOn: r.paidOn,
             clawback: r.status == .clawback || r.status == .recovered ? r.status : nil)
    }

    /// `SkillLevel`'s label, or the stored code when it is not one.
    public static func levelLabel(_ code: String, _ lang: Lang) -> String {
        SkillLevel(rawValue: code)?.label(lang) ?? code
    }
}

/// The totals as the rows go by (checked sums: an overflow is an error, never a wrap).
struct DisclosureTally {
    var count = 0
    var fen: Int64 = 0
    var byKind: [SubsidyKind: (Int, Int64)] = [:]
    var byInstitution: [String: (name: String, count: Int, fen: Int64)] = [:]
    var clawedCount = 0
    var clawedFen: Int64 = 0

    static func add(_ a: Int64, _ b: Int64, _ what: String, _ whatZh: String) throws -> Int64 {
        let (s, o) = a.addingReportingOverflow(b)
        if o { throw DeskError.money(.sumOverflow(what: what, whatZh: whatZh)) }
        return s
    }

    mutating func add(_ r: DisclosedPaymentRow) throws {
        count += 1
        fen = try Self.add(fen, r.amountFen, "the disclosure's total", "公开金额合计")
        let k = byKind[r.kind] ?? (0, 0)
        byKind[r.kind] = (k.0 + 1, try Self.add(k.1, r.amountFen, "the disclosure's total of a kind", "公开金额分类合计"))
        let i = byInstitution[r.institutionCode] ?? (UnsafeText.forDisplay(r.institutionName), 0, 0)
        byInstitution[r.institutionCode] = (i.name, i.count + 1,
                                            try Self.add(i.fen, r.amountFen, "the disclosure's total of an institution", "公开金额机构合计"))
        if r.status == .clawback || r.status == .recovered {
            clawedCount += 1
            clawedFen = try Self.add(clawedFen, r.amountFen, "the disclosure's clawed-back total", "公开追回金额合计")
        }
    }

    func disclosure(_ period: ReportPeriod, city: String, lines: [Disclosure.Line]?) -> Disclosure {
        let kinds = SubsidyKind.allCases.compactMap { k in byKind[k].map { Disclosure.KindTotal(kind: k, count: $0.0, amountFen: $0.1) } }
        let institutions = byInstitution.map { Disclosure.InstitutionTotal(code: $0.key, name: $0.value.name, count: $0.value.count,
                                                                           amountFen: $0.value.fen) }
            .sorted { a, b in
                if a.code.isEmpty != b.code.isEmpty { return !a.code.isEmpty }
                return (a.name, a.code) < (b.name, b.code)
            }
        return Disclosure(period: period.code, first: period.first.description, last: period.last.description, city: city,
                          clause: Disclosure.clauseCode, count: count, amountFen: fen, byKind: kinds, byInstitution: institutions,
                          clawedBackCount: clawedCount, clawedBackFen: clawedFen, lines: lines)
    }
}

/// The file formats of the disclosure, from the target's extension.
public enum DisclosureFormat: String, Sendable, Equatable, CaseIterable, Codable {
    case html, csv, xlsx

    /// `.html` (or `.htm`), `.csv`, `.xlsx`, any case; nil for another.
    public static func fromExtension(_ path: String) -> DisclosureFormat? {
        let ext = (path as NSString).pathExtension.lowercased()
        return ext == "htm" ? .html : DisclosureFormat(rawValue: ext)
    }

    /// The refusal of a target with another extension, naming the accepted ones.
    public static func badExtension(_ path: String) -> DeskError {
        DeskError.invalidInput("\(UnsafeText.forDisplay(path)): the file name must end in .html, .csv or .xlsx (the format is taken from it)",
                               zh: "\(UnsafeText.forDisplay(path))：文件名须以 .html、.csv 或 .xlsx 结尾（按扩展名决定格式）")
    }
}

/// What writing the disclosure wrote.
public struct DisclosureFileResult: Sendable, Equatable, Codable {
    public var period: String
    public var format: DisclosureFormat
    public var rows: Int
    public var bytes: Int
    public var sha256: String
    public var path: String
}

/// The audit row's after-image of a written disclosure.
struct DisclosureAudit: Encodable {
    var period: String
    var format: String
    var encoding: String
    var rows: Int
    var bytes: Int
    var sha256: String
    var file: String
}

extension Session {
    /// The disclosure of `period` (supervisors, finance, auditors, administrators: `readReports`):
    /// its totals, and with `lines` the whole masked list (the screen asks without; a file is
    /// written by `writeDisclosure`, streamed). One read transaction.
    public func disclosure(_ period: ReportPeriod, lines: Bool = false) throws -> Disclosure {
        let city = try activePolicy().cityOrTitle
        return try read(.readReports) { r in try r.withoutMemoryMap { try Self.disclosure(r, period, city: city, lines: lines) } }
    }

    static func disclosure(_ r: StoreReader, _ period: ReportPeriod, city: String, lines: Bool) throws -> Disclosure {
        var tally = DisclosureTally()
        var list: [Disclosure.Line]? = lines ? [] : nil
        try r.eachDisclosedPayment(from: period.first.description, to: period.last.description) { row in
            try tally.add(row)
            list?.append(Disclosure.line(row))
            return true
        }
        return tally.disclosure(period, city: city, lines: list)
    }

    /// Writes the disclosure of `period` to `path` as `format` (HTML: a self-contained printable
    /// page; CSV: `encoding`; XLSX), streamed: the totals are read first, then the list row by
    /// row into the `OutputFile` (created before anything is read: an existing file without
    /// `replace`, the database, a directory are refused first), in one read transaction. After
    /// the file is durable, `report.disclosure` is audited with the period, format, rows, bytes
    /// and the SHA-256 of the bytes written; if that fails, `listExportNotAudited` says so.
    public func writeDisclosure(_ period: ReportPeriod, to path: String, format: DisclosureFormat,
                                encoding: BankFileEncoding = .utf8BOM, replace: Bool, lang: Lang,
                                progress: (Int) -> Void = { _ in }) throws -> DisclosureFileResult {
        try require(.readReports)
        let city = try activePolicy().cityOrTitle
        let file = try outputFile(path, replace: replace)
        file.hashing = true
        let generated = desk.today().description
        var rows = 0, bytes = 0
        try read(.readReports) { r in try r.withoutMemoryMap {
            let totals = try Self.disclosure(r, period, city: city, lines: false)
            func each(_ body: (Disclosure.Line) throws -> Void) throws {
                try r.eachDisclosedPayment(from: period.first.description, to: period.last.description) { row in
                    try body(Disclosure.line(row))
                    rows += 1
                    if rows % Self.exportProgressRows == 0 { progress(rows) }
                    return true
                }
            }
            switch format {
            case .html:
                let html = DisclosureHTML(totals, lang: lang, generated: generated)
                var out = html.head()
                try file.write(out)
                bytes += out.utf8.count
                var n = 0
                try each { line in
                    n += 1
                    out = html.row(n, line)
                    bytes += out.utf8.count
                    try file.write(out)
                }
                out = html.tail()
                bytes += out.utf8.count
                try file.write(out)
            case .csv, .xlsx:
                let sink: ExportSink = format == .xlsx ? try XLSXSink(file, sheetName: lang == .zh ? "资金使用公开" : "disclosure")
                                                       : try CSVSink(file, encoding: encoding)
                try sink.header(DisclosureColumns.header(lang))
                var n = 0
                try each { line in n += 1; try sink.row(DisclosureColumns.row(n, line, lang)) }
                try sink.row(DisclosureColumns.totalRow(totals, lang))
                try sink.finish()
                bytes = sink.bytes
            }
            // The same transaction read the totals and the list: they cannot disagree.
            assert(rows == totals.count)
        } }
        try file.commit()
        let sha = file.sha256Hex ?? ""
        let enc = format == .csv ? encoding.rawValue : "utf8"
        do {
            try write(.readReports) { w in
                try w.audit(at: desk.clock(), user: user, action: "report.disclosure", entity: "report", key: period.code, before: nil,
                            after: CatalogueJSON.encode(DisclosureAudit(period: period.code, format: format.rawValue, encoding: enc,
                                                                        rows: rows, bytes: bytes, sha256: sha, file: file.path)))
            }
        } catch {
            let e = error as? UserMessage
            throw DeskError.listExportNotAudited(path: path, reason: e?.message(.en) ?? "\(error)", reasonZh: e?.message(.zh) ?? "\(error)")
        }
        return DisclosureFileResult(period: period.code, format: format, rows: rows, bytes: bytes, sha256: sha, path: path)
    }
}

/// The columns of the disclosure's list in CSV and XLSX: the published fields only.
enum DisclosureColumns {
    static func header(_ lang: Lang) -> [ExportColumn] {
        let zh = lang == .zh
        return [ExportColumn(zh ? "序号" : "no", .integer), ExportColumn(zh ? "姓名" : "name", .text),
                ExportColumn(zh ? "身份证号" : "resident_id", .code), ExportColumn(zh ? "补贴种类" : "kind", .text),
                ExportColumn(zh ? "职业（工种）" : "occupation", .text), ExportColumn(zh ? "等级" : "level", .text),
                ExportColumn(zh ? "培训机构" : "institution", .text), ExportColumn(zh ? "金额（元）" : "amount_yuan", .money),
                ExportColumn(zh ? "发放日期" : "paid_on", .date), ExportColumn(zh ? "备注" : "note", .text)]
    }

    static func row(_ n: Int, _ l: Disclosure.Line, _ lang: Lang) -> [ExportCell] {
        [.integer(Int64(n)), .text(l.maskedName), .code(l.maskedID), .text(l.kind.label(lang)),
         .text(l.occupationName.isEmpty ? l.occupationCode : l.occupationName), .text(Disclosure.levelLabel(l.level, lang)),
         .text(l.institution), .money(l.amountFen), .date(l.paidOn), .text(l.clawback?.label(lang) ?? "")]
    }

    /// The last row: the count and the grand total.
    static func totalRow(_ d: Disclosure, _ lang: Lang) -> [ExportCell] {
        [.text(""), .text(lang == .zh ? "合计 \(d.count) 笔" : "total, \(d.count) payments"), .text(""), .text(""), .text(""), .text(""),
         .text(""), .money(d.amountFen), .text(""), .text("")]
    }
}
