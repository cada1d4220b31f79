import Foundation
import GRDB
import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

/// A name holding ESC[2J (clear screen), CR and U+202E (right-to-left override) cannot be
/// registered, but could arrive through an old import or another program writing the file.
/// It must reach the screen harmless: visible stand-ins, no control characters, columns intact.
@Suite struct HostileNameTests {
    static let hostileName = "\u{202E}王\u{1B}[2J五\r六"
    static let shownAs = "王␛[2J五␍六"
    static let hostileID = residentID("32010219800101001")

    /// A file database with 欧阳娜娜, the hostile row, then 张伟 (so the list shows it between them).
    static func makeDesk(_ dir: URL) throws -> Fixture {
        let path = dir.appendingPathComponent("hostile.sqlite").path
        let desk = try Desk.initialize(path: path, admin: "admin", password: "admin-pass-1", clock: { fixedNow })
        let f = try Fixture(desk: desk)
        try f.register("32010219850612002", "欧阳娜娜", phone: "13800000021", groups: [.ruralMigrant])
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO workers(id, name, sex, birth_date, phone, employment, created_at, updated_at)
                    VALUES (?, ?, 'M', '1980-01-01', '13700000000', 'other', '2025-06-02T02:00:00.000Z', '2025-06-02T02:00:00.000Z')
                    """, arguments: [hostileID, hostileName])
                try db.execute(sql: "INSERT INTO worker_name_fts(rowid, chars) VALUES (?, ?)",
                               arguments: [db.lastInsertedRowID, "王 五 六"])
            }
            try queue.close()
        }
        try f.register("32010219900307123", "张伟", phone: "13912345678", groups: [.unemployed, .veteran])
        return f
    }

    static func withDesk(_ body: (Fixture) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skillscreens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(makeDesk(dir))
    }

    static func expectHarmless(_ canvas: Canvas, sourceLocation: SourceLocation = #_sourceLocation) {
        let cells = allCellText(canvas)
        #expect(!cells.unicodeScalars.contains { $0.value == 0x1B }, "ESC reached the canvas", sourceLocation: sourceLocation)
        #expect(!cells.unicodeScalars.contains { $0.value == 0x0D }, "CR reached the canvas", sourceLocation: sourceLocation)
        #expect(!cells.unicodeScalars.contains { $0.value == 0x202E }, "U+202E reached the canvas", sourceLocation: sourceLocation)
        #expect(!cells.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value <= 0x9F) },
                "a control character reached the canvas", sourceLocation: sourceLocation)
    }

    @Test func hostileRowIsStoredAsPlanted() throws {
        try Self.withDesk { (f: Fixture) throws in
            #expect(try f.clerk.worker(id: Self.hostileID).name == Self.hostileName)
            #expect(try f.workerCount() == 3)
        }
    }

    @Test func listShowsTheNameHarmlesslyWithoutControlCharacters() throws {
        try Self.withDesk { (f: Fixture) throws in
            let d = Driver(f.context(), root: WorkerListScreen(f.context()))
            Self.expectHarmless(d.canvas)
            #expect(d.row(3).hasPrefix(" ___  320102199003071239 张伟"))
            #expect(d.row(4).hasPrefix(" ___  \(Self.hostileID) \(Self.shownAs)"))
            #expect(d.row(5).hasPrefix(" ___  320102198506120026 欧阳娜娜"))
            // Nothing else on the screen moved: title, header and footer are intact.
            #expect(d.row(0).hasPrefix(" SkillDesk · 劳动者"))
            #expect(d.row(2) == " 选项 身份证号           姓名           性别 出生日期   手机号      重点群体")
            #expect(d.footerRow.hasPrefix(" F1 帮助  F3 退出"))
        }
    }

    /// The row with the hostile name keeps its columns: sex, birth date and phone start where
    /// they start on the rows above and below.
    @Test func hostileNameKeepsTheColumnsAligned() throws {
        try Self.withDesk { (f: Fixture) throws in
            let d = Driver(f.context(), root: WorkerListScreen(f.context()))
            let canvas = d.canvas
            for y in 3...5 {
                #expect(column(of: "3201", in: canvas, row: y) == 6, "ID column, row \(y)")
                #expect(canvas[x: 45, y: y].text == "1" && canvas[x: 46, y: y].text == "9", "born column, row \(y): \(d.row(y))")
                #expect(canvas[x: 56, y: y].text == "1" && canvas[x: 59, y: y].text == "*", "phone column, row \(y): \(d.row(y))")
            }
            #expect(d.row(4) == " ___  \(Self.hostileID) \(Self.shownAs)    男   1980-01-01 137****0000 —")
        }
    }

    @Test func searchFindsItAndTheDetailAndFormShowItHarmlessly() throws {
        try Self.withDesk { (f: Fixture) throws in
            let d = Driver(f.context(), root: WorkerListScreen(f.context()))
            d.type("五")
            #expect(d.row(3).contains(Self.shownAs))
            #expect(d.row(4) == "")
            d.press(.down, .char("5"), .enter)
            #expect(d.title == "劳动者详情 · " + Self.hostileName)
            Self.expectHarmless(d.canvas)
            #expect(d.row(0).hasPrefix(" SkillDesk · 劳动者详情 · " + Self.shownAs))
            #expect(d.row(3) == " 姓名 .............. " + Self.shownAs)
            d.press(.function(2))                       // edit it
            #expect(d.title.hasPrefix("修改劳动者"))
            Self.expectHarmless(d.canvas)
            #expect(d.row(4).hasPrefix(" 姓名 .............. " + Self.shownAs))
            // Saving is refused: the stored name is not valid, and the form says so.
            d.press(.function(2))
            #expect(d.messageRow == " 有字段不正确，未保存；请按提示修改")
            Self.expectHarmless(d.canvas)
            #expect(try f.clerk.worker(id: Self.hostileID).version == 1)
        }
    }

    @Test func existingRecordDialogShowsItHarmlessly() throws {
        try Self.withDesk { (f: Fixture) throws in
            let d = Driver(f.context(), root: WorkerFormScreen(ctx: f.context(), editing: nil))
            d.type(Self.hostileID)
            #expect(d.text.contains("该身份证号已登记"))
            #expect(d.text.contains(Self.shownAs))
            Self.expectHarmless(d.canvas)
        }
    }
}
