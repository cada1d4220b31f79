import Foundation
import Testing
import SkillCore
@testable import SkillDesk
import SkillScreens
import SkillStore
import SkillRecords
import TermUI

/// A valid UnionPay card number (Luhn) and the same with a wrong check digit.
let goodCard = "6222 0212 3456 7890 128"
let badCheckCard = "6222 0212 3456 7890 127"

extension ClaimScreenWorld {
    /// A training claim of `worker` taken to paid the way finance does it: approved, notice over,
    /// bank account on record, a batch, the bank's result file saying 成功.
    func paid(_ worker: String) throws -> ClaimRow {
        let c = try submitted(worker)
        _ = try sup.approveClaim(c.id)
        clock.advance(days: 10)
        try f.clerk.setBankAccount(workerID: worker, account: goodCard)
        let b = try fin.createPaymentBatch()
        let row = try claim(c.id)
        let line = "\(ClaimText0.number(row)),成功,\(Money.format(fen: row.amountFen).dropFirst().replacingOccurrences(of: ",", with: "")),\r\n"
        let r = try fin.reconcilePaymentBatch(b.batch, resultFile: Array(line.utf8))
        #expect(r.paid.contains(c.id), "\(r.problems)")
        return try claim(c.id)
    }

    func claim(_ id: Int64) throws -> ClaimRow { try f.desk.store.read { try $0.claim(id: id)! } }
    func fund() throws -> FundAccount { try f.desk.store.read { try $0.fundAccount(year: 2025, source: .employmentSubsidy)! } }
    func audit(_ entity: String, _ key: String) throws -> [AuditEntry] {
        try f.desk.store.read { try $0.auditEntries(entity: entity, key: key) }
    }
}

/// The claim number as screens show it (`ClaimText` is internal to SkillScreens).
enum ClaimText0 {
    static func number(_ c: ClaimRow) -> String { ClaimNumber.format(year: c.claimYear, serial: Int(c.id)) }
}

@Suite struct NoticeListScreenTests {
    /// Masked names and IDs only, the notice's dates, and working days left counted on the
    /// calendar (a weekend does not count); Enter opens the claim; an ended notice leaves the list.
    @Test func maskedOnlyWithDatesDaysLeftAndEnterOpensTheClaim() throws {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        let b = try w.submitted(ClaimScreenWorld.ouyang)
        // Business day 2025-06-04, a Wednesday: 5 working days run to Tuesday 06-10.
        #expect(w.f.desk.today().description == "2025-06-04")
        _ = try w.sup.approveClaim(a.id)
        _ = try w.sup.approveClaim(b.id)
        #expect(try w.claim(a.id).noticeEndOn == "2025-06-10")
        let ctx = w.context(w.f.clerk)
        let d = Driver(ctx, root: NoticeListScreen(ctx))
        let text = d.text
        #expect(d.title == "公示名单")
        #expect(d.row(1).contains("公示中 2 个申请"))
        for id in [ClaimScreenWorld.zhangWei, ClaimScreenWorld.ouyang] {
            #expect(!text.contains(id), "the full ID \(id) is on the screen")
            #expect(text.contains(PublicMask.residentID(id)))
        }
        #expect(text.contains("3201**********"))
        #expect(!text.contains("张伟") && !text.contains("欧阳娜娜"))
        #expect(text.contains("张*") && text.contains("欧**娜"))
        let rowA = try #require(d.lines.first { $0.contains(ClaimText0.number(try w.claim(a.id))) })
        #expect(rowA.contains("2025-06-04") && rowA.contains("2025-06-10") && rowA.contains("¥1,000.00"))
        #expect(rowA.trimmingCharacters(in: .whitespaces).hasSuffix(" 5"), "\(rowA)")
        // Saturday 06-07: Monday and Tuesday are left.
        w.clock.advance(days: 3)
        d.press(.function(5))
        #expect(try #require(d.lines.first { $0.contains("2025-06-10") }).trimmingCharacters(in: .whitespaces).hasSuffix(" 2"))
        // Enter opens the selected (first) claim; F3 comes back to the list.
        d.press(.enter)
        #expect(d.title.hasPrefix("补贴申请 · " + ClaimText0.number(try w.claim(a.id))))
        #expect(d.footerRow.contains("F7 公示异议"))
        d.press(.function(3))
        #expect(d.title == "公示名单")
        d.press(.down, .enter)
        #expect(d.title.hasPrefix("补贴申请 · " + ClaimText0.number(try w.claim(b.id))))
        d.press(.function(3))
        // The notice ends: F5 sweeps, the claims become payable and leave the list.
        w.clock.advance(days: 4)   // Wednesday 06-11
        d.press(.function(5))
        #expect(d.row(1).contains("公示中 0 个申请"))
        #expect(d.text.contains("目前没有公示中的申请"))
        #expect(try w.claim(a.id).status.rawValue == "payable" && w.claim(b.id).status.rawValue == "payable")
    }

