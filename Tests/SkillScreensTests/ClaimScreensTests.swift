import Foundation
import Testing
import SkillCore
import SkillDesk
import SkillScreens
import SkillStore
import SkillRecords
import TermUI

/// Four workers on one completed 初级工 class, each with a certificate after it (the last two
/// recorded with one number: W1, a warning); everyone's 户籍 in Nanjing; a supervisor, finance
/// and a funded 2025 account.
struct ClaimScreenWorld {
    let f: Fixture
    let clock: TestClock
    let classID: Int64
    let sup: Session
    let fin: Session
    let admin: Session
    static let zhangWei = residentID("32010219900307123")
    static let ouyang = residentID("32010219850612002")
    static let abdulla = residentID("32010419771130051")
    static let mary = residentID("32010519950101002")

    /// In memory, or in a database file at `databasePath` (for the files a screen must not replace).
    init(fundFen: Int64 = 10_000_000, databasePath: String? = nil) throws {
        let clock = TestClock(fixedNow)  // claims submitted on different days have different ages
        let f = try Fixture(desk: databasePath.map { try Desk.initialize(path: $0, admin: "admin", password: "admin-pass-1", clock: clock.closure) }
                                ?? Desk.inMemory(clock: clock.closure))
        self.f = f
        self.clock = clock
        try seedCatalogue(f)
        try f.registerFour()
        admin = try f.desk.login(name: "admin", password: "admin-pass-1")
        try admin.addUser(name: "sup1", roles: [.supervisor], password: "sup1-pass-1")
        try admin.addUser(name: "fin1", roles: [.finance], password: "fin1-pass-1")
        sup = try f.desk.login(name: "sup1", password: "sup1-pass-1")
        fin = try f.desk.login(name: "fin1", password: "fin1-pass-1")
        if fundFen > 0 { _ = try admin.allocateFund(year: 2025, source: .employmentSubsidy, amountFen: fundFen) }
        let workers = [Self.zhangWei, Self.ouyang, Self.abdulla, Self.mary]
        for id in workers {
            let row = try f.clerk.worker(id: id)
            _ = try f.clerk.update(id: id, with: WorkerDraft(id: id, name: row.name, hukouRegion: "320102"), expectedVersion: row.version)
        }
        let school = creditCode("12320100466001234")
        let scenario = Scenario(clerk: f.clerk)
        classID = try scenario.runningClass(Scenario.classDraft(institution: school, level: "L5", hours: "8"), enrolling: workers)
        for (i, w) in workers.enumerated() {
            try scenario.attend(classID, w, on: "2025-03-02")
            try scenario.certify(w, number: "S3201-2025-000\(min(i, 2) + 1)", classID: classID, level: "L5",
                                 issued: "2025-04-10", issuer: "南京市职业技能鉴定中心")
        }
    }

    /// A submitted training claim of `worker`, a day after the previous one.
    @discardableResult
    func submitted(_ worker: String, by session: Session? = nil) throws -> ClaimRow {
        let c = try Scenario(clerk: f.clerk).submittedClaim(worker, classID: classID, by: session)
        clock.advance(days: 1)
        return c
    }

    func context(_ s: Session, _ lang: Lang = .zh) -> ScreenContext {
        ScreenContext(lang: lang, desk: f.desk, databaseName: "test.sqlite", session: s)
    }

    func status(_ id: Int64) throws -> String { try f.clerk.claimDetail(id).claim.status.rawValue }
}

@Suite struct ClaimScreensTests {
    /// F8 on the archive, then F6 saves a draft and F10 submits it; the footer says so.
    @Test func clerkSavesAndSubmitsFromTheEvaluation() throws {
        let w = try ClaimScreenWorld()
        let ctx = w.f.context()
        let d = Driver(ctx, root: WorkerArchiveScreen(workerID: ClaimScreenWorld.zhangWei, name: "", ctx: ctx))
        d.press(.function(8))
        d.type("training"); d.press(.enter)
        #expect(d.row(2).contains("可以申报"))
        #expect(d.footerRow.contains("F6 存为草稿") && d.footerRow.contains("F10 提交"))
        d.press(.function(6))
        #expect(d.messageRow.contains("已存为草稿 SD-2025-000001，金额 ¥1,000.00"))
        #expect(try w.status(1) == "draft")
        #expect(!d.footerRow.contains("F6"))
        d.press(.function(10))
        #expect(d.messageRow.contains("已提交 SD-2025-000001"))
        #expect(try w.status(1) == "submitted")
        #expect(!d.footerRow.contains("F10"))
        // Only one claim was written (F10 did not create a second one).
        #expect(try w.sup.claimQueueTotals(ClaimQueueFilter(status: .submitted)).count == 1)
        #expect(try w.sup.claimQueueTotals(ClaimQueueFilter(status: .draft)).count == 0)
    }

