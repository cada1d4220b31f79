import Foundation
import GRDB
import Testing
import SkillCore
@testable import SkillDesk
import SkillScreens
@testable import SkillStore
import SkillRecords
import TermUI

/// F10 "复核全部" on the supervisors' queue and the result screen (issue 4/5).
@Suite struct RecheckScreenTests {
    /// Three submitted claims: 张伟 (#1), 欧阳娜娜 (#2), 阿卜杜拉·艾尼 (#3).
    func world() throws -> (ClaimScreenWorld, [ClaimRow]) {
        let w = try ClaimScreenWorld()
        let claims = [try w.submitted(ClaimScreenWorld.zhangWei), try w.submitted(ClaimScreenWorld.ouyang),
                      try w.submitted(ClaimScreenWorld.abdulla)]
        return (w, claims)
    }

    func number(_ c: ClaimRow) -> String { ClaimNumber.format(year: c.claimYear, serial: Int(c.id)) }
    func auditCount(_ w: ClaimScreenWorld) throws -> Int { try w.f.desk.store.read { try $0.auditCount() } }
    func sql(_ w: ClaimScreenWorld, _ statements: String...) throws {
        try w.f.desk.store.write { x in for s in statements { try x.db.execute(sql: s) } }
    }
    func queue(_ w: ClaimScreenWorld, _ s: Session, _ lang: Lang = .zh, width: Int = 100, height: Int = 30) -> Driver {
        let ctx = w.context(s, lang)
        return Driver(ctx, root: ClaimListScreen(mode: .queue, ctx: ctx), width: width, height: height)
    }

    /// The key is the supervisor's, on the queue: in its footer and F1 help; a clerk's list and
    /// finance's payable list neither show nor obey it.
    @Test func keyOnlyForSupervisorsOnTheQueue() throws {
        let (w, _) = try world()
        let d = queue(w, w.sup)
        #expect(d.footerRow.contains("F10 复核全部"))
        d.press(.function(1))
        #expect(d.text.contains("F10 复核全部（审核人员）"))
        d.press(.escape)
        let en = queue(w, w.sup, .en)
        #expect(en.footerRow.contains("F10 Recheck all"))
        // Still there when narrow: it comes before the filters, which drop off first.
        let narrow = queue(w, w.sup, width: 80, height: 24)
        #expect(narrow.footerRow.hasPrefix(" F1 帮助  F3 返回  / 查找  F10 复核全部  F4 类别"))

        let clerkCtx = w.context(w.f.clerk)
        let mine = Driver(clerkCtx, root: ClaimListScreen(mode: .mine, ctx: clerkCtx))
        // A clerk given the queue screen directly still has no key (the permission decides).
        let clerkQueue = queue(w, w.f.clerk)
        let finCtx = w.context(w.fin)
        let payable = Driver(finCtx, root: ClaimListScreen(mode: .payable, ctx: finCtx))
        for other in [mine, clerkQueue, payable] {
            #expect(!other.footerRow.contains("F10"))
            let before = other.text
            other.press(.function(10))
            #expect(other.text == before)
            #expect(other.deferredFrames.isEmpty)
            other.press(.function(1))
            #expect(!other.text.contains("复核全部"))
        }
    }

    /// A claim made to fail (its attendance deleted: E14): the confirmation says how many, the
    /// profile and the day; the frame before the job says it runs; the result lists that claim
    /// alone with its rules, worker and kind; nothing is written; Enter opens the claim.
    @Test func confirmingRunsTheJobAndListsTheFailingClaimOnly() throws {
        let (w, claims) = try world()
        try sql(w, "DELETE FROM attendance WHERE worker_id = '\(ClaimScreenWorld.ouyang)'")
        let audits = try auditCount(w)
        let profile = try w.sup.activePolicy().name
        let today = w.f.desk.today().description
        let d = queue(w, w.sup)
        d.press(.function(10))
        #expect(d.text.contains("复核全部"))
        #expect(d.text.contains("重新评估全部 3 件“已提交”申请？"))
        #expect(d.text.contains("按政策方案 \(profile)，业务日期 \(today)。"))
        #expect(d.text.contains("只读取，不修改任何申请"))
        #expect(d.deferredFrames.isEmpty && d.title == "待审核")
        d.press(.enter)
        // One frame said it was working, over the queue, the dialog gone; then the job ran.
        #expect(d.deferredFrames.count == 1)
        let working = d.deferredFrames[0]
        #expect(working.contains("正在复核 3 件“已提交”申请…"))
        #expect(working.contains("SkillDesk · 待审核") && !working.contains("[ 复核 ]"))
        #expect(d.title == "复核结果")
        let text = d.text
        #expect(text.contains("复核 3 件：仍符合 2 件，不再符合 1 件，金额变化 0 件，无法评估 0 件"))
        #expect(text.contains("状态“已提交” · 政策方案 \(profile) · 截至 \(today) · 用时 "))
        let row = try #require(d.lines.first { $0.contains(number(claims[1])) })
        #expect(row.contains("不再符合：") && row.contains("E14"))
        #expect(row.contains("欧阳娜娜") && row.contains(SubsidyKind.training.label(.zh)))
        #expect(!text.contains(number(claims[0])) && !text.contains(number(claims[2])))
        #expect(!text.contains("全部 3 件仍符合"))
        #expect(d.footerRow.contains("Enter 打开"))
        #expect(try auditCount(w) == audits)
        #expect(try w.status(claims[1].id) == "submitted")

        d.press(.enter)
        #expect(d.title.hasPrefix("补贴申请 · " + number(claims[1]) + " · 欧阳娜娜"))
        #expect(d.text.contains("E14"))
        d.press(.function(3))
        #expect(d.title == "复核结果")
        d.press(.function(3))
        #expect(d.title == "待审核")
        #expect(d.deferredFrames.count == 1)   // going back does not run the job again
    }

