import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// A list to export: the same rows, in the same order, as the list on the screen or the command
/// line with the same filter (docs/DECISIONS.md "A working day (issue 12): paging and CSV exports").
public enum ExportList: Sendable, Equatable {
    /// Workers matching a search text (empty: every worker), as the worker list finds them.
    case workers(search: String)
    /// Claims of a queue filter (status, kind, institution, warnings, amounts, preparer).
    case claims(ClaimQueueFilter)
    /// Claims found by a claim list's `/` search (`text` as typed, for the audit row), in the
    /// search's order.
    case claimSearch(ClaimSearchFilter, text: String)
    case paymentBatches
    /// The lines of one payment batch (accounts masked, as the batch screen shows them).
    case paymentLines(batch: String)
    /// Classes whose number starts with, or institution or occupation name contains, `search`
    /// (`ClassListItem.matches`; empty: every class), as the class list shows them.
    case classes(search: String)
    /// The public notice, masked as published.
    case notices
    /// Audit trail entries matching a filter, newest first (auditors and administrators).
    case audit(AuditQuery)
    /// Every figure of a period's statistics, one line each (issue 13).
    case statistics(period: ReportPeriod, area: StatsArea, by: StatsDimension)
    /// Every row behind one figure.
    case statisticsRows(period: ReportPeriod, figure: FigureID)

    /// The list's name in the audit trail (`list.export`, key).
    public var name: String {
        switch self {
        case .workers: return "workers"
        case .claims, .claimSearch: return "claims"
        case .paymentBatches: return "payment_batches"
        case .paymentLines: return "payment_lines"
        case .classes: return "classes"
        case .notices: return "notices"
        case .audit: return "audit"
        case .statistics: return "statistics"
        case .statisticsRows: return "statistics_rows"
        }
    }

    /// The filter as the audit row records it (`key=value` pairs; empty when the whole list).
    public var filterText: String {
        switch self {
        case let .workers(search): return search.isEmpty ? "" : "search=\(search)"
        case let .claims(f):
            var parts = ["status=\(f.status.rawValue)"]
            if let k = f.kind { parts.append("kind=\(k.rawValue)") }
            if let i = f.institution { parts.append("institution=\(i)") }
            if let w = f.hasWarnings { parts.append("warnings=\(w ? "yes" : "no")") }
            if let lo = f.minAmountFen { parts.append("min_fen=\(lo)") }
            if let hi = f.maxAmountFen { parts.append("max_fen=\(hi)") }
            if let p = f.preparedBy { parts.append("prepared_by=\(p)") }
            return parts.joined(separator: " ")
        case let .claimSearch(f, text):
            var parts = ["search=\(text)", "status=\(f.status?.rawValue ?? "any")"]
            if let p = f.preparedBy { parts.append("prepared_by=\(p)") }
            return parts.joined(separator: " ")
        case let .paymentLines(batch): return "batch=\(batch)"
        case let .classes(search): return search.isEmpty ? "" : "search=\(search)"
        case .paymentBatches, .notices: return ""
        case let .audit(q):
            var parts: [String] = []
            if let u = q.user { parts.append("user=\(u)") }
            if q.action != nil { parts.append("action=\(q.actionText)") }
            if let e = q.entity { parts.append("entity=\(e)") }
            if let k = q.key { parts.append("key=\(k)") }
            if let f = q.from { parts.append("from=\(f)") }
            if let t = q.to { parts.append("to=\(t)") }
            return parts.joined(separator: " ")
        case let .statistics(p, a, by): return "period=\(p.code) area=\(a.code) by=\(by.rawValue)"
        case let .statisticsRows(p, f): return "period=\(p.code) figure=\(f.code)"
        }
    }
}

/// What an export wrote.
public struct ExportResult: Sendable, Equatable {
    public var rows: Int
    public var bytes: Int
    /// The path as typed.
    public var path: String
}

