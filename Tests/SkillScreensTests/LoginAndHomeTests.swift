import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

@Suite struct LoginAndHomeTests {
    @Test func loginScreenLiteralRows() throws {
        let f = try Fixture()
        let d = Driver(f.loggedOut(), root: LoginScreen())
        #expect(d.row(0) == " SkillDesk · 登录" + spaces(71) + "test.sqlite")
        #expect(d.row(11) == spaces(25) + "输入用户名和密码，按 Enter 登录")
        #expect(d.row(13) == spaces(25) + "用户名 ........")
        #expect(d.row(14) == spaces(25) + "密码 ..........")
        #expect(d.row(16) == spaces(25) + "数据库：test.sqlite")
        #expect(d.footerRow == " F1 帮助  F3 退出  Tab 下一项  Enter 登录")
        #expect(d.canvas.cursor == CursorPosition(x: 41, y: 13))
    }

    @Test func wrongPasswordKeepsTheUserOnTheLoginScreen() throws {
        let f = try Fixture()
        let d = Driver(f.loggedOut(), root: LoginScreen())
        d.type("clerk1")
        d.press(.enter)                        // to the password
        d.type("wrong-pass")
        #expect(d.row(14) == spaces(25) + "密码 .......... ••••••••••")
        #expect(!d.text.contains("wrong-pass"))
        d.press(.enter)
        #expect(d.title == "登录")
        #expect(d.messageRow == " 用户名或密码错误")
        #expect(d.app.ctx.session == nil)
        #expect(d.row(13) == spaces(25) + "用户名 ........ clerk1")
        #expect(d.row(14) == spaces(25) + "密码 ..........")      // cleared for the next try
        #expect(d.canvas.cursor == CursorPosition(x: 41, y: 14))
        d.type("clerk1-pass")
        d.press(.enter)
        #expect(d.title == "主页")
        #expect(d.app.ctx.session?.user == "clerk1")
        #expect(d.app.stack.count == 1)
    }

    @Test func emptyLoginAsksForBoth() throws {
        let f = try Fixture()
        let d = Driver(f.loggedOut(), root: LoginScreen())
        d.press(.enter)
        #expect(d.messageRow == " 请输入用户名和密码")
        #expect(d.title == "登录")
    }

