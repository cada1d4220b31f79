import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// Options of the imports (`worker`, `occupation`, `institution`, `attend import`).
public struct ImportOptions: Sendable {
    public var encoding: TextEncoding = .auto
    /// Write nothing if any row is bad (worker import only; the others commit their good rows).
    public var allOrNothing = false
    /// Where to write the bad rows (line, reason, then the row's own fields).
    public var rejectsPath: String?
    /// Replace an existing file at `rejectsPath` (`--force`); never the database or the input.
    public var replaceRejects = false
    /// The language of the reasons.
    public var lang: Lang = .en
    public init() {}
}

public struct ImportReject: Sendable, Equatable {
    public var line: Int
    public var reason: String
}

public struct ImportReport: Sendable {
    public var imported: Int
    public var rejected: Int
    public var rejects: [ImportReject]
    public var sha256: String
    public var encoding: TextEncoding
    /// True when rows were bad and `allOrNothing` kept every row out.
    public var rolledBack: Bool
    /// Warnings about rows that were imported (W2 in an attendance import), by line.
    public var warnings: [ImportReject] = []
    /// The rejects file could not be written or moved into place after the rows were committed
    /// (the import stands; the refused lines are in `rejects`). Nil when it was written or not asked for.
    public var rejectsFileError: DeskError? = nil
}

/// The columns of a worker CSV, by English or Chinese header.
enum ImportColumn: String, CaseIterable {
    case id, name, phone, hukouRegion = "hukou_region", rural, residence, employment, employer
    case employerCode = "employer_code", pension, groups, disability
    case unemploymentInsured = "unemployment_insured"
    case workRegion = "work_region"

    var chinese: String {
        switch self {
        case .id: return "身份证号"
        case .name: return "姓名"
        case .phone: return "手机号"
        case .hukouRegion: return "户籍地"
        case .rural: return "农村户籍"
        case .residence: return "常住地"
        case .employment: return "就业状态"
        case .employer: return "工作单位"
        case .employerCode: return "单位信用代码"
        case .pension: return "领取养老金"
        case .groups: return "重点群体"
        case .disability: return "残疾"
        case .unemploymentInsured: return "参加失业保险"
        case .workRegion: return "求职就业地"
        }
    }

    /// The form field a text column fills.
    var field: WorkerField {
        switch self {
        case .id: return .id
        case .name: return .name
        case .phone: return .phone
        case .hukouRegion: return .hukouRegion
        case .rural: return .rural
        case .residence: return .residence
        case .employment: return .employment
        case .employer: return .employer
        case .employerCode: return .employerCode
        case .pension: return .pension
        case .groups: return .groups
        case .disability: return .disability
        case .unemploymentInsured: return .unemploymentInsured
        case .workRegion: return .workRegion
        }
    }

    static func named(_ header: String) -> ImportColumn? {
        let h = header.trimmedWhitespace()
        return allCases.first { $0.rawValue == h.lowercased() || $0.chinese == h }
    }
}

