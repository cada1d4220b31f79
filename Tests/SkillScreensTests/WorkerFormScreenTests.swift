import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

@Suite struct WorkerFormScreenTests {
    static let zhangWei = "320102199003071239"

    /// The new-worker form at 100×30 after typing a valid ID, Tab, and a name.
    @Test func newWorkerFormLiteralScreen() throws {
        let f = try Fixture()
        let d = Driver(f.context(.zh), root: WorkerFormScreen(ctx: f.context(.zh), editing: nil))
        d.type(Self.zhangWei)
        d.press(.tab)
        d.type("张伟")
        let lines = d.lines
        #expect(lines[0] == " SkillDesk · 登记劳动者" + spaces(47) + "clerk1 (经办人) · test.sqlite")
        #expect(lines[1] == "")
        #expect(Array(lines[2...16]) == [
            " 身份证号 .......... 320102199003071239       ✓ 有效",
            " 性别 / 出生日期 ... 男 / 1990-03-07 （由身份证号得出）",
            " 姓名 .............. 张伟",
            " 手机号 ............",
            " 户籍地 ............",
            " 农村户籍 .......... [ ] 农村户籍",
            " 常住地 ............",
            " 求职就业地 ........",
            " 就业状态 .......... 其他" + spaces(21) + "（F4 选择）",
            " 工作单位 ..........",
            " 单位信用代码 ......",
            " 按月领取养老金 .... [ ] 是",
            " 参加失业保险 ...... [ ] 是",
            " 重点群体 .......... —",
            " 残疾 .............. 无" + spaces(23) + "（F4 选择）",
        ])
        // Row 17 holds the relative-of label (see everyChineseLabelShowsWhole).
        for y in 18...28 { #expect(lines[y] == "", "row \(y)") }
        #expect(lines[29] == " F1 帮助  F2 保存  F3 返回  F4 列表  Tab 下一项  Space 勾选  F12 取消")
        // Every field starts in column 21, whatever the width of its label.
        for y in 2...17 where y != 3 {
            #expect(d.canvas[x: 20, y: y].text == " ", "row \(y)")
        }
        // The caret is after 张伟 (two wide characters) in the name field.
        #expect(d.canvas.cursor == CursorPosition(x: 25, y: 4))
    }

    /// A label must not be cut: the Chinese "relative of" label is 24 columns wide but the
    /// form gives labels 20, so it shows as "直系亲属（本人为其…".
    @Test func everyChineseLabelShowsWhole() throws {
        let f = try Fixture()
        let d = Driver(f.context(.zh), root: WorkerFormScreen(ctx: f.context(.zh), editing: nil))
        #expect(d.text.contains(WorkerText.label(.relativeOf, .zh)), "row 16: \(d.row(16))")
        #expect(!d.text.contains("…"))
    }

    @Test func wrongCheckCharacterNamesTheExpectedOne() throws {
        let f = try Fixture()
        let d = Driver(f.context(.zh), root: WorkerFormScreen(ctx: f.context(.zh), editing: nil))
        d.type("32010219900307123")
        #expect(d.row(2) == " 身份证号 .......... 32010219900307123")   // no nagging while typing
        #expect(d.row(3) == " 性别 / 出生日期 ... —")
        d.type("4")
        #expect(d.row(2) == " 身份证号 .......... 320102199003071234       校验码应为 9，而不是 4")
        #expect(d.row(3) == " 性别 / 出生日期 ... —")
        d.press(.backspace)
        d.type("9")
        #expect(d.row(2).hasSuffix("✓ 有效"))
        #expect(d.row(3) == " 性别 / 出生日期 ... 男 / 1990-03-07 （由身份证号得出）")
    }

    @Test func wrongCheckCharacterInEnglish() throws {
        let f = try Fixture()
        let d = Driver(f.context(.en), root: WorkerFormScreen(ctx: f.context(.en), editing: nil))
        d.type("32010219850612002x")   // lower-case x is taken as X
        #expect(d.row(2) == " Resident ID ....... 32010219850612002X       check character should be 6, not X")
        d.press(.backspace)
        d.type("6")
        #expect(d.row(2) == " Resident ID ....... 320102198506120026       ✓ valid")
        #expect(d.row(3) == " Sex / born ........ F / 1985-06-12 (from the ID)")
        #expect(d.row(0).hasPrefix(" SkillDesk · New worker"))
        #expect(d.footerRow == " F1 Help  F2 Save  F3 Back  F4 List  Tab Next field  Space Toggle  F12 Cancel")
    }

    @Test func saveWithInvalidFieldsStoresNothingAndMarksThem() throws {
        let f = try Fixture()
        let d = Driver(f.context(), root: HomeScreen(f.context()))
        d.press(.char("2"))
        #expect(d.title == "登记劳动者")
        d.type("320102199003071234")
        d.press(.tab)
        d.press(.function(2))
        #expect(try f.workerCount() == 0)
        #expect(d.title == "登记劳动者")
        #expect(d.messageRow == " 有字段不正确，未保存；请按提示修改")
        #expect(d.row(2).hasSuffix("校验码应为 9，而不是 4"))
        #expect(d.row(4) == " 姓名 .............." + spaces(26) + "请填写姓名")
        // Fixing both saves.
        d.press(.backTab)
        d.press(.backspace)
        d.type("9")
        d.press(.tab)
        d.type("张伟")
        d.press(.function(2))
        #expect(try f.workerCount() == 1)
    }

    @Test func validSaveRegistersAndShowsTheDetail() throws {
        let f = try Fixture()
        let d = Driver(f.context(), root: HomeScreen(f.context()))
        d.press(.char("2"))
        d.type(Self.zhangWei)
        d.press(.tab)
        d.type("张伟")
        d.press(.tab)
        d.type("13912345678")
        d.press(.function(2))
        #expect(try f.workerCount() == 1)
        #expect(d.title == "劳动者详情 · 张伟")
        #expect(d.messageRow == " 已登记：320102199003071239 张伟")
        #expect(d.app.stack.count == 2)            // home, detail: the form is gone
        #expect(d.row(2) == " 身份证号 .......... 320102199003071239")
        #expect(d.row(5) == " 手机号 ............ 13912345678")
        let stored = try f.clerk.worker(id: Self.zhangWei)
        #expect(stored.name == "张伟")
        #expect(stored.phone == "13912345678")
        d.press(.function(3))
        #expect(d.title == "主页")
        #expect(d.text.contains("劳动者 .......... 1"))  // home's count was refreshed
    }

    @Test func ctrlSSavesToo() throws {
        let f = try Fixture()
        let d = Driver(f.context(), root: HomeScreen(f.context()))
        d.press(.char("2"))
        d.type(Self.zhangWei)
        d.press(.tab)
        d.type("张伟")
        d.press(.ctrl("s"))
        #expect(try f.workerCount() == 1)
    }

    @Test func typingAnExistingIDOffersTheRecord() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(), root: HomeScreen(f.context()))
        d.press(.char("2"))
        d.type(Self.zhangWei)
        let text = d.text
        #expect(text.contains("该身份证号已登记"))
        #expect(text.contains("320102199003071239 已登记为 张伟。打开已有记录吗？"))
        #expect(text.contains("[ 打开 ]  [ 留在此处 ]"))
        #expect(d.canvas.cursor == nil)
        d.press(.enter)
        #expect(d.title == "劳动者详情 · 张伟")
        #expect(d.app.stack.count == 2)
        #expect(try f.workerCount() == 4)
    }

    @Test func stayingAfterTheOfferKeepsTheFormAndSaveOffersAgain() throws {
        let f = try Fixture()
        try f.registerFour()
        let d = Driver(f.context(), root: HomeScreen(f.context()))
        d.press(.char("2"))
        d.type(Self.zhangWei)
        d.press(.tab, .enter)     // "Stay here"
        #expect(d.title == "登记劳动者")
        #expect(!d.text.contains("该身份证号已登记"))
        d.press(.tab)
        d.type("张伟")
        d.press(.function(2))
        #expect(d.text.contains("该身份证号已登记"))
        #expect(try f.workerCount() == 4)
    }

    @Test func backWithUnsavedChangesAsksFirst() throws {
        let f = try Fixture()
        let d = Driver(f.context(), root: HomeScreen(f.context()))
        d.press(.char("2"))
        d.press(.function(3))                 // nothing typed: leaves at once
        #expect(d.title == "主页")
        d.press(.char("2"))
        d.press(.tab)
        d.type("张伟")
        d.press(.function(3))
        #expect(d.title == "登记劳动者")
        #expect(d.text.contains("放弃修改？"))
        #expect(d.text.contains("表单有未保存的修改。"))
        #expect(d.text.contains("[ 继续编辑 ]  [ 放弃 ]"))
        d.press(.enter)                       // keep editing (the default button)
        #expect(d.title == "登记劳动者")
        #expect(d.row(4) == " 姓名 .............. 张伟")
        d.press(.function(12))
        #expect(d.text.contains("放弃修改？"))
        d.press(.tab, .enter)                 // discard
        #expect(d.title == "主页")
        #expect(try f.workerCount() == 0)
    }

    @Test func f4OnTargetGroupsChoosesSeveral() throws {
        let f = try Fixture()
        let d = Driver(f.context(), root: HomeScreen(f.context()))
        d.press(.char("2"))
        d.type(Self.zhangWei)
        d.press(.tab)
        d.type("张伟")
        for _ in 0..<11 { d.press(.tab) }     // name → groups
        #expect(d.row(15).hasPrefix(" 重点群体 .........."))
        #expect(d.canvas[x: 1, y: 15].style.bold)   // the focused label is bold
        d.press(.function(4))
        var text = d.text
        #expect(text.contains("重点群体（空格勾选，Enter 确认）"))
        #expect(text.contains("[ ] enterprise_…  企业职工"))
        d.press(.char(" "))                    // 企业职工
        for _ in 0..<5 { d.press(.down) }
        d.press(.char(" "))                    // 下岗失业人员
        text = d.text
        #expect(text.contains("[x] enterprise_…  企业职工"))
        #expect(text.contains("[x] unemployed    下岗失业人员"))
        #expect(text.contains("[ ] graduate      离校未就业高校毕业生"))
        d.press(.enter)
        #expect(!d.text.contains("空格勾选"))
        #expect(d.row(15) == " 重点群体 .......... 企业职工、下岗失业人员")
        d.press(.function(2))
        let stored = try f.clerk.worker(id: Self.zhangWei)
        #expect(stored.groups == ["enterprise_employee", "unemployed"])
    }

    @Test func escapeInTheGroupListKeepsTheOldChoice() throws {
        let f = try Fixture()
        let d = Driver(f.context(), root: WorkerFormScreen(ctx: f.context(), editing: nil))
        d.press(.up, .up, .up)                 // id → relative of → disability → groups
        d.press(.function(4), .char(" "), .escape)
        #expect(d.row(15) == " 重点群体 .......... —")
    }

    @Test func checkBoxesToggleWithSpace() throws {
        let f = try Fixture()
        let d = Driver(f.context(), root: WorkerFormScreen(ctx: f.context(), editing: nil))
        for _ in 0..<4 { d.press(.tab) }       // id → name → phone → hukou → rural
        d.press(.char(" "))
        #expect(d.row(7) == " 农村户籍 .......... [x] 农村户籍")
        d.press(.char(" "))
        #expect(d.row(7) == " 农村户籍 .......... [ ] 农村户籍")
    }

    @Test func unemploymentInsuranceChecksAndSaves() throws {
        let f = try Fixture()
        let d = Driver(f.context(), root: WorkerFormScreen(ctx: f.context(), editing: nil))
        d.type(Self.zhangWei)
        d.press(.tab)
        d.type("张伟")
        for _ in 0..<10 { d.press(.tab) }      // name → unemployment insurance
        #expect(d.row(14) == " 参加失业保险 ...... [ ] 是")
        d.press(.char(" "))
        #expect(d.row(14) == " 参加失业保险 ...... [x] 是")
        #expect(d.row(13) == " 按月领取养老金 .... [ ] 是")   // the pension box is another field
        d.press(.function(2))
        #expect(try f.clerk.worker(id: Self.zhangWei).unemploymentInsured)
    }

    @Test func editFormStartsOnTheNameAndKeepsTheID() throws {
        let f = try Fixture()
        try f.registerFour()
        let row = try f.clerk.worker(id: Self.zhangWei)
        let d = Driver(f.context(), root: WorkerFormScreen(ctx: f.context(), editing: row))
        #expect(d.row(0).hasPrefix(" SkillDesk · 修改劳动者 · 张伟"))
        #expect(d.row(2) == " 身份证号 .......... 320102199003071239" + spaces(7) + "（不可修改）")
        #expect(d.row(4) == " 姓名 .............. 张伟")
        #expect(d.canvas.cursor == CursorPosition(x: 25, y: 4))
        d.press(.backTab)                      // skips the ID: to relative-of
        d.type("1")
        #expect(d.row(2).contains("320102199003071239"))
        #expect(!d.row(2).contains("3201021990030712391"))
    }
}
