import Foundation
import Testing
import SkillCore
import SkillDesk
import SkillScreens
import SkillStore
import SkillRecords
import TermUI

/// ClaimScreenWorld's class completed (four trainees, 8 h each: all complete), two claims decided
/// (one approved, one rejected), a person-times target of 20 for 2025 and a high-skill share of 32%.
struct TargetWorld {
    let w: ClaimScreenWorld
    init() throws {
        w = try ClaimScreenWorld()
        _ = try w.f.clerk.completeClass(w.classID)
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        let b = try w.submitted(ClaimScreenWorld.ouyang)
        _ = try w.sup.approveClaim(a.id)
        _ = try w.sup.rejectClaim(b.id, code: .other, reason: "材料不全")
        _ = try w.admin.setTarget(TargetDraft.parse(kind: "person-times", from: "2025", to: "", value: "20", clause: "003 一").get())
        _ = try w.admin.setTarget(TargetDraft.parse(kind: "high-skill-share", from: "2025", to: "", value: "32%", clause: "").get())
    }
    func context(_ s: Session, _ lang: Lang) -> ScreenContext { w.context(s, lang) }
}

@Suite struct TargetScreensTests {
    static let dump = ProcessInfo.processInfo.environment["SKILLDESK_DUMP_SCREENS"] != nil