    @Test func clerkHomeOffersFindAndRegister() throws {
        let f = try Fixture()
        let d = Driver(f.loggedOut(), root: LoginScreen())
        d.type("clerk1")
        d.press(.tab)
        d.type("clerk1-pass")
        d.press(.enter)
        let lines = d.lines
        #expect(lines[0] == " SkillDesk · 主页" + spaces(38) + "clerk1 (经办人) · nanjing-2019 · test.sqlite")
        #expect(Array(lines[1...17]) == [
            "",
            "  当前用户 ........ clerk1 (经办人)",
            "  数据库 .......... test.sqlite",
            "  政策方案 ........ nanjing-2019 南京市职业技能提升行动实施方案（2019—2021年）",
            "  业务日期 ........ 2025-06-02",
            "  劳动者 .......... 0",
            "  我的申请 ........ 草稿 0 个，退回 0 个",
            "",
            "     1. 劳动者查询",
            "     2. 登记劳动者",
            "     3. 职业目录",
            "     4. 培训机构",
            "     5. 培训班",
            "     6. 我的申请",
            "     7. 公示名单",
            "     8. 收款单位账户",
            "     9. 注销",
        ])
        #expect(lines[18] == "     0. 退出")
        #expect(lines[29] == " F1 帮助  F3 退出  ↑↓  Enter 打开")
        #expect(!d.text.contains("校验审计链"))
        #expect(d.canvas[x: 5, y: 9].style.reverse)  // the first entry is selected
        d.press(.down, .enter)
        #expect(d.title == "登记劳动者")
    }

    @Test func auditorHomeOffersFindAndVerifyButNotRegister() throws {
        let f = try Fixture()
        let d = Driver(f.loggedOut(), root: LoginScreen(user: "audit1"))
        #expect(d.row(13) == spaces(25) + "用户名 ........ audit1")
        d.type("audit1-pass")
        d.press(.enter)
        #expect(d.title == "主页")
        #expect(d.row(0).hasSuffix("audit1 (审计) · nanjing-2019 · test.sqlite"))
        #expect(Array(d.lines[8...23]) == [
            "     1. 劳动者查询",
            "     2. 职业目录",
            "     3. 培训机构",
            "     4. 培训班",
            "     5. 校验审计链",
            "     6. 公示名单",
            "     7. 全部申请",
            "     8. 审计记录",
            "     9. 资金使用公开",
            "     0. 目标进度",
            "     a. 机构绩效",
            "     b. 统计报表",
            "     c. 异常线索",
            "     d. 已报送报表",
            "     e. 注销",
            "     f. 退出",
        ])
        #expect(!d.text.contains("登记劳动者"))
        d.press(.char("5"))
        #expect(d.messageRow.hasPrefix(" 审计链完整：共 "))
        #expect(d.canvas[x: 1, y: 28].style.color == .green)
        d.press(.char("1"))
        #expect(d.title == "劳动者")
    }

    @Test func logoutReturnsToLoginWithTheUserFilledIn() throws {
        let f = try Fixture()
        let d = Driver(f.context(), root: HomeScreen(f.context()))
        d.press(.char("9"))
        #expect(d.title == "登录")
        #expect(d.app.ctx.session == nil)
        #expect(d.row(13) == spaces(25) + "用户名 ........ clerk1")
        #expect(d.row(0) == " SkillDesk · 登录" + spaces(71) + "test.sqlite")
    }

    /// Issue 12: leaving asks first. 0 (Exit) or F3 on the home screen opens the question; Enter or
    /// F3 again leaves; any other key stays on the home screen.
    @Test func exitAndF3AskThenFinish() throws {
        let f = try Fixture()
        let d = Driver(f.context(), root: HomeScreen(f.context()))
        d.press(.char("0"))
        #expect(!d.app.isFinished)
        #expect(d.text.contains("退出 SkillDesk？"))
        d.press(.enter)
        #expect(d.app.isFinished)
        let e = Driver(f.context(), root: HomeScreen(f.context()))
        e.press(.function(3))
        #expect(!e.app.isFinished)
        e.press(.function(3))
        #expect(e.app.isFinished)
        let g = Driver(f.context(), root: HomeScreen(f.context()))
        g.press(.function(3), .char("x"))
        #expect(!g.app.isFinished)
        #expect(g.title == "主页" && !g.text.contains("退出 SkillDesk？"))
        #expect(g.messageRow.contains("未退出"))
    }
}

@Suite struct FrameTests {
    @Test func tooSmallScreenAt79x24() throws {
        let f = try Fixture()
        let app = App(ctx: f.context(), root: HomeScreen(f.context()))
        let lines = app.render(width: 79, height: 24).text().components(separatedBy: "\n")
        #expect(lines.count == 24)
        for (y, line) in lines.enumerated() {
            if y == 11 {
                #expect(line == spaces(14) + "终端太小：至少需要 80×24，当前 79×24。请放大窗口。")
            } else {
                #expect(line == "", "row \(y)")
            }
        }
        #expect(app.render(width: 80, height: 23).rowText(11) == spaces(15) + "终端太小：至少需要 80×24，当前 80×23。请放大窗口。")
        let en = App(ctx: f.context(.en), root: HomeScreen(f.context(.en)))
        #expect(en.render(width: 79, height: 24).text().contains("Terminal too small: at least 80×24 is needed, this is 79×24."))
    }

    @Test func normalFrameAt80x24() throws {
        let f = try Fixture()
        let app = App(ctx: f.context(), root: HomeScreen(f.context()))
        let canvas = app.render(width: 80, height: 24)
        #expect(canvas.rowText(0) == " SkillDesk · 主页" + spaces(33) + "clerk1 (经办人) · test.sqlite")
        #expect(canvas.rowText(8) == "     1. 劳动者查询")
        #expect(canvas.rowText(22) == "")
        #expect(canvas.rowText(23) == " F1 帮助  F3 退出  ↑↓  Enter 打开")
        // The title bar is reverse video across the whole width.
        #expect((0..<80).allSatisfy { canvas[x: $0, y: 0].style.reverse })
    }

