import Foundation
import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

let jishi = "12320100466001234" + String(CreditCode.checkCharacter(for: "12320100466001234")!)
let yihe = "52320106MJ5532190" + String(CreditCode.checkCharacter(for: "52320106MJ5532190")!)

/// The catalogue, the four workers and a planned class 电工 L4 at 南京技师学院 with nobody enrolled.
func seedEmptyClass(_ f: Fixture) throws -> Int64 {
    try seedCatalogue(f)
    try f.registerFour()
    var d = ClassDraft()
    d.institution = jishi; d.occupation = "6-31-01-03"; d.level = "L4"; d.type = "employment"
    d.start = "2025-05-26"; d.end = "2025-06-06"; d.plannedHours = "80"
    return try f.clerk.addClass(d).id
}

@Suite struct ClassFormScreenTests {
    /// The class list with the form opened by F6.
    func form(_ f: Fixture, _ lang: Lang = .zh) -> Driver {
        let d = Driver(f.context(lang), root: ClassListScreen(f.context(lang)))
        d.press(.function(6))
        return d
    }

    /// Types one value per field, Tab between them; the type is chosen with Space (employment first).
    func fill(_ d: Driver, institution: String, occupation: String, level: String, start: String, end: String,
              hours: String) {
        d.type(institution); d.press(.tab)
        d.type(occupation); d.press(.tab)
        d.type(level); d.press(.tab)
        d.press(.char(" ")); d.press(.tab)
        d.type(start); d.press(.tab)
        d.type(end); d.press(.tab)
        d.type(hours)
    }

    func classCount(_ f: Fixture) throws -> Int { try f.clerk.classList().count }

