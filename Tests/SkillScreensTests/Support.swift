// The helpers every test target shares (resident IDs, TestClock, the template databases…) live in
// CoreTestSupport and DeskTestSupport; exported here so that each test file sees them without
// importing them.
@_exported import CoreTestSupport
@_exported import DeskTestSupport
import Foundation
import SkillCore
@testable import SkillDesk
import SkillScreens
import SkillStore
import SkillRecords
import TermUI

/// 2025-06-02 10:00 in Nanjing (02:00 UTC): a fixed clock makes "today", audit times and
/// therefore whole screens reproducible. (It shadows CoreTestSupport's instant in this target.)
let fixedNow = Date(timeIntervalSince1970: 1_748_829_600)

/// An in-memory desk with an administrator, an auditor ("audit1") and a logged-in clerk ("clerk1").
struct Fixture {
    let desk: Desk
    let clerk: Session

    /// In memory: a copy of the database `init(desk:)` leaves before the clerk logs in, made once
    /// per test process (four passwords hashed or checked once, not in every test).
    init() throws {
        let store = try TemplateDatabase.copy("SkillScreensTests.Fixture admin clerk1 audit1") {
            let desk = try Desk.inMemory(clock: { fixedNow })
            try Self.addUsers(desk)
            return desk.store
        }
        desk = Desk(store: store, clock: { fixedNow })
        clerk = try desk.login(name: "clerk1", password: "clerk1-pass")
    }

    init(desk: Desk) throws {
        try Self.addUsers(desk)
        self.desk = desk
        clerk = try desk.login(name: "clerk1", password: "clerk1-pass")
    }

    private static func addUsers(_ desk: Desk) throws {
        let admin = try desk.login(name: "admin", password: "admin-pass-1")
        try admin.addUser(name: "clerk1", roles: [.clerk], password: "clerk1-pass")
        try admin.addUser(name: "audit1", roles: [.auditor], password: "audit1-pass")
    }

    /// The clerk's context.
    func context(_ lang: Lang = .zh) -> ScreenContext {
        ScreenContext(lang: lang, desk: desk, databaseName: "test.sqlite", session: clerk)
    }

    /// Nobody logged in yet (the login screen's context).
    func loggedOut(_ lang: Lang = .zh) -> ScreenContext {
        ScreenContext(lang: lang, desk: desk, databaseName: "test.sqlite", session: nil)
    }

    @discardableResult
    func register(_ first17: String, _ name: String, phone: String = "", groups: [TargetGroup] = []) throws -> WorkerRow {
        try clerk.register(WorkerDraft(id: residentID(first17), name: name, phone: phone, groups: groups))
    }

    /// Four workers, registered so that the list (newest first) shows 张伟, 欧阳娜娜,
    /// 阿卜杜拉·艾尼, Mary Smith.
    func registerFour() throws {
        try register("32010519950101002", "Mary Smith", phone: "15012345678")
        try register("32010419771130051", "阿卜杜拉·艾尼")
        try register("32010219850612002", "欧阳娜娜", phone: "13800000021", groups: [.ruralMigrant])
        try register("32010219900307123", "张伟", phone: "13912345678", groups: [.unemployed, .veteran])
    }

    /// `count` workers named `manyName(1)`, `manyName(2)`… with distinct valid IDs, registered
    /// in that order (so the list, newest first, starts with the last one).
    func registerMany(_ count: Int) throws {
        for i in 1...count {
            try register("32010219900101" + String(format: "%03d", i), manyName(i))
        }
    }

    func workerCount() throws -> Int { try clerk.workerCount() }
}

/// Drives an `App` the way the run loop does: each key is handled, then a frame is drawn
/// (drawing runs the screen's deferred query, so later keys see its rows).
final class Driver {
    let app: App
    var width: Int
    var height: Int
    /// The frames drawn just before a deferred job ran (its "working…" frame), oldest first.
    var deferredFrames: [String] = []
    /// The frames drawn while a job ran, each time it reported progress.
    var progressFrames: [String] = []

    init(_ ctx: ScreenContext, root: any Screen, width: Int = 100, height: Int = 30) {
        app = App(ctx: ctx, root: root)
        self.width = width
        self.height = height
        _ = app.render(width: width, height: height)
    }

    func press(_ keys: Key...) {
        for key in keys {
            app.handle(key)
            let frame = app.render(width: width, height: height)
            // As the run loop does: a job announced in this frame runs now, then a frame is drawn.
            var shown = frame
            while app.hasDeferredWork {
                deferredFrames.append(shown.text())
                app.runDeferred(redrawInterval: .zero) { [self] in
                    progressFrames.append(app.render(width: width, height: height).text())
                }
                shown = app.render(width: width, height: height)
            }
        }
    }

    func type(_ text: String) {
        for c in text { press(.char(c)) }
    }

    var canvas: Canvas { app.render(width: width, height: height) }
    var text: String { canvas.text() }
    func row(_ y: Int) -> String { canvas.rowText(y) }
    var lines: [String] { text.components(separatedBy: "\n") }
    var title: String { app.top.title(app.ctx) }
    var messageRow: String { row(height - 2) }
    var footerRow: String { row(height - 1) }
}

/// The display column where `needle` starts on row `y` (wide characters count two columns).
func column(of needle: String, in canvas: Canvas, row y: Int) -> Int? {
    var cols: [(x: Int, text: String)] = []
    for x in 0..<canvas.width where !canvas[x: x, y: y].isContinuation {
        cols.append((x, canvas[x: x, y: y].text))
    }
    let wanted = needle.map(String.init)
    guard !wanted.isEmpty, wanted.count <= cols.count else { return nil }
    for i in 0...(cols.count - wanted.count) where (0..<wanted.count).allSatisfy({ cols[i + $0].text == wanted[$0] }) {
        return cols[i].x
    }
    return nil
}

/// Every cell's text, for checking that nothing dangerous reached the canvas.
func allCellText(_ canvas: Canvas) -> String {
    var s = ""
    for y in 0..<canvas.height { for x in 0..<canvas.width { s += canvas[x: x, y: y].text } }
    return s
}

func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }

/// Names may not hold digits: 工人甲, 工人乙… (up to 30).
func manyName(_ n: Int) -> String {
    "工人" + String(Array("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星")[n - 1])
}
