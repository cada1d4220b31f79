import Foundation
import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

/// The catalogue, the four workers, and class 电工 L4 at 南京技师学院 (2025-05-26 → 05-30,
/// 120 h) with all four enrolled and the class started. Roster order is by ID: 欧阳娜娜, 张伟,
/// 阿卜杜拉·艾尼, Mary Smith.
func seedClass(_ f: Fixture, start: Bool = true) throws -> Int64 {
    try seedCatalogue(f)
    try f.registerFour()
    var d = ClassDraft()
    d.institution = "12320100466001234" + String(CreditCode.checkCharacter(for: "12320100466001234")!)
    d.occupation = "6-31-01-03"; d.level = "L4"; d.type = "employment"
    d.start = "2025-05-26"; d.end = "2025-05-30"; d.plannedHours = "120"
    let c = try f.clerk.addClass(d)
    _ = try f.clerk.enrol(classID: c.id, workerIDs: [residentID("32010219900307123"), residentID("32010219850612002"),
                                                     residentID("32010419771130051"), residentID("32010519950101002")])
    if start { _ = try f.clerk.startClass(c.id) }
    return c.id
}

func counted(_ f: Fixture, _ classID: Int64, _ first17: String) throws -> Int {
    try f.clerk.trainingClass(classID).roster.first { $0.workerID == residentID(first17) }!.countedMinutes
}

let ouyang = "32010219850612002", zhangwei = "32010219900307123"

@Suite struct ClassScreenTests {
    func grid(_ f: Fixture, _ ctx: ScreenContext? = nil, width: Int = 100, height: Int = 30) throws -> Driver {
        let ctx = ctx ?? f.context()
        let d = Driver(ctx, root: ClassListScreen(ctx), width: width, height: height)
        d.press(.enter, .enter)
        return d
    }

    @Test func listShowsTheClassWithNamesAndRoster() throws {
        let f = try Fixture()
        _ = try seedClass(f)
        let d = Driver(f.context(), root: ClassListScreen(f.context()))
        let lines = d.lines
        #expect(d.title == "培训班")
        #expect(lines[1].hasSuffix("1 个培训班"))
        #expect(lines[2] == " 选项  班号 机构名称           职业（工种） 等级   类型         日期              学时 状态   人数")
        #expect(lines[3] == " ___      1 南京技师学院       电工         中级工 就业技能培训 2025-05-26→05-30   120 开班中 4")
        #expect(lines[4] == "")
        #expect(column(of: "电工", in: d.canvas, row: 3) == column(of: "职业", in: d.canvas, row: 2))
        let e = Driver(f.context(.en), root: ClassListScreen(f.context(.en)))
        #expect(e.row(3).contains("Electric") || e.row(3).contains("电工"))
    }

    @Test func openingShowsTitleTraineesDatesAndRule() throws {
        let f = try Fixture()
        _ = try seedClass(f)
        let d = try grid(f)
        #expect(d.title.hasPrefix("培训班 1（开班中）· 电工 "), "\(d.title)")
        #expect(d.title.contains("南京技师学院 · 2025-05-26→05-30 · 计划 120 学时"))
        #expect(d.row(1).contains("05-26 05-27 05-28 05-29 05-30"), "\(d.row(1))")
        #expect(d.row(1).contains("已计学时"))
        #expect(d.row(2).hasPrefix(" 欧阳娜娜"))
        #expect(d.row(3).hasPrefix(" 张伟"))
        #expect(d.row(2).contains("0/120"))
        #expect(d.row(27) == " 线上学时按 50% 计 · 满 96 学时（80%）即达标")
        #expect(d.footerRow.contains("F9 复制上行"))
    }

