import Foundation
import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

/// Ctrl-X on a list: the encoding, then the path (prefilled), then the export as slow work, the
/// rows of the list's current filter written and said on the message line.
@Suite struct ListExportScreenTests {
    @Test func ctrlXAsksTheEncodingThenThePathAndExportsTheFilteredRows() throws {
        let f = try Fixture()
        try f.registerFour()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let d = Driver(f.context(.zh), root: WorkerListScreen(f.context(.zh)))
        #expect(d.row(29) == " F1 帮助  F3 退出  F5 刷新  F6 新增  / 查询  ^X 导出  PgDn 下一页  F12 取消")
        d.type("欧阳")
        d.press(.ctrl("x"))
        let pad = spaces(19)
        #expect(Array(d.lines[11...17]) == [
            pad + "┌─ 导出劳动者：文件格式 ─────────────────────────────────────┐",
            pad + "│ ›                                                          │",
            pad + "│ utf8-bom  CSV，UTF-8（带 BOM；Excel、WPS、LibreOffice）    │",
            pad + "│ gb18030   CSV，GB18030（中文 Windows 上的旧版 Excel）      │",
            pad + "│ xlsx      XLSX（Excel 工作簿：身份证号为文本，金额为数字） │",
            pad + "│                                                            │",
            pad + "└────────────────────────────────────────────────────────────┘",
        ])
        d.press(.down, .enter)
        let pad2 = spaces(12)
        #expect(Array(d.lines[12...16]) == [
            pad2 + "┌─ 导出劳动者：保存到文件 ─────────────────────────────────────────────────┐",
            pad2 + "│ 写出当前筛选的全部行（不只本页）；Enter 写入，F12 取消                   │",
            pad2 + "│ ./workers-2025-06-02.csv                                                 │",
            pad2 + "│                                                                          │",
            pad2 + "└──────────────────────────────────────────────────────────────────────────┘",
        ])
        // Typing replaces the prefilled path; the export runs as slow work and says what it wrote.
        d.type(dir.file("w.csv"))
        d.press(.enter)
        #expect(d.deferredFrames.last?.contains("正在导出劳动者到 \(dir.file("w.csv"))…") == true)
        let bytes = try readBytes(dir.file("w.csv"))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "GB18030 was chosen")
        let text = TextEncoder.decode(bytes)
        #expect(text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2, "the header and the one 欧阳 row: \(text)")
        #expect(text.contains("欧阳娜娜") && !text.contains("张伟"))
        #expect(d.messageRow.hasPrefix(" 已导出 1 行到 \(dir.file("w.csv"))（GB18030"))
        for y in 4...26 { #expect(d.lines[y] == "", "the overlay is gone, row \(y)") }
        // Again to the same file: asked first; F12 writes nothing and says so.
        d.press(.ctrl("x"), .enter, .char("x"), .backspace)
        d.type(dir.file("w.csv"))
        d.press(.enter)
        #expect(d.lines[13].contains("\(dir.file("w.csv")) 已存在。用导出的文件覆盖它吗？"))
        #expect(d.lines[15].contains("[ 覆盖 ]  [ 取消 ]"))
        d.press(.function(12))
        #expect(d.messageRow == " 已取消导出，未写入文件")
        #expect(try readBytes(dir.file("w.csv")) == bytes)
    }

    @Test func aDirectoryIsRefusedInThePromptAndNothingIsWritten() throws {
        let f = try Fixture()
        try f.registerFour()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let d = Driver(f.context(.en), root: WorkerListScreen(f.context(.en)))
        d.press(.ctrl("x"), .enter)
        d.type("/tmp/")
        d.press(.enter)
        #expect(d.lines[14] == spaces(12) + "│ /tmp/ is a directory; give a file name, e.g. /tmp/out.csv                │")
        d.press(.function(12))
        #expect(d.messageRow == " Export cancelled; no file written")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func thePromptAt80x24InEnglishAndChinese() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(.en), root: WorkerListScreen(f.context(.en)), width: 80, height: 24)
        d.press(.ctrl("x"))
        let pad = spaces(6)
        #expect(Array(d.lines[8...14]) == [
            pad + "┌─ Export workers: file format ────────────────────────────────────┐",
            pad + "│ ›                                                                │",
            pad + "│ utf8-bom  CSV, UTF-8 with BOM (Excel, WPS, LibreOffice)          │",
            pad + "│ gb18030   CSV, GB18030 (older Excel on a Chinese Windows)        │",
            pad + "│ xlsx      XLSX (Excel workbook: IDs as text, amounts as numbers) │",
            pad + "│                                                                  │",
            pad + "└──────────────────────────────────────────────────────────────────┘",
        ])
        #expect(d.row(23) == " F1 Help  F3 Exit  F5 Refresh  F6 New  / Search  ^X Export  PgDn More  …")
        d.press(.enter)
        let pad2 = spaces(2)
        #expect(Array(d.lines[9...13]) == [
            pad2 + "┌─ Export workers: save to file ───────────────────────────────────────────┐",
            pad2 + "│ Every row of the filter, not just this page; Enter writes, F12 cancels   │",
            pad2 + "│ ./workers-2025-06-02.csv                                                 │",
            pad2 + "│                                                                          │",
            pad2 + "└──────────────────────────────────────────────────────────────────────────┘",
        ])
        d.press(.function(12))
        #expect(d.messageRow == " Export cancelled; no file written")

        let z = Driver(f.context(.zh), root: WorkerListScreen(f.context(.zh)), width: 80, height: 24)
        z.press(.ctrl("x"))
        let pad3 = spaces(9)
        #expect(Array(z.lines[8...14]) == [
            pad3 + "┌─ 导出劳动者：文件格式 ─────────────────────────────────────┐",
            pad3 + "│ ›                                                          │",
            pad3 + "│ utf8-bom  CSV，UTF-8（带 BOM；Excel、WPS、LibreOffice）    │",
            pad3 + "│ gb18030   CSV，GB18030（中文 Windows 上的旧版 Excel）      │",
            pad3 + "│ xlsx      XLSX（Excel 工作簿：身份证号为文本，金额为数字） │",
            pad3 + "│                                                            │",
            pad3 + "└────────────────────────────────────────────────────────────┘",
        ])
        #expect(z.row(23) == " F1 帮助  F3 退出  F5 刷新  F6 新增  / 查询  ^X 导出  PgDn 下一页  F12 取消")

        let e = Driver(f.context(.en), root: WorkerListScreen(f.context(.en)))
        e.press(.ctrl("x"), .enter)
        let pad4 = spaces(12)
        #expect(Array(e.lines[12...16]) == [
            pad4 + "┌─ Export workers: save to file ───────────────────────────────────────────┐",
            pad4 + "│ Every row of the filter, not just this page; Enter writes, F12 cancels   │",
            pad4 + "│ ./workers-2025-06-02.csv                                                 │",
            pad4 + "│                                                                          │",
            pad4 + "└──────────────────────────────────────────────────────────────────────────┘",
        ])
        #expect(e.row(29) == " F1 Help  F3 Exit  F5 Refresh  F6 New  / Search  ^X Export  PgDn More  F12 Cancel")
    }

    @Test func ctrlXWritesAnXLSXWorkbookWhenChosen() throws {
        let f = try Fixture()
        try f.registerFour()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let d = Driver(f.context(.en), root: WorkerListScreen(f.context(.en)))
        d.press(.ctrl("x"), .down, .down, .enter)
        #expect(d.lines[14] == spaces(12) + "│ ./workers-2025-06-02.xlsx                                                │")
        d.type(dir.file("w.xlsx"))
        d.press(.enter)
        #expect(d.messageRow.hasPrefix(" Exported 4 rows to \(dir.file("w.xlsx")) (XLSX; rec"))
        let book = try XLSXReadBack.read(dir.file("w.xlsx"))
        #expect(book.rows.count == 5 && book.rows[0].first?.value == "id")
        #expect(book.rows.dropFirst().allSatisfy { $0[0].type == "inlineStr" && $0[0].value.count == 18 })
        #expect(book.rows[1].contains { $0.value == "张伟" })
    }

    @Test func everyListScreenOffersCtrlX() throws {
        let f = try Fixture()
        let ctx = f.context(.zh)
        for screen in [ClassListScreen(ctx) as any Screen, NoticeListScreen(ctx)] {
            let d = Driver(ctx, root: screen)
            #expect(d.footerRow.contains("^X 导出"), "\(type(of: screen)): \(d.footerRow)")
            d.press(.ctrl("x"))
            #expect(d.text.contains("：文件格式") && d.text.contains("xlsx"), "\(type(of: screen))")
        }
    }
}