/// The audit row's after-image of an export: who is in the row's user; what list, which filter,
/// how many rows, in which encoding, to which file.
struct ExportAudit: Encodable {
    var list: String
    var filter: String
    var rows: Int
    var bytes: Int
    var encoding: String
    var file: String
    /// `xlsx` for a workbook; absent for CSV (the rows before issue 13 had none).
    var format: String? = nil
}

extension Session {
    /// Progress is reported every this many rows (the TUI redraws at most every ~100 ms).
    public static let exportProgressRows = 10_000

    /// Writes a list to a CSV file, streamed: the rows are read in one read transaction with a
    /// cursor and written as read (`CSVSink` → `OutputFile`), so a city's 1M workers never sit in
    /// memory. The target is checked and its temporary file created before anything is read (never
    /// the database, never an existing file unless `replace`); the file is made durable, and only
    /// then is `list.export` audited (personal data leaving the system: list, filter, rows,
    /// encoding, file). A failed export leaves no file and no row; if the audit row cannot be
    /// written, `listExportNotAudited` says the file is there but not in the trail.
    /// Headers are in `lang`; cells per `CSVCell` (formula neutralising, IDs kept as text).
    public func exportCSV(_ list: ExportList, to path: String, encoding: BankFileEncoding, replace: Bool, lang: Lang,
                          progress: (Int) -> Void = { _ in }) throws -> ExportResult {
        try exportList(list, to: path, format: .csv, encoding: encoding, replace: replace, lang: lang, progress: progress)
    }

