import Foundation
import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

/// Three occupations and two institutions (one suspended), added through the use cases as the
/// administrator, in force from 2025-01-01 (the fixed clock says 2025-06-02).
func seedCatalogue(_ f: Fixture) throws {
    let admin = try f.desk.login(name: "admin", password: "admin-pass-1")
    let from = CalendarDate(year: 2025, month: 1, day: 1)!
    func occupation(_ code: String, _ name: String, _ flags: String, tier: Int? = nil, _ levels: [String]) throws {
        var d = OccupationDraft()
        d.code = code; d.name = name; d.tier = tier; d.from = from
        d.subsidised = flags.contains("s"); d.shortage = flags.contains("k"); d.accessControlled = flags.contains("a")
        d.levels = try levels.map { try LevelStandard.parse($0).get() }
        _ = try admin.addOccupation(d)
    }
    try occupation("6-31-01-03", "电工", "ska", tier: 1, ["L5:100000:80", "L4:150000:120"])
    try occupation("4-10-01-02", "育婴员", "s", ["L5:80000:60"])
    try occupation("6-18-01-01", "车工（含数控车工）", "sk", tier: 1, ["L4:180000:160", "L3:240000:200"])
    func institution(_ first17: String, _ name: String, _ kind: InstitutionKind, _ grade: String, _ scopes: [String]) throws -> String {
        var d = InstitutionDraft()
        d.code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        d.name = name; d.kind = kind.rawValue; d.grade = grade; d.catalogue = true; d.mayTrain = scopes
        return try admin.addInstitution(d).code
    }
    _ = try institution("12320100466001234", "南京技师学院", .technicalSchool, "A",
                        ["6-31-01-03:L5", "6-31-01-03:L4", "6-18-01-01:L4"])
    let yihe = try institution("52320106MJ5532190", "南京颐和家政培训学校", .privateSchool, "C", ["4-10-01-02:L5"])
    _ = try admin.suspendInstitution(code: yihe, reason: "培训台账与签到记录不符")
}

func login(_ f: Fixture, _ name: String, _ password: String, _ lang: Lang = .zh) throws -> ScreenContext {
    ScreenContext(lang: lang, desk: f.desk, databaseName: "test.sqlite",
                  session: try f.desk.login(name: name, password: password))
}