    /// A failing rule: F10 is shown disabled with the rule, and pressing it writes nothing.
    @Test func submitIsRefusedWhileARuleFails() throws {
        let w = try ClaimScreenWorld()
        // 张伟's 户籍 is taken away again: E10 fails.
        let row = try w.f.clerk.worker(id: ClaimScreenWorld.zhangWei)
        _ = try w.f.clerk.update(id: row.id, with: WorkerDraft(id: row.id, name: row.name), expectedVersion: row.version)
        let ctx = w.f.context()
        let d = Driver(ctx, root: WorkerArchiveScreen(workerID: ClaimScreenWorld.zhangWei, name: "", ctx: ctx))
        d.press(.function(8))
        d.type("training"); d.press(.enter)
        #expect(d.footerRow.contains("F10 提交（不可用：E10 未通过）"))
        d.press(.function(10))
        #expect(d.messageRow.contains("不能提交：E10 未通过"))
        for st in [ClaimStatus.draft, .submitted] {
            #expect(try w.sup.claimQueueTotals(ClaimQueueFilter(status: st)).count == 0)
        }
        #expect(try w.admin.auditEntries(entity: "claim", key: "1").isEmpty)
    }

    /// The supervisor's queue, oldest first, with ages and warning counts; a literal 100×30 frame.
    @Test func queueLiteralScreenOldestFirstWithWarnings() throws {
        let w = try ClaimScreenWorld()
        try w.submitted(ClaimScreenWorld.zhangWei)
        try w.submitted(ClaimScreenWorld.abdulla)
        try w.submitted(ClaimScreenWorld.ouyang)
        w.clock.advance(days: 1)
        let ctx = w.context(w.sup)
        let d = Driver(ctx, root: ClaimListScreen(mode: .queue, ctx: ctx))
        let lines = d.lines
        #expect(lines.count == 30)
        // Chinese names are two columns a character: the amounts and counts still line up.
        #expect(Array(lines[0...6]) == [
            " SkillDesk · 待审核                                                     sup1 (审核人) · test.sqlite",
            " 筛选：全部类别                                                                             第 1 页",
            " 选项 申请编号       天数 姓名           补贴类别                  金额 警示 状态",
            " ___  SD-2025-000001    4 张伟           职业培训补贴         ¥1,000.00    0 已提交",
            " ___  SD-2025-000002    3 阿卜杜拉·艾尼  职业培训补贴         ¥1,000.00   ⚠1 已提交",
            " ___  SD-2025-000003    2 欧阳娜娜       职业培训补贴         ¥1,000.00    0 已提交",
            "",
        ])
        #expect(lines[7...26].allSatisfy { $0.isEmpty })
        #expect(lines[27] == " 选项：1=批准  4=驳回  5=查看")
        // `/` (find) and the supervisor's F10 (recheck all) come before the filters; PgDn and F12 no longer fit at 100 columns, so the footer ends with … (F1 lists every key).
        #expect(lines[29] == " F1 帮助  F3 返回  / 查找  F10 复核全部  F4 类别  F6 机构  F7 仅看警示  F8 状态  F9 最低金额  …")
        // F7: only the claim with a warning.
        d.press(.function(7))
        #expect(d.row(1).hasPrefix(" 筛选：全部类别 · 仅有警示"))
        #expect(d.row(3).contains("阿卜杜拉·艾尼") && d.row(4).isEmpty)
        d.press(.function(7))
        // F4 kind: 职业技能鉴定补贴 has none.
        d.press(.function(4))
        d.type("appraisal"); d.press(.enter)
        #expect(d.text.contains("没有符合条件的申请"))
        d.press(.function(4))
        d.press(.enter)   // 全部类别 is first
        #expect(d.row(5).contains("欧阳娜娜"))
        // F6 institution: another credit code has none; empty clears it.
        d.press(.function(6)); d.type("91320100MA1XXXXXX0"); d.press(.enter)
        #expect(d.row(1).contains("机构 91320100MA1XXXXXX0") && d.text.contains("没有符合条件的申请"))
        d.press(.function(6)); d.press(.enter)
        #expect(d.row(5).contains("欧阳娜娜"))
        // F9 minimum amount above every claim.
        d.press(.function(9)); d.type("1000.01"); d.press(.enter)
        #expect(d.row(1).contains("≥ ¥1,000.01") && d.text.contains("没有符合条件的申请"))
    }

    /// Two rows marked 1, one with a warning: one confirmation, only the clean one is approved and
    /// the message names the skipped one.
    @Test func batchApprovalSkipsTheClaimWithAWarning() throws {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        let b = try w.submitted(ClaimScreenWorld.abdulla)
        let ctx = w.context(w.sup)
        let d = Driver(ctx, root: ClaimListScreen(mode: .queue, ctx: ctx))
        d.type("11")
        #expect(d.row(3).hasPrefix(" _1_ ") && d.row(4).hasPrefix(" _1_ "))
        d.press(.enter)
        #expect(d.text.contains("批准 1 个申请，共 ¥1,000.00？"))
        #expect(d.text.contains("1 个有警示的申请不批量批准"))
        #expect(d.row(3).hasPrefix(" _1_ ") && d.row(4).hasPrefix(" _1_ "))   // still marked under the dialog
        #expect(try w.status(a.id) == "submitted")   // nothing before the confirmation
        d.press(.enter)
        #expect(d.messageRow.contains("已批准 1 个；跳过 SD-2025-000002（阿卜杜拉·艾尼）：有警示"))
        #expect(try w.status(a.id) == "on_notice")
        #expect(try w.status(b.id) == "submitted")
        // The queue reloads: only the skipped claim is left.
        #expect(d.row(3).contains("阿卜杜拉·艾尼") && d.row(4).isEmpty)
        // Cancelling the confirmation approves nothing.
        d.press(.char("1"), .enter)
        d.press(.function(12))
        #expect(try w.status(b.id) == "submitted")
    }

    /// 4 on a row: one reason code from the list and one text, then rejected with both.
    @Test func rejectWithCodeAndTextFromTheList() throws {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        let b = try w.submitted(ClaimScreenWorld.ouyang)
        let ctx = w.context(w.sup)
        let d = Driver(ctx, root: ClaimListScreen(mode: .queue, ctx: ctx))
        d.press(.down)
        d.type("4")
        d.press(.enter)
        #expect(d.text.contains("驳回原因代码（1 个申请）"))
        d.type("attendance"); d.press(.enter)
        #expect(d.text.contains("驳回说明（1 个申请）"))
        d.press(.enter)           // empty: a reason is required
        #expect(d.text.contains("须填写原因"))
        d.type("考勤记录与签到表不符"); d.press(.enter)
        #expect(d.messageRow.contains("已驳回 1 个"))
        let c = try w.f.clerk.claimDetail(b.id).claim
        #expect(c.status.rawValue == "rejected" && c.rejectCode == "attendance_doubt" && c.reason == "考勤记录与签到表不符")
        #expect(try w.status(a.id) == "submitted")
    }

    /// A user with clerk and supervisor roles opens their own claim: four eyes bars the decision,
    /// so the detail offers no F8/F9/F10 (issue 11: it asks `ClaimWorkflow.possibleActions`), F8
    /// does nothing and the claim stays submitted; the use case still refuses with its message.
    @Test func makerCheckerRefusalIsShown() throws {
        let w = try ClaimScreenWorld()
        try w.admin.addUser(name: "both", roles: [.clerk, .supervisor], password: "both-pass-1")
        let both = try w.f.desk.login(name: "both", password: "both-pass-1")
        let a = try w.submitted(ClaimScreenWorld.zhangWei, by: both)
        let ctx = w.context(both)
        let d = Driver(ctx, root: ClaimListScreen(mode: .queue, ctx: ctx))
        d.press(.enter)                         // no options: view the selected row
        #expect(d.title == "补贴申请 · SD-2025-000001 · 张伟")
        #expect(!d.footerRow.contains("F8") && !d.footerRow.contains("F9") && !d.footerRow.contains("F10"), "\(d.footerRow)")
        #expect(try both.claimDetail(a.id).actions.isEmpty)
        d.press(.function(8))
        d.press(.enter)
        #expect(try w.status(a.id) == "submitted")
        let refusal = #expect(throws: DeskError.self) { try both.approveClaim(a.id) }
        #expect(refusal?.message(.zh).contains("用户“both”经办了申请 \(a.number)，不能自己审核") == true, "named by its number")
        #expect(a.number.hasPrefix("SD-"))
        #expect(try w.status(a.id) == "submitted")
    }

    /// The detail's keys are exactly the steps the use case says are possible for the reader:
    /// a supervisor decides a submitted claim; its clerk, finance and an auditor-like reader cannot.
    @Test func theDetailOffersExactlyThePossibleActions() throws {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        let keys: [ClaimAction: String] = [.approve: "F8", .returnForCorrection: "F9", .reject: "F10"]
        for (s, want) in [(w.sup, [ClaimAction.approve, .returnForCorrection, .reject]), (w.f.clerk, []), (w.fin, []), (w.admin, [])] {
            let actions = try s.claimDetail(a.id).actions
            #expect(actions == want, "\(s.user)")
            let ctx = w.context(s)
            let d = Driver(ctx, root: ClaimDetailScreen(claimID: a.id, ctx: ctx))
            for (action, key) in keys {
                #expect(d.footerRow.contains(key + " ") == actions.contains(action), "\(s.user) \(key): \(d.footerRow)")
            }
        }
        // Returned: its clerk may resubmit (F10), the supervisor no longer decides.
        _ = try w.sup.returnClaim(a.id, reason: "缺少签到表")
        #expect(try w.f.clerk.claimDetail(a.id).actions == [.submit, .withdraw])
        #expect(try w.sup.claimDetail(a.id).actions.isEmpty)
        let ctx = w.context(w.sup)
        let d = Driver(ctx, root: ClaimDetailScreen(claimID: a.id, ctx: ctx))
        #expect(!d.footerRow.contains("F8") && !d.footerRow.contains("F10"), "\(d.footerRow)")
    }

    /// The detail lists the worker's days in the class; a day logged after submission is marked
    /// ⚠ (and W5 warns), the others are not.
    @Test func theDetailListsTheDaysAndMarksOneEditedAfterSubmission() throws {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        let ctx = w.context(w.sup)
        var d = Driver(ctx, root: ClaimDetailScreen(claimID: a.id, ctx: ctx))
        let before = try #require(d.lines.first { $0.contains("考勤（") })
        #expect(before.contains("）：03-02 8") && !before.contains("⚠03"), "\(before)")
        _ = try w.f.clerk.attend(classID: w.classID, workerID: ClaimScreenWorld.zhangWei, date: CalendarDate(iso: "2025-03-03")!,
                                 classroomMinutes: 120, onlineMinutes: 90)
        d = Driver(ctx, root: ClaimDetailScreen(claimID: a.id, ctx: ctx))
        let after = try #require(d.lines.first { $0.contains("考勤（") })
        #expect(after.contains("03-02 8 · ⚠03-03 2+1.5"), "\(after)")
        #expect(d.text.contains("⚠ W5"), "\(d.text)")
    }

    /// The detail: evidence and rules; return with a reason; the clerk sees it returned and
    /// resubmits; history lists every step.
    @Test func returnAndResubmitFromTheDetail() throws {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        let ctx = w.context(w.sup)
        let d = Driver(ctx, root: ClaimDetailScreen(claimID: a.id, ctx: ctx))
        #expect(d.row(2).hasPrefix(" SD-2025-000001  已提交  职业培训补贴  金额 ¥1,000.00"))
        #expect(d.text.contains("劳动者：张伟  " + ClaimScreenWorld.zhangWei))
        #expect(d.text.contains("计入学时 8/8，出勤 1 天"))
        #expect(d.text.contains("证书：职业技能等级证书 S3201-2025-0001"))
        #expect(d.text.contains("经办：clerk1 "))
        #expect(d.text.contains("✓ E1"))
        #expect(d.footerRow.contains("F8 批准  F9 退回  F10 驳回"))
        d.press(.function(9))
        d.press(.enter)
        #expect(d.text.contains("须填写原因"))
        d.type("请补充身份证复印件"); d.press(.enter)
        #expect(d.messageRow.contains("SD-2025-000001 现为：退回修改") || d.messageRow.contains("SD-2025-000001 现为："))
        #expect(try w.status(a.id) == "returned")
        #expect(d.text.contains("理由：请补充身份证复印件"))
        #expect(!d.footerRow.contains("F8"))
        // The clerk's list: F8 steps draft → returned.
        let cctx = w.f.context()
        let e = Driver(cctx, root: ClaimListScreen(mode: .mine, ctx: cctx))
        #expect(e.title == "我的申请 · 草稿" && e.text.contains("没有符合条件的申请"))
        e.press(.function(8))
        #expect(e.title == "我的申请 · 退回修改")
        #expect(e.row(3).contains("SD-2025-000001") && e.row(3).contains("张伟"))
        e.type("1")
        #expect(e.messageRow.contains("1"))   // 1 is not an option for a clerk
        e.press(.enter)
        #expect(e.title == "补贴申请 · SD-2025-000001 · 张伟")
        #expect(e.footerRow.contains("F10 提交"))
        e.press(.function(10))
        #expect(try w.status(a.id) == "submitted")
        e.press(.end)
        let history = e.lines.filter { $0.hasPrefix("   20") }
        #expect(history.count == 4, "\(history)")   // created, submitted, returned, submitted
        #expect(history.count == 4 && history[2].contains("sup1") && history[2].contains("退回修改"))
    }

    /// Home lines per role: the clerk's drafts and returned, the queue's size and oldest age,
    /// finance's payable and the year's fund balance.
    @Test func homeLinesPerRole() throws {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        try w.submitted(ClaimScreenWorld.ouyang)
        _ = try w.f.clerk.newClaim(ClaimProposal(worker: ClaimScreenWorld.mary, kind: .training, classID: w.classID))
        _ = try w.sup.returnClaim(a.id, reason: "补正")
        w.clock.advance(days: 2)
        let clerk = Driver(w.f.context(), root: HomeScreen(w.f.context()))
        #expect(clerk.text.contains("  我的申请 ........ 草稿 1 个，退回 1 个"))
        let sctx = w.context(w.sup)
        let sup = Driver(sctx, root: HomeScreen(sctx))
        #expect(sup.text.contains("  待审核 .......... 1 个，最早已等 3 天"))
        #expect(!sup.text.contains("我的申请"))
        let fctx = w.context(w.fin)
        let fin = Driver(fctx, root: HomeScreen(fctx))
        #expect(fin.text.contains("  待支付 .......... 0 个，共 ¥0.00"))
        #expect(fin.text.contains("2025 年资金余额 . ¥100,000.00"))
        // The menu item opens the read-only payable list; F1 says payments stay on the CLI.
        let item = try #require(fin.lines.first { $0.contains(". 待支付") })
        fin.press(.char(item.trimmingCharacters(in: .whitespaces).first!))
        #expect(fin.title == "待支付")
        fin.press(.function(1))
        #expect(fin.text.contains("skilldesk payment"))
    }

    @Test func englishQueueAndDetail() throws {
        let w = try ClaimScreenWorld()
        try w.submitted(ClaimScreenWorld.zhangWei)
        let ctx = w.context(w.sup, .en)
        let d = Driver(ctx, root: ClaimListScreen(mode: .queue, ctx: ctx))
        #expect(d.title == "Claims queue")
        #expect(d.row(2).contains("Claim") && d.row(2).contains("Amount") && d.row(2).contains("Warn"))
        #expect(d.lines[27] == " Options: 1=Approve  4=Reject  5=View")
        d.press(.enter)
        #expect(d.title.hasPrefix("Claim · SD-2025-000001"))
        #expect(d.footerRow.contains("F8 Approve"))
    }

    /// Two supervisors on one claim: the second, whose screen still shows it submitted, is told
    /// who decided it; the screen reloads and shows the new status.
    @Test func lostRaceSaysWhoDidWhat() throws {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        try w.admin.addUser(name: "sup2", roles: [.supervisor], password: "sup2-pass-1")
        let sup2 = try w.f.desk.login(name: "sup2", password: "sup2-pass-1")
        let ctx = w.context(sup2)
        let d = Driver(ctx, root: ClaimDetailScreen(claimID: a.id, ctx: ctx))
        #expect(d.footerRow.contains("F9 退回"))
        d.press(.function(9))
        d.type("材料不全")
        _ = try w.sup.approveClaim(a.id)          // sup1 decides first
        d.press(.enter)
        #expect(d.messageRow.contains("sup1"), "\(d.messageRow)")
        #expect(d.canvas[x: 1, y: 28].style.color == .red)
        #expect(try w.status(a.id) == "on_notice")
        #expect(d.row(2).contains("公示中") || !d.footerRow.contains("F9"))
    }

    /// F7 on a completed class's grid: a draft for every trainee the rules allow, the report in a dialog.
    @Test func classGridCreatesClaimsForEveryCompletedTrainee() throws {
        let w = try ClaimScreenWorld()
        _ = try w.f.clerk.completeClass(w.classID)
        // 欧阳娜娜 already has one: she is skipped.
        _ = try w.f.clerk.newClaim(ClaimProposal(worker: ClaimScreenWorld.ouyang, kind: .training, classID: w.classID))
        let ctx = w.f.context()
        let d = Driver(ctx, root: try AttendanceGridScreen(classID: w.classID, session: w.f.clerk, ctx: ctx))
        #expect(d.footerRow.contains("F7 生成申请"))
        d.press(.function(7))
        #expect(d.text.contains("已生成 3 个草稿申请："))
        #expect(d.text.contains("跳过 1 人："))
        #expect(d.text.contains("欧阳娜娜："))
        d.press(.enter)
        #expect(!d.text.contains("已生成"))
        #expect(try w.sup.claimQueueTotals(ClaimQueueFilter(status: .draft)).count == 4)
        // Again: nothing new, everyone skipped.
        d.press(.function(7))
        #expect(d.text.contains("已生成 0 个草稿申请："))
        #expect(try w.sup.claimQueueTotals(ClaimQueueFilter(status: .draft)).count == 4)
    }

    /// A claim on notice: the clerk records an objection (F7, reason required) and it goes back to review.
    @Test func objectionFromTheDetail() throws {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        _ = try w.sup.approveClaim(a.id, note: "材料齐全")
        let ctx = w.f.context()
        let d = Driver(ctx, root: ClaimDetailScreen(claimID: a.id, ctx: ctx))
        #expect(d.text.contains("意见：材料齐全"))
        #expect(d.text.contains("审核：sup1 "))
        #expect(d.text.contains("公示："))
        #expect(d.footerRow.contains("F7 公示异议") && !d.footerRow.contains("F8"))
        d.press(.function(7))
        d.press(.enter)
        #expect(d.text.contains("须填写原因"))
        #expect(try w.status(a.id) == "on_notice")
        d.type("群众反映未实际参训"); d.press(.enter)
        #expect(try w.status(a.id) == "submitted")
        #expect(d.messageRow.contains("现为：已提交"))
        #expect(!d.footerRow.contains("F7"))
    }

    /// After the notice ends, finance's home counts the claim as payable and the read-only list shows it.
    @Test func financeSeesPayableAfterTheNotice() throws {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        _ = try w.sup.approveClaim(a.id)
        w.clock.advance(days: 14)
        let ctx = w.context(w.fin)
        let d = Driver(ctx, root: HomeScreen(ctx))
        #expect(d.text.contains("  待支付 .......... 1 个，共 ¥1,000.00"))
        #expect(d.text.contains("2025 年资金余额 . ¥99,000.00"))
        let e = Driver(ctx, root: ClaimListScreen(mode: .payable, ctx: ctx))
        #expect(e.row(3).contains("SD-2025-000001") && e.row(3).contains("待支付"))
        e.type("1")
        #expect(e.messageRow.contains("1"))                  // finance has no decision options
        #expect(e.lines[27] == " 选项：5=查看")
        #expect(try w.status(a.id) == "payable")
    }
}
