import Foundation
import SkillCore

public enum CSVError: Error, Equatable, Sendable, UserMessage {
    case cannotRead(path: String, reason: String)
    case unterminatedQuote(line: Int)
    case empty(path: String)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.cannotRead(p, r), .zh): return "无法读取 \(p)：\(r)"
        case let (.cannotRead(p, r), .en): return "cannot read \(p): \(r)"
        case let (.unterminatedQuote(l), .zh): return "第 \(l) 行的引号没有闭合（文件可能被截断）；请检查该行"
        case let (.unterminatedQuote(l), .en): return "the quoted field opened on line \(l) never closes (the file may be truncated); check that line"
        case let (.empty(p), .zh): return "\(p) 是空文件；第一行应为表头（如 id,name,...）"
        case let (.empty(p), .en): return "\(p) is empty; the first line must be a header (e.g. id,name,...)"
        }
    }
}

/// One record of a CSV file.
public struct CSVRecord: Sendable {
    /// The line the record starts on (1-based, the header is line 1).
    public var line: Int
    /// Each field, or nil where its bytes were not valid UTF-8.
    public var fields: [String?]
    /// A field holds a NUL byte. Such a record is refused by every import with its line number
    /// (`nulMessage`): stored, the text would be cut short at the NUL when read back.
    public var hasNUL = false

    public init(line: Int, fields: [String?], hasNUL: Bool = false) {
        self.line = line
        self.fields = fields
        self.hasNUL = hasNUL
    }

    /// The refusal of a record holding a NUL byte.
    public static func nulMessage(_ lang: Lang) -> String {
        lang == .zh ? "含有 NUL 字节（0x00）：文件可能不是文本或是 UTF-16 编码；请另存为 UTF-8 或 GB18030 的 CSV"
            : "holds a NUL byte (0x00): the file may not be text, or be UTF-16; save it as UTF-8 or GB18030 CSV"
    }
}

/// Streams RFC 4180 CSV (quotes, doubled quotes, newlines inside quotes) from a file in fixed
/// chunks: memory stays flat however large the file. CR LF, LF and a lone CR (old Mac and Excel
/// exports) end a line alike, the last line needs none, and line numbers are an editor's — as
/// `BankFile` reads a bank's result file. A UTF-8 BOM is skipped; GB18030 is
/// converted to UTF-8 on the way in.
public final class CSVReader {
    public let path: String
    public let encoding: TextEncoding
    public let totalBytes: Int64
    public private(set) var bytesRead: Int64 = 0

    private let fd: Int32
    private var chunk: [UInt8] = []
    private var pos = 0
    private var eof = false
    private var line = 1
    /// The byte before was a CR: an LF now is the rest of that CR LF, not a line of its own (kept
    /// across calls and chunks — a CR LF may be split between them).
    private var afterCR = false
    private var converter: GB18030Converter?
    private var field: [UInt8] = []
    private var recordHasNUL = false
    private var hasher = SHA256()
    private static let chunkSize = 1 << 20

    /// `encoding: .auto` looks at the first 64 KiB.
    public init(path: String, encoding: TextEncoding) throws {
        self.path = path
        fd = Foundation.open(path, O_RDONLY)
        if fd < 0 { throw CSVError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
        var st = stat()
        fstat(fd, &st)
        if (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CSVError.cannotRead(path: path, reason: "is a directory")
        }
        totalBytes = Int64(st.st_size)
        var raw = Self.readRaw(fd, count: Self.chunkSize)
        bytesRead = Int64(raw.count)
        var h = SHA256()
        raw.withUnsafeBytes { h.update($0) }
        hasher = h
        if raw.isEmpty { eof = true }
        var enc = encoding
        if enc == .auto { enc = TextEncoding.detect(Array(raw.prefix(65536))) }
        self.encoding = enc
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) { raw.removeFirst(3) }
        if enc == .gb18030 {
            converter = try GB18030Converter()
            chunk = converter!.convert(raw[...], final: eof)
        } else {
            chunk = raw
        }
    }

    deinit { close(fd) }

    /// SHA-256 of the file's bytes as read so far (the whole file once `next()` returned nil).
    public func sha256Hex() -> String {
        var h = hasher
        return SHA256.hexString(h.finalize())
    }

    private static func readRaw(_ fd: Int32, count: Int) -> [UInt8] {
        var buf = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = buf.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + filled, count - filled) }
            if n <= 0 { break }
            filled += n
        }
        buf.removeSubrange(filled...)
        return buf
    }

    /// Reads the next non-empty chunk; false at the end of the file.
    private func refill() -> Bool {
        pos = 0
        chunk = []
        while chunk.isEmpty {
            if eof { return false }
            let raw = Self.readRaw(fd, count: Self.chunkSize)
            bytesRead += Int64(raw.count)
            raw.withUnsafeBytes { hasher.update($0) }
            if raw.count < Self.chunkSize { eof = true }
            chunk = converter?.convert(raw[...], final: eof) ?? raw
        }
        return true
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    public func next() throws -> CSVRecord? {
        recordHasNUL = false
        var fields: [String?] = []
        field.removeAll(keepingCapacity: true)
        var inQuotes = false
        var quoteJustClosed = false
        var startLine = line
        var sawAnything = false
        while true {
            if pos >= chunk.count {
                if !refill() {
                    if inQuotes { throw CSVError.unterminatedQuote(line: startLine) }
                    if !sawAnything { return nil }
                    fields.append(takeField())
                    return CSVRecord(line: startLine, fields: fields, hasNUL: recordHasNUL)
                }
            }
            let b = chunk[pos]
            pos += 1
            let lfOfCRLF = afterCR && b == UInt8(ascii: "\n")
            afterCR = b == UInt8(ascii: "\r")
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    inQuotes = false; quoteJustClosed = true
                } else {
                    // A line end inside quotes is data, and still a line in an editor.
                    if afterCR || (b == UInt8(ascii: "\n") && !lfOfCRLF) { line += 1 }
                    field.append(b)
                }
                continue
            }
            switch b {
            case UInt8(ascii: "\"") where quoteJustClosed:
                field.append(b)  // "" inside quotes is one quote
                inQuotes = true; quoteJustClosed = false
            case UInt8(ascii: "\"") where field.isEmpty:
                inQuotes = true; sawAnything = true
            case UInt8(ascii: "\""):
                field.append(b)  // a stray quote inside an unquoted field is kept as it is
            case UInt8(ascii: ","):
                fields.append(takeField()); quoteJustClosed = false; sawAnything = true
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if lfOfCRLF { continue }  // its CR ended the line
                line += 1
                quoteJustClosed = false
                if !sawAnything { startLine = line; continue }  // blank line
                fields.append(takeField())
                return CSVRecord(line: startLine, fields: fields, hasNUL: recordHasNUL)
            default:
                quoteJustClosed = false
                field.append(b); sawAnything = true
            }
        }
    }

    private func takeField() -> String? {
        defer { field.removeAll(keepingCapacity: true) }
        if field.contains(0) { recordHasNUL = true }
        return String(validating: field, as: UTF8.self)
    }
}