@Suite struct OccupationScreenTests {
    /// The whole 100×30 frame in Chinese. Literal, so alignment is proven: codes start in
    /// column 6, names in 17, the ✓ columns in 36/41/46, periods in 51 and levels in 73 on every
    /// row, whatever the width of the name. At 100 columns two levels are clipped with "…".
    @Test func listRendersAlignedLiteralScreenInChinese() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = Driver(f.context(), root: OccupationListScreen(f.context()))
        let lines = d.lines
        #expect(lines.count == 30)
        #expect(lines[0] == " SkillDesk · 职业目录" + spaces(49) + "clerk1 (经办人) · test.sqlite")
        #expect(lines[1] == " 查询：" + spaces(41) + "职业代码前缀或名称任意部分" + spaces(4) + "3 个职业 · 2025-06-02")
        #expect(Array(lines[2...5]) == [
            " 选项 代码       职业（工种）       补贴 紧缺 准入 有效期                等级：补贴标准/学时",
            " ___  4-10-01-02 育婴员             ✓              2025-01-01–           L5 ¥800.00/60h",
            " ___  6-18-01-01 车工（含数控车工） ✓    ✓         2025-01-01–           L4 ¥1,800.00/160h · L3 ¥2…",
            " ___  6-31-01-03 电工               ✓    ✓    ✓    2025-01-01–           L5 ¥1,000.00/80h · L4 ¥1,…",
        ])
        for y in 6...26 { #expect(lines[y] == "", "row \(y)") }
        #expect(lines[27] == " 选项：5=查看" + spaces(68) + "输入选项后按 Enter")
        #expect(lines[29] == " F1 帮助  F3 返回  F5 刷新  / 查询  Tab 日期  Enter 打开  F12 取消")
        let canvas = d.canvas
        for y in 3...5 {
            #expect(column(of: "-", in: canvas, row: y) == 7, "code column, row \(y)")
            #expect(canvas[x: 16, y: y].text == " " && canvas[x: 17, y: y].text != " ", "name column, row \(y)")
            #expect(canvas[x: 36, y: y].text == "✓", "subsidised column, row \(y)")
            #expect(column(of: "2025-01-01", in: canvas, row: y) == 51, "period column, row \(y)")
            #expect(column(of: "L", in: canvas, row: y) == 73, "levels column, row \(y)")
        }
        #expect(canvas.cursor == CursorPosition(x: 7, y: 1))
    }

    @Test func wideTerminalShowsEveryLevel() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = Driver(f.context(), root: OccupationListScreen(f.context()), width: 200, height: 60)
        #expect(d.row(5).hasSuffix("2025-01-01–           L5 ¥1,000.00/80h · L4 ¥1,500.00/120h"))
        #expect(d.row(4).hasSuffix("L4 ¥1,800.00/160h · L3 ¥2,400.00/200h"))
        #expect(d.row(59).hasPrefix(" F1 帮助  F3 返回"))
    }

    @Test func listRendersInEnglish() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = Driver(f.context(.en), root: OccupationListScreen(f.context(.en)))
        #expect(d.row(0).hasPrefix(" SkillDesk · Occupation catalogue"))
        #expect(d.row(1).hasSuffix("3 occupations · as of 2025-06-02"))
        #expect(d.row(2) == " Opt  Code       Occupation         Subs Shrt Acc  In force              Levels: standard/hours")
        #expect(d.row(3) == " ___  4-10-01-02 育婴员             ✓              2025-01-01–           L5 ¥800.00/60h")
    }

    @Test func typingNarrowsTheListAsYouType() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = Driver(f.context(), root: OccupationListScreen(f.context()))
        d.type("电")
        #expect(d.row(1).hasPrefix(" 查询：电"))
        #expect(d.row(1).hasSuffix("1 个职业 · 2025-06-02"))
        #expect(d.row(3).hasPrefix(" ___  6-31-01-03 电工"))
        #expect(d.row(4) == "")
        d.press(.ctrl("u"))
        #expect(d.row(5).hasPrefix(" ___  6-31-01-03 电工"))  // all three again
        d.type("6-18")
        #expect(d.row(3).hasPrefix(" ___  6-18-01-01 车工（含数控车工）"))
        #expect(d.row(4) == "")
        d.press(.ctrl("u"))
        d.type("数控")  // any part of the name
        #expect(d.row(3).hasPrefix(" ___  6-18-01-01"))
        d.press(.ctrl("u"))
        d.type("01-03")  // a code matches by prefix only
        #expect(d.row(4).contains("没有符合条件的职业"))
        #expect(d.row(1).hasSuffix("0 个职业 · 2025-06-02"))
    }

    @Test func option5AndEnterOpensTheDetailAndF3Returns() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = Driver(f.context(), root: OccupationListScreen(f.context()))
        d.press(.down)   // into the table, first row
        d.press(.down)   // 车工
        d.press(.char("5"))
        #expect(d.row(4).hasPrefix(" _5_  6-18-01-01 车工"))
        d.press(.enter)
        #expect(d.title == "职业 · 6-18-01-01 车工（含数控车工）")
        #expect(Array(d.lines[1...14]) == [
            "",
            " 代码 .............. 6-18-01-01",
            " 名称 .............. 车工（含数控车工）",
            " 补贴性培训目录 .... 是",
            " 紧缺职业 .......... 是",
            " 准入类 ............ 否",
            " 产业层级 .......... 1",
            " 有效期 ............ 2025-01-01 – 长期",
            "",
            " 等级标准",
            "   L4 中级工  补贴标准 ¥1,800.00  标准学时 160",
            "   L3 高级工  补贴标准 ¥2,400.00  标准学时 200",
            "",
            "",
        ])
        #expect(!d.text.contains("修改记录"))  // a clerk may not read the audit trail
        #expect(d.footerRow == " F1 帮助  F3 返回  F5 刷新  ↑↓ 滚动")
        d.press(.function(3))
        #expect(d.title == "职业目录")
        #expect(d.row(4).hasPrefix(" ___  6-18-01-01"))  // the option was consumed
    }

    @Test func enterOnASearchResultOpensIt() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = Driver(f.context(), root: OccupationListScreen(f.context()))
        d.type("育婴")
        d.press(.enter)  // search → table
        #expect(d.canvas.cursor == CursorPosition(x: 2, y: 3))
        d.press(.enter)
        #expect(d.title == "职业 · 4-10-01-02 育婴员")
        #expect(d.row(11) == "   L5 初级工  补贴标准 ¥800.00  标准学时 60")
    }

    @Test func auditorSeesTheHistoryOfTheEntry() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let ctx = try login(f, "audit1", "audit1-pass")
        let d = Driver(ctx, root: OccupationListScreen(ctx))
        d.type("电工")
        d.press(.enter, .enter)
        #expect(d.title == "职业 · 6-31-01-03 电工")
        #expect(Array(d.lines[11...15]) == [
            "   L5 初级工  补贴标准 ¥1,000.00  标准学时 80",
            "   L4 中级工  补贴标准 ¥1,500.00  标准学时 120",
            "",
            " 修改记录",
            "   2025-06-02 10:00  admin  新增",
        ])
    }

    /// Tab in the search field edits the date at the end of the status line; Enter shows the
    /// catalogue in force on that day and opens its entries.
    @Test func anotherDateShowsTheCatalogueInForceThen() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let admin = try f.desk.login(name: "admin", password: "admin-pass-1")
        var draft = OccupationDraft()
        draft.code = "6-31-01-03"; draft.name = "电工"; draft.subsidised = true; draft.shortage = true
        draft.from = CalendarDate(year: 2024, month: 1, day: 1)!; draft.to = CalendarDate(year: 2024, month: 12, day: 31)!
        draft.levels = [try LevelStandard.parse("L5:90000:80").get()]
        _ = try admin.addOccupation(draft)
        let d = Driver(f.context(), root: OccupationListScreen(f.context()))
        d.press(.tab)
        #expect(d.canvas.cursor == CursorPosition(x: 99, y: 1))  // after the date, at the edge
        d.press(.ctrl("u"))
        d.type("2024-13-01")
        d.press(.enter)
        #expect(d.messageRow == " 日期“2024-13-01”无效：请按 2025-06-02 的格式输入")
        d.press(.ctrl("u"))
        d.type("2024-03-01")
        d.press(.enter)
        #expect(d.messageRow == " 显示 2024-03-01 有效的目录")
        #expect(d.row(1).hasSuffix("1 个职业 · 2024-03-01"))
        #expect(d.row(3) == " ___  6-31-01-03 电工               ✓    ✓         2024-01-01–2024-12-31 L5 ¥900.00/80h")
        #expect(d.row(4) == "")
        d.press(.enter)  // the list has the focus: Enter opens the 2024 entry
        #expect(d.title == "职业 · 6-31-01-03 电工")
        #expect(d.row(8) == " 有效期 ............ 2024-01-01 – 2024-12-31")
        #expect(Array(d.lines[11...15]) == [
            "   L5 初级工  补贴标准 ¥900.00  标准学时 80",
            "",
            " 各期目录",
            "   2024-01-01–2024-12-31  电工  L5 ¥900.00/80h",
            "   2025-01-01–  电工  L5 ¥1,000.00/80h · L4 ¥1,500.00/120h",
        ])
        d.press(.function(3))
        d.press(.up, .tab, .ctrl("u"), .tab)  // an empty date is today again
        #expect(d.row(1).hasSuffix("3 个职业 · 2025-06-02"))
    }

    @Test func onlyOption5IsAccepted() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = Driver(f.context(), root: OccupationListScreen(f.context()))
        d.press(.down, .char("2"))
        #expect(d.messageRow == " 选项 2 无效：请用 5（查看）")
        #expect(d.title == "职业目录")
    }

    @Test func f5RefreshesAndF3Exits() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = Driver(f.context(), root: HomeScreen(f.context()))
        d.press(.char("3"))
        #expect(d.title == "职业目录")
        let admin = try f.desk.login(name: "admin", password: "admin-pass-1")
        var draft = OccupationDraft()
        draft.code = "4-10-01-05"; draft.name = "养老护理员"; draft.subsidised = true
        draft.levels = [try LevelStandard.parse("L5:90000:80").get()]
        _ = try admin.addOccupation(draft)
        #expect(d.row(1).hasSuffix("3 个职业 · 2025-06-02"))
        d.press(.function(5))
        #expect(d.row(1).hasSuffix("4 个职业 · 2025-06-02"))
        #expect(d.row(3).hasPrefix(" ___  4-10-01-02 育婴员"))
        #expect(d.row(4).hasPrefix(" ___  4-10-01-05 养老护理员"))
        d.press(.function(3))
        #expect(d.title == "主页")
    }
}

