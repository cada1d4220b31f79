import Foundation
import Testing
import SkillCore
@testable import SkillDesk
import SkillScreens
import SkillRecords
import TermUI

/// 异常线索 / Anomalies (issue 13 item 5): the signals with counts and the selected one's definition,
/// F4 period, Enter → occurrences → records → the worker or the claim.
@Suite struct AnomalyScreenTests {
    static let account = "6222020200112233446"

    /// 张伟 and 欧阳娜娜 share a bank account and each have a claim dated 2025-06-02 (in 2025-Q2,
    /// the quarter of the clock's day); the auditor's context.
    func world() throws -> (ClaimScreenWorld, [ClaimRow], Session) {
        let w = try ClaimScreenWorld()
        try w.f.clerk.setBankAccount(workerID: ClaimScreenWorld.zhangWei, account: Self.account)
        try w.f.clerk.setBankAccount(workerID: ClaimScreenWorld.ouyang, account: Self.account)
        let claims = [try w.submitted(ClaimScreenWorld.zhangWei), try w.submitted(ClaimScreenWorld.ouyang)]
        let auditor = try w.f.desk.login(name: "audit1", password: "audit1-pass")
        return (w, claims, auditor)
    }

    func open(_ w: ClaimScreenWorld, _ s: Session, _ lang: Lang, width: Int = 100, height: Int = 30) -> Driver {
        let ctx = w.context(s, lang)
        let d = Driver(ctx, root: HomeScreen(ctx), width: width, height: height)
        return d
    }

    /// From the home menu: the entry is there for auditors and supervisors (not for clerks), and
    /// opening it sweeps the quarter of today with a progress line.
    func openFromHome(_ d: Driver, _ lang: Lang) throws {
        let label = lang == .zh ? "异常线索" : "Anomalies"
        let line = try #require(d.lines.first { $0.contains(". " + label) })
        let entry = try #require(line.range(of: ". " + label))
        let key = try #require(line[..<entry.lowerBound].last)
        d.press(.char(key))
    }

    func body(_ d: Driver) -> String {
        // Rows between the title bar and the message line, trailing spaces trimmed.
        var rows = d.lines.dropFirst().dropLast(2).map { String($0.reversed().drop { $0 == " " }.reversed()) }
        while rows.last == "" { rows.removeLast() }
        return rows.joined(separator: "\n")
    }

    func swept(_ w: ClaimScreenWorld, _ s: Session, _ lang: Lang, width: Int = 100, height: Int = 30) -> Driver {
        let ctx = w.context(s, lang)
        let d = Driver(ctx, root: AnomalyScreen(ctx), width: width, height: height)
        d.press(.function(5))
        return d
    }