extension Session {
    /// Imports workers from a CSV file, streaming it: every good row is committed in one
    /// transaction (or none with `allOrNothing` when any row is bad), every bad row is reported
    /// with its line and reason, an existing ID is a conflict and never overwritten. The import
    /// is one audit entry (file name, SHA-256, counts).
    ///
    /// Two threads: one reads, parses and validates rows (`ImportPipeline`), this one inserts
    /// them — on two cores validation hides behind SQLite's work instead of adding to it.
    public func importWorkers(path: String, options: ImportOptions,
                              progress: ((Int64, Int64) -> Void)? = nil) throws -> ImportReport {
        try require(.importWorkers)
        try desk.refuseWritesIfSchemaDamaged()
        let reader: CSVReader
        do { reader = try CSVReader(path: path, encoding: options.encoding) }
        catch let e as CSVError { throw DeskError.csv(e) }
        let lang = options.lang
        guard let header = try csv({ try reader.next() }) else { throw DeskError.csv(.empty(path: path)) }
        let columns = try Self.mapHeader(header, lang: lang)
        let now = desk.clock()
        let createdAt = Timestamp.utc(now)
        var rejects: [ImportReject] = []
        // Created before the transaction: a rejects path that cannot be written refuses the import.
        var rejectWriter = try rejectsFile(options, input: path).map { try RejectFile(file: $0, header: header.fields) }
        var imported = 0
        var lastReport = Date.distantPast
        let pipeline = ImportPipeline(reader: reader, columns: columns, width: header.fields.count,
                                      today: desk.today(), lang: lang)
        pipeline.start()
        defer { pipeline.cancel() }

        var appended: ClosedRange<Int64>?
        let rolledBack: Bool = try {
            do {
                return try desk.store.write { w -> Bool in
                    // A bigger page cache while a million index entries go in; restored after.
                    try w.setCacheSize(kibibytes: 65_536)
                    // ignoring is right: the cache size is a per-connection tuning; if it cannot be put
                    // back the connection only keeps more memory, and the import's result stands.
                    defer { try? w.setCacheSize(kibibytes: 2_000) }
                    while let batch = try pipeline.nextBatch() {
                        for row in batch {
                            var reason = row.reason
                            if let worker = row.worker {
                                if try w.insertWorkerForImport(worker, createdAt: createdAt) {
                                    imported += 1
                                } else {
                                    reason = lang == .zh ? "身份证号 \(worker.id.value) 已登记，未覆盖"
                                        : "resident ID \(worker.id.value) is already registered; not overwritten"
                                }
                            }
                            if let reason {
                                rejects.append(ImportReject(line: row.line, reason: reason))
                                try rejectWriter?.write(line: row.line, reason: reason, fields: row.fields)
                            }
                        }
                        if let progress, Date().timeIntervalSince(lastReport) > 0.1 {
                            progress(pipeline.bytesRead, reader.totalBytes)
                            lastReport = Date()
                        }
                    }
                    if options.allOrNothing && !rejects.isEmpty { throw RollBack() }
                    let after = """
                        {"all_or_nothing":\(options.allOrNothing),"encoding":"\(reader.encoding.rawValue)",\
                        "file":\(Self.jsonString((path as NSString).lastPathComponent)),"imported":\(imported),\
                        "rejected":\(rejects.count),"sha256":"\(reader.sha256Hex())"}
                        """
                    try w.audit(at: now, user: user, action: "worker.import", entity: "import",
                                key: (path as NSString).lastPathComponent, before: nil, after: after)
                    appended = w.appendedRange
                    return false
                }
            } catch is RollBack {
                return true
            } catch let e as StoreError {
                throw DeskError.store(e)
            } catch let e as CSVError {
                throw DeskError.csv(e)
            }
        }()
        desk.anchorIfDue(appended)
        progress?(reader.totalBytes, reader.totalBytes)
        return ImportReport(imported: rolledBack ? 0 : imported, rejected: rejects.count, rejects: rejects,
                            sha256: reader.sha256Hex(), encoding: reader.encoding, rolledBack: rolledBack,
                            rejectsFileError: Self.commit(rejectWriter))
    }

    /// The import's rejects file, checked and created (as a temporary file) before anything is
    /// committed: the database, the input, an existing file without `replaceRejects`, a missing or
    /// unwritable directory are refused here.
    func rejectsFile(_ options: ImportOptions, input: String) throws -> OutputFile? {
        try options.rejectsPath.map { try outputFile($0, replace: options.replaceRejects, input: input) }
    }

    /// Moves the rejects file into place after the import committed; a failure is returned, not
    /// thrown, because the rows are in (the caller says both).
    static func commit(_ file: RejectFile?) -> DeskError? {
        guard let file else { return nil }
        do { try file.close(); return nil }
        catch let e as DeskError { return e }
        catch { return .outputFile(.writeFailed(file.file.typed, reason: "\(error)")) }
    }

    private struct RollBack: Error {}

