import Foundation
import Testing
import SkillCore
@testable import SkillDesk
import SkillScreens
import SkillStore
import SkillRecords
import TermUI

/// Filing from the TUI (issue 13): an administrator files the last full quarter; the list checks
/// each filing against the chain; a filing opens with what changed since.
@Suite struct FiledReportsScreenTests {
    static func admin(_ f: Fixture, _ lang: Lang) throws -> ScreenContext {
        let admin = try f.desk.login(name: "admin", password: "admin-pass-1")
        return ScreenContext(lang: lang, desk: f.desk, databaseName: "test.sqlite", session: admin)
    }

    @Test func anAdministratorFilesTheLastQuarterAndOpensIt() throws {
        let f = try Fixture()
        let ctx = try Self.admin(f, .zh)
        let d = Driver(ctx, root: FiledReportsScreen(ctx), width: 80, height: 24)
        #expect(d.text.contains("尚无已报送的报表"))
        #expect(d.footerRow.contains("F10 报送"))
        d.press(.function(10))
        // Today is 2025-06-02: the last full quarter is 2025-Q1, offered for confirmation.
        #expect(d.text.contains("报送报表：期间") && d.text.contains("./2025-Q1") == false && d.text.contains("2025-Q1"), "\(d.text)")
        d.type("2025-Q5")
        d.press(.enter)
        #expect(d.text.contains("2026-Q3（季度）") && d.text.contains("2026-07-01..2026-09-30"), "\(d.text)")   // the accepted shapes, whole
        for _ in 0..<7 { d.press(.backspace) }
        d.type("２０２５－Ｑ１")
        d.press(.enter)
        #expect(d.text.contains("确认报送") && d.text.contains("报送“资金专账”（2025年第1季度）？"), "\(d.text)")
        d.press(.left)       // from [取消] to [报送]
        d.press(.enter)
        #expect(d.messageRow.contains("已报送 RPT-000001"), "\(d.messageRow)")
        let lines = d.lines
        #expect(lines[1].contains("已报送报表 1 份"), "\(d.text)")
        #expect(lines[3] == " RPT-000001 2025-Q1   资金专账               2025-06-02 02:00:00 admin    ✓", "\(lines[3])")
        d.press(.enter)
        #expect(d.title == "已报送报表 RPT-000001")
        #expect(d.text.contains("✓ 与报送时一致") && d.text.contains("报送后数字没有变化"), "\(d.text)")
        // Filed twice: a new version, both listed.
        d.press(.function(3))
        d.press(.function(10)); d.press(.enter); d.press(.left); d.press(.enter)
        #expect(d.lines[1].contains("已报送报表 2 份") && d.lines[3].contains("RPT-000002"), "\(d.text)")
    }

    @Test func aSupervisorReadsButDoesNotFileAndEnglishFitsAt100x30() throws {
        let f = try Fixture()
        let admin = try f.desk.login(name: "admin", password: "admin-pass-1")
        try admin.addUser(name: "sup1", roles: [.supervisor], password: "sup1-pass-1")
        _ = try admin.fileReport(.funds, period: .year(2024))
        let sup = try f.desk.login(name: "sup1", password: "sup1-pass-1")
        let ctx = ScreenContext(lang: .en, desk: f.desk, databaseName: "test.sqlite", session: sup)
        let d = Driver(ctx, root: FiledReportsScreen(ctx), width: 100, height: 30)
        #expect(!d.footerRow.contains("F10"), "\(d.footerRow)")
        #expect(d.lines[1].contains("1 filed reports"), "\(d.text)")
        #expect(d.lines[2].contains("Number") && d.lines[2].contains("Filed (UTC)") && d.lines[2].contains("Check"), "\(d.lines[2])")
        #expect(d.lines[3] == " RPT-000001 2024      Fund accounts                              2025-06-02 02:00:00 admin    ✓", "\(d.lines[3])")
        d.press(.function(10))
        #expect(d.messageRow.contains("not permitted") || d.messageRow.contains("permission"), "\(d.messageRow)")
        // F9 writes the bytes as filed.
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        d.press(.function(9))
        #expect(d.text.contains("./RPT-000001-2024.json"), "\(d.text)")
        d.type(dir.appendingPathComponent("q.json").path)
        d.press(.enter)
        #expect(d.messageRow.contains("Wrote RPT-000001"), "\(d.messageRow)")
        let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent("q.json")))
        #expect(bytes == (try sup.filedReport(id: 1)).row.content)
    }
}
