import Foundation
import SkillCore
import SkillRecords

/// Rows of a CSV export on their way into an `OutputFile`: each line is appended as UTF-8 to a
/// buffer, and every ~64 KiB the buffer (whole lines only) is converted — GB18030 through one
/// iconv descriptor, or left as UTF-8 — and handed to the file, which writes it out. Memory stays
/// at a few buffers whatever the number of rows.
final class CSVSink: ExportSink {
    private let file: OutputFile
    private let gb: GB18030StreamEncoder?
    private var buffer: [UInt8] = []
    private(set) var bytes = 0
    private static let chunk = 1 << 16

    init(_ file: OutputFile, encoding: BankFileEncoding) throws {
        self.file = file
        switch encoding {
        case .utf8BOM:
            gb = nil
            buffer = [0xEF, 0xBB, 0xBF]
        case .gb18030:
            guard let e = GB18030StreamEncoder() else {
                throw DeskError.invalidInput("this system cannot write GB18030; use utf8-bom", zh: "本机无法转换为 GB18030，请用 utf8-bom")
            }
            gb = e
        }
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    func header(_ columns: [ExportColumn]) throws { try line(columns.map { CSVCell.text($0.header) }) }

    func row(_ cells: [ExportCell]) throws { try line(cells.map(\.csv)) }

    func finish() throws { try flush() }

    /// One line of cells made by `CSVCell`.
    func line(_ cells: [String]) throws {
        var first = true
        for c in cells {
            if !first { buffer.append(44) }
            first = false
            buffer.append(contentsOf: c.utf8)
        }
        buffer.append(13); buffer.append(10)
        if buffer.count >= Self.chunk { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        if let gb {
            guard let out = gb.encode(buffer) else {
                throw DeskError.invalidInput("a row could not be converted to GB18030; use utf8-bom", zh: "有一行无法转换为 GB18030，请用 utf8-bom")
            }
            bytes += out.count
            try file.write(out)
        } else {
            bytes += buffer.count
            try file.write(buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
