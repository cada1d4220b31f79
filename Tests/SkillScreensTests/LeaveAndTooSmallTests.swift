import Testing
@testable import SkillScreens
import SkillCore
import TermUI
@testable import SkillDesk

/// Issue 12, defects 1 and 2: leaving asks first (Ctrl-C anywhere, naming unsaved input), and no key
/// acts on a screen hidden behind "terminal too small".
@Suite struct LeaveAndTooSmallTests {
    static let zhangWei = "320102199003071239"

    @Test func ctrlCAsksAnywhereAndAnotherKeyStays() throws {
        let f = try Fixture()
        let ctx = f.context(.zh)
        let d = Driver(ctx, root: HomeScreen(ctx))
        d.press(.char("1"))
        let list = d.title
        #expect(list != "主页")
        d.press(.ctrl("c"))
        #expect(!d.app.isFinished && d.text.contains("退出 SkillDesk？"))
        d.press(.down)                          // any other key stays, and does nothing else
        #expect(!d.app.isFinished && d.title == list && !d.text.contains("退出 SkillDesk？"))
        d.press(.ctrl("c"), .enter)
        #expect(d.app.isFinished)
    }

    @Test func leavingAFormWithUnsavedInputSaysSo() throws {
        let f = try Fixture()
        let ctx = f.context(.zh)
        let d = Driver(ctx, root: WorkerFormScreen(ctx: ctx, editing: nil))
        d.press(.ctrl("c"))
        #expect(d.text.contains("退出 SkillDesk？") && !d.text.contains("未保存"))
        d.press(.char("x"))
        d.type(Self.zhangWei)
        d.press(.ctrl("c"))
        #expect(d.text.contains("表单有未保存的修改"))
        d.press(.escape)
        #expect(!d.app.isFinished && d.text.contains(Self.zhangWei))
    }

    @Test func noKeyActsWhileTheTerminalIsTooSmall() throws {
        let f = try Fixture()
        let ctx = f.context(.zh)
        let d = Driver(ctx, root: WorkerFormScreen(ctx: ctx, editing: nil))
        d.type(Self.zhangWei)
        d.press(.tab)
        d.type("张伟")
        let before = try ctx.session!.workerCount()
        d.width = 60; d.height = 15
        #expect(d.text.contains("60×15"))
        d.press(.char("9"), .backspace, .function(2), .function(3), .tab, .enter)
        #expect(try ctx.session!.workerCount() == before, "F2 saved a worker unseen")
        #expect(!d.app.isFinished && d.title == "登记劳动者")
        d.width = 100; d.height = 30
        d.press(.resize)
        #expect(d.row(4) == " 姓名 .............. 张伟", "a key typed while hidden landed: \(d.row(4))")
        // Ctrl-C's question still works while too small, and is said in the notice.
        d.width = 60; d.height = 15
        _ = d.canvas
        d.press(.ctrl("c"))
        let notice = d.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(notice.contains("退出 SkillDesk？") && notice.contains("60×15"), "\(notice)")
        d.press(.enter)
        #expect(d.app.isFinished)
    }
}

/// Issue 12, defect 8: `demo` prints its users and passwords, then the login screen covers them;
/// a demo database's login screen lists them (as created), any other database's does not.
@Suite struct DemoLoginScreenTests {
    @Test func aDemoDatabaseShowsItsUsersOnTheLoginScreen() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let demo = try Desk.initialize(path: dir.file("demo.sqlite"), admin: "admin", password: "admin-demo-1", demo: true)
        let d = Driver(ScreenContext(lang: .en, desk: demo, databaseName: "demo.sqlite"), root: LoginScreen(), width: 80, height: 24)
        #expect(d.text.contains("Demo users (name / password / role, as created):"))
        for a in Demo.accounts {
            #expect(d.lines.contains { $0.contains(a.name) && $0.contains(a.password) && $0.contains(a.role.label(.en)) }, "\(a.name)")
        }
        let f = try Fixture()
        let plain = Driver(f.loggedOut(.en), root: LoginScreen(), width: 80, height: 24)
        #expect(!plain.text.contains("Demo users") && !plain.text.contains("admin-demo-1"))
    }
}