    /// The same in English, for a finance user; the home menu opens it for every role.
    @Test func englishAndFromTheHomeMenu() throws {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.mary)
        _ = try w.sup.approveClaim(a.id)
        let ctx = w.context(w.fin, .en)
        let d = Driver(ctx, root: HomeScreen(ctx))
        let item = try #require(d.lines.first { $0.contains("Notice list") })
        d.press(.char(item.trimmingCharacters(in: .whitespaces).first!))
        #expect(d.title == "Notice list")
        #expect(d.text.contains("M*** ****h") && !d.text.contains("Mary Smith"))
        #expect(!d.text.contains(ClaimScreenWorld.mary))
        #expect(d.row(2).contains("Claim") && d.row(2).contains("Until") && d.row(2).contains("Left"))
    }
}

@Suite struct ClawbackScreenTests {
    /// No reason, no clawback; a cancelled confirmation writes nothing; a reason and a confirmation
    /// move paid → clawback, audited, with the amount due in the fund account and on the screen.
    @Test func clawbackNeedsAReasonAndAConfirmation() throws {
        let w = try ClaimScreenWorld()
        let c = try w.paid(ClaimScreenWorld.zhangWei)
        #expect(c.status.rawValue == "paid")
        let auditBefore = try w.audit("claim", String(c.id)).count
        let ctx = w.context(w.sup)
        let d = Driver(ctx, root: ClaimDetailScreen(claimID: c.id, ctx: ctx))
        #expect(d.footerRow.contains("F6 追回"))
        d.press(.function(6))
        #expect(d.text.contains("追回已支付的补贴：原因"))
        d.press(.enter)
        #expect(d.text.contains(ctx.lang[.reasonRequired]))
        #expect(try w.claim(c.id).status.rawValue == "paid")
        d.type("证书系伪造")
        d.press(.enter)
        #expect(d.text.contains("确认追回") && d.text.contains("¥1,000.00"))
        d.press(.enter)                       // the focused button is 取消
        #expect(d.messageRow.contains("已取消，未作改动"))
        #expect(try w.claim(c.id).status.rawValue == "paid")
        #expect(try w.audit("claim", String(c.id)).count == auditBefore)
        #expect(try w.fund().clawbackDueFen == 0)

        d.press(.function(6))
        d.type("证书系伪造")
        d.press(.enter, .left, .enter)
        let row = try w.claim(c.id)
        #expect(row.status.rawValue == "clawback" && row.clawbackDueFen == 100_000 && row.reason == "证书系伪造")
        let audit = try w.audit("claim", String(c.id))
        #expect(audit.count == auditBefore + 1)
        #expect(audit.last?.action == "claim.clawback" && audit.last?.user == "sup1")
        #expect(try w.fund().clawbackDueFen == 100_000)
        #expect(d.messageRow.contains("现为：" + ClaimStatus.clawback.label(.zh)))
        #expect(d.text.contains("应追回 ¥1,000.00，已追回 ¥0.00，尚欠 ¥1,000.00"))
        #expect(!d.footerRow.contains("F6"))
    }

    /// F6 is the supervisor's, on a paid claim only: finance and clerks have no such key.
    @Test func onlyASupervisorClawsBack() throws {
        let w = try ClaimScreenWorld()
        let c = try w.paid(ClaimScreenWorld.zhangWei)
        for s in [w.fin, w.f.clerk] {
            let ctx = w.context(s)
            let d = Driver(ctx, root: ClaimDetailScreen(claimID: c.id, ctx: ctx))
            #expect(!d.footerRow.contains("F6"))
            d.press(.function(6))
            #expect(!d.text.contains("追回已支付的补贴"))
        }
        #expect(try w.claim(c.id).status.rawValue == "paid")
    }
}