    @Test func typingEightStoresMinutesAndUpdatesCounted() throws {
        let f = try Fixture()
        let id = try seedClass(f)
        let d = try grid(f)
        d.type("8")
        d.press(.enter)
        #expect(try counted(f, id, ouyang) == 480)
        #expect(d.row(2).contains("8/120"), "\(d.row(2))")
        #expect(try counted(f, id, zhangwei) == 0)
        // "4+2" is 4 classroom + 2 online: 4 + 1 counted.
        d.type("4+2")
        d.press(.enter)
        #expect(try counted(f, id, ouyang) == 480 + 300)
        #expect(d.row(2).contains("4+2"))
        #expect(d.row(2).contains("13/120"))
    }

    @Test func twentyFiveHoursIsRefusedAndReverted() throws {
        let f = try Fixture()
        let id = try seedClass(f)
        let d = try grid(f)
        d.type("25")
        d.press(.enter)
        #expect(try counted(f, id, ouyang) == 0)
        #expect(!d.row(2).contains("25"), "\(d.row(2))")
        #expect(d.messageRow.contains("24"), "\(d.messageRow)")
        #expect(d.canvas[x: 2, y: d.height - 2].style.color == .red)
        d.type("x9.x.")  // letters are not typed into the cell
        d.press(.escape)
        #expect(try counted(f, id, ouyang) == 0)
    }

    @Test func dupCopiesTheCellAbove() throws {
        let f = try Fixture()
        let id = try seedClass(f)
        let d = try grid(f)
        d.type("7.5")
        d.press(.enter, .left, .down, .function(9))
        #expect(try counted(f, id, zhangwei) == 450)
        #expect(d.row(3).contains("7.5"))
        d.press(.up, .right, .up)  // to row 0, column 1
        d.press(.char("6"), .enter)
        d.press(.left, .down, .ctrl("d"))  // Ctrl-D on row 1, column 1
        #expect(try counted(f, id, zhangwei) == 450 + 360)
    }

    @Test func readOnlyRoleCannotType() throws {
        let f = try Fixture()
        let id = try seedClass(f)
        let d = try grid(f, try login(f, "audit1", "audit1-pass"))
        #expect(d.title.hasPrefix("培训班 1"))
        d.type("8")
        d.press(.enter, .function(9))
        #expect(try counted(f, id, ouyang) == 0)
        #expect(!d.row(2).contains("8/"))
        #expect(!d.footerRow.contains("F9"))
    }

    @Test func plannedClassIsReadOnlyForTheClerk() throws {
        let f = try Fixture()
        let id = try seedClass(f, start: false)
        let d = try grid(f)
        d.type("8")
        d.press(.enter)
        #expect(try counted(f, id, ouyang) == 0)
    }

    @Test func chineseNamesAlignAt100x30() throws {
        let f = try Fixture()
        _ = try seedClass(f)
        let d = try grid(f)
        d.type("8")
        d.press(.left, .down)
        d.type("8")
        d.press(.enter)
        let canvas = d.canvas
        #expect(column(of: "欧阳娜娜", in: canvas, row: 2) == 1)
        #expect(column(of: "张伟", in: canvas, row: 3) == 1)
        #expect(column(of: "阿卜杜拉", in: canvas, row: 4) == 1)
        #expect(column(of: "Mary", in: canvas, row: 5) == 1)
        let c2 = column(of: "8/120", in: canvas, row: 2), c3 = column(of: "8/120", in: canvas, row: 3)
        #expect(c2 != nil && c2 == c3)
        #expect(column(of: "0/120", in: canvas, row: 5) == c2.map { $0 })
        let h = column(of: "05-26", in: canvas, row: 1)!
        #expect(column(of: "8", in: canvas, row: 2) == h + 4)
    }

    @Test func noCrashAt80x24AndTiny() throws {
        let f = try Fixture()
        let id = try seedClass(f)
        let d = try grid(f, width: 80, height: 24)
        d.type("8")
        d.press(.enter, .right, .right, .right, .right, .function(9), .down, .down, .down)
        #expect(try counted(f, id, ouyang) == 480)
        #expect(d.lines.count == 24)
        d.width = 40; d.height = 10
        _ = d.canvas
    }
}
