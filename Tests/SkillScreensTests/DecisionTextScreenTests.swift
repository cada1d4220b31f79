import Foundation
import SkillCore
@testable import SkillDesk
@testable import SkillScreens
import SkillStore
import SkillRecords
import TermUI
import Testing

/// Issue 12, "truncated text where decisions are made": a claim with W2 and W3 whose rule lines
/// are longer than the screen. 张伟 also attended 金陵职业培训学校's class on 2025-03-02 (W2);
/// 南京技师学院 has 7 rejected of 20 decided claims (W3, 35% over the 20% line).
struct DecisionWorld {
    let w: ClaimScreenWorld
    let claim: ClaimRow
    let otherClass: Int64

    init() throws {
        w = try ClaimScreenWorld()
        let admin = w.admin
        var inst = InstitutionDraft()
        let first17 = "52320106MJ5532199"
        inst.code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        inst.name = "金陵职业培训学校"; inst.kind = InstitutionKind.privateSchool.rawValue; inst.grade = "B"; inst.catalogue = true
        inst.mayTrain = ["6-31-01-03:L5"]
        let other = try admin.addInstitution(inst).code
        let scenario = Scenario(clerk: w.f.clerk)
        otherClass = try scenario.runningClass(Scenario.classDraft(institution: other, level: "L5", hours: "8"),
                                               enrolling: [ClaimScreenWorld.zhangWei])
        try scenario.attend(otherClass, ClaimScreenWorld.zhangWei, on: "2025-03-02", classroomMinutes: 120)
        let school = creditCode("12320100466001234")
        try w.f.desk.store.write { s in
            for i in 0..<20 {
                try s.insertClaim(NewClaim(workerID: ClaimScreenWorld.mary, kind: .training, classID: nil, certificateID: nil,
                                           institution: school, occupationCode: "4-10-01-02", level: .l5, trainingType: .employment,
                                           claimYear: 2023, claimDate: CalendarDate(year: 2023, month: 6, day: 1)!, amountFen: 80_000,
                                           payee: .worker, status: i < 7 ? .rejected : .paid, preparedBy: "clerk1"), at: fixedNow)
            }
        }
        claim = try w.submitted(ClaimScreenWorld.zhangWei)
    }

    func detail(_ lang: Lang, width: Int, height: Int) -> Driver {
        let ctx = w.context(w.sup, lang)
        return Driver(ctx, root: ClaimDetailScreen(claimID: claim.id, ctx: ctx), width: width, height: height)
    }
}

@Suite struct DecisionTextScreenTests {
    /// The part of a row inside an overlay's frame (what is behind it left out).
    static func box(_ row: String) -> String {
        let chars = Array(row)
        guard let a = chars.firstIndex(where: { "┌│└".contains($0) }), let b = chars.lastIndex(where: { "┐│┘".contains($0) }), a < b else { return "" }
        return String(chars[a...b])
    }

    // MARK: literal screens (issue 12)