    func check(_ d: Driver, _ rows: ClosedRange<Int>, _ expected: [String], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let got = Array(d.lines[rows]).map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        if Self.dump { try? (got.joined(separator: "\n") + "\n").write(toFile: "/tmp/targets-screen-\(name).txt", atomically: true, encoding: .utf8) }
        #expect(got == expected, "\(name)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [(100, 30, Lang.zh), (100, 30, .en), (80, 24, .zh), (80, 24, .en)])
    func targetsScreenShowsProgressAndABar(width: Int, height: Int, lang: Lang) throws {
        let x = try TargetWorld()
        let ctx = x.context(x.w.sup, lang)
        let d = Driver(ctx, root: TargetsScreen(ctx), width: width, height: height)
        check(d, 1...(height - 1), TargetScreenLiterals.targets["\(width)x\(height)-\(lang)"] ?? [], "targets-\(width)x\(height)-\(lang)")
        // A supervisor reads but does not edit.
        d.press(.function(7))
        #expect(d.messageRow.contains(lang == .zh ? "无权" : "not permitted"))
    }

    @Test(arguments: [(100, 30, Lang.zh), (100, 30, .en), (80, 24, .zh), (80, 24, .en)])
    func performanceScreenForAPeriodAndTheGradeDetail(width: Int, height: Int, lang: Lang) throws {
        let x = try TargetWorld()
        let ctx = x.context(x.w.admin, lang)
        let d = Driver(ctx, root: InstitutionPerformanceScreen(ctx), width: width, height: height)
        d.press(.function(4))
        for _ in 0..<10 { d.press(.backspace) }
        d.type("２０２５-Q1")
        d.press(.enter)
        check(d, 1...(height - 1), TargetScreenLiterals.performance["\(width)x\(height)-\(lang)"] ?? [], "perf-\(width)x\(height)-\(lang)")
        d.press(.enter)
        check(d, 1...(height - 1), TargetScreenLiterals.grade["\(width)x\(height)-\(lang)"] ?? [], "grade-\(width)x\(height)-\(lang)")
    }

    @Test func anAdministratorAddsEditsAndRemovesATargetAndAppliesAGrade() throws {
        let x = try TargetWorld()
        let ctx = x.context(x.w.admin, .zh)
        let d = Driver(ctx, root: TargetsScreen(ctx))
        d.press(.function(7))
        d.press(.enter)                               // 培训人次
        d.type("2021-2019"); d.press(.enter)
        #expect(d.text.contains("起始年 2021 晚于结束年 2019"))   // refused where it was typed
        for _ in 0..<9 { d.press(.backspace) }
        d.type("2019-2021"); d.press(.enter)
        d.type("lots"); d.press(.enter)
        #expect(d.text.contains("“lots”不是人次"))
        for _ in 0..<4 { d.press(.backspace) }
        d.type("60万"); d.press(.enter)
        d.type("003 一"); d.press(.enter)
        #expect(d.messageRow.contains("目标已保存：培训人次 2019–2021 600,000"), "\(d.messageRow)")
        let t = try #require(try x.w.admin.targets().first { $0.fromYear == 2019 })
        #expect(t.value == 600_000 && t.clause == "003 一")
        // Enter edits the selected one (the list is by years: 2019–2021 first).
        d.press(.enter)
        for _ in 0..<10 { d.press(.backspace) }
        d.type("abc"); d.press(.enter)
        #expect(d.text.contains("“abc”不是人次"))
        for _ in 0..<3 { d.press(.backspace) }
        d.type("650000"); d.press(.enter); d.press(.enter)
        #expect(try x.w.admin.targets().first { $0.id == t.id }?.value == 650_000)
        d.press(.function(8)); d.press(.left); d.press(.enter)
        #expect(d.messageRow.contains("目标已删除：培训人次 2019–2021"), "\(d.messageRow)")
        #expect(try x.w.admin.targets().count == 2)
        // The grade: F9, choose C, give a reason.
        let p = Driver(ctx, root: InstitutionGradeScreen(code: creditCode("12320100466001234"), name: "学校", period: try ReportPeriod.parse("2025-Q1").get()))
        p.press(.function(9))
        p.press(.down, .down, .enter)
        p.press(.enter)
        #expect(p.text.contains("须填写原因"), "\(p.text)")
        p.type("2025年第1季度驳回率 50%"); p.press(.enter)
        #expect(p.messageRow.contains("信用等级已定为 C"), "\(p.messageRow)")
        #expect(try x.w.admin.institution(code: creditCode("12320100466001234")).grade == "C")
    }
}

/// The literal screens (rows 1 to the footer, trailing blanks trimmed), at 100×30 and 80×24 in
/// both languages.
enum TargetScreenLiterals {
    static let targets: [String: [String]] = [
        "100x30-en": [
            " As of 2025-06-04 · 2 targets",
            " Target       Span      Target    Achieved  Done    Time    Standing",
            " high-skill % 2025      32.00%    0.00%     0.00%   42.46%  behind by 32.00%",
            " person-times 2025      20        4         20.00%  42.46%  behind by 4",
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
            "",
            "",
            " high-skill share of certificates 2025",
            " Done    ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 0.00%",
            " Time    ███████████████████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 42.46%",
            " 0 certificates of L3 and above / 4 stating a level",
            "",
            "",
            " F1 Help  F3 Back  F5 Refresh  ↑↓",
        ],
        "100x30-zh": [
            " 截至 2025-06-04 · 2 项目标",
            " 目标         期限      目标值    已完成    完成比  时间    进度",
            " 高技能占比   2025      32.00%    0.00%     0.00%   42.46%  落后 32.00%",
            " 培训人次     2025      20        4         20.00%  42.46%  落后 4",
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
            "",
            "",
            " 高技能人才占比（证书） 2025",
            " 完成    ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 0.00%",
            " 时间    ███████████████████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 42.46%",
            " 高级工及以上证书 0 张 / 注明等级的证书 4 张",
            "",
            "",
            " F1 帮助  F3 返回  F5 刷新  ↑↓",
        ],
        "80x24-en": [
            " As of 2025-06-04 · 2 targets",
            " Target       Span      Target    Achieved  Done    Time    Standing",
            " high-skill % 2025      32.00%    0.00%     0.00%   42.46%  behind by 32.00%",
            " person-times 2025      20        4         20.00%  42.46%  behind by 4",
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
            " high-skill share of certificates 2025",
            " Done    ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 0.00%",
            " Time    ██████████████████████▌░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 42.46%",
            " 0 certificates of L3 and above / 4 stating a level",
            "",
            "",
            " F1 Help  F3 Back  F5 Refresh  ↑↓",
        ],
        "80x24-zh": [
            " 截至 2025-06-04 · 2 项目标",
            " 目标         期限      目标值    已完成    完成比  时间    进度",
            " 高技能占比   2025      32.00%    0.00%     0.00%   42.46%  落后 32.00%",
            " 培训人次     2025      20        4         20.00%  42.46%  落后 4",
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
            " 高技能人才占比（证书） 2025",
            " 完成    ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 0.00%",
            " 时间    ██████████████████████▌░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 42.46%",
            " 高级工及以上证书 0 张 / 注明等级的证书 4 张",
            "",
            "",
            " F1 帮助  F3 返回  F5 刷新  ↑↓",
        ],
    ]
    static let performance: [String: [String]] = [
        "100x30-en": [
            " 2025 Q1 · by name · 1 institution(s)",
            " Institution                           Grade Cls  Enr   Compl   Cert    Rej     Warn Paid",
            " 南京技师学院                          A     1    4     100.00% 100.00% —       0    ¥0.00",
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
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " F1 Help  F3 Back  F4 Period  s Sort  Enter Grade  F5 Refresh",
        ],
        "100x30-zh": [
            " 2025年第1季度 · 按名称排序 · 1 家机构",
            " 机构名称                              等级  班数 参训  结业率  取证率  驳回率  预警 已支付",
            " 南京技师学院                          A     1    4     100.00% 100.00% —       0    ¥0.00",
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
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " F1 帮助  F3 返回  F4 期间  s 排序  Enter 评级  F5 刷新",
        ],
        "80x24-en": [
            " 2025 Q1 · by name · 1 institution(s)",
            " Institution                      Grade Cls  Enr   Compl   Cert    Rej     Warn",
            " 南京技师学院                     A     1    4     100.00% 100.00% —       0",
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
            "",
            "",
            "",
            " F1 Help  F3 Back  F4 Period  s Sort  Enter Grade  F5 Refresh",
        ],
        "80x24-zh": [
            " 2025年第1季度 · 按名称排序 · 1 家机构",
            " 机构名称                         等级  班数 参训  结业率  取证率  驳回率  预警",
            " 南京技师学院                     A     1    4     100.00% 100.00% —       0",
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
            "",
            "",
            "",
            " F1 帮助  F3 返回  F4 期间  s 排序  Enter 评级  F5 刷新",
        ],
    ]
    static let grade: [String: [String]] = [
        "100x30-en": [
            " 2025 Q1 · 12320100466001234B · applied A · suggested not enough data",
            " Classes 1 · enrolled 4 · completed 4 (100.00%) · certified 4 (100.00%)",
            " Claims submitted 0 · approved 0 · rejected 0 (rejection —) · paid ¥0.00",
            " Warnings W1 0  W2 0  W3 0  W4 0  W5 0",
            "",
            " Suggested grade: not enough data",
            " 0 decided claims (at least 10) and 4 enrolments (at least 10) are too few to grade (003 二(三)11)",
            "",
            " ✗ D  rejection rate — (0/0) ≥ 30%  ; demo",
            " ✗ D  completion rate 100.00% (4/4) < 50%  ; demo",
            " ✓ A  completion rate 100.00% (4/4) ≥ 90%  ; demo",
            " ✓ A  certified rate 100.00% (4/4) ≥ 80%  ; demo",
            " ✗ A  rejection rate — (0/0) ≤ 5%  ; demo",
            " ✓ A  W3 warnings 0 ≤ 0  ; demo",
            " ✓ B  completion rate 100.00% (4/4) ≥ 75%  ; demo",
            " ✗ B  rejection rate — (0/0) ≤ 15%  ; demo",
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
            " F1 Help  F3 Back  F9 Apply grade",
        ],
        "100x30-zh": [
            " 2025年第1季度 · 12320100466001234B · 现等级 A · 建议 数据不足",
            " 结业班 1 · 参训 4 · 结业 4（100.00%）· 取证 4（100.00%）",
            " 申请 提交 0 · 批准 0 · 驳回 0（驳回率 —）· 已支付 ¥0.00",
            " 预警 W1 0  W2 0  W3 0  W4 0  W5 0",
            "",
            " 建议等级：数据不足",
            " 已决定申请 0 份（至少 10 份）、参训 4 人次（至少 10 人次），不足以评级（003 二(三)11）",
            "",
            " ✗ D  驳回率 — (0/0) ≥ 30%  ; demo",
            " ✗ D  结业率 100.00% (4/4) < 50%  ; demo",
            " ✓ A  结业率 100.00% (4/4) ≥ 90%  ; demo",
            " ✓ A  取证率 100.00% (4/4) ≥ 80%  ; demo",
            " ✗ A  驳回率 — (0/0) ≤ 5%  ; demo",
            " ✓ A  W3 预警 0 ≤ 0  ; demo",
            " ✓ B  结业率 100.00% (4/4) ≥ 75%  ; demo",
            " ✗ B  驳回率 — (0/0) ≤ 15%  ; demo",
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
            " F1 帮助  F3 返回  F9 评定等级",
        ],
        "80x24-en": [
            " 2025 Q1 · 12320100466001234B · applied A · suggested not enough data",
            " Classes 1 · enrolled 4 · completed 4 (100.00%) · certified 4 (100.00%)",
            " Claims submitted 0 · approved 0 · rejected 0 (rejection —) · paid ¥0.00",
            " Warnings W1 0  W2 0  W3 0  W4 0  W5 0",
            "",
            " Suggested grade: not enough data",
            " 0 decided claims (at least 10) and 4 enrolments (at least 10) are too few to",
            " grade (003 二(三)11)",
            "",
            " ✗ D  rejection rate — (0/0) ≥ 30%  ; demo",
            " ✗ D  completion rate 100.00% (4/4) < 50%  ; demo",
            " ✓ A  completion rate 100.00% (4/4) ≥ 90%  ; demo",
            " ✓ A  certified rate 100.00% (4/4) ≥ 80%  ; demo",
            " ✗ A  rejection rate — (0/0) ≤ 5%  ; demo",
            " ✓ A  W3 warnings 0 ≤ 0  ; demo",
            " ✓ B  completion rate 100.00% (4/4) ≥ 75%  ; demo",
            " ✗ B  rejection rate — (0/0) ≤ 15%  ; demo",
            "",
            "",
            "",
            "",
            "",
            " F1 Help  F3 Back  F9 Apply grade",
        ],
        "80x24-zh": [
            " 2025年第1季度 · 12320100466001234B · 现等级 A · 建议 数据不足",
            " 结业班 1 · 参训 4 · 结业 4（100.00%）· 取证 4（100.00%）",
            " 申请 提交 0 · 批准 0 · 驳回 0（驳回率 —）· 已支付 ¥0.00",
            " 预警 W1 0  W2 0  W3 0  W4 0  W5 0",
            "",
            " 建议等级：数据不足",
            " 已决定申请 0 份（至少 10 份）、参训 4 人次（至少 10 人次），不足以评级（003",
            " 二(三)11）",
            "",
            " ✗ D  驳回率 — (0/0) ≥ 30%  ; demo",
            " ✗ D  结业率 100.00% (4/4) < 50%  ; demo",
            " ✓ A  结业率 100.00% (4/4) ≥ 90%  ; demo",
            " ✓ A  取证率 100.00% (4/4) ≥ 80%  ; demo",
            " ✗ A  驳回率 — (0/0) ≤ 5%  ; demo",
            " ✓ A  W3 预警 0 ≤ 0  ; demo",
            " ✓ B  结业率 100.00% (4/4) ≥ 75%  ; demo",
            " ✗ B  驳回率 — (0/0) ≤ 15%  ; demo",
            "",
            "",
            "",
            "",
            "",
            " F1 帮助  F3 返回  F9 评定等级",
        ],
    ]
}