    private func csv<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as CSVError { throw DeskError.csv(e) }
    }

    static func mapHeader(_ header: CSVRecord, lang: Lang) throws -> [ImportColumn?] {
        var seen = Set<ImportColumn>()
        var columns: [ImportColumn?] = []
        let valid = ImportColumn.allCases.map(\.rawValue).joined(separator: ",")
        if header.fields.contains(where: { $0 == nil }) {
            throw DeskError.invalidInput(
                "the header line is not valid UTF-8; the file looks like GB18030 — import it with --encoding gb18030 (or auto)",
                zh: "表头不是有效的 UTF-8 文本；文件似乎是 GB18030 编码，请用 --encoding gb18030（或 auto）导入")
        }
        for (i, name) in header.fields.enumerated() {
            guard let col = ImportColumn.named(name ?? "") else {
                throw DeskError.invalidInput(
                    "column \(i + 1) of the header, '\(name ?? "?")', is not a worker column; the columns are \(valid) (or their Chinese names)",
                    zh: "表头第 \(i + 1) 列“\(name ?? "?")”不是可导入的列；可用列为 \(valid)（或对应中文名）")
            }
            if !seen.insert(col).inserted {
                throw DeskError.invalidInput("the header names column '\(col.rawValue)' twice",
                                             zh: "表头中“\(col.rawValue)”列出现了两次")
            }
            columns.append(col)
        }
        for required in [ImportColumn.id, .name] where !seen.contains(required) {
            throw DeskError.invalidInput(
                "the header has no '\(required.rawValue)' column (\(required.chinese)); it is required",
                zh: "表头缺少必填列“\(required.rawValue)”（\(required.chinese)）")
        }
        return columns
    }

    static func draft(_ record: CSVRecord, columns: [ImportColumn?], lang: Lang) -> Result<WorkerDraft, RowProblem> {
        var d = WorkerDraft()
        for (i, col) in columns.enumerated() {
            guard let col else { continue }
            let v = (record.fields[i] ?? "").trimmedWhitespace()
            switch col {
            case .id, .name, .phone, .hukouRegion, .residence, .employer, .employerCode, .workRegion:
                d.setText(col.field, v)
            case .rural, .pension, .unemploymentInsured:
                guard let b = parseBool(v) else {
                    return .failure(RowProblem(lang == .zh ? "\(col.chinese)“\(v)”应为 是/否（1/0、yes/no）"
                                    : "\(col.rawValue) '\(v)' should be yes/no (1/0, 是/否)"))
                }
                switch col {
                case .rural: d.rural = b
                case .pension: d.pension = b
                default: d.unemploymentInsured = b
                }
            case .employment:
                if v.isEmpty { continue }
                guard let e = EmploymentStatus.parse(v) else {
                    return .failure(RowProblem(lang == .zh ? "就业状态“\(v)”无效；可用：\(EmploymentStatus.allCases.map(\.rawValue).joined(separator: ", "))"
                                    : "employment '\(v)' is not valid; use one of \(EmploymentStatus.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
                d.employment = e
            case .disability:
                if v.isEmpty { continue }
                guard let e = Disability.parse(v) else {
                    return .failure(RowProblem(lang == .zh ? "残疾“\(v)”无效；应为 none、nonsevere 或 severe（无/非重度/重度）"
                                    : "disability '\(v)' is not valid; use none, nonsevere or severe"))
                }
                d.disability = e
            case .groups:
                if v.isEmpty { continue }
                switch TargetGroup.parseList(v) {
                case let .success(g): d.groups = g
                case let .failure(e): return .failure(RowProblem(e.message(lang)))
                }
            }
        }
        return .success(d)
    }

    static func parseBool(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "", "0", "no", "n", "false", "否", "f": return false
        case "1", "yes", "y", "true", "是", "t": return true
        default: return nil
        }
    }

    static func describe(_ v: WorkerValidation, lang: Lang) -> String {
        WorkerField.allCases.compactMap { f in v.errors[f].map { "\(WorkerText.label(f, lang))：\($0.message(lang))" } }
            .joined(separator: "; ")
    }

    static func jsonString(_ s: String) -> String {
        // ignoring is right: JSONEncoder encodes every String; the fallback guards a programming error.
        let data = (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Why one CSV row cannot become a worker draft, already in the user's language.
struct RowProblem: Error {
    let text: String
    init(_ text: String) { self.text = text }
}

/// The bad rows of an import, as CSV a clerk can fix and import again: line, reason, then the
/// row's own fields. UTF-8 with BOM so Excel opens it. Written through `OutputFile` (mode 0600:
/// the rows hold resident IDs), in place only after `close()`.
struct RejectFile {
    let file: OutputFile

    init(file: OutputFile, header: [String?]) throws {
        self.file = file
        try file.write([0xEF, 0xBB, 0xBF])
        try append(["line", "reason"] + header.map { $0 ?? "" })
    }

    mutating func write(line: Int, reason: String, fields: [String?]) throws {
        try append(["\(line)", reason] + fields.map { $0 ?? "" })
    }

    func append(_ fields: [String]) throws {
        let text = fields.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\r\n"
        try file.write(text)
    }

    /// Syncs the file and moves it into place.
    func close() throws { try file.commit() }
}
