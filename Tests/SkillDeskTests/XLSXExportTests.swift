import Foundation
import Testing
import SkillCore
@testable import SkillDesk
@testable import SkillStore
import SkillRecords
import CoreTestSupport
import DeskTestSupport

/// A CSV file's cells as a spreadsheet would show them (RFC 4180; the leading tab of a code and
/// the `'` before a formula character, which Excel does not show, dropped).
func csvShown(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
    var it = Array(text).makeIterator()
    var pending: Character? = nil
    func next() -> Character? { if let p = pending { pending = nil; return p }; return it.next() }
    func shown(_ c: String) -> String {
        var c = c
        if c.hasPrefix("\t") { c.removeFirst() }
        if c.hasPrefix("'"), let second = c.dropFirst().first, "=+-@\t\r".contains(second) { c.removeFirst() }
        return c
    }
    while let ch = next() {
        if quoted {
            if ch == "\"" {
                if let n = next() { if n == "\"" { cell.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
            } else { cell.append(ch) }
        } else if ch == "\"" { quoted = true }
        else if ch == "," { row.append(shown(cell)); cell = "" }
        else if ch == "\r\n" || ch == "\n" { row.append(shown(cell)); cell = ""; rows.append(row); row = [] }
        else { cell.append(ch) }
    }
    if !cell.isEmpty || !row.isEmpty { row.append(shown(cell)); rows.append(row) }
    return rows
}

@Suite struct XLSXExportTests {
    static let columns = [ExportColumn("身份证号", .code), ExportColumn("姓名", .text), ExportColumn("金额（元）", .money),
                          ExportColumn("笔数", .integer), ExportColumn("日期", .date), ExportColumn("备注", .text)]

    /// Writes rows through the XLSX sink into a committed file and reads it back.
    func written(_ rows: [[ExportCell]], in dir: TempDir, name: String = "t.xlsx") throws -> XLSXReadBack.Book {
        let file = try OutputFile.create(dir.file(name), replace: false, protected: [])
        let sink = try XLSXSink(file, sheetName: "测试")
        try sink.header(Self.columns)
        for r in rows { try sink.row(r) }
        try sink.finish()
        try file.commit()
        #expect(sink.bytes == (try readBytes(dir.file(name))).count)
        return try XLSXReadBack.read(dir.file(name))
    }

    @Test func everyCellReadsBackWithItsTypeAndExactValue() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let id = "320102199003071234"
        let book = try written([
            [.code(id), .text("张伟"), .money(150_000), .integer(3), .date("2026-07-01"), .text("<&\"> 南京")],
            [.code("11010119900101002X"), .text("=1+1"), .money(-1_234), .integer(-7), .date("2026-09-30"), .text("+SUM(A1) @x -3")],
            [.code("000123"), .text("a\u{1}b\u{7}c\td\ne\rf\u{FFFE}g"), .money(Int64.max), .integer(Int64.min), .date(""), .text("欧阳娜娜·阿卜杜拉")],
            [.code("9"), .text(""), .money(5), .integer(0), .date("2026-01-01 08:00:00"), .text("")],
        ], in: dir)
        #expect(book.parts.sorted() == ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                                        "xl/workbook.xml", "xl/worksheets/sheet1.xml"])
        #expect(book.rows.count == 5)
        // The header: bold text (style 1), inline strings.
        #expect(book.rows[0].map(\.value) == Self.columns.map(\.header))
        #expect(book.rows[0].allSatisfy { $0.type == "inlineStr" && $0.style == 1 })
        let r1 = book.rows[1]
        #expect(r1.map(\.type) == ["inlineStr", "inlineStr", "n", "n", "inlineStr", "inlineStr"])
        #expect(r1.map(\.value) == [id, "张伟", "1500.00", "3", "2026-07-01", "<&\"> 南京"])
        #expect(r1.map(\.reference) == ["A2", "B2", "C2", "D2", "E2", "F2"])
        #expect(r1.map(\.style) == [3, 3, 2, 4, 3, 3])   // text @, money #,##0.00, whole number 0
        // A formula character stays text: an inline string is never a formula, and there is no <f>.
        let r2 = book.rows[2]
        #expect(r2[1].type == "inlineStr" && r2[1].value == "=1+1" && r2[5].value == "+SUM(A1) @x -3")
        #expect(r2[2].value == "-12.34" && r2[3].value == "-7" && r2[0].value == "11010119900101002X")
        #expect(!book.sheetXML.contains("<f>") && !book.sheetXML.contains("<f "))
        // What XML 1.0 forbids is dropped (C0 but tab, LF, CR; U+FFFE); CR survives as &#13;.
        let r3 = book.rows[3]
        #expect(r3[1].value == "abc\td\ne\rfg")
        #expect(r3[2].value == "92233720368547758.07" && r3[3].value == "-9223372036854775808")
        #expect(r3[0].value == "000123" && r3[0].type == "inlineStr")   // leading zeros kept: text
        #expect(r3.count == 5)                                            // the empty date cell is absent
        #expect(XLSXReadBack.values(r3, count: 6)[4] == "")
        #expect(book.rows[4].map(\.reference) == ["A5", "C5", "D5", "E5"])
        // Frozen header, column widths, the money format.
        #expect(book.sheetXML.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(book.sheetXML.contains("<col min=\"1\" max=\"1\" width=\"22\" customWidth=\"1\"/>"))
        #expect(book.stylesXML.contains("formatCode=\"#,##0.00\""))
        #expect(book.workbookXML.contains("<sheet name=\"测试\""))
    }

    @Test func theSameRowsGiveTheSameBytes() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let rows: [[ExportCell]] = [[.code("320102199003071234"), .text("张伟"), .money(1), .integer(1), .date("2026-07-01"), .text("")]]
        _ = try written(rows, in: dir, name: "a.xlsx")
        _ = try written(rows, in: dir, name: "b.xlsx")
        #expect(try readBytes(dir.file("a.xlsx")) == readBytes(dir.file("b.xlsx")))
    }

    @Test func yuanTextIsExactForEveryMagnitude() {
        #expect(ExportCell.yuanText(0) == "0.00" && ExportCell.yuanText(5) == "0.05" && ExportCell.yuanText(-5) == "-0.05")
        #expect(ExportCell.yuanText(150_000) == "1500.00" && ExportCell.yuanText(123_456_789) == "1234567.89")
        #expect(ExportCell.yuanText(Int64.min) == "-92233720368547758.08")
        for fen in [Int64(1), 99, 100, 101, 9_999_999_999, 1_000_000_000_001] {
            let t = ExportCell.yuanText(fen)
            let parts = t.split(separator: ".")
            #expect(Int64(parts[0])! * 100 + Int64(parts[1])! == fen)
        }
    }

    @Test func aWorkerListInCSVAndXLSXCarriesTheSameCells() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        var ids: [String] = []
        for (i, name) in ["张伟", "欧阳娜娜", "李"].enumerated() {
            ids.append(try clerk.register(draft(seq: 300 + i, name: name, phone: "1391234567\(i)")).id)
        }
        // Text a spreadsheet would take for a formula or markup, planted below the use cases' checks.
        try f.desk.store.write { w in
            try w.db.execute(sql: "UPDATE workers SET employer = '=1+1', residence = '<&\"南京' WHERE id = ?", arguments: [ids[0]])
        }
        let dir = try TempDir()
        defer { dir.cleanup() }
        let csv = try clerk.exportList(.workers(search: ""), to: dir.file("w.csv"), format: .csv, replace: false, lang: .zh)
        let xlsx = try clerk.exportList(.workers(search: ""), to: dir.file("w.xlsx"), format: .xlsx, replace: false, lang: .zh)
        #expect(csv.rows == 3 && xlsx.rows == 3)
        let csvRows = csvShown(String(decoding: try readBytes(dir.file("w.csv")).dropFirst(3), as: UTF8.self))
        let book = try XLSXReadBack.read(dir.file("w.xlsx"))
        #expect(csvRows.count == 4 && book.rows.count == 4)
        let width = csvRows[0].count
        for (c, x) in zip(csvRows, book.rows) {
            #expect(c == XLSXReadBack.values(x, count: width))
        }
        // The 18-digit IDs are text, not numbers; the planted cells are text as typed.
        for r in book.rows.dropFirst() { #expect(r[0].type == "inlineStr" && ids.contains(r[0].value) && r[0].value.count == 18) }
        let first = try #require(book.rows.first { $0.first?.value == ids[0] })
        let values = XLSXReadBack.values(first, count: width)
        #expect(values.contains("=1+1") && values.contains("<&\"南京"))
        #expect(first.first { $0.value == "=1+1" }?.type == "inlineStr")
        // Audited as an XLSX export.
        let e = try #require(try f.desk.store.read { try $0.auditEntries(entity: "export", key: "workers") }.last)
        #expect(e.after?.contains("\"format\":\"xlsx\"") == true && e.after?.contains("\"rows\":3") == true)
        // An existing file is left alone without replace; nothing is audited for the refusal.
        let audits = try f.auditCount
        let before = try readBytes(dir.file("w.xlsx"))
        guard case .outputFile(.exists) = deskError({
            _ = try clerk.exportList(.workers(search: ""), to: dir.file("w.xlsx"), format: .xlsx, replace: false, lang: .zh)
        }) else { Issue.record("an existing file was replaced"); return }
        #expect(try readBytes(dir.file("w.xlsx")) == before && f.auditCount == audits)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test func claimAmountsAndCountsAreNumbersInXLSX() throws {
        let x = try WorkflowWorld()
        let a = try x.submitted(worker: 0)
        let dir = try TempDir()
        defer { dir.cleanup() }
        _ = try x.sup.exportList(.claims(ClaimQueueFilter(status: .submitted)), to: dir.file("c.xlsx"), format: .xlsx, replace: false, lang: .en)
        _ = try x.sup.exportList(.claims(ClaimQueueFilter(status: .submitted)), to: dir.file("c.csv"), format: .csv, replace: false, lang: .en)
        let book = try XLSXReadBack.read(dir.file("c.xlsx"))
        let header = book.rows[0].map(\.value)
        let amount = try #require(header.firstIndex(of: "amount_yuan")), warnings = try #require(header.firstIndex(of: "warnings"))
        let row = book.rows[1]
        let cell = try #require(row.first { $0.reference == XLSXText.columnName(amount) + "2" })
        #expect(cell.type == "n" && cell.value == ExportCell.yuanText(a.amountFen) && cell.style == 2)
        #expect(row.first { $0.reference == XLSXText.columnName(warnings) + "2" }?.type == "n")
        #expect(row.first { $0.reference == "A2" }?.value == ClaimNumber.format(year: a.claimYear, serial: Int(a.id)))
        let csvRows = csvShown(String(decoding: try readBytes(dir.file("c.csv")).dropFirst(3), as: UTF8.self))
        for (c, r) in zip(csvRows, book.rows) { #expect(c == XLSXReadBack.values(r, count: c.count)) }
    }

    @Test func columnNamesAndSheetNames() {
        #expect((0..<3).map(XLSXText.columnName) == ["A", "B", "C"])
        #expect(XLSXText.columnName(25) == "Z" && XLSXText.columnName(26) == "AA" && XLSXText.columnName(701) == "ZZ" && XLSXText.columnName(702) == "AAA")
        #expect(XLSXText.sheetName("a[b]:c*d?e/f\\g") == "abcdefg" && XLSXText.sheetName("") == "Sheet1")
        #expect(XLSXText.sheetName(String(repeating: "x", count: 40)).count == 31)
    }
}