    @Test func institutionThatMayNotTrainIsRefused() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = form(f)
        #expect(d.title == "开班")
        fill(d, institution: jishi, occupation: "4-10-01-02", level: "L5", start: "2025-06-10", end: "2025-06-20", hours: "60")
        #expect(d.row(3).contains("该机构不能培训此职业"), "\(d.row(3))")
        d.press(.function(2))
        #expect(d.messageRow.contains("职业代码：该机构不能培训此职业；未保存"), "\(d.messageRow)")
        #expect(d.title == "开班")
        #expect(try classCount(f) == 0)
        // A level it may not train for an occupation it may train; the refusal put the caret on the occupation.
        d.press(.ctrl("u")); d.type("6-31-01-03")
        d.press(.tab, .ctrl("u")); d.type("高级工")
        d.press(.function(2))
        #expect(d.messageRow.contains("等级：该机构不能培训此等级"), "\(d.messageRow)")
        #expect(try classCount(f) == 0)
    }

    @Test func suspendedInstitutionIsRefused() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = form(f)
        fill(d, institution: yihe, occupation: "4-10-01-02", level: "L5", start: "2025-06-10", end: "2025-06-20", hours: "60")
        #expect(d.row(2).contains("机构已暂停，不能开班"), "\(d.row(2))")
        d.press(.function(2))
        #expect(d.messageRow.contains("培训机构：机构已暂停，不能开班"), "\(d.messageRow)")
        #expect(try classCount(f) == 0)
        // F4 (the refusal put the caret on the institution) offers only active institutions.
        d.press(.function(4))
        #expect(d.text.contains("南京技师学院"))
        #expect(!d.text.contains("南京颐和家政培训学校"))
    }

    /// The form's catalogue was read when it opened; the use-case layer checks again on save and
    /// its refusal (in the user's language) is what the message line shows.
    @Test func useCaseRefusalIsShownAndNothingWritten() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = form(f, .en)
        fill(d, institution: jishi, occupation: "6-31-01-03", level: "L4", start: "2025-06-10", end: "2025-06-20", hours: "80")
        let admin = try f.desk.login(name: "admin", password: "admin-pass-1")
        _ = try admin.suspendInstitution(code: jishi, reason: "检查")
        d.press(.function(2))
        #expect(d.messageRow.contains("institution \(jishi) is suspended; it may not open classes (E9)"), "\(d.messageRow)")
        #expect(try classCount(f) == 0)
        #expect(d.title == "Open a class")
    }

    /// The hours note is `ClassDraft.validate`'s: the boundary (1…5,000) and the limit in the words
    /// are the use case's, and the field takes as many digits as the limit has.
    @Test func hoursErrorComesFromTheSharedRule() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = form(f)
        fill(d, institution: jishi, occupation: "6-31-01-03", level: "L4", start: "2025-06-10", end: "2025-06-20", hours: "0")
        var draft = ClassDraft()
        draft.institution = jishi; draft.occupation = "6-31-01-03"; draft.level = "L4"; draft.type = "employment"
        draft.start = "2025-06-10"; draft.end = "2025-06-20"
        let note = "应为 1–\(ClassDraft.maxPlannedHours) 的整数"
        for hours in ["0", "1", "5000", "5001"] {
            d.press(.ctrl("u")); d.type(hours)
            draft.plannedHours = hours
            let refused: Bool = if case .failure(let v) = draft.validate(), v.errors[.hours] != nil { true } else { false }
            #expect(d.row(8).contains(note) == refused, "\(hours): \(d.row(8))")
            #expect(refused == !(1...5_000).contains(Int(hours)!))
        }
        d.press(.ctrl("u")); d.type("50001")
        #expect(d.row(8).contains("5000") && !d.row(8).contains("50001"), "four digits at most: \(d.row(8))")
        d.press(.ctrl("u")); d.type("5001")
        d.press(.function(2))
        #expect(d.messageRow.contains(note + "；未保存"), "\(d.messageRow)")
        #expect(try classCount(f) == 0)
        // The use case refuses the same draft with its own words, naming the same limit.
        draft.plannedHours = "5001"
        let refusal = #expect(throws: DeskError.self) { try f.clerk.addClass(draft) }
        #expect(refusal?.message(.en) == "planned hours '5001' must be a whole number from 1 to 5000")
        #expect(refusal?.message(.zh) == "计划课时“5001”应为 1–5000 的整数")
        d.press(.ctrl("u")); d.type("5000")
        d.press(.function(2))
        #expect(try classCount(f) == 1)
    }

    @Test func endBeforeStartIsRefused() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = form(f)
        fill(d, institution: jishi, occupation: "6-31-01-03", level: "L4", start: "2025-06-10", end: "2025-06-01", hours: "80")
        #expect(d.row(7).contains("早于开班日期"), "\(d.row(7))")
        d.press(.function(2))
        #expect(d.messageRow.contains("结业日期：早于开班日期；未保存"), "\(d.messageRow)")
        #expect(try classCount(f) == 0)
        // Nothing is written for a form left with F12 either.
        d.press(.function(12))
        #expect(d.text.contains("放弃修改？"))
        d.press(.right, .enter)
        #expect(d.title == "培训班")
        #expect(try classCount(f) == 0)
    }

    /// Every choice made from the F4 lists: institution, occupation (those it may train), level,
    /// type; then the new class's grid opens with an empty roster and a hint how to enrol.
    @Test func opensAClassFromTheLists() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = form(f)
        d.press(.function(4))
        #expect(d.text.contains(jishi + "  南京技师学院"))
        d.press(.enter)
        #expect(d.row(2).contains(jishi + "   南京技师学院"), "\(d.row(2))")
        d.press(.tab, .function(4))
        #expect(d.text.contains("6-18-01-01  车工（含数控车工）"))
        #expect(d.text.contains("6-31-01-03  电工"))
        #expect(!d.text.contains("育婴员"))
        d.type("电工")
        d.press(.enter, .tab, .function(4))
        #expect(d.text.contains("L5  初级工"))
        #expect(d.text.contains("L4  中级工"))
        d.press(.down, .enter, .tab, .function(4))
        #expect(d.text.contains("就业技能培训"))
        #expect(!d.text.contains("技能鉴定"))
        d.press(.down, .enter, .tab)
        #expect(d.row(5).contains("岗位技能提升培训"), "\(d.row(5))")
        d.type("2025-06-10"); d.press(.tab)
        d.type("2025-06-20"); d.press(.tab)
        d.type("80")
        d.press(.function(2))
        let rows = try f.clerk.classList()
        #expect(rows.count == 1)
        let r = try #require(rows.first).row
        #expect(r.occupationCode == "6-31-01-03" && r.level == "L4" && r.type.rawValue == "upgrading")
        #expect(r.startDate == "2025-06-10" && r.endDate == "2025-06-20" && r.plannedHours == 80 && r.status.rawValue == "planned")
        #expect(d.title == "培训班 \(r.id)（计划）· 电工 中级工 · 南京技师学院 · 2025-06-10→06-20 · 计划 80 学时", "\(d.title)")
        #expect(d.messageRow.contains("已开班：培训班 \(r.id)"), "\(d.messageRow)")
        #expect(d.text.contains("（花名册为空：按 F6 报名）"))
        #expect(d.footerRow.contains("F6 报名") && d.footerRow.contains("F8 开班"), "\(d.footerRow)")
        // Keys on the empty grid do nothing harmful; F3 goes back to the list, which shows the class.
        d.press(.down, .right, .enter, .char("8"), .enter, .function(9))
        d.width = 80; d.height = 24
        #expect(d.text.contains("按 F6 报名"))
        d.press(.function(3))
        #expect(d.title == "培训班")
        #expect(d.row(3).contains("电工"))
    }

    @Test func levelAcceptsTheChineseName() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = form(f)
        fill(d, institution: jishi, occupation: "6-31-01-03", level: "中级工", start: "2025-06-10", end: "2025-06-20", hours: "80")
        d.press(.function(2))
        #expect(try f.clerk.classList().first?.row.level == "L4")
    }

    /// The whole form at 100×30 in Chinese: labels, fields and the names beside them line up
    /// whatever the width of the names.
    @Test func rendersLiteralFormInChinese() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let d = form(f)
        fill(d, institution: jishi, occupation: "6-18-01-01", level: "L4", start: "2025-06-10", end: "2025-06-2", hours: "")
        let lines = d.lines
        #expect(lines.count == 30)
        let expected = [
            " SkillDesk · 开班" + spaces(53) + "clerk1 (经办人) · test.sqlite",
            "",
            " 培训机构 ........ \(jishi)   南京技师学院",
            " 职业代码 ........ 6-18-01-01           车工（含数控车工）",
            " 等级 ............ L4                   L4 中级工",
            " 培训类型 ........ 就业技能培训         （F4 选择）",
            " 开班日期 ........ 2025-06-10",
            " 结业日期 ........ 2025-06-2            日期无效：YYYY-MM-DD",
            " 计划学时 ........",
            "",
            " F4 列出可选值：机构只列正常状态的，职业和等级只列该机构可培训的。",
        ]
        for (i, line) in expected.enumerated() { #expect(lines[i] == line, "line \(i): \(lines[i])") }
        #expect(lines[29] == " F1 帮助  F2 保存  F3 返回  F4 列表  Tab 下一项  F12 取消", "\(lines[29])")
        let canvas = d.canvas
        for y in 2...8 { #expect(column(of: "...", in: canvas, row: y) != nil) }
        #expect(column(of: "南京技师学院", in: canvas, row: 2) == column(of: "车工", in: canvas, row: 3))
        #expect(column(of: "车工", in: canvas, row: 3) == column(of: "L4 中级工", in: canvas, row: 4))
    }
}