@Suite struct RecoveryScreenTests {
    /// Bad amounts are refused in the prompt with nothing written; a part, then the rest (empty =
    /// all still due), exact to the fen, each confirmed; the claim ends recovered.
    @Test func badAmountsThenPartialThenFullRecovery() throws {
        let w = try ClaimScreenWorld()
        let c = try w.paid(ClaimScreenWorld.zhangWei)
        _ = try w.sup.clawbackClaim(c.id, reason: "重复领取")
        let auditBefore = try w.audit("claim", String(c.id)).count
        let ctx = w.context(w.fin)
        let d = Driver(ctx, root: ClaimDetailScreen(claimID: c.id, ctx: ctx))
        #expect(d.footerRow.contains("F8 登记追回款"))
        d.press(.function(8))
        #expect(d.text.contains("留空 = 尚欠的全部 ¥1,000.00"))
        for (typed, problem) in [("abc", "金额应为元，最多两位小数"), ("1.234", "金额应为元，最多两位小数"),
                                 ("-1", "追回金额须大于 0"), ("0", "追回金额须大于 0"),
                                 ("1000.01", "¥1,000.01 超过尚欠的 ¥1,000.00")] {
            d.press(.ctrl("u"))
            d.type(typed)
            d.press(.enter)
            #expect(d.text.contains(problem), "\(typed)")
            #expect(!d.text.contains("确认登记追回款"), "\(typed)")
        }
        #expect(try w.claim(c.id).recoveredFen == 0 && w.fund().recoveredFen == 0)
        #expect(try w.audit("claim", String(c.id)).count == auditBefore)

        d.press(.ctrl("u"))
        d.type("４００．５")           // full-width, as an input method in full-width mode types it
        d.press(.enter)
        #expect(d.text.contains("登记收回 ¥400.50；尚欠 ¥1,000.00 → ¥599.50"))
        d.press(.enter)
        var row = try w.claim(c.id)
        #expect(row.status.rawValue == "clawback" && row.recoveredFen == 40_050)
        #expect(try w.fund().recoveredFen == 40_050 && w.fund().clawbackDueFen == 59_950)
        #expect(d.messageRow.contains("已登记追回 ¥400.50，尚欠 ¥599.50"))
        #expect(d.text.contains("应追回 ¥1,000.00，已追回 ¥400.50，尚欠 ¥599.50"))
        #expect(try w.audit("claim", String(c.id)).last?.action == "claim.recover_part")

        // A cancelled confirmation writes nothing.
        d.press(.function(8), .enter)
        #expect(d.text.contains("登记收回 ¥599.50；尚欠 ¥599.50 → ¥0.00"))
        d.press(.function(12))
        #expect(try w.claim(c.id).recoveredFen == 40_050)

        d.press(.function(8), .enter, .enter)
        row = try w.claim(c.id)
        #expect(row.status.rawValue == "recovered" && row.recoveredFen == 100_000)
        let f = try w.fund()
        #expect(f.recoveredFen == 100_000 && f.clawbackDueFen == 0)
        #expect(f.balanceFen == f.allocatedFen - f.reservedFen - f.paidFen + f.recoveredFen)
        #expect(try w.audit("claim", String(c.id)).last?.action == "claim.recover")
        #expect(!d.footerRow.contains("F8"))
        d.press(.end)   // the history, at the bottom: the part and the rest, each named
        #expect(d.text.contains("fin1  登记部分追回款") && d.text.contains("fin1  登记已追回"))
        #expect(d.text.contains("fin1  编入付款批次") && !d.text.contains("  batch"))
    }

    /// A supervisor has no F8 on a claim in clawback; finance reaches such claims from its list (F8
    /// steps the status) and opens one with Enter.
    @Test func financeFindsClaimsInClawbackOnItsList() throws {
        let w = try ClaimScreenWorld()
        let c = try w.paid(ClaimScreenWorld.zhangWei)
        _ = try w.sup.clawbackClaim(c.id, reason: "重复领取")
        let sctx = w.context(w.sup)
        let s = Driver(sctx, root: ClaimDetailScreen(claimID: c.id, ctx: sctx))
        #expect(!s.footerRow.contains("F8"))
        let ctx = w.context(w.fin)
        let d = Driver(ctx, root: ClaimListScreen(mode: .payable, ctx: ctx))
        #expect(d.text.contains("没有符合条件的申请"))
        d.press(.function(8))
        #expect(d.title == "待支付 · " + ClaimStatus.clawback.label(.zh))
        #expect(d.text.contains(ClaimText0.number(c)))
        d.press(.enter)
        #expect(d.title.hasPrefix("补贴申请 · " + ClaimText0.number(c)))
        #expect(d.footerRow.contains("F8 登记追回款"))
    }