    @Test func titleBarShowsUserRoleAndDatabaseInEnglish() throws {
        let f = try Fixture()
        let d = Driver(f.context(.en), root: HomeScreen(f.context(.en)))
        #expect(d.row(0) == " SkillDesk · Home" + spaces(54) + "clerk1 (Clerk) · test.sqlite")
        #expect(d.footerRow == " F1 Help  F3 Exit  ↑↓  Enter Open")
    }

    @Test func f1ShowsHelpAndTheNextKeyClosesIt() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(), root: WorkerListScreen(f.context()))
        d.press(.function(1))
        let text = d.text
        #expect(text.contains("┌─ 帮助 "))
        #expect(text.contains("[ 关闭 ]"))
        #expect(text.contains("输入即查询"))
        #expect(d.canvas.cursor == nil)
        d.press(.enter)                         // closes the help, is not passed to the list
        #expect(!d.text.contains("[ 关闭 ]"))
        #expect(d.title == "劳动者")
        #expect(d.canvas.cursor == CursorPosition(x: 7, y: 1))
    }

    /// Every screen at every size from 80×24 to 120×40 (and some too small): no crash, and
    /// every row covers exactly the width (no half of a wide character left behind).
    @Test func everyScreenAtManySizes() throws {
        let f = try Fixture()
        try f.registerFour()
        let ctx = f.context()
        let row = try f.clerk.worker(id: "320104197711300518")
        let screens: [any Screen] = [
            LoginScreen(), HomeScreen(ctx), WorkerListScreen(ctx), WorkerFormScreen(ctx: ctx, editing: nil),
            WorkerFormScreen(ctx: ctx, editing: row), WorkerDetailScreen(row: row, ctx: ctx),
        ]
        for screen in screens {
            let app = App(ctx: ctx, root: screen)
            for (w, h) in [(120, 40), (80, 24), (100, 30), (81, 25), (79, 24), (80, 23), (20, 5), (1, 1), (0, 0), (200, 60)] {
                let canvas = app.render(width: w, height: h)
                for y in 0..<canvas.height {
                    var cols = 0
                    for x in 0..<canvas.width where !canvas[x: x, y: y].isContinuation {
                        cols += max(1, TextWidth.of(canvas[x: x, y: y].text))
                    }
                    #expect(cols == canvas.width, "\(type(of: screen)) at \(w)×\(h), row \(y)")
                }
            }
        }
    }

    /// The footer may run out of room, but it must then leave out whole keys: a label cut in
    /// half ("F12 Cance") or a key without its label misleads the clerk.
    @Test(arguments: [Lang.zh, .en], [80, 100])
    func footerNeverCutsAKeyInHalf(lang: Lang, width: Int) throws {
        let f = try Fixture()
        try f.registerFour()
        let ctx = f.context(lang)
        let row = try f.clerk.worker(id: "320104197711300518")
        let screens: [any Screen] = [
            LoginScreen(), HomeScreen(ctx), WorkerListScreen(ctx), WorkerFormScreen(ctx: ctx, editing: nil),
            WorkerDetailScreen(row: row, ctx: ctx),
        ]
        for screen in screens {
            let app = App(ctx: ctx, root: screen)
            let footer = app.render(width: width, height: 30).rowText(29)
            let items = ([(key: "F1", label: ctx.lang[.keyHelp])] + screen.footer(ctx))
                .map { $0.label.isEmpty ? $0.key : "\($0.key) \($0.label)" }
            // Whole keys only; when some are left out the footer ends with "…" (issue 12).
            let whole = [" …"] + (1...items.count).map { n in " " + items.prefix(n).joined(separator: "  ") + (n < items.count ? "  …" : "") }
            #expect(whole.contains(footer), "\(type(of: screen)) \(lang) at \(width) columns: \(footer)")
        }
    }
}
