import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

@Suite struct WorkerListScreenTests {
    /// The whole 100×30 frame, in Chinese, with names of different widths. The table part is
    /// literal so alignment is proven: IDs start in column 6, names in 25, sex in 40, birth
    /// dates in 45, phones in 56 and groups in 68 on every row.
    @Test func listRendersAlignedLiteralScreenInChinese() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(.zh), root: WorkerListScreen(f.context(.zh)))
        let lines = d.lines
        #expect(lines.count == 30)
        #expect(lines[0] == " SkillDesk · 劳动者" + spaces(51) + "clerk1 (经办人) · test.sqlite")
        #expect(lines[1].hasPrefix(" 查询：" + spaces(41) + "身份证号前缀"))
        #expect(lines[1].hasSuffix(" 4 名劳动者 · 第 1 页"))
        #expect(column(of: "4 名劳动者", in: d.canvas, row: 1) == 79)  // ends one column before the edge
        #expect(Array(lines[2...6]) == [
            " 选项 身份证号           姓名           性别 出生日期   手机号      重点群体",
            " ___  320102199003071239 张伟           男   1990-03-07 139****5678 下岗失业人员、退役军人",
            " ___  320102198506120026 欧阳娜娜       女   1985-06-12 138****0021 农村转移就业劳动者",
            " ___  320104197711300518 阿卜杜拉·艾尼  男   1977-11-30 —           —",
            " ___  320105199501010024 Mary Smith     女   1995-01-01 150****5678 —",
        ])
        for y in 7...26 { #expect(lines[y] == "", "row \(y)") }
        #expect(lines[27] == " 选项：2=修改  5=查看  6=培训档案" + spaces(48) + "输入选项后按 Enter")
        #expect(lines[28] == "")
        #expect(lines[29] == " F1 帮助  F3 退出  F5 刷新  F6 新增  / 查询  ^X 导出  PgDn 下一页  F12 取消")
        // Same columns on every row, measured in display columns (not characters).
        let canvas = d.canvas
        for y in 3...6 {
            #expect(column(of: "3201", in: canvas, row: y) == 6, "ID column, row \(y)")
            #expect(canvas[x: 24, y: y].text == " " && canvas[x: 25, y: y].text != " ", "name column, row \(y)")
            #expect(canvas[x: 45, y: y].text == "1" && canvas[x: 46, y: y].text == "9", "born column, row \(y)")
            #expect(canvas[x: 56, y: y].text != " " && canvas[x: 55, y: y].text == " ", "phone column, row \(y)")
        }
        // The caret waits in the search field.
        #expect(canvas.cursor == CursorPosition(x: 7, y: 1))
    }

    @Test func listRendersInEnglish() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(.en), root: WorkerListScreen(f.context(.en)))
        #expect(d.row(0).hasPrefix(" SkillDesk · Workers"))
        #expect(d.row(0).hasSuffix("clerk1 (Clerk) · test.sqlite"))
        #expect(d.row(1).hasSuffix("4 workers · page 1"))
        #expect(Array(d.lines[2...6]) == [
            " Opt  Resident ID        Name           Sex  Born       Phone       Groups",
            " ___  320102199003071239 张伟           M    1990-03-07 139****5678 Laid-off/unemployed, Veteran",
            " ___  320102198506120026 欧阳娜娜       F    1985-06-12 138****0021 Rural migrant worker",
            " ___  320104197711300518 阿卜杜拉·艾尼  M    1977-11-30 —           —",
            " ___  320105199501010024 Mary Smith     F    1995-01-01 150****5678 —",
        ])
        #expect(d.footerRow.hasPrefix(" F1 Help  F3 Exit  F5 Refresh  F6 New  / Search  ^X Export  PgDn More"))  // see FrameTests.footerNeverCutsAKeyInHalf
    }

    @Test func typingNarrowsTheListAsYouType() throws {
        let f = try Fixture()
        try f.registerFour()
        try f.register("32010219920202001", "张桂兰")
        let d = Driver(f.context(), root: WorkerListScreen(f.context()))
        #expect(d.row(3).contains("张桂兰"))  // five rows before searching
        #expect(d.row(7).contains("Mary Smith"))
        d.type("张")
        #expect(d.row(1).hasPrefix(" 查询：张"))
        #expect(d.row(1).hasSuffix("第 1 页"))
        #expect(d.row(3).contains("张桂兰"))
        #expect(d.row(4).contains("张伟"))
        #expect(d.row(5) == "")
        d.type("伟")
        #expect(d.row(3) == " ___  320102199003071239 张伟           男   1990-03-07 139****5678 下岗失业人员、退役军人")
        #expect(d.row(4) == "")
        // Backspace widens again; an ID prefix narrows by ID.
        d.press(.ctrl("u"))
        d.type("320104")
        #expect(d.row(3).contains("阿卜杜拉·艾尼"))
        #expect(d.row(4) == "")
        d.press(.ctrl("u"))
        d.type("王")
        #expect(d.row(4).contains("没有符合条件的劳动者"))
    }

    @Test func option5AndEnterOpensTheDetail() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(), root: WorkerListScreen(f.context()))
        d.press(.down)           // into the table, first row
        d.press(.down)           // second row: 欧阳娜娜
        d.press(.char("5"))
        #expect(d.row(4).hasPrefix(" _5_  320102198506120026 欧阳娜娜"))
        d.press(.enter)
        #expect(d.title == "劳动者详情 · 欧阳娜娜")
        #expect(d.row(0).hasPrefix(" SkillDesk · 劳动者详情 · 欧阳娜娜"))
        #expect(d.text.contains("320102198506120026"))
        d.press(.function(3))
        #expect(d.title == "劳动者")
        #expect(d.row(4).hasPrefix(" ___  320102198506120026"))  // options were consumed
    }

    @Test func option2AndEnterOpensTheEditForm() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(), root: WorkerListScreen(f.context()))
        d.press(.down, .char("2"), .enter)
        #expect(d.title == "修改劳动者 · 张伟")
        #expect(d.row(2).contains("320102199003071239"))
        #expect(d.row(2).contains("（不可修改）"))
    }

    @Test func enterWithoutOptionsViewsTheSelectedRow() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(), root: WorkerListScreen(f.context()))
        d.press(.enter)          // search → table
        d.press(.down, .down)    // 阿卜杜拉·艾尼
        #expect(d.canvas.cursor == CursorPosition(x: 2, y: 5))
        d.press(.enter)
        #expect(d.title == "劳动者详情 · 阿卜杜拉·艾尼")
    }

    @Test func optionsOnTwoRowsOpenOneAfterTheOther() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(), root: WorkerListScreen(f.context()))
        d.press(.down, .char("5"), .char("5"))
        #expect(d.row(3).hasPrefix(" _5_  320102199003071239"))
        #expect(d.row(4).hasPrefix(" _5_  320102198506120026"))
        #expect(d.row(5).hasPrefix(" ___  320104197711300518"))
        d.press(.enter)
        #expect(d.title == "劳动者详情 · 张伟")
        d.press(.function(3))
        #expect(d.title == "劳动者详情 · 欧阳娜娜")   // the queued one
        d.press(.function(3))
        #expect(d.title == "劳动者")
        #expect(d.app.stack.count == 1)
        #expect(!d.text.contains("_5_"))
    }

    @Test func anInvalidOptionIsRefusedWithAMessage() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(), root: WorkerListScreen(f.context()))
        d.press(.down, .char("7"))
        #expect(d.messageRow == " 选项 7 无效：请用 2（修改）、5（查看）或 6（培训档案）")
        #expect(d.title == "劳动者")
        #expect(d.row(3).hasPrefix(" ___  "))
        // The message goes with the next key.
        d.press(.down)
        #expect(d.messageRow == "")
    }

    @Test func option6OpensTheArchive() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(), root: WorkerListScreen(f.context()))
        d.type("欧阳")
        d.press(.down, .char("6"), .enter)
        #expect(d.title.hasPrefix("培训档案"))
        #expect(d.text.contains("欧阳娜娜"))
    }

    /// Keys typed ahead: "欧阳x" then ⏎ before the screen was drawn is judged on the rows for
    /// "欧阳x" (none), so the focus stays in the search field and ⌫ edits the search.
    @Test func enterTypedAheadIsJudgedOnTheNewRows() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(), root: WorkerListScreen(f.context()))
        d.type("欧阳")
        d.app.handle(.char("x"))
        d.app.handle(.enter)
        d.app.handle(.backspace)
        d.press(.down)
        #expect(d.row(1).hasPrefix(" 查询：欧阳 "))
        #expect(d.row(3).hasPrefix(" ___  320102198506120026"))
    }

    @Test func f12ClearsMarkedOptionsBeforeLeaving() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(), root: WorkerListScreen(f.context()))
        d.press(.down, .char("5"))
        d.press(.function(12))
        #expect(d.row(3).hasPrefix(" ___  "))
        #expect(d.title == "劳动者")
    }

    @Test func pageDownShowsTheNextPage() throws {
        let f = try Fixture()
        try f.registerMany(25)
        let d = Driver(f.context(), root: WorkerListScreen(f.context()))
        // 23 rows fit at 100×30 (rows 3–25), newest first.
        #expect(d.row(3).contains(manyName(25)))
        #expect(d.row(25).contains(manyName(3)))
        #expect(d.row(26) == "")
        #expect(d.row(1).hasSuffix("25 名劳动者 · 第 1 页"))
        d.press(.pageDown)
        #expect(d.row(1).hasSuffix("25 名劳动者 · 第 2 页"))
        #expect(d.row(3).contains(manyName(2)))
        #expect(d.row(4).contains(manyName(1)))
        #expect(d.row(5) == "")
        d.press(.pageDown)       // no more rows: stays
        #expect(d.row(1).hasSuffix("第 2 页"))
        d.press(.pageUp)
        #expect(d.row(1).hasSuffix("第 1 页"))
        #expect(d.row(3).contains(manyName(25)))
    }

    @Test func downArrowAtTheLastRowPagesOn() throws {
        let f = try Fixture()
        try f.registerMany(25)
        let d = Driver(f.context(), root: WorkerListScreen(f.context()))
        d.press(.down)
        for _ in 0..<22 { d.press(.down) }
        #expect(d.row(1).hasSuffix("第 1 页"))
        d.press(.down)
        #expect(d.row(1).hasSuffix("第 2 页"))
        #expect(d.row(3).contains(manyName(2)))
    }

    @Test func resizingChangesThePageSize() throws {
        let f = try Fixture()
        try f.registerMany(30)
        let d = Driver(f.context(), root: WorkerListScreen(f.context()), width: 120, height: 40)
        // 33 rows fit at 120×40: all 30 show, no next page.
        #expect(d.row(3).contains(manyName(30)))
        #expect(d.row(32).contains(manyName(1)))
        #expect(d.row(33) == "")
        d.press(.pageDown)
        #expect(d.row(3).contains(manyName(30)))
        // At 80×24, 17 rows fit (rows 3–19).
        d.width = 80; d.height = 24
        d.press(.resize)
        let small = d.canvas
        #expect(small.width == 80 && small.height == 24)
        #expect(small.rowText(3).contains(manyName(30)))
        #expect(small.rowText(19).contains(manyName(14)))
        #expect(small.rowText(20) == "")
        #expect(small.rowText(21).hasPrefix(" 选项：2=修改  5=查看"))
        #expect(small.rowText(23).hasPrefix(" F1 帮助"))
        d.press(.pageDown)
        #expect(d.row(3).contains(manyName(13)))
        #expect(d.row(15).contains(manyName(1)))
        #expect(d.row(1).hasSuffix("第 2 页"))
        // Every row fits in 80 columns: nothing was cut in half.
        for y in 0..<24 {
            let w = (0..<80).filter { !d.canvas[x: $0, y: y].isContinuation }.map { TextWidth.of(d.canvas[x: $0, y: y].text) }.reduce(0, +)
            #expect(w == 80, "row \(y) is \(w) columns")
        }
    }

    /// After a resize the page label must still describe the rows shown: on 80×24 page 2 shows
    /// rows 18–30; back on 120×40 those same rows are shown (offset 17) but labelled "第 1 页",
    /// while page 1 (工人30…) is not what is on screen.
    @Test func pageLabelAfterResizeDescribesTheRowsShown() throws {
        let f = try Fixture()
        try f.registerMany(30)
        let d = Driver(f.context(), root: WorkerListScreen(f.context()), width: 80, height: 24)
        d.press(.pageDown)
        #expect(d.row(3).contains(manyName(13)))
        d.width = 120; d.height = 40
        d.press(.resize)
        let firstShown = d.row(3)
        let label = d.row(1)
        // Either the list goes back to a page boundary (工人30 first) or the label says page 2.
        #expect(firstShown.contains(manyName(30)) || label.hasSuffix("第 2 页"),
                "shows \(firstShown) labelled \(label)")
    }

    /// The count in the status line must follow a registration made from the list (F6).
    @Test func countFollowsARegistrationMadeFromTheList() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(), root: WorkerListScreen(f.context()))
        #expect(d.row(1).hasSuffix("4 名劳动者 · 第 1 页"))
        d.press(.function(6))
        #expect(d.title == "登记劳动者")
        d.type(residentID("32010219920202001"))
        d.press(.tab)
        d.type("张桂兰")
        d.press(.function(2))
        #expect(d.title == "劳动者详情 · 张桂兰")
        d.press(.function(3))
        #expect(d.title == "劳动者")
        #expect(d.row(3).contains("张桂兰"))          // the rows were re-queried…
        #expect(d.row(1).hasSuffix("5 名劳动者 · 第 1 页"), "status: \(d.row(1))")  // …and so should the count
    }

    @Test func auditorHasNoNewKeyAndF6IsRefused() throws {
        let f = try Fixture()
        try f.registerFour()
        let auditor = try f.desk.login(name: "audit1", password: "audit1-pass")
        let ctx = ScreenContext(lang: .zh, desk: f.desk, databaseName: "test.sqlite", session: auditor)
        let d = Driver(ctx, root: WorkerListScreen(ctx))
        #expect(!d.footerRow.contains("F6"))
        #expect(d.row(0).hasSuffix("audit1 (审计) · test.sqlite"))
        d.press(.function(6))
        #expect(d.messageRow == " 当前角色不能登记劳动者")
        #expect(d.title == "劳动者")
        d.press(.down, .char("2"), .enter)
        #expect(d.title == "劳动者")   // may not edit
        #expect(d.messageRow != "")
    }
}