    /// The whole first page at 80×24: every rule and amount line wrapped, none cut; the footer ends
    /// with "…" because the detail's keys do not all fit.
    @Test func detailAt80x24IsReadableWholeZh() throws {
        let x = try DecisionWorld()
        let d = x.detail(.zh, width: 80, height: 24)
        #expect(d.lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) } == [
            " SkillDesk · 补贴申请 · SD-2025-000021 · 张伟       sup1 (审核人) · test.sqlite",
            "",
            " SD-2025-000021  已提交  职业培训补贴  金额 ¥1,000.00",
            " 劳动者：张伟  320102199003071239",
            "   职业培训补贴（nanjing-2019）",
            "   目录标准（电工 初级工，2025-03-31 有效）¥1,000.00",
            "   紧缺工种，但本方案对该等级不上浮",
            "   金额 ¥1,000.00，支付给劳动者本人",
            " 培训班：#1 电工 初级工 2025-03-01–2025-03-31（南京技师学院）",
            "   计入学时 8/8，出勤 1 天",
            "   考勤（月-日 课堂+线上小时，⚠ 提交后改过）：03-02 8",
            " 证书：职业技能等级证书 S3201-2025-0001 初级工（2025-04-10）",
            " 经办：clerk1 2025-06-02 10:00  提交：clerk1 2025-06-02 10:00",
            "",
            " ⚠ W2   张伟：同日在其他机构也有出勤：2025-03-02 金陵职业培训学  003 三(三)",
            "        校 培训班 2（电工）2 小时",
            " ⚠ W3   机构 南京技师学院 驳回率 35%（20 份已决定中驳回 7        003 二(三)11",
            "        份），超过警示线 20%（演示默认值）",
            " ✓ E1   张伟 以有效身份证号 320102199003071239 实名登记          003 二(二)7",
            " ✓ E2   张伟 未按月领取养老金                                    003 二(三)10",
            " ✓ E3   张伟 培训后取得 职业技能等级证书                         003 二(三)10",
            "        S3201-2025-0001（2025-04-10），在申请期限 2026-04-10 之",
            "",
            " F1 帮助  F3 返回  F5 刷新  F8 批准  F9 退回  F10 驳回  F4 全文  ↑↓ 选择规则  …",
        ])
    }

    @Test func detailAt80x24IsReadableWholeEn() throws {
        let x = try DecisionWorld()
        let d = x.detail(.en, width: 80, height: 24)
        #expect(d.lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) } == [
            " SkillDesk · Claim · SD-2025-000021 · 张伟      sup1 (Supervisor) · test.sqlite",
            "",
            " SD-2025-000021  submitted  vocational training subsidy  Amount ¥1,000.00",
            " Worker: 张伟  320102199003071239",
            "   vocational training subsidy (nanjing-2019)",
            "   catalogue standard (电工 junior worker (level 5), in force on 2025-03-31)",
            "     ¥1,000.00",
            "   shortage occupation, but this profile gives no uplift at this level",
            "   amount ¥1,000.00, paid to the worker",
            " Class: #1 电工 junior worker (level 5) 2025-03-01–2025-03-31 (南京技师学院)",
            "   Counted hours 8/8, 1 days attended",
            "   Days (MM-DD classroom+online hours, ⚠ edited after submission): 03-02 8",
            " Certificate: Skill-level certificate S3201-2025-0001 junior worker (level 5)",
            "   (2025-04-10)",
            " Prepared: clerk1 2025-06-02 10:00  Submitted: clerk1 2025-06-02 10:00",
            "",
            " ⚠ W2   张伟: also attended at another institution: 2025-03-02   003 三(三)",
            "        class 2 (电工) at 金陵职业培训学校, 2 h",
            " ⚠ W3   institution 南京技师学院 has a rejection rate of 35% (7  003 二(三)11",
            "        of 20 decided claims rejected), over the 20% alert line",
            "        (demo default)",
            " ✓ E1   张伟 is registered under the valid resident ID           003 二(二)7",
            "",
            " F1 Help  F3 Back  F5 Refresh  F8 Approve  F9 Return  F10 Reject  …",
        ])
    }

    /// At 100×30 the W2 and W3 lines still wrap (one continuation row each), in both languages.
    @Test func detailAt100x30WrapsW2AndW3() throws {
        let x = try DecisionWorld()
        let zh = x.detail(.zh, width: 100, height: 30)
        #expect(Array(zh.lines[14...17]) == [
            " ⚠ W2   张伟：同日在其他机构也有出勤：2025-03-02 金陵职业培训学校 培训班 2（电工）2  003 三(三)",
            "        小时",
            " ⚠ W3   机构 南京技师学院 驳回率 35%（20 份已决定中驳回 7 份），超过警示线 20%（演   003 二(三)11",
            "        示默认值）",
        ])
        #expect(zh.footerRow == " F1 帮助  F3 返回  F5 刷新  F8 批准  F9 退回  F10 驳回  F4 全文  ↑↓ 选择规则  PgUp/PgDn 滚动  …")
        let en = x.detail(.en, width: 100, height: 30)
        #expect(Array(en.lines[14...17]) == [
            " ⚠ W2   张伟: also attended at another institution: 2025-03-02 class 2 (电工) at 金  003 三(三)",
            "        陵职业培训学校, 2 h",
            " ⚠ W3   institution 南京技师学院 has a rejection rate of 35% (7 of 20 decided        003 二(三)11",
            "        claims rejected), over the 20% alert line (demo default)",
        ])
        #expect(en.lines[5] == "   catalogue standard (电工 junior worker (level 5), in force on 2025-03-31) ¥1,000.00")
        #expect(en.footerRow == " F1 Help  F3 Back  F5 Refresh  F8 Approve  F9 Return  F10 Reject  F4 Whole text  ↑↓ Choose a rule  …")
    }

    /// ↓ chooses W3 (W2 is wholly in view), Enter opens its whole text with the clause and the seed
    /// passage; F3 comes back to the detail with W3 still chosen; F4 does the same as Enter.
    @Test(arguments: [Lang.zh, .en])
    func enterOnARuleOpensItsWholeTextClauseAndPassage(lang: Lang) throws {
        let x = try DecisionWorld()
        let d = x.detail(lang, width: 80, height: 24)
        d.press(.down)
        let chosen = try #require((0..<d.height).first { d.row($0).contains("W3") })
        #expect(d.canvas[x: 10, y: chosen].style.reverse, "the chosen rule is reversed")
        #expect(d.canvas[x: 10, y: chosen + 1].style.reverse, "its continuation row too")
        d.press(.enter)
        let passage = try #require(ClauseBook.shipped.text("003 二(三)11"))
        let shown = d.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        let rule = lang == .zh ? "W3: 机构 南京技师学院 驳回率 35%（20 份已决定中驳回 7 份），超过警示线 20%（演示默认值）"
            : "W3: institution 南京技师学院 has a rejection rate of 35% (7 of 20 decided claims rejected), over the 20% alert line (demo default)"
        #expect(shown.replacingOccurrences(of: " ", with: "").contains(rule.replacingOccurrences(of: " ", with: "")), "\(d.text)")
        #expect(d.row(0).hasPrefix(lang == .zh ? " SkillDesk · 条款 003 二(三)11" : " SkillDesk · Clause 003 二(三)11"))
        #expect(d.row(2) == (lang == .zh ? "  规则" : "  Rule"))
        #expect(d.lines.contains(lang == .zh ? "  政策条款 003 二(三)11" : "  Policy clause 003 二(三)11"))
        let firstPassageRow = TextWidth.wrap(passage, to: 76)[0]
        #expect(d.lines.contains { $0.hasPrefix("  " + firstPassageRow) }, "\(d.text)")
        d.press(.function(3))
        #expect(d.title.contains("SD-2025-000021"))
        d.press(.function(4))
        #expect(d.row(0).contains("003 二(三)11"))
    }

    /// The clause screen wraps the rule itself (E14's line was cut there) at 80×24.
    @Test func clauseScreenWrapsTheRuleAt80x24() throws {
        let f = try Fixture()
        let rule = "E14: 张伟 计入 8 小时，达到 6.4 小时；线上按 50% 计（演示默认值），须达计划 8 小时的 80%（演示默认值）"
        let d = Driver(f.context(), root: ClauseScreen(clause: "003 二(二)7", rule: rule, text: "第一段。"), width: 80, height: 24)
        #expect(Array(d.lines[2...7]).map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) } == [
            "  规则",
            "  E14: 张伟 计入 8 小时，达到 6.4 小时；线上按 50% 计（演示默认值），须达计划",
            "  8 小时的 80%（演示默认值）",
            "",
            "  政策条款 003 二(二)7",
            "  第一段。",
        ])
        let none = Driver(f.context(.en), root: ClauseScreen(clause: "", rule: "X1: a rule with no clause", text: nil), width: 80, height: 24)
        #expect(none.lines[5].hasPrefix("  (this rule cites no clause)"))
        let missing = Driver(f.context(.en), root: ClauseScreen(clause: "009 (九)", rule: "X1", text: nil), width: 80, height: 24)
        #expect(missing.lines[6].hasPrefix("  (no seed passage for clause 009 (九))"))
    }

    /// W2 in the attendance grid: a panel under the grid names the trainee, the other class by
    /// number and occupation, its institution and the hours, in both languages and sizes.
    @Test func gridShowsW2WithNames() throws {
        let x = try DecisionWorld()
        let cases: [(Lang, Int, Int, [String])] = [
            (.zh, 80, 24, [
                " ⚠ W2 同日在其他机构出勤：",
                "   张伟 2025-03-02 金陵职业培训学校 培训班 2（电工）2 小时",
                " 线上学时按 50% 计 · 满 6.4 学时（80%）即达标",
            ]),
            (.en, 80, 24, [
                " ⚠ W2 same day at another institution:",
                "   张伟 2025-03-02 class 2 (电工) at 金陵职业培训学校, 2 h",
                " Online hours count 50% · completion at 6.4 h (80%)",
            ]),
            (.zh, 100, 30, [
                " ⚠ W2 同日在其他机构出勤：",
                "   张伟 2025-03-02 金陵职业培训学校 培训班 2（电工）2 小时",
                " 线上学时按 50% 计 · 满 6.4 学时（80%）即达标",
            ]),
            (.en, 100, 30, [
                " ⚠ W2 same day at another institution:",
                "   张伟 2025-03-02 class 2 (电工) at 金陵职业培训学校, 2 h",
                " Online hours count 50% · completion at 6.4 h (80%)",
            ]),
        ]
        for (lang, w, h, rows) in cases {
            let ctx = x.w.context(x.w.f.clerk, lang)
            let g = Driver(ctx, root: try AttendanceGridScreen(classID: x.w.classID, session: x.w.f.clerk, ctx: ctx), width: w, height: h)
            #expect(Array(g.lines[(h - 5)...(h - 3)]).map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) } == rows,
                    "\(lang) \(w)×\(h)")
        }
    }

    /// More than 24 hours in a day across classes is refused in the grid: the cell reverts and the
    /// message names the other class and its hours; nothing is stored.
    @Test func gridRefusesMoreThan24HoursADay() throws {
        let x = try DecisionWorld()
        let ctx = x.w.context(x.w.f.clerk)
        let g = Driver(ctx, root: try AttendanceGridScreen(classID: x.w.classID, session: x.w.f.clerk, ctx: ctx), width: 100, height: 30)
        g.press(.down, .right)      // 张伟, 03-02
        g.type("23"); g.press(.enter)
        #expect(g.messageRow.hasPrefix(" 张伟（\(ClaimScreenWorld.zhangWei)）2025-03-02 在培训班 \(x.w.classID) 最多还能登记 22 小时：已在培训班 \(x.otherClass)（电工）"), "\(g.messageRow)")
        // Too long for 100 columns: the row says so, and F1 shows the rest.
        #expect(g.messageRow.trimmingCharacters(in: .whitespaces).hasSuffix("… F1"), "\(g.messageRow)")
        g.press(.function(1))
        #expect(g.text.contains("消息全文："), "\(g.text)")
        g.press(.escape)
        #expect(g.row(3).hasPrefix(" 张伟               ·     8 "), "\(g.row(3))")
        let stored = try x.w.f.desk.store.read { try $0.attendance(classID: x.w.classID, workerID: ClaimScreenWorld.zhangWei, date: "2025-03-02") }
        #expect(stored?.classroomMinutes == 480)
        // 22 h fits (2 h elsewhere): stored.
        let grid = try #require(g.app.top as? AttendanceGridScreen)
        grid.grid.cursor = GridPosition(row: 1, column: 1)
        g.type("22"); g.press(.enter)
        #expect(try x.w.f.desk.store.read { try $0.attendance(classID: x.w.classID, workerID: ClaimScreenWorld.zhangWei, date: "2025-03-02") }?.classroomMinutes == 22 * 60)
    }

    /// F1 lists every key the detail declares (those the footer could not show too), then the
    /// frame's own keys, then the help text; the footer said "…".
    @Test func keyListOnTheDetailAt80x24() throws {
        let x = try DecisionWorld()
        let d = x.detail(.zh, width: 80, height: 24)
        #expect(d.footerRow.hasSuffix("  …"))
        d.press(.function(1))
        #expect(Array(d.lines[0...12]).map(Self.box) == [
            "┌─ 帮助 · 补贴申请 · SD-2025-000021 · 张伟 ──────────────────────────────┐",
            "│ F1         本按键一览与帮助                                            │",
            "│ F3         返回                                                        │",
            "│ F5         刷新                                                        │",
            "│ F8         批准                                                        │",
            "│ F9         退回                                                        │",
            "│ F10        驳回                                                        │",
            "│ F4         全文                                                        │",
            "│ ↑↓         选择规则                                                    │",
            "│ PgUp/PgDn  滚动                                                        │",
            "│ Enter      全文                                                        │",
            "│ ?          同 F1（光标不在输入框时）                                   │",
            "│ Ctrl-C     退出程序（先确认）                                          │",
        ])
        #expect(d.row(23).contains("↓ 更多"))
        d.press(.pageDown)
        #expect(d.text.contains("[ 关闭 ]") && d.text.contains("不能审核自己经办的申请"))
        d.press(.char("?"))     // ? closes it as F1 does
        #expect(!d.text.contains("[ 关闭 ]"))
        let en = x.detail(.en, width: 100, height: 30)
        en.press(.function(1))
        #expect(en.text.contains("│ PgUp/PgDn  Scroll") && en.text.contains("│ Enter      Whole text") && en.text.contains("│ Ctrl-C     Leave the program (asks first)"))
    }

    /// `?` opens the same list where no caret is shown (home), and types where one is (a search field).
    @Test func questionMarkOpensTheListOutsideTextFields() throws {
        let f = try Fixture()
        try f.registerFour()
        let ctx = f.context()
        let h = Driver(ctx, root: HomeScreen(ctx), width: 80, height: 24)
        h.press(.char("?"))
        #expect(Array(h.lines[6...17]).map(Self.box) == [
            "┌─ 帮助 · 主页 ─────────────────────────────────────────┐",
            "│ F1      本按键一览与帮助                              │",
            "│ F3      退出                                          │",
            "│ ↑↓                                                    │",
            "│ Enter   打开                                          │",
            "│ ?       同 F1（光标不在输入框时）                     │",
            "│ Ctrl-C  退出程序（先确认）                            │",
            "│                                                       │",
            "│ 字母快捷键：q 返回/退出，n 新增，r 刷新（输入框外）。 │",
            "│                                                       │",
            "│                       [ 关闭 ]                        │",
            "└───────────────────────────────────────────────────────┘",
        ])
        h.press(.escape)
        #expect(!h.text.contains("[ 关闭 ]"))
        let list = Driver(ctx, root: WorkerListScreen(ctx), width: 80, height: 24)
        #expect(list.canvas.cursor != nil)
        list.press(.char("?"))
        #expect(!list.text.contains("[ 关闭 ]"))
        #expect(list.row(1).contains("?"), "\(list.row(1))")
    }
}
