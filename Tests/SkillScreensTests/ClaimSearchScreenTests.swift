import Foundation
import Testing
import SkillCore
import SkillDesk
import SkillScreens
import SkillStore
import SkillRecords
import TermUI

/// `/` search on the claim lists, every status, the auditor's list and the archive's claims (issue 12).
@Suite struct ClaimSearchScreenTests {
    /// Three submitted claims (SD-2025-000001 张伟, 000002 阿卜杜拉·艾尼, 000003 欧阳娜娜); 欧阳娜娜's rejected.
    static func world() throws -> (ClaimScreenWorld, [ClaimRow]) {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        let b = try w.submitted(ClaimScreenWorld.abdulla)
        let c = try w.submitted(ClaimScreenWorld.ouyang)
        _ = try w.sup.rejectClaims([c.id], code: .notEligible, reason: "不符合条件")
        return (w, [a, b, c])
    }

    static func queue(_ w: ClaimScreenWorld, _ lang: Lang, _ width: Int, _ height: Int) -> Driver {
        let ctx = w.context(w.sup, lang)
        return Driver(ctx, root: ClaimListScreen(mode: .queue, ctx: ctx), width: width, height: height)
    }

    @Test func searchPromptAndResultsZh100() throws {
        let (w, _) = try Self.world()
        let d = Self.queue(w, .zh, 100, 30)
        d.press(.char("/"))
        #expect(Array(d.lines[12...16]) == [
            "            ┌─ 查找申请 ───────────────────────────────────────────────────────────────┐",
            "            │ 申请编号（SD-2026-000123 或 123）、姓名或身份证号开头                    │",
            "            │                                                                          │",
            "            │                                                                          │",
            "            └──────────────────────────────────────────────────────────────────────────┘",
        ])
        d.type("娜"); d.press(.enter)
        #expect(Array(d.lines[0...4]) == [
            " SkillDesk · 待审核 · 查找申请                                          sup1 (审核人) · test.sqlite",
            " 查找：娜 · 全部状态                                                                        第 1 页",
            " 选项 申请编号       姓名           补贴类别              金额 警示 状态",
            " ___  SD-2025-000003 欧阳娜娜       职业培训补贴     ¥1,000.00    0 已驳回",
            "",
        ])
        // Not decidable across statuses: only 5 is an option, and the message says so.
        #expect(d.row(27) == " 选项：5=查看")
        d.press(.char("1"))
        #expect(d.messageRow == " 选项 1 无效：此处只能用 5（查看）")
        #expect(d.footerRow == " F1 帮助  F3 返回  / 查找  F10 复核全部  F4 类别  F6 机构  F7 仅看警示  F8 状态  F9 最低金额  …")
    }

    @Test func searchResultsAndStatusListZh80() throws {
        let (w, _) = try Self.world()
        let d = Self.queue(w, .zh, 80, 24)
        d.press(.char("/")); d.type("娜"); d.press(.enter)
        #expect(Array(d.lines[0...4]) == [
            " SkillDesk · 待审核 · 查找申请                      sup1 (审核人) · test.sqlite",
            " 查找：娜 · 全部状态                                                    第 1 页",
            " 选项 申请编号       姓名           补贴类别              金额 警示 状态",
            " ___  SD-2025-000003 欧阳娜娜       职业培训补贴     ¥1,000.00    0 已驳回",
            "",
        ])
        #expect(d.footerRow == " F1 帮助  F3 返回  / 查找  F10 复核全部  F4 类别  F6 机构  F7 仅看警示  …")
        d.press(.char("s"))
        #expect(Array(d.lines[3...19]) == [
            " ___  SD-2025-000003 欧阳 ┌─ 筛选申请：选择状态 ─────┐1,000.00    0 已驳回",
            "                          │ ›                        │",
            "                          │ *          全部状态      │",
            "                          │ submitted  已提交        │",
            "                          │ paid       已支付        │",
            "                          │ clawback   追回中        │",
            "                          │ draft      草稿          │",
            "                          │ returned   退回修改      │",
            "                          │ approved   已批准        │",
            "                          │ on_notice  公示中        │",
            "                          │ payable    待支付        │",
            "                          │ rejected   已驳回        │",
            "                          │ recovered  已追回        │",
            "                          │ withdrawn  已撤回        │",
            "                          │                          │",
            "                          └──────────────────────────┘",
            "",
        ])
        // Choose 已提交 by its code: 欧阳娜娜's only claim is rejected.
        d.type("submitted"); d.press(.enter)
        #expect(d.row(1).hasPrefix(" 查找：娜 · 已提交 "))
        #expect(d.text.contains("没有符合条件的申请"))
    }

    @Test func searchPromptAndResultsEnglish() throws {
        let (w, _) = try Self.world()
        let wide = Self.queue(w, .en, 100, 30)
        wide.press(.char("/"))
        #expect(wide.row(12) == "            ┌─ Find claims ────────────────────────────────────────────────────────────┐")
        #expect(wide.row(13) == "            │ Claim number (SD-2026-000123 or 123), name, or start of the ID           │")
        wide.type("娜"); wide.press(.enter)
        #expect(Array(wide.lines[1...3]) == [
            " Find: 娜 · All statuses                                                                     page 1",
            " Opt  Claim          Name           Kind                Amount Warn Status",
            " ___  SD-2025-000003 欧阳娜娜       vocational …     ¥1,000.00    0 rejected",
        ])
        let d = Self.queue(w, .en, 80, 24)
        d.press(.char("/")); d.type("娜"); d.press(.enter)
        #expect(Array(d.lines[0...4]) == [
            " SkillDesk · Claims queue · Find claims         sup1 (Supervisor) · test.sqlite",
            " Find: 娜 · All statuses                                                 page 1",
            " Opt  Claim          Name           Kind                Amount Warn Status",
            " ___  SD-2025-000003 欧阳娜娜       vocational …     ¥1,000.00    0 rejected",
            "",
        ])
        #expect(d.row(21) == " Options: 5=View")
        #expect(d.footerRow == " F1 Help  F3 Back  / Find  F10 Recheck all  F4 Kind  F6 Institution  …")
        // A text with nothing to look for stays in the prompt with the reason.
        d.press(.char("/")); d.type("*?"); d.press(.enter)
        #expect(d.text.contains("│ Nothing to search for: type a claim number, a name or an ID start        │"))
        d.press(.escape)
        #expect(d.row(3).contains("SD-2025-000003"))   // the search shown before is kept
    }

    /// By number (full, full-width, tail), F8 over the statuses, Esc back to the queue, Enter opens.
    @Test func numberTailF8AndEscape() throws {
        let (w, claims) = try Self.world()
        let d = Self.queue(w, .zh, 100, 30)
        d.press(.char("/")); d.type("SD-2025-000002"); d.press(.enter)
        #expect(d.row(3) == " ___  SD-2025-000002 阿卜杜拉·艾尼  职业培训补贴     ¥1,000.00   ⚠1 已提交")
        #expect(d.row(4).isEmpty)
        d.press(.char("/")); d.type("ＳＤ－２０２５－０００００３"); d.press(.enter)
        #expect(d.row(3).contains("SD-2025-000003") && d.row(4).isEmpty)
        d.press(.char("/")); d.type("1"); d.press(.enter)
        #expect(d.row(3).contains("SD-2025-000001 张伟") && d.row(4).isEmpty)
        // A year that is not the claim's: nothing.
        d.press(.char("/")); d.type("SD-2024-000001"); d.press(.enter)
        #expect(d.text.contains("没有符合条件的申请"))
        // Every claim of the 320102 workers, then F8 steps: all → 已提交 → 已支付 …
        d.press(.char("/")); d.type("320102"); d.press(.enter)
        #expect(d.row(1).hasPrefix(" 查找：320102 · 全部状态"))
        #expect([3, 4].map { d.row($0).contains("SD-2025-00000") } == [true, true])
        d.press(.function(8))
        #expect(d.row(1).hasPrefix(" 查找：320102 · 已提交"))
        #expect(d.row(27) == " 选项：1=批准  4=驳回  5=查看")   // one decidable status: the batch options are back
        #expect(!d.text.contains("已驳回"))
        // Esc leaves the search: the queue as it was.
        d.press(.escape)
        #expect(d.row(1).hasPrefix(" 筛选：全部类别"))
        #expect(d.row(2).contains("天数"))
        // Enter on a found claim opens it.
        d.press(.char("/")); d.type("欧阳"); d.press(.enter)
        d.press(.enter)
        #expect(d.title.hasPrefix("补贴申请 · SD-2025-00000\(claims[2].id)"))
    }

    /// A supervisor lists rejected claims with `s`; the queue's own wrong-option message is the claim list's.
    @Test func statusListOnTheQueueAndOptionMessage() throws {
        let (w, _) = try Self.world()
        let d = Self.queue(w, .zh, 100, 30)
        d.press(.char("7"))
        #expect(d.messageRow == " 选项 7 无效：请用 1（批准）、4（驳回）或 5（查看）")
        d.press(.function(4))
        #expect(d.text.contains("筛选申请：选择补贴类别") && !d.text.contains("评估补贴"))
        d.press(.escape)
        d.press(.char("s")); d.type("rejected"); d.press(.enter)
        #expect(d.title == "待审核 · 已驳回")
        #expect(d.row(3).contains("SD-2025-000003") && d.row(3).contains("欧阳娜娜") && d.row(4).isEmpty)
    }

    /// The auditor's 全部申请: every claim, read-only; the detail offers no action.
    @Test func auditorReadsEveryClaimReadOnly() throws {
        let (w, claims) = try Self.world()
        try w.admin.addUser(name: "aud9", roles: [.auditor], password: "aud9-pass-12")
        let ctx = w.context(try w.f.desk.login(name: "aud9", password: "aud9-pass-12"))
        let d = Driver(ctx, root: HomeScreen(ctx))
        d.press(.char("7"))
        #expect(d.title == "全部申请 · 已提交")
        #expect(d.row(3).contains("SD-2025-000001") && d.row(4).contains("SD-2025-000002"))
        #expect(d.row(27) == " 选项：5=查看")
        d.press(.char("1"))
        #expect(d.messageRow == " 选项 1 无效：此处只能用 5（查看）")
        d.press(.function(10))
        #expect(!d.text.contains("复核全部"))
        d.press(.char("/")); d.type("欧阳"); d.press(.enter)
        #expect(d.row(3).contains("已驳回"))
        d.press(.enter)
        #expect(d.title.hasPrefix("补贴申请 · SD-2025-00000\(claims[2].id)"))
        for k in ["F8 批准", "F9 退回", "F10 驳回", "F6 追回"] { #expect(!d.footerRow.contains(k), "\(k)") }
    }

    /// A clerk's list and search show only the claims the clerk prepared.
    @Test func aClerkSearchesOnlyTheirOwnClaims() throws {
        let (w, _) = try Self.world()
        try w.admin.addUser(name: "clerk9", roles: [.clerk], password: "clerk9-pass-12")
        let ctx = w.context(try w.f.desk.login(name: "clerk9", password: "clerk9-pass-12"))
        let d = Driver(ctx, root: ClaimListScreen(mode: .mine, ctx: ctx))
        d.press(.char("/")); d.type("320102"); d.press(.enter)
        #expect(d.text.contains("没有符合条件的申请"))
        let own = w.context(w.f.clerk)
        let e = Driver(own, root: ClaimListScreen(mode: .mine, ctx: own))
        e.press(.char("/")); e.type("娜"); e.press(.enter)
        #expect(e.row(3).contains("SD-2025-000003") && e.row(3).contains("已驳回"))
        // F8 on the clerk's list reaches every status (rejected is the 7th step from draft: the
        // clerk's own four — draft, returned, submitted, withdrawn — come first).
        e.press(.escape)
        for _ in 0..<7 { e.press(.function(8)) }
        #expect(e.title == "我的申请 · 已驳回")
        #expect(e.row(3).contains("SD-2025-000003"))
    }

    @Test func archiveListsClaimsAndEnterOpensOne() throws {
        let (w, claims) = try Self.world()
        for (lang, width, height) in [(Lang.zh, 100, 30), (.en, 80, 24)] {
            let ctx = w.context(w.sup, lang)
            let d = Driver(ctx, root: WorkerArchiveScreen(workerID: ClaimScreenWorld.ouyang, name: "", ctx: ctx), width: width, height: height)
            if lang == .zh {
                #expect(Array(d.lines[12...16]) == [
                    "",
                    " 补贴申请（1 笔；Tab 选中，Enter 打开）",
                    " 申请编号       补贴类别         状态                金额",
                    " SD-2025-000003 职业培训补贴     已驳回         ¥1,000.00",
                    "",
                ])
                #expect(d.footerRow == " F1 帮助  F3 返回  F5 刷新  F8 评估补贴  Tab Enter 打开")
            } else {
                #expect(Array(d.lines[12...16]) == [
                    "",
                    " Claims (1; Tab selects, Enter opens)",
                    " Claim          Kind             Status            Amount",
                    " SD-2025-000003 vocational trai… rejected       ¥1,000.00",
                    "",
                ])
                #expect(d.footerRow == " F1 Help  F3 Back  F5 Refresh  F8 Evaluate claim  Tab Enter Open")
            }
            d.press(.tab)
            #expect(d.canvas[x: 1, y: 15].style.reverse)
            d.press(.enter)
            #expect(d.title.hasPrefix(lang == .zh ? "补贴申请 · SD-2025-00000\(claims[2].id)" : "Claim · SD-2025-00000\(claims[2].id)"))
            d.press(.function(3))
            #expect(d.row(15).contains("SD-2025-000003"))
        }
    }
}