    @Test func signalsWithCountsAndDefinitionZh100() throws {
        let (w, _, auditor) = try world()
        let d = swept(w, auditor, .zh)
        #expect(d.deferredFrames.count == 1 && d.deferredFrames[0].contains("正在扫描 2025年第2季度 的异常线索…"))
        #expect(d.progressFrames.contains { $0.contains("多人共用银行账户 1/6") })
        #expect(d.messageRow.contains("已扫描 2025年第2季度"))
        #expect(d.footerRow.contains("F4 期间") && d.footerRow.contains("F5 重新扫描"))
        #expect(body(d) == """
             期间：2025年第2季度（2025-04-01 至 2025-06-30）  F4 更改

             信号                                                                代码（--signal）          条数
             预警（W1–W5）                                                       warnings                     0
             多人共用银行账户                                                    shared-account               1
             多人共用手机号码                                                    shared-phone                 0
             短期内在多家机构培训                                                institution-hopping          0
             全班考勤完全相同                                                    copied-attendance            0
             结业日集中发证且合格率低                                            certificates-en-masse        0

             定义（F1 查看全文）：
             提交日期（业务日）在期间内、提交时评估出预警（W1–W4，记录为预警数）或其证据此后被改动（W5）的申
             请，每件申请一条，列出其预警数和 W5 标记。预警的具体规则以提交日的数据重新评估得出（证据此后改动
             的，以现在的数据为准）。草稿从未提交，不计。依据 000 四(三); 001 四(三)3; 003 三(三)。
            """)
    }

    @Test func signalsEn80x24() throws {
        let (w, _, auditor) = try world()
        let d = swept(w, auditor, .en, width: 80, height: 24)
        d.press(.down)
        #expect(body(d) == """
             Period: 2025 Q2 (2025-04-01 to 2025-06-30)  F4 to change

             Signal                                          Code (--signal)          Count
             Warnings (W1–W5)                                warnings                     0
             Bank account shared by workers                  shared-account               1
             Phone shared by workers                         shared-phone                 0
             Several institutions in a short span            institution-hopping          0
             Identical attendance across a class             copied-attendance            0
             Certificates en masse, low completion           certificates-en-masse        0

             Definition (F1 shows it whole):
             One bank account recorded for 2 or more workers (the worker's own account, and
             the account of claims paid to the worker). Only workers with a class running
             in the period or a claim dated in it: a sweep of the whole registry is another
             report (data quality) and not about this period's money. Accounts of
             institutions and enterprises are shared by design and do not count. 000
             四(三); 001 四(三)3; 003 三(三).
            """)
        #expect(d.footerRow.hasPrefix(" F1 Help  F3 Back  F4 Period  F5 Sweep again  Enter Open"))
    }

    /// The tmux journey's path, in the screens: home → 异常线索 → shared account → its occurrence →
    /// the claim → the claim's detail; at 80×24 in zh, and the occurrence and records at 100×30 in en.
    @Test func drillIntoASharedAccountAndOpenTheClaimZh80() throws {
        let (w, claims, auditor) = try world()
        let d = open(w, auditor, .zh, width: 80, height: 24)
        try openFromHome(d, .zh)
        #expect(d.title == "异常线索")
        #expect(d.deferredFrames.count == 1)
        d.press(.down, .enter)
        #expect(d.title == "异常线索 · 多人共用银行账户")
        #expect(body(d) == """
             期间：2025年第2季度 · 共 1 条（Enter 查看涉及的记录）

             对象                     触发数据
             ****3446                 2 名职工共用账户 ****3446：欧阳娜娜、张伟
            """)
        d.press(.enter)
        #expect(d.title == "异常线索 · ****3446")
        #expect(body(d) == """
             2 名职工共用账户 ****3446：欧阳娜娜、张伟


             类别   编号                 名称
             职工   320102198506120026   欧阳娜娜
             职工   320102199003071239   张伟
             申请   SD-2025-000002       欧阳娜娜 · 职业培训补贴
             申请   SD-2025-000001       张伟 · 职业培训补贴
            """)
        d.press(.down, .down, .down, .enter)
        #expect(d.title.hasPrefix("补贴申请 · " + claims[0].number + " · 张伟"))
        d.press(.function(3))
        #expect(d.title == "异常线索 · ****3446")
        d.press(.up, .up, .enter)
        #expect(d.title == "劳动者详情 · 张伟")
    }

    @Test func occurrencesAndRecordsEn100() throws {
        let (w, _, auditor) = try world()
        let d = swept(w, auditor, .en)
        d.press(.down, .enter)
        #expect(body(d) == """
             Period: 2025 Q2 · occurrences: 1 (Enter lists the records)

             Subject                  Figures
             ****3446                 2 workers share account ****3446: 欧阳娜娜、张伟
            """)
        d.press(.enter)
        #expect(body(d) == """
             2 workers share account ****3446: 欧阳娜娜、张伟


             Kind   Number               Name
             Worker 320102198506120026   欧阳娜娜
             Worker 320102199003071239   张伟
             Claim  SD-2025-000002       欧阳娜娜 · vocational training subsidy
             Claim  SD-2025-000001       张伟 · vocational training subsidy
            """)
    }

    /// F4: a wrong period says what is right and keeps the last sweep; a right one (full-width
    /// digits) sweeps it. F1 shows the selected signal's definition whole.
    @Test func periodPromptAndDefinition() throws {
        let (w, _, auditor) = try world()
        let d = swept(w, auditor, .en)
        d.press(.function(4))
        for _ in 0..<10 { d.press(.backspace) }
        d.type("2025-13")
        d.press(.enter)
        #expect(d.text.contains("'2025-13' is not a period: write it as the line above shows"))
        #expect(d.text.contains("Period: 2025 Q2 (2025-04-01 to 2025-06-30)"))   // the last sweep stays
        #expect(d.deferredFrames.count == 1)
        for _ in 0..<10 { d.press(.backspace) }
        d.type("２０２５－Ｑ１")
        d.press(.enter)
        #expect(d.deferredFrames.count == 2)
        #expect(d.text.contains("Period: 2025 Q1 (2025-01-01 to 2025-03-31)"))
        // In Q1 nobody had a claim and the class ran in March: the two workers are active, and share the account.
        #expect(d.lines.contains { $0.contains("shared-account") && $0.hasSuffix("1") })
        d.press(.down, .function(1))
        let help = d.text
        #expect(help.contains("Help · Anomalies") && help.contains("│ Bank account shared by workers"))
        #expect(help.contains("design and do not count. 000 四(三); 001 四(三)3; 003 三(三)."))
    }

    @Test func menuEntryForAuditorsAndSupervisorsOnly() throws {
        let (w, _, auditor) = try world()
        for (s, shown) in [(auditor, true), (w.sup, true), (w.f.clerk, false), (w.fin, false), (w.admin, false)] {
            let d = open(w, s, .zh)
            #expect(d.text.contains("异常线索") == shown, "\(s.user)")
        }
    }
}