    /// A supervisor reaches paid claims from the queue's F8 (where options 1 and 4 are refused).
    @Test func supervisorFindsPaidClaimsOnTheQueue() throws {
        let w = try ClaimScreenWorld()
        let c = try w.paid(ClaimScreenWorld.zhangWei)
        let ctx = w.context(w.sup)
        let d = Driver(ctx, root: ClaimListScreen(mode: .queue, ctx: ctx))
        d.press(.function(8))
        #expect(d.title == "待审核 · " + ClaimStatus.paid.label(.zh))
        #expect(d.text.contains(ClaimText0.number(c)))
        d.press(.char("1"))
        #expect(d.messageRow.contains("1"))
        #expect(try w.claim(c.id).status.rawValue == "paid")
        d.press(.enter)
        #expect(d.footerRow.contains("F6 追回"))
    }
}

@Suite struct BankAccountScreenTests {
    /// Refusals from the number's check are shown in the prompt and nothing is written; a good
    /// number is stored, shown masked (last 4 digits) and audited masked.
    @Test func setAndRefusedOnTheWorkerDetail() throws {
        let w = try ClaimScreenWorld()
        let id = ClaimScreenWorld.zhangWei
        let ctx = w.context(w.f.clerk)
        let row = try w.f.clerk.worker(id: id)
        let d = Driver(ctx, root: WorkerDetailScreen(row: row, ctx: ctx))
        #expect(d.row(17) == " 银行账户 .......... 未登记")
        d.press(.function(6))
        #expect(d.text.contains("现为 未登记"))
        for (typed, problem) in [("12ab", "银行账号只能是数字"), (badCheckCard, "银行卡号校验位不对"), ("", "银行账号为空"),
                                 ("12345", "银行账号有 5 位")] {
            d.press(.ctrl("u"))
            d.type(typed)
            d.press(.enter)
            #expect(d.text.contains(problem), "\(typed)")
        }
        #expect(try w.f.desk.store.read { try $0.bankAccount(workerID: id) } == nil)
        #expect(try w.audit("worker", id).allSatisfy { $0.action != "worker.bank_account" })
        d.press(.ctrl("u"))
        // Typed with the input method in full-width mode (６２２２ ０２１２…): the same digits.
        d.type(String(goodCard.unicodeScalars.map { u in
            Character(("0"..."9").contains(u) ? Unicode.Scalar(u.value + 0xFEE0)! : u)
        }))
        d.press(.enter)
        #expect(try w.f.desk.store.read { try $0.bankAccount(workerID: id) } == "6222021234567890128")
        let masked = "***************0128"
        #expect(d.messageRow.contains("张伟 的银行账户已登记为 " + masked))
        #expect(d.row(17) == " 银行账户 .......... " + masked)
        #expect(!d.text.contains("6222021234567890128") && !d.text.contains("6222 0212"))
        let audit = try w.audit("worker", id).filter { $0.action == "worker.bank_account" }
        #expect(audit.count == 1 && audit[0].user == "clerk1" && audit[0].after?.contains(masked) == true)
        #expect(audit[0].after?.contains("6222021234567890128") == false)
        #expect(d.text.contains("银行账户  — → " + masked))
        // Changing it shows the current one in the prompt.
        d.press(.function(6))
        #expect(d.text.contains("现为 " + masked))
        d.press(.function(12))
        #expect(!d.text.contains("现为 "))
    }

    /// Finance reads the masked account but may not change it.
    @Test func financeSeesItMaskedWithoutAKey() throws {
        let w = try ClaimScreenWorld()
        let id = ClaimScreenWorld.zhangWei
        try w.f.clerk.setBankAccount(workerID: id, account: goodCard)
        #expect(try w.fin.bankAccount(workerID: id) == "***************0128")
        let ctx = w.context(w.fin)
        let d = Driver(ctx, root: WorkerDetailScreen(row: try w.f.clerk.worker(id: id), ctx: ctx))
        #expect(d.row(17).hasSuffix("***************0128"))
        #expect(!d.footerRow.contains("F6"))
        d.press(.function(6))
        #expect(!d.text.contains("现为 "))
        #expect(!d.messageRow.trimmingCharacters(in: .whitespaces).isEmpty)
    }
}