@Suite struct InstitutionScreenTests {
    /// The whole 100×30 frame in Chinese; a suspended institution's status in yellow.
    @Test func listRendersAlignedLiteralScreenInChinese() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = Driver(f.context(), root: InstitutionListScreen(f.context()))
        let lines = d.lines
        #expect(lines[0] == " SkillDesk · 培训机构" + spaces(49) + "clerk1 (经办人) · test.sqlite")
        #expect(lines[1] == " 查询：" + spaces(41) + "信用代码前缀或名称任意部分" + spaces(17) + "2 家机构")
        #expect(Array(lines[2...4]) == [
            " 选项 代码               机构名称                    类型             信用 目录 状态         可培训",
            " ___  12320100466001234B 南京技师学院                技工院校         A    ✓    正常              3",
            " ___  52320106MJ55321901 南京颐和家政培训学校        民办培训学校     C    ✓    暂停              1",
        ])
        for y in 5...26 { #expect(lines[y] == "", "row \(y)") }
        #expect(lines[27] == " 选项：5=查看" + spaces(68) + "输入选项后按 Enter")
        #expect(lines[29] == " F1 帮助  F3 返回  F5 刷新  / 查询  Enter 打开  F12 取消")
        let canvas = d.canvas
        #expect(column(of: "正常", in: canvas, row: 3) == 80)
        #expect(column(of: "暂停", in: canvas, row: 4) == 80)
        #expect(canvas[x: 80, y: 4].style.color == .yellow)
        #expect(canvas[x: 80, y: 3].style.color == nil)
        for y in 3...4 {
            #expect(column(of: "南京", in: canvas, row: y) == 25, "name column, row \(y)")
            #expect(canvas[x: 52, y: y].text == " " && canvas[x: 53, y: y].text != " ", "kind column, row \(y)")
        }
    }

    @Test func typingNarrowsAndEnterOpensTheDetail() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = Driver(f.context(), root: InstitutionListScreen(f.context()))
        d.type("颐和")
        #expect(d.row(1).hasSuffix("1 家机构"))
        #expect(d.row(3).hasPrefix(" ___  52320106MJ55321901 南京颐和家政培训学校"))
        #expect(d.row(4) == "")
        d.press(.ctrl("u"))
        d.type("1232")
        #expect(d.row(3).hasPrefix(" ___  12320100466001234B 南京技师学院"))
        #expect(d.row(4) == "")
        d.press(.ctrl("u"))
        d.type("上海")
        #expect(d.row(4).contains("没有符合条件的培训机构"))
        d.press(.ctrl("u"))
        d.press(.down, .down, .char("5"), .enter)
        #expect(d.title == "培训机构 · 南京颐和家政培训学校")
        #expect(Array(d.lines[1...14]) == [
            "",
            " 代码 .............. 52320106MJ55321901",
            " 名称 .............. 南京颐和家政培训学校",
            " 机构类型 .......... 民办培训学校",
            " 信用等级 .......... C",
            " 列入目录 .......... 是",
            " 状态 .............. 暂停",
            " 状态原因 .......... 培训台账与签到记录不符",
            " 状态日期 .......... 2025-06-02",
            "",
            " 可培训职业及等级",
            "   4-10-01-02  育婴员  初级工",
            "",
            "",
        ])
        #expect(d.canvas[x: 21, y: 7].style.color == .yellow)
        d.press(.function(3))
        #expect(d.title == "培训机构")
        #expect(d.row(4).hasPrefix(" ___  52320106MJ55321901"))
    }

    @Test func activeInstitutionDetailListsWhatItMayTrain() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let ctx = try login(f, "admin", "admin-pass-1")
        let d = Driver(ctx, root: InstitutionListScreen(ctx))
        d.press(.enter, .enter)
        #expect(d.title == "培训机构 · 南京技师学院")
        #expect(Array(d.lines[7...17]) == [
            " 状态 .............. 正常",
            "",
            " 可培训职业及等级",
            "   6-18-01-01  车工（含数控车工）  中级工",
            "   6-31-01-03  电工  初级工",
            "   6-31-01-03  电工  中级工",
            "",
            " 修改记录",  // the administrator may read the audit trail
            "   2025-06-02 10:00  admin  新增",
            "",
            "",
        ])
    }

    /// The administrator suspends (reason required), reinstates (confirmed) and disqualifies
    /// (reason, then a confirmation) from the detail screen; each change is stored and audited.
    @Test func administratorChangesTheStandingFromTheDetail() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let ctx = try login(f, "admin", "admin-pass-1")
        let d = Driver(ctx, root: InstitutionListScreen(ctx))
        d.press(.enter, .enter)
        #expect(d.title == "培训机构 · 南京技师学院")
        #expect(d.footerRow.contains("F8 暂停") && d.footerRow.contains("F9 取消资格"))
        let code = try f.clerk.institutions().first { $0.name == "南京技师学院" }!.code

        d.press(.function(8))
        #expect(d.text.contains("暂停 南京技师学院：原因"))
        d.press(.enter)                                   // empty: refused, the box stays
        #expect(d.text.contains("须填写原因"))
        d.press(.function(12))                            // cancel: nothing happens
        #expect(try f.clerk.institution(code: code).status.rawValue == "active")

        d.press(.function(8))
        d.type("  台账不符  ")
        d.press(.enter)
        #expect(d.messageRow.contains("南京技师学院 现为“暂停”"))
        var row = try f.clerk.institution(code: code)
        #expect(row.status.rawValue == "suspended" && row.statusReason == "台账不符")
        #expect(d.footerRow.contains("F8 恢复"))

        d.press(.function(8))                             // reinstate asks first
        #expect(d.text.contains("恢复？"))
        d.press(.right, .enter)                           // [取消]
        #expect(try f.clerk.institution(code: code).status.rawValue == "suspended")
        d.press(.function(8), .enter)
        #expect(try f.clerk.institution(code: code).status.rawValue == "active")

        d.press(.function(9))
        d.type("伪造签到")
        d.press(.enter)
        #expect(d.text.contains("不能恢复"))              // the confirmation says it is final
        d.press(.enter)
        row = try f.clerk.institution(code: code)
        #expect(row.status.rawValue == "disqualified" && row.statusReason == "伪造签到")
        #expect(!d.footerRow.contains("F8") && !d.footerRow.contains("F9"))
        d.press(.function(8))                             // nothing more to do
        #expect(try f.clerk.institution(code: code).status.rawValue == "disqualified")
        let actions = try f.desk.login(name: "admin", password: "admin-pass-1").auditEntries(entity: "institution", key: code).map(\.action)
        #expect(actions == ["institution.create", "institution.suspend", "institution.reinstate", "institution.disqualify"])
    }

    @Test func clerkMayNotChangeTheStanding() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = Driver(f.context(), root: InstitutionListScreen(f.context()))
        d.press(.enter, .enter)
        #expect(!d.footerRow.contains("F8"))
        d.press(.function(8))
        #expect(d.messageRow.contains("权限") || d.messageRow.contains("不能"), "message: \(d.messageRow)")
        #expect(try f.clerk.institutions().allSatisfy { $0.name != "南京技师学院" || $0.status.rawValue == "active" })
    }

    @Test func helpSaysTheScreenIsReadOnly() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = Driver(f.context(), root: InstitutionListScreen(f.context()))
        d.press(.function(1))
        #expect(d.text.contains("只读"))
        #expect(d.text.contains("命令行"))
        let e = Driver(f.context(.en), root: InstitutionListScreen(f.context(.en)))
        e.press(.function(1))
        #expect(e.text.contains("read-only"))
    }
}