@Suite struct ClassManageScreenTests {
    func grid(_ f: Fixture, _ ctx: ScreenContext? = nil) -> Driver {
        let ctx = ctx ?? f.context()
        let d = Driver(ctx, root: ClassListScreen(ctx))
        d.press(.enter, .enter)
        return d
    }

    @Test func enrolmentWithAnUnknownIDNamesItAndEnrolsNobody() throws {
        let f = try Fixture()
        let id = try seedEmptyClass(f)
        let d = grid(f)
        #expect(d.text.contains("按 F6 报名"))
        d.press(.function(6))
        #expect(d.text.contains("报名：培训班 \(id)"))
        let unknown = residentID("11010119900101123")
        d.type(residentID(zhangwei) + " " + unknown)
        d.press(.enter)
        #expect(d.messageRow.contains(unknown), "\(d.messageRow)")
        #expect(d.messageRow.contains("未登记"), "\(d.messageRow)")
        #expect(try f.clerk.trainingClass(id).roster.isEmpty)
        #expect(d.text.contains("报名：培训班 \(id)"))  // still open to fix the IDs
        d.press(.ctrl("u"))
        d.type(residentID(zhangwei) + "，" + residentID(ouyang))
        d.press(.enter)
        #expect(d.messageRow.contains("已报名 2 人"), "\(d.messageRow)")
        #expect(try f.clerk.trainingClass(id).roster.count == 2)
        #expect(!d.text.contains("报名：培训班"))
        #expect(d.row(2).hasPrefix(" 欧阳娜娜") && d.row(3).hasPrefix(" 张伟"), "\(d.row(2))")
        d.press(.function(6))
        d.type(residentID(zhangwei) + ", " + residentID("32010519950101002"))
        d.press(.enter)
        #expect(d.messageRow.contains("已报名 1 人；已在花名册：\(residentID(zhangwei))"), "\(d.messageRow)")
        #expect(try f.clerk.trainingClass(id).roster.count == 3)
        #expect(d.row(4).hasPrefix(" Mary Smith"), "\(d.row(4))")
        // F12 closes the prompt without writing.
        d.press(.function(6))
        d.type(residentID("32010419771130051"))
        d.press(.function(12))
        #expect(try f.clerk.trainingClass(id).roster.count == 3)
    }

