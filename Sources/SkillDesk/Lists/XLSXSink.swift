import Foundation
import SkillCore
import ZIPFoundation

/// Text in SpreadsheetML: escaped for XML, with what XML 1.0 forbids left out.
enum XLSXText {
    /// Appends `s` to `out` as XML character data (or an attribute value): `&` `<` `>` `"` as
    /// entities, a carriage return as `&#13;` (a parser would turn a raw one into a line feed),
    /// tab and line feed as they are. What XML 1.0 does not allow in a document at all — the C0
    /// controls other than tab, LF and CR, and U+FFFE/U+FFFF — is dropped: an Excel that met one
    /// would refuse the whole file as damaged. (Lone surrogates cannot occur in a Swift String.)
    static func append(_ s: String, to out: inout [UInt8]) {
        var u = s.utf8.makeIterator()
        while let b = u.next() {
            switch b {
            case 38: out.append(contentsOf: [38, 97, 109, 112, 59])            // &amp;
            case 60: out.append(contentsOf: [38, 108, 116, 59])                // &lt;
            case 62: out.append(contentsOf: [38, 103, 116, 59])                // &gt;
            case 34: out.append(contentsOf: [38, 113, 117, 111, 116, 59])      // &quot;
            case 13: out.append(contentsOf: [38, 35, 49, 51, 59])              // &#13;
            case 9, 10: out.append(b)
            case 0..<32: break                                                 // forbidden in XML 1.0
            case 0xEF:
                // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters either.
                guard let b2 = u.next() else { out.append(b); break }
                guard let b3 = u.next() else { out.append(contentsOf: [b, b2]); break }
                if !(b2 == 0xBF && (b3 == 0xBE || b3 == 0xBF)) { out.append(contentsOf: [b, b2, b3]) }
            default: out.append(b)
            }
        }
    }

    static func escaped(_ s: String) -> String {
        var out: [UInt8] = []
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Columns a text takes in a spreadsheet, roughly: East Asian wide characters count 2.
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return n + (wide ? 2 : 1)
        }
    }

    /// `A`, `B`, … `Z`, `AA`, … for a column index from 0.
    static func columnName(_ index: Int) -> String {
        var n = index + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not empty.
    static func sheetName(_ s: String) -> String {
        let bad: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        let kept = String(s.filter { !bad.contains($0) && !($0.unicodeScalars.first.map { $0.value < 32 } ?? false) }.prefix(31))
        return kept.isEmpty ? "Sheet1" : kept
    }
}

/// An XLSX workbook of one sheet, written while the rows are read (docs/DECISIONS.md "Oversight
/// (issue 13): disclosure and XLSX"). The sheet's XML goes row by row into a temporary file in a
/// private directory (mode 0700; removed whatever happens), so a million rows never sit in memory;
/// `finish` closes it, zips it with the other parts of the package (ZIPFoundation, deflate, fixed
/// dates so the same rows give the same bytes) into a second temporary file, and copies that into
/// the `OutputFile` — the one writer of files, which the caller commits.
///
/// The SpreadsheetML is minimal and ours: `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml`,
/// `xl/_rels/workbook.xml.rels`, `xl/styles.xml` (0 default, 1 header: bold text, 2 money
/// `#,##0.00`, 3 text `@`, 4 whole number `0`), `xl/worksheets/sheet1.xml` with inline strings (no
/// shared-string table), the header row frozen, column widths from the columns' kinds.
/// Text, codes and dates are inline strings — never a formula, whatever their first character
/// (`=1+1` stays the text `=1+1`); integers and amounts are numbers, an amount's value the exact
/// decimal text of its fen (`1500.00`), never a `Double`.
final class XLSXSink: ExportSink {
    /// The most rows a sheet holds (Excel's limit), header included.
    static let maxRows = 1_048_576

    private let file: OutputFile
    private let sheetName: String
    private let directory: String
    private let sheetPath: String
    private let sheet: FileHandle
    private var buffer: [UInt8] = []
    private var kinds: [ExportColumnKind] = []
    private var rowNumber = 0
    private(set) var bytes = 0
    private var finished = false
    private static let chunk = 1 << 16

