import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// A small CSV file read by named columns — the catalogue and attendance imports (a worker
/// import streams instead: `ImportPipeline`). Opens the file, maps the header, hands out records
/// and each record's field by column, and words the import's summary audit row.
struct NamedCSV<Column: RawRepresentable & CaseIterable & Hashable> where Column.RawValue == String {
    let path: String
    let reader: CSVReader
    let header: [String?]
    private let index: [Column: Int]

    init(path: String, encoding: TextEncoding, required: [Column]) throws {
        self.path = path
        do { reader = try CSVReader(path: path, encoding: encoding) } catch let e as CSVError { throw DeskError.csv(e) }
        let first: CSVRecord?
        do { first = try reader.next() } catch let e as CSVError { throw DeskError.csv(e) }
        guard let first else { throw DeskError.csv(.empty(path: path)) }
        if first.fields.contains(where: { $0 == nil }) {
            throw DeskError.invalidInput(
                "the header line is not valid UTF-8; the file looks like GB18030 — import it with --encoding gb18030 (or auto)",
                zh: "表头不是有效的 UTF-8 文本；文件似乎是 GB18030 编码，请用 --encoding gb18030（或 auto）导入")
        }
        header = first.fields
        var index: [Column: Int] = [:]
        let valid = Column.allCases.map(\.rawValue).joined(separator: ",")
        for (i, f) in first.fields.enumerated() {
            let name = (f ?? "").trimmedWhitespace().lowercased()
            guard let c = Column(rawValue: name) else {
                throw DeskError.invalidInput("unknown column '\(f ?? "")' in the header; the columns are \(valid)",
                                             zh: "表头中的列“\(f ?? "")”无法识别；应为 \(valid)")
            }
            if index[c] != nil {
                throw DeskError.invalidInput("the header names column '\(c.rawValue)' twice", zh: "表头中“\(c.rawValue)”列出现了两次")
            }
            index[c] = i
        }
        for c in required where index[c] == nil {
            throw DeskError.invalidInput("the header has no '\(c.rawValue)' column", zh: "表头缺少“\(c.rawValue)”列")
        }
        self.index = index
    }

    /// The next record; a reading error (an unterminated quote) is a `DeskError`.
    func next() throws -> CSVRecord? {
        do { return try reader.next() } catch let e as CSVError { throw DeskError.csv(e) }
    }

    /// The trimmed field, "" when the column is absent or the line is short.
    func field(_ c: Column, _ record: CSVRecord) -> String {
        guard let i = index[c], i < record.fields.count else { return "" }
        return record.fields[i]?.trimmedWhitespace() ?? ""
    }

    /// Why a record cannot be read at all (bytes that are not text in the file's encoding), or nil.
    func unreadable(_ record: CSVRecord, lang: Lang) -> String? {
        if record.hasNUL { return CSVRecord.nulMessage(lang) }
        guard record.fields.contains(where: { $0 == nil }) else { return nil }
        return lang == .zh ? "不是有效的 UTF-8 文本；文件可能是 GB18030 编码，请用 --encoding gb18030（或 auto）"
            : "is not valid UTF-8; the file may be GB18030: use --encoding gb18030 (or auto)"
    }

    /// The `<what>.import` audit row's after-JSON: file name, encoding, SHA-256 and counts.
    func summary(imported: Int, rejected: Int) -> String {
        """
        {"encoding":"\(reader.encoding.rawValue)","file":\(Session.jsonString((path as NSString).lastPathComponent)),\
        "imported":\(imported),"rejected":\(rejected),"sha256":"\(reader.sha256Hex())"}
        """
    }

    func report(imported: Int, rejects: ImportRejects, warnings: [ImportReject] = []) -> ImportReport {
        ImportReport(imported: imported, rejected: rejects.list.count, rejects: rejects.list, sha256: reader.sha256Hex(),
                     encoding: reader.encoding, rolledBack: false, warnings: warnings, rejectsFileError: rejects.fileError)
    }
}

/// The refused lines of a small import, reported by line and written, with the lines' own
/// fields, to the rejects file (`RejectFile`) so a clerk can fix them and import them again.
/// The file is created (a temporary file, `OutputFile`) when this is made — before the import's
/// transaction — and moved into place by `finish` after it.
struct ImportRejects {
    private(set) var list: [ImportReject] = []
    private var fields: [Int: [String?]] = [:]
    private let file: OutputFile?
    /// Set by `finish` when the rejects file could not be written after the commit.
    private(set) var fileError: DeskError?

    init(file: OutputFile?) { self.file = file }

    /// Remembers a record's fields, in case one of its lines is refused later (an occupation
    /// entry spans several lines).
    mutating func note(_ record: CSVRecord) { if file != nil { fields[record.line] = record.fields } }

    mutating func refuse(_ line: Int, _ reason: String) { list.append(ImportReject(line: line, reason: reason)) }

    /// Sorts by line and writes the rejects file if one was asked for (just the header when none
    /// was refused). Called after the commit: a failure is kept in `fileError`, not thrown.
    mutating func finish(header: [String?]) {
        list.sort { $0.line < $1.line }
        guard let file else { return }
        do {
            var out = try RejectFile(file: file, header: header)
            for r in list { try out.write(line: r.line, reason: r.reason, fields: fields[r.line] ?? []) }
            fileError = Session.commit(out)
        } catch {
            file.discard()
            fileError = (error as? DeskError) ?? .outputFile(.writeFailed(file.typed, reason: "\(error)"))
        }
    }
}