    @Test func statusStepsAskFirst() throws {
        let f = try Fixture()
        let id = try seedEmptyClass(f)
        let d = grid(f)
        #expect(d.title.hasPrefix("培训班 \(id)（计划）"), "\(d.title)")
        d.press(.function(8))
        #expect(d.text.contains("开班？"))
        #expect(d.text.contains("由“计划”改为“开班中”"))
        d.press(.function(12))
        #expect(try f.clerk.trainingClass(id).row.status.rawValue == "planned")
        d.press(.function(8), .right, .enter)  // the second button is Cancel
        #expect(try f.clerk.trainingClass(id).row.status.rawValue == "planned")
        d.press(.function(8), .enter)
        #expect(try f.clerk.trainingClass(id).row.status.rawValue == "running")
        #expect(d.title.hasPrefix("培训班 \(id)（开班中）"), "\(d.title)")
        #expect(d.messageRow.contains("现为“开班中”"))
        #expect(d.footerRow.contains("F8 结业"), "\(d.footerRow)")
        // Someone else completes it meanwhile: this screen's step is refused by the use case.
        _ = try f.clerk.completeClass(id)
        d.press(.function(8), .enter)
        #expect(d.messageRow.contains("当前状态为“已结业”，不能结业；未作改动"), "\(d.messageRow)")
        #expect(d.title.hasPrefix("培训班 \(id)（已结业）"), "\(d.title)")
        d.press(.function(8))
        #expect(d.text.contains("关闭后考勤不能再修改"))
        d.press(.enter)
        #expect(try f.clerk.trainingClass(id).row.status.rawValue == "closed")
        #expect(!d.footerRow.contains("F8") && !d.footerRow.contains("F6"), "\(d.footerRow)")
        d.press(.function(8))
        #expect(d.messageRow.contains("没有下一步"))
        #expect(d.text.contains("（花名册为空）"))
    }

    @Test func supervisorIsReadOnly() throws {
        let f = try Fixture()
        let id = try seedEmptyClass(f)
        let admin = try f.desk.login(name: "admin", password: "admin-pass-1")
        try admin.addUser(name: "sup1", roles: [.supervisor], password: "sup1-pass-1")
        let ctx = try login(f, "sup1", "sup1-pass-1")
        let list = Driver(ctx, root: ClassListScreen(ctx))
        #expect(!list.footerRow.contains("F6"), "\(list.footerRow)")
        list.press(.function(6))
        #expect(list.title == "培训班")
        #expect(list.messageRow.contains("只读"))
        let d = grid(f, ctx)
        #expect(d.title.hasPrefix("培训班 \(id)"))
        #expect(!d.footerRow.contains("F6") && !d.footerRow.contains("F8"), "\(d.footerRow)")
        #expect(d.text.contains("（花名册为空）") && !d.text.contains("F6 报名"))
        d.press(.function(6))
        #expect(!d.text.contains("报名：培训班"))
        d.press(.function(8))
        #expect(d.messageRow.contains("只读"))
        d.press(.enter)
        #expect(try f.clerk.trainingClass(id).row.status.rawValue == "planned")
    }
}
