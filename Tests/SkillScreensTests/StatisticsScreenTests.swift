import Foundation
import Testing
import SkillCore
@testable import SkillDesk
@testable import SkillScreens
import SkillStore
import SkillRecords
import TermUI

/// The statistics screen (issue 13): figures, bars and the monthly trend at 100×30 and 80×24 in
/// both languages; F4/F6/F7; Enter lists a figure's rows and a row opens its record; F1 explains.
@Suite struct StatisticsScreenTests {
    /// ClaimScreenWorld's class (four workers, 2025-03, completed) and one claim paid in June.
    static func world() throws -> (ClaimScreenWorld, ClaimRow) {
        let w = try ClaimScreenWorld()
        _ = try w.f.clerk.completeClass(w.classID)
        let paid = try w.paid(ClaimScreenWorld.zhangWei)
        return (w, paid)
    }

    static func auditor(_ w: ClaimScreenWorld, _ lang: Lang) throws -> ScreenContext {
        let s = try w.f.desk.login(name: "audit1", password: "audit1-pass")
        return ScreenContext(lang: lang, desk: w.f.desk, databaseName: "test.sqlite", session: s)
    }

    static func screen(_ lang: Lang, width: Int, height: Int) throws -> Driver {
        let (w, _) = try world()
        let ctx = try auditor(w, lang)
        return Driver(ctx, root: StatisticsScreen(ctx, period: .year(2025)), width: width, height: height)
    }

    @Test(arguments: [(Lang.zh, 100, 30), (Lang.en, 100, 30), (Lang.zh, 80, 24), (Lang.en, 80, 24)])
    func figuresBarsAndTheTrend(lang: Lang, width: Int, height: Int) throws {
        let d = try Self.screen(lang, width: width, height: height)
        let expected = Self.expected["\(lang)\(width)"] ?? ""
        #expect(d.text == expected, "\n\(d.text)")
    }

    @Test func f4ReadsThePeriodAsTypedAndSaysWhatIsRight() throws {
        let (w, _) = try Self.world()
        let ctx = try Self.auditor(w, .zh)
        let d = Driver(ctx, root: StatisticsScreen(ctx, period: .year(2025)))
        d.press(.function(4))
        d.type("2025-Q5")
        d.press(.enter)
        #expect(d.text.contains("“2025-Q5”不是统计期间"), "\n\(d.text)")
        d.press(.function(12))
        #expect(d.title.contains("2025年") && !d.text.contains("2025-Q5"))
        d.press(.function(4))
        d.type("２０２５年第１季度")
        d.press(.enter)
        #expect(d.title == "统计报表 · 2025年第1季度 · 全市")
        #expect(d.row(2).hasPrefix(" 培训人次 4  上期 2024-Q4：0 · 报名 4"), "\n\(d.text)")
        // F6: a district the institution (12 320100 …) is not in has nothing; a wrong code says what is right.
        d.press(.function(6))
        d.type("32010X")
        d.press(.enter)
        #expect(d.text.contains("不是区划代码"), "\n\(d.text)")
        d.press(.function(12), .function(6))
        d.type("320102")
        d.press(.enter)
        #expect(d.title == "统计报表 · 2025年第1季度 · 江苏省南京市玄武区 320102", "\(d.title)")
        #expect(d.text.contains("本期间没有记录"), "\n\(d.text)")
    }

    @Test func enterListsTheRowsOfTheFigureAndARowOpensItsRecord() throws {
        let (w, paid) = try Self.world()
        let ctx = try Self.auditor(w, .en)
        let screen = StatisticsScreen(ctx, period: .year(2025))
        let d = Driver(ctx, root: screen)
        // F1 on the cursor's figure (enrolled, by type): its definition first.
        #expect(screen.help(ctx).first?.hasPrefix("Enrolled: every trainee on the roster of a class that ENDED") == true)
        d.press(.right)   // completed
        #expect(screen.help(ctx).first?.contains("Person-times trained") == true)
        d.press(.enter)
        #expect(d.title == "Rows · Person-times trained · Employment skills · 2025", "\(d.title)")
        #expect(d.text.contains("张伟") && d.text.contains("欧阳娜娜") && d.row(1).contains("Page 1 · 4 rows"), "\n\(d.text)")
        d.press(.function(3))
        // Claims by subsidy kind: the paid cell lists the payment, Enter opens the claim.
        d.press(.function(7))
        for _ in 0..<8 { d.press(.down) }
        d.press(.enter)
        #expect(d.row(1).contains("Claims: Subsidy kind"), "\n\(d.text)")
        for _ in 0..<3 { d.press(.right) }
        #expect(screen.selectedFigure?.code == "paid/kind=training")
        d.press(.enter)
        let number = ClaimNumber.format(year: paid.claimYear, serial: Int(paid.id))
        #expect(d.text.contains(number) && d.text.contains("¥1,000.00"), "\n\(d.text)")
        d.press(.enter)
        #expect(d.title.contains(number), "\(d.title)")
    }