@Suite struct CalendarScreenTests {
    /// Issue 12, defect 3: the date and name prompts come prefilled from the selected day; what is
    /// typed replaces them (before, typing 2025-12-24 / 平安夜 renamed 2025-01-01 to 元旦平安夜).
    @Test func typingIntoAPrefilledPromptReplacesIt() throws {
        let w = try ClaimScreenWorld()
        let ctx = w.context(w.admin)
        let d = Driver(ctx, root: CalendarScreen(ctx))
        let before = try w.admin.calendarEntries().first { $0.date.description == "2025-01-01" }
        #expect(before?.name.isEmpty == false)
        d.press(.function(6))              // the selected day: 2025-01-01
        #expect(d.text.contains("2025-01-01"))
        d.type("2025-12-24")
        d.press(.enter, .enter)            // 放假
        d.type("平安夜")
        d.press(.enter)
        #expect(d.messageRow.contains("2025-12-24 已设为：放假 平安夜"), "\(d.messageRow)")
        let entries = try w.admin.calendarEntries()
        #expect(entries.first { $0.date.description == "2025-01-01" }?.name == before?.name)
        #expect(entries.first { $0.date.description == "2025-12-24" }?.name == "平安夜")
    }

    /// An administrator adds a day (date, kind from the list, name), audited; bad dates and a
    /// weekday made a working day are refused with nothing written; F8 removes after a confirmation.
    @Test func adminAddsAndRemovesADayAudited() throws {
        let w = try ClaimScreenWorld()
        let ctx = w.context(w.admin)
        let d = Driver(ctx, root: CalendarScreen(ctx))
        #expect(d.title == "工作日历 · 2025 年")
        #expect(d.row(1).contains("2025 年：放假 28 天，调休上班 5 天"))
        #expect(d.text.contains("2025-01-01 三   放假"))
        #expect(d.footerRow.contains("F6 设置日期") && d.footerRow.contains("F8 删除"))

        d.press(.function(6), .ctrl("u"))
        d.type("2025-02-30")
        d.press(.enter)
        #expect(d.text.contains("请按 YYYY-MM-DD 填写一个存在的日期"))
        d.press(.ctrl("u"))
        d.type("2025-06-17")             // a Tuesday cannot be made a working day
        d.press(.enter)
        #expect(d.text.contains("2025-06-17 设为"))
        d.press(.down, .enter)            // 调休上班
        d.press(.enter)                   // no name
        #expect(d.messageRow.contains("只有周六或周日可以设为调休上班"))
        #expect(try w.audit("calendar", "2025-06-17").isEmpty)

        d.press(.function(6), .ctrl("u"))
        d.type("2025-06-16")
        d.press(.enter, .enter)           // 放假
        d.type("测试假日")
        d.press(.enter)
        #expect(d.messageRow.contains("2025-06-16 已设为：放假 测试假日"))
        #expect(try w.admin.calendarEntries().contains { $0.date.description == "2025-06-16" && $0.kind == .holiday && $0.name == "测试假日" })
        let set = try w.audit("calendar", "2025-06-16")
        #expect(set.count == 1 && set[0].user == "admin" && set[0].before == nil && set[0].after?.contains("测试假日") == true)
        #expect(d.row(1).contains("放假 29 天"))
        let selectedRow = try #require((2..<28).first { d.canvas[x: 2, y: $0].style.reverse })
        #expect(d.row(selectedRow).contains("2025-06-16 一   放假"))

        // F8 on the selected day: the dialog's focused button is 取消.
        d.press(.function(8))
        #expect(d.text.contains("删除 2025-06-16（放假 测试假日）"))
        d.press(.enter)
        #expect(try w.audit("calendar", "2025-06-16").count == 1)
        d.press(.function(8), .left, .enter)
        #expect(d.messageRow.contains("已删除 2025-06-16"))
        #expect(try !w.admin.calendarEntries().contains { $0.date.description == "2025-06-16" })
        let removed = try w.audit("calendar", "2025-06-16")
        #expect(removed.count == 2 && removed[1].after == nil && removed[1].before?.contains("测试假日") == true)
        #expect(d.row(1).contains("放假 28 天"))

        // Years: PgDn, PgUp.
        d.press(.pageDown)
        #expect(d.title == "工作日历 · 2026 年")
        d.press(.pageUp, .pageUp)
        #expect(d.title == "工作日历 · 2024 年")
    }