@Suite struct CatalogueMenuAndSizeTests {
    /// Every role may read the catalogue, so every role's menu has both entries.
    @Test func homeMenuOffersTheCatalogueToEveryRole() throws {
        let f = try Fixture()
        let admin = try f.desk.login(name: "admin", password: "admin-pass-1")
        try admin.addUser(name: "sup1", roles: [.supervisor], password: "sup1-pass-1")
        try admin.addUser(name: "fin1", roles: [.finance], password: "fin1-pass-1")
        let expected: [(String, String, [String])] = [
            ("admin", "admin-pass-1", ["劳动者查询", "职业目录", "培训机构", "培训班", "资金账户", "校验审计链", "公示名单", "工作日历", "审计记录", "资金使用公开", "目标进度", "机构绩效", "统计报表", "已报送报表", "注销", "退出"]),
            ("clerk1", "clerk1-pass", ["劳动者查询", "登记劳动者", "职业目录", "培训机构", "培训班", "我的申请", "公示名单", "收款单位账户", "注销", "退出"]),
            ("sup1", "sup1-pass-1", ["劳动者查询", "职业目录", "培训机构", "培训班", "待审核", "公示名单", "资金使用公开", "目标进度", "机构绩效", "统计报表", "异常线索", "已报送报表", "注销", "退出"]),
            ("fin1", "fin1-pass-1", ["劳动者查询", "职业目录", "培训机构", "培训班", "待支付", "付款批次", "资金账户", "公示名单", "资金使用公开", "目标进度", "机构绩效", "统计报表", "已报送报表", "注销", "退出"]),
            ("audit1", "audit1-pass", ["劳动者查询", "职业目录", "培训机构", "培训班", "校验审计链", "公示名单", "全部申请", "审计记录", "资金使用公开", "目标进度", "机构绩效", "统计报表", "异常线索", "已报送报表", "注销", "退出"]),
        ]
        for (user, password, items) in expected {
            let ctx = try login(f, user, password)
            let d = Driver(ctx, root: HomeScreen(ctx))
            // 1–9, 0, then a, b, … (HomeScreen.index(ofKey:)).
            let menu = items.enumerated().map { i, item in
                let key = i < 9 ? "\(i + 1)" : (i == 9 ? "0" : String(UnicodeScalar(UInt8(97 + i - 10))))
                return "     \(key). \(item)"
            }
            // The claim lines above the menu differ by role: the menu starts at its first entry.
            let first = try #require(d.lines.firstIndex(of: menu[0]), "\(user)")
            #expect(Array(d.lines[first..<(first + items.count)]) == menu, "\(user)")
            let occ = items.firstIndex(of: "职业目录")! + 1
            d.press(.char(Character(String(occ))))
            #expect(d.title == "职业目录", "\(user)")
            d.press(.function(3))
            d.press(.char(Character(String(occ + 1))))
            #expect(d.title == "培训机构", "\(user)")
            d.press(.function(3))
            #expect(d.title == "主页", "\(user)")
            if items.count == 10 {
                // 0 chooses the tenth entry (退出 here: the program ends).
                #expect(!d.app.isFinished)
                d.press(.char("0"))
                #expect(!d.app.isFinished, "\(user): leaving asks first")
                d.press(.enter)
                #expect(d.app.isFinished, "\(user)")
            }
        }
        let en = try login(f, "clerk1", "clerk1-pass", .en)
        let e = Driver(en, root: HomeScreen(en))
        #expect(e.text.contains("3. Occupation catalogue"))
        #expect(e.text.contains("4. Training institutions"))
    }

    /// Every catalogue screen at the smallest and a large size, both languages: no crash, a
    /// frame with title and footer, and no wide character cut in half at the right edge.
    @Test func noCrashAt80x24And200x60() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        for lang in [Lang.zh, .en] {
            let ctx = try login(f, "admin", "admin-pass-1", lang)
            for (w, h) in [(80, 24), (200, 60)] {
                for root in [OccupationListScreen(ctx) as any Screen, InstitutionListScreen(ctx)] {
                    let d = Driver(ctx, root: root, width: w, height: h)
                    #expect(d.lines.count == h)
                    #expect(d.row(h - 1).hasPrefix(" F1 "))
                    d.press(.down, .enter)  // open the first row's detail
                    #expect(d.app.stack.count == 2)
                    #expect(d.lines.count == h)
                    #expect(d.row(h - 1).hasPrefix(" F1 "))
                    d.press(.down, .down, .down, .up)  // scroll
                    d.press(.function(3))
                    #expect(d.app.stack.count == 1)
                    d.type("南京")
                    _ = d.canvas
                    for y in 0..<h { #expect(TextWidth.of(d.row(y)) <= w, "\(w)×\(h) row \(y)") }
                }
            }
        }
    }
}