    @Test func theHomeMenuOffersStatisticsToReadersOfReportsOnly() throws {
        let (w, _) = try Self.world()
        let ctx = try Self.auditor(w, .zh)
        let d = Driver(ctx, root: HomeScreen(ctx))
        #expect(d.text.contains("统计报表"))
        let clerk = Driver(w.f.context(.zh), root: HomeScreen(w.f.context(.zh)))
        #expect(!clerk.text.contains("统计报表"))
    }

    static let expected: [String: String] = [
        "zh100": [
            " SkillDesk · 统计报表 · 2025年 · 全市                                   audit1 (审计) · test.sqlite",
            " 期间 2025年 (F4)  范围 全市 (F6)  培训：按培训类型 (F7)",
            " 培训人次 4  上期 2024：0 · 报名 4 · 结业率 100.0%",
            " 证书 4 · 高技能人才占比 0.0% · 已支付 ¥1,000.00（1 笔）",
            "",
            " 培训类型          报名      结业  结业率",
            " 就业技能培训         4         4  100.0% █████████████████████████████████████████████████████████",
            " 合计                 4         4  100.0%",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " 月度培训人次                                      月度支付金额",
            "         ███                                                           ███",
            "         ███                                                           ███",
            " 1   2   3   4   5   6   7   8   9   10  11  12    1   2   3   4   5   6   7   8   9   10  11  12",
            "",
            " F1 帮助  F3 返回  Enter 明细  F4 期间  F6 范围  F7 分类  ^X 导出",
        ].joined(separator: "\n"),
        "en100": [
            " SkillDesk · Statistics · 2025 · whole city                          audit1 (Auditor) · test.sqlite",
            " Period 2025 (F4)  Area whole city (F6)  Training: Training type (F7)",
            " Person-times trained 4  2024: 0 · enrolled 4 · rate 100.0%",
            " Certificates 4 · high-skill share 0.0% · paid ¥1,000.00 (lines: 1)",
            "",
            " Training type      Enrolled Completed    Rate",
            " Employment skills         4         4  100.0% ████████████████████████████████████████████████████",
            " Total                     4         4  100.0%",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " Person-times by month                             Amount paid by month",
            "         ███                                                           ███",
            "         ███                                                           ███",
            " Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec   Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
            "",
            " F1 Help  F3 Back  Enter Rows  F4 Period  F6 Area  F7 Break down  ^X Export",
        ].joined(separator: "\n"),
        "zh80": [
            " SkillDesk · 统计报表 · 2025年 · 全市               audit1 (审计) · test.sqlite",
            " 期间 2025年 (F4)  范围 全市 (F6)  培训：按培训类型 (F7)",
            " 培训人次 4  上期 2024：0 · 报名 4 · 结业率 100.0%",
            " 证书 4 · 高技能人才占比 0.0% · 已支付 ¥1,000.00（1 笔）",
            "",
            " 培训类型          报名      结业  结业率",
            " 就业技能培训         4         4  100.0% █████████████████████████████████████",
            " 合计                 4         4  100.0%",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " 月度培训人次                            月度支付金额",
            "       ██                                               ██",
            "       ██                                               ██",
            " 1  2  3  4  5  6  7  8  9  10 11 12     1  2  3  4  5  6  7  8  9  10 11 12",
            "",
            " F1 帮助  F3 返回  Enter 明细  F4 期间  F6 范围  F7 分类  ^X 导出",
        ].joined(separator: "\n"),
        "en80": [
            " SkillDesk · Statistics · 2025 · whole city      audit1 (Auditor) · test.sqlite",
            " Period 2025 (F4)  Area whole city (F6)  Training: Training type (F7)",
            " Person-times trained 4  2024: 0 · enrolled 4 · rate 100.0%",
            " Certificates 4 · high-skill share 0.0% · paid ¥1,000.00 (lines: 1)",
            "",
            " Training type      Enrolled Completed    Rate",
            " Employment skills         4         4  100.0% ████████████████████████████████",
            " Total                     4         4  100.0%",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " Person-times by month                   Amount paid by month",
            "       ██                                               ██",
            "       ██                                               ██",
            " 1  2  3  4  5  6  7  8  9  10 11 12     1  2  3  4  5  6  7  8  9  10 11 12",
            "",
            " F1 Help  F3 Back  Enter Rows  F4 Period  F6 Area  F7 Break down  ^X Export",
        ].joined(separator: "\n"),
    ]
}