    init(_ file: OutputFile, sheetName: String) throws {
        self.file = file
        self.sheetName = XLSXText.sheetName(sheetName)
        var template = Array((NSTemporaryDirectory() + "/skilldesk-xlsx-XXXXXX").utf8CString)
        guard let dir = mkdtemp(&template) else {
            throw DeskError.invalidInput("could not create a temporary directory for the XLSX sheet: \(String(cString: strerror(errno)))",
                                         zh: "无法为 XLSX 工作表创建临时目录：\(String(cString: strerror(errno)))")
        }
        directory = String(cString: dir)
        sheetPath = directory + "/sheet1.xml"
        guard FileManager.default.createFile(atPath: sheetPath, contents: nil, attributes: [.posixPermissions: 0o600]),
              let h = FileHandle(forWritingAtPath: sheetPath) else {
            try? FileManager.default.removeItem(atPath: directory)
            throw DeskError.invalidInput("could not create the temporary XLSX sheet in \(directory)", zh: "无法在 \(directory) 中创建 XLSX 临时工作表")
        }
        sheet = h
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    deinit {
        try? sheet.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    func header(_ columns: [ExportColumn]) throws {
        kinds = columns.map(\.kind)
        append("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
            <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/><cols>
            """)
        for (i, c) in columns.enumerated() {
            append("<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(c.kind.width(header: c.header))\" customWidth=\"1\"/>")
        }
        append("</cols><sheetData>")
        try write(columns.map { ExportCell.text($0.header) }, style: 1)
    }

    func row(_ cells: [ExportCell]) throws { try write(cells, style: nil) }

    private func write(_ cells: [ExportCell], style: Int?) throws {
        rowNumber += 1
        guard rowNumber <= Self.maxRows else {
            throw DeskError.invalidInput(
                "an XLSX sheet holds at most \(Self.maxRows - 1) rows under its header and this list has more; export it as CSV, or narrow the filter",
                zh: "XLSX 工作表表头下最多 \(Self.maxRows - 1) 行，此列表超出；请导出为 CSV，或缩小筛选范围")
        }
        let r = String(rowNumber)
        append("<row r=\"\(r)\">")
        for (i, cell) in cells.enumerated() {
            let ref = XLSXText.columnName(i) + r
            switch cell {
            case let .text(s), let .code(s), let .date(s):
                if s.isEmpty { continue }
                append("<c r=\"\(ref)\" s=\"\(style ?? 3)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                XLSXText.append(s, to: &buffer)
                append("</t></is></c>")
            case let .integer(n):
                append("<c r=\"\(ref)\" s=\"\(style ?? 4)\"><v>\(n)</v></c>")
            case let .money(fen):
                append("<c r=\"\(ref)\" s=\"\(style ?? 2)\"><v>\(ExportCell.yuanText(fen))</v></c>")
            }
        }
        append("</row>")
        if buffer.count >= Self.chunk { try flushSheet() }
    }

    private func append(_ s: String) { buffer.append(contentsOf: s.utf8) }

    private func flushSheet() throws {
        guard !buffer.isEmpty else { return }
        do { try sheet.write(contentsOf: Data(buffer)) } catch {
            throw DeskError.invalidInput("could not write the temporary XLSX sheet: \(error.localizedDescription)",
                                         zh: "无法写入 XLSX 临时工作表：\(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        guard !finished else { return }
        finished = true
        if rowNumber == 0 { try header([]) }
        append("</sheetData></worksheet>")
        try flushSheet()
        try sheet.close()
        let zipPath = directory + "/book.xlsx"
        do {
            let archive = try Archive(url: URL(fileURLWithPath: zipPath), accessMode: .create)
            for (path, text) in Self.parts(sheetName: sheetName) {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.fixedDate,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            let size = (try FileManager.default.attributesOfItem(atPath: sheetPath)[.size] as? NSNumber)?.int64Value ?? 0
            let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: sheetPath))
            defer { try? reader.close() }
            try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: size, modificationDate: Self.fixedDate,
                                 compressionMethod: .deflate) { position, size in
                try reader.seek(toOffset: UInt64(position))
                return try reader.read(upToCount: size) ?? Data()
            }
        } catch {
            throw DeskError.invalidInput("could not make the XLSX file: \(error)", zh: "无法生成 XLSX 文件：\(error)")
        }
        try? FileManager.default.removeItem(atPath: sheetPath)
        guard let zip = FileHandle(forReadingAtPath: zipPath) else {
            throw DeskError.invalidInput("could not read the temporary XLSX file back", zh: "无法读回 XLSX 临时文件")
        }
        defer { try? zip.close() }
        while let chunk = try zip.read(upToCount: Self.chunk), !chunk.isEmpty {
            try file.write(Array(chunk))
            bytes += chunk.count
        }
    }

    /// 1980-01-01 (the zip format's first day): the same rows give the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// The package's parts other than the sheet.
    static func parts(sheetName: String) -> [(String, String)] {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
        return [
            ("[Content_Types].xml", xml + """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>
                """),
            ("_rels/.rels", xml + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """),
            ("xl/workbook.xml", xml + """
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="\(XLSXText.escaped(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", xml + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                </Relationships>
                """),
            ("xl/styles.xml", xml + """
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts>\
                <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="5">\
                <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>\
                <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                </cellXfs>\
                <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
                </styleSheet>
                """),
        ]
    }
}