    /// The calendar is the administrator's: no menu entry for a clerk, a supervisor or finance.
    @Test func onlyAdministratorsHaveTheMenuEntry() throws {
        let w = try ClaimScreenWorld()
        for s in [w.f.clerk, w.sup, w.fin] {
            let ctx = w.context(s)
            let d = Driver(ctx, root: HomeScreen(ctx))
            #expect(!d.text.contains("工作日历"), "\(s.user)")
            #expect(d.text.contains("公示名单"), "\(s.user)")
        }
        let ctx = w.context(w.admin)
        let d = Driver(ctx, root: HomeScreen(ctx))
        let item = try #require(d.lines.first { $0.contains("工作日历") })
        d.press(.char(item.trimmingCharacters(in: .whitespaces).first!))
        #expect(d.title == "工作日历 · 2025 年")
        // Opened by someone else (not from the menu), F6 and F8 are refused.
        let cctx = w.context(w.f.clerk)
        let c = Driver(cctx, root: CalendarScreen(cctx))
        #expect(!c.footerRow.contains("F6"))
        c.press(.function(6))
        #expect(!c.text.contains("设置日期：哪一天"))
        #expect(c.messageRow.contains("权限") || !c.messageRow.trimmingCharacters(in: .whitespaces).isEmpty)
    }
}

@Suite struct NoticeScreensSizeTests {
    /// The new screens, with their prompts open, at many sizes and in both languages: every row
    /// exactly the terminal's width (no wide character cut), and footers that leave out whole keys.
    @Test(arguments: [Lang.zh, .en])
    func everySizeAndWholeFooterKeys(lang: Lang) throws {
        let w = try ClaimScreenWorld()
        let c = try w.paid(ClaimScreenWorld.zhangWei)
        _ = try w.sup.clawbackClaim(c.id, reason: "重复领取")
        let on = try w.submitted(ClaimScreenWorld.ouyang)
        _ = try w.sup.approveClaim(on.id)
        let fin = w.context(w.fin, lang), admin = w.context(w.admin, lang), clerk = w.context(w.f.clerk, lang)
        let cases: [(ScreenContext, any Screen, Key?)] = [
            (clerk, NoticeListScreen(clerk), nil),
            (admin, CalendarScreen(admin), nil),
            (admin, CalendarScreen(admin), .function(6)),
            (admin, CalendarScreen(admin), .function(8)),
            (fin, ClaimDetailScreen(claimID: c.id, ctx: fin), .function(8)),
            (clerk, WorkerDetailScreen(row: try w.f.clerk.worker(id: ClaimScreenWorld.zhangWei), ctx: clerk), .function(6)),
        ]
        for (ctx, screen, key) in cases {
            let app = App(ctx: ctx, root: screen)
            _ = app.render(width: 100, height: 30)
            if let key { app.handle(key) }
            for (width, height) in [(120, 40), (80, 24), (100, 30), (79, 24), (20, 5), (1, 1), (0, 0), (200, 60)] {
                let canvas = app.render(width: width, height: height)
                for y in 0..<canvas.height {
                    var cols = 0
                    for x in 0..<canvas.width where !canvas[x: x, y: y].isContinuation {
                        cols += max(1, TextWidth.of(canvas[x: x, y: y].text))
                    }
                    #expect(cols == canvas.width, "\(type(of: screen)) at \(width)×\(height), row \(y)")
                }
            }
            for width in [80, 100] {
                let footer = app.render(width: width, height: 30).rowText(29)
                let items = ([(key: "F1", label: ctx.lang[.keyHelp])] + screen.footer(ctx))
                    .map { $0.label.isEmpty ? $0.key : "\($0.key) \($0.label)" }
                // Whole keys only; when some are left out the footer ends with "…" (issue 12).
                let whole = [" …"] + (1...items.count).map { n in " " + items.prefix(n).joined(separator: "  ") + (n < items.count ? "  …" : "") }
                #expect(whole.contains(footer), "\(type(of: screen)) \(lang) at \(width): \(footer)")
            }
        }
    }
}
