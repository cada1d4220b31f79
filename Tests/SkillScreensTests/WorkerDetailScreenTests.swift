import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

@Suite struct WorkerDetailScreenTests {
    static let zhangWei = "320102199003071239"

    @Test func detailLiteralScreen() throws {
        let f = try Fixture()
        try f.registerFour()
        let row = try f.clerk.worker(id: Self.zhangWei)
        let d = Driver(f.context(), root: WorkerDetailScreen(row: row, ctx: f.context()))
        let lines = d.lines
        #expect(lines[0].hasPrefix(" SkillDesk · 劳动者详情 · 张伟"))
        #expect(Array(lines[2...15]) == [
            " 身份证号 .......... 320102199003071239",
            " 姓名 .............. 张伟",
            " 性别 / 出生日期 ... 男 / 1990-03-07",
            " 手机号 ............ 13912345678",
            " 户籍地 ............ —",
            " 常住地 ............ —",
            " 求职就业地 ........ —",
            " 就业状态 .......... 其他",
            " 工作单位 .......... —",
            " 单位信用代码 ...... —",
            " 按月领取养老金 .... 否",
            " 参加失业保险 ...... 否",
            " 重点群体 .......... 下岗失业人员、退役军人",
            " 残疾 .............. 无",
        ])
        // Row 16 holds the relative-of label (see WorkerFormScreenTests.everyChineseLabelShowsWhole).
        #expect(Array(lines[17...21]) == [
            " 银行账户 .......... 未登记",
            "",
            " 修改记录",
            "   2025-06-02 10:00  clerk1  登记",
            "",
        ])
        #expect(d.footerRow == " F1 帮助  F3 返回  F2 修改  F6 银行账户  F7 档案  F5 刷新  ↑↓ 滚动")
    }

    @Test func historyShowsAnEditWithTheChangedPhone() throws {
        let f = try Fixture()
        try f.registerFour()
        let row = try f.clerk.worker(id: Self.zhangWei)
        let d = Driver(f.context(), root: WorkerDetailScreen(row: row, ctx: f.context()))
        d.press(.function(2))
        #expect(d.title == "修改劳动者 · 张伟")
        d.press(.tab, .ctrl("u"))
        d.type("13700001111")
        d.press(.function(2))
        #expect(d.title == "劳动者详情 · 张伟")
        #expect(d.messageRow == " 已保存：张伟")
        #expect(d.row(5) == " 手机号 ............ 13700001111")
        #expect(d.row(19) == " 修改记录")
        #expect(d.row(20).hasPrefix("   2025-06-02 10:00  clerk1  修改  "))
        #expect(d.row(20).contains("13912345678 → 13700001111"))
        #expect(d.row(21) == "   2025-06-02 10:00  clerk1  登记")
        #expect(try f.clerk.worker(id: Self.zhangWei).version == 2)
    }

    /// In Chinese the history must name the changed field in Chinese (手机号), as the rest of
    /// the screen does, not by its JSON key ("phone").
    @Test func historyNamesTheFieldInTheUsersLanguage() throws {
        let f = try Fixture()
        try f.registerFour()
        var draft = WorkerDraft(id: Self.zhangWei, name: "张伟", phone: "13700001111", groups: [.unemployed, .veteran])
        draft.employment = .other
        _ = try f.clerk.update(id: Self.zhangWei, with: draft, expectedVersion: 1)
        let row = try f.clerk.worker(id: Self.zhangWei)
        let d = Driver(f.context(), root: WorkerDetailScreen(row: row, ctx: f.context()))
        #expect(d.row(20).contains("手机号：13912345678 → 13700001111") || d.row(20).contains("手机号: 13912345678 → 13700001111"),
                "history line: \(d.row(20))")
    }

    @Test func detailInEnglish() throws {
        let f = try Fixture()
        try f.registerFour()
        let row = try f.clerk.worker(id: "320102198506120026")
        let d = Driver(f.context(.en), root: WorkerDetailScreen(row: row, ctx: f.context(.en)))
        #expect(d.row(0).hasPrefix(" SkillDesk · Worker · 欧阳娜娜"))
        #expect(d.row(4) == " Sex / born ........ F / 1985-06-12")
        #expect(d.row(14) == " Target groups ..... Rural migrant worker")
        #expect(d.row(17) == " Bank account ...... none on record")
        #expect(d.row(19) == " History")
        #expect(d.row(20) == "   2025-06-02 10:00  clerk1  registered")
        #expect(d.footerRow == " F1 Help  F3 Back  F2 Edit  F6 Bank account  F7 Archive  F5 Refresh  ↑↓ Scroll")
    }

    @Test func auditorCannotEditFromTheDetail() throws {
        let f = try Fixture()
        try f.registerFour()
        let auditor = try f.desk.login(name: "audit1", password: "audit1-pass")
        let ctx = ScreenContext(lang: .zh, desk: f.desk, databaseName: "test.sqlite", session: auditor)
        let row = try f.clerk.worker(id: Self.zhangWei)
        let d = Driver(ctx, root: WorkerDetailScreen(row: row, ctx: ctx))
        #expect(!d.footerRow.contains("F2"))
        d.press(.function(2))
        #expect(d.title == "劳动者详情 · 张伟")
        #expect(d.messageRow != "")
    }
}