    /// Writes a list to a CSV file or an XLSX workbook (`format`; `encoding` is the CSV's), as
    /// `exportCSV` describes: streamed through the format's `ExportSink`, the same cells in both
    /// (codes and dates as text, counts and amounts as numbers in XLSX), audited `list.export`
    /// after the file is durable (with `format: xlsx` for a workbook).
    public func exportList(_ list: ExportList, to path: String, format: ExportFormat, encoding: BankFileEncoding = .utf8BOM,
                           replace: Bool, lang: Lang, progress: (Int) -> Void = { _ in }) throws -> ExportResult {
        let permission = try exportPermission(list)
        // A user who may not read every claim exports only the claims they prepared, as their
        // lists show them (`claimListPreparer`); the audit row records the filter applied.
        var list = list
        switch list {
        case var .claims(f):
            f.preparedBy = claimListPreparer(f.preparedBy)
            list = .claims(f)
            try sweepNotices()
        case var .claimSearch(f, text):
            f.preparedBy = claimListPreparer(f.preparedBy)
            list = .claimSearch(f, text: text)
            try sweepNotices()
        case .notices: try sweepNotices()
        default: break
        }
        let file = try outputFile(path, replace: replace)
        let sink: ExportSink = format == .xlsx ? try XLSXSink(file, sheetName: list.name) : try CSVSink(file, encoding: encoding)
        var rows = 0
        func counted() { rows += 1; if rows % Self.exportProgressRows == 0 { progress(rows) } }
        try read(permission) { r in try r.withoutMemoryMap {
            try sink.header(ExportColumns.header(list, lang))
            switch list {
            case let .workers(search):
                try r.eachWorker(matching: search) { w in try sink.row(ExportColumns.worker(w, lang)); counted(); return true }
            case let .claims(filter):
                var names = InstitutionNames(reader: r)
                try r.eachQueueClaim(filter) { q in
                    try sink.row(ExportColumns.claim(q, institution: try names.name(q.claim.institution), lang)); counted(); return true
                }
            case let .claimSearch(filter, _):
                var names = InstitutionNames(reader: r)
                var after: ClaimSearchKey?
                repeat {   // keyset pages inside the one read transaction: a page in memory at a time
                    let page = try r.claimSearch(filter, after: after, limit: 1_000)
                    for q in page.rows {
                        try sink.row(ExportColumns.claim(ClaimQueueRow(claim: q.claim, workerName: q.workerName),
                                                         institution: try names.name(q.claim.institution), lang))
                        counted()
                    }
                    after = page.hasMore ? page.rows.last?.key : nil
                } while after != nil
            case .paymentBatches:
                for b in try r.paymentBatches(limit: Int.max).map(Self.info) { try sink.row(ExportColumns.batch(b)); counted() }
            case let .paymentLines(batch):
                guard try r.paymentBatch(id: batch) != nil else {
                    throw DeskError.invalidInput("no payment batch \(batch)", zh: "没有支付批次 \(batch)")
                }
                let years = try r.paymentLineClaimYears(batchID: batch)
                for l in try r.paymentLines(batchID: batch) {
                    try sink.row(ExportColumns.line(l, year: years[l.claimID] ?? 0, lang)); counted()
                }
            case let .classes(search):
                var names = InstitutionNames(reader: r)
                var occupations: [String: String] = [:]
                try r.eachTrainingClass { c in
                    let institution = try names.name(c.institution)
                    if !search.isEmpty {   // the list's own rule, with the names it shows
                        if occupations[c.occupationCode] == nil {
                            occupations[c.occupationCode] = try r.occupationEntries(code: c.occupationCode).last?.name ?? c.occupationCode
                        }
                        guard ClassListItem.matches(id: c.id, institutionName: institution.isEmpty ? c.institution : institution,
                                                    occupationName: occupations[c.occupationCode] ?? "", query: search) else { return true }
                    }
                    try sink.row(ExportColumns.trainingClass(c, institution: institution, lang)); counted(); return true
                }
            case .notices:
                try r.eachClaimOnNotice { q in try sink.row(ExportColumns.notice(q, lang)); counted(); return true }
            case let .audit(query):
                var years = ClaimYears(reader: r)
                var before: Int64?
                repeat {   // keyset pages inside the one read transaction: a page in memory at a time
                    let page = try r.auditPage(query, before: before, limit: 1_000)
                    for e in page.rows { try sink.row(ExportColumns.audit(e, key: try years.label(e), lang)); counted() }
                    before = page.hasMore ? page.rows.last?.seq : nil
                } while before != nil
            case .statistics, .statisticsRows:
                try exportStatistics(list, r, lang) { try sink.row($0); counted() }
            }
            try sink.finish()
        } }
        try file.commit()
        let audit = ExportAudit(list: list.name, filter: list.filterText, rows: rows, bytes: sink.bytes,
                                encoding: format == .xlsx ? "utf8" : encoding.rawValue, file: file.path,
                                format: format == .xlsx ? "xlsx" : nil)
        do {
            try write(permission) { w in
                try w.audit(at: desk.clock(), user: user, action: "list.export", entity: "export", key: list.name,
                            before: nil, after: CatalogueJSON.encode(audit))
            }
        } catch {
            let e = error as? UserMessage
            throw DeskError.listExportNotAudited(path: path, reason: e?.message(.en) ?? "\(error)", reasonZh: e?.message(.zh) ?? "\(error)")
        }
        return ExportResult(rows: rows, bytes: sink.bytes, path: path)
    }

    /// The permission that reads the list (and so may export it).
    func exportPermission(_ list: ExportList) throws -> Permission {
        switch list {
        case .workers:
            try require(.readWorkers)
            return .readWorkers
        case .claims, .claimSearch, .classes, .notices:
            try require(.readClasses)
            return .readClasses
        case .audit:
            try require(.readAudit)
            return .readAudit
        case .paymentBatches, .paymentLines:
            try requirePaymentReader()
            return Self.paymentReaders.first(where: can) ?? .payClaims
        case .statistics, .statisticsRows:
            try require(.readReports)
            return .readReports
        }
    }
}

/// Institution names by credit code, each read once (a class or claim list names a few hundred).
struct InstitutionNames {
    let reader: StoreReader
    var known: [String: String] = [:]
    init(reader: StoreReader) { self.reader = reader }

    mutating func name(_ code: String?) throws -> String {
        guard let code, !code.isEmpty else { return "" }
        if let n = known[code] { return n }
        let n = try reader.institution(code: code)?.name ?? ""
        known[code] = n
        return n
    }
}