    /// Cancel (F12, or the Cancel button) closes the question, runs nothing and writes nothing.
    @Test func cancelRunsNothingAndWritesNothing() throws {
        let (w, _) = try world()
        let audits = try auditCount(w)
        let d = queue(w, w.sup)
        d.press(.function(10))
        #expect(d.text.contains("[ 复核 ]"))
        d.press(.function(12))
        #expect(d.messageRow.contains("已取消复核，未读取任何申请"))
        #expect(!d.text.contains("[ 复核 ]"))
        d.press(.function(10), .right, .enter)
        #expect(d.messageRow.contains("已取消复核"))
        #expect(d.deferredFrames.isEmpty)
        #expect(d.title == "待审核")
        #expect(!d.app.hasDeferredWork)
        #expect(try auditCount(w) == audits)
        // The queue still works as before: F12 pops it.
        d.press(.function(12))
        #expect(!d.app.isFinished)  // the last screen popped: leaving asks first
        d.press(.enter)
        #expect(d.app.isFinished)
    }

    /// Nothing changed: one clear line, no table, no Enter; the English screen too.
    @Test func emptyResultSaysAllStillEligible() throws {
        let (w, _) = try world()
        for (lang, line) in [(Lang.zh, "全部 3 件仍符合，金额未变"), (.en, "All 3 are still eligible, amounts unchanged")] {
            let d = queue(w, w.sup, lang)
            d.press(.function(10), .enter)
            #expect(d.deferredFrames.count == 1)
            #expect(d.text.contains(line))
            #expect(!d.footerRow.contains("Enter"))
            d.press(.enter)
            #expect(d.title == lang[.recheckResultTitle])   // Enter on nothing opens nothing
        }
    }

    /// An amount change and a claim that cannot be evaluated are listed with what was found;
    /// the result fits at 80×24 and back at 100×30.
    @Test func amountChangeAndRefusalRowsAtTwoSizes() throws {
        let (w, claims) = try world()
        try sql(w, "UPDATE occupation_levels SET standard_fen = standard_fen + 10000",
                "DELETE FROM enrolments WHERE worker_id = '\(ClaimScreenWorld.abdulla)'")
        let d = queue(w, w.sup)
        d.press(.function(10), .enter)
        let text = d.text
        #expect(text.contains("复核 3 件：仍符合 2 件，不再符合 0 件，金额变化 2 件，无法评估 1 件"))
        let first = try #require(d.lines.first { $0.contains(number(claims[0])) })
        #expect(first.contains("金额 ¥1,000.00 → ¥1,100.00") && first.contains("张伟"))
        let refused = try #require(d.lines.first { $0.contains(number(claims[2])) })
        #expect(refused.contains("无法评估：") && refused.contains("阿卜杜拉"))
        // Rows: amounts (ascending number) before refusals.
        let rows = d.lines.enumerated().filter { l in claims.contains { l.element.contains(number($0)) } }.map(\.offset)
        #expect(rows.count == 3 && rows == rows.sorted())
        #expect(d.lines[rows[2]].contains(number(claims[2])))

        d.width = 80; d.height = 24
        #expect(d.lines.count == 24)
        #expect(d.row(1).contains("复核 3 件"))
        #expect(d.lines.contains { $0.contains(number(claims[2])) })
        d.press(.down, .down)
        d.press(.enter)
        #expect(d.title.contains(number(claims[2])))
        d.press(.function(3))
        d.width = 100; d.height = 30
        #expect(d.lines.count == 30 && d.title == "复核结果")
        // Every row exactly the terminal's width at any size (no wide character cut), both languages.
        for lang in [Lang.zh, .en] {
            let e = queue(w, w.sup, lang)
            e.press(.function(10), .enter)
            for (width, height) in [(120, 40), (80, 24), (79, 24), (40, 12), (20, 5), (1, 1), (0, 0)] {
                let canvas = e.app.render(width: width, height: height)
                for y in 0..<canvas.height {
                    var cols = 0
                    for x in 0..<canvas.width where !canvas[x: x, y: y].isContinuation {
                        cols += max(1, TextWidth.of(canvas[x: x, y: y].text))
                    }
                    #expect(cols == canvas.width, "\(lang) \(width)×\(height) row \(y)")
                }
            }
        }
    }

    /// A status with no claim: F10 says so and asks nothing.
    @Test func nothingToRecheck() throws {
        let (w, _) = try world()
        let d = queue(w, w.sup)
        d.press(.function(8))   // paid
        d.press(.function(10))
        #expect(d.messageRow.contains("没有“\(ClaimStatus.paid.label(.zh))”申请可复核"))
        #expect(!d.text.contains("[ 复核 ]") && d.deferredFrames.isEmpty)
    }
}
