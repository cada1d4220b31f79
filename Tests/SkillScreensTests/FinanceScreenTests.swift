import Foundation
import Testing
import SkillCore
import SkillDesk
import SkillScreens
import SkillStore
import SkillRecords
import TermUI

/// ClaimScreenWorld with two approved claims (张伟, 欧阳娜娜, ¥1,000.00 each) whose notice has
/// ended, both workers with a bank account; optionally a third payable claim (Mary Smith) with no
/// bank account, which a batch leaves out.
struct FinanceWorld {
    let w: ClaimScreenWorld
    let a: ClaimRow
    let b: ClaimRow
    var c: ClaimRow?

    init(withUnbanked: Bool = false, databasePath: String? = nil) throws {
        w = try ClaimScreenWorld(databasePath: databasePath)
        a = try w.submitted(ClaimScreenWorld.zhangWei)
        b = try w.submitted(ClaimScreenWorld.ouyang)
        _ = try w.sup.approveClaim(a.id)
        _ = try w.sup.approveClaim(b.id)
        if withUnbanked {
            let m = try w.submitted(ClaimScreenWorld.mary)
            _ = try w.sup.approveClaim(m.id, note: "已核")
            c = m
        }
        try w.f.clerk.setBankAccount(workerID: ClaimScreenWorld.zhangWei, account: "6222 0212 3456 7890 128")
        try w.f.clerk.setBankAccount(workerID: ClaimScreenWorld.ouyang, account: "6222 0212 3456 7890 557")
        w.clock.advance(days: 14)        // past the 5 working days of the notice
    }

    func context(_ lang: Lang = .zh) -> ScreenContext { w.context(w.fin, lang) }
    func status(_ id: Int64) throws -> String { try w.status(id) }
    func number(_ r: ClaimRow) -> String { ClaimNumber.format(year: r.claimYear, serial: Int(r.id)) }
    /// Audit rows so far (the administrator verifies the chain).
    func auditCount() throws -> Int {
        guard case let .intact(n) = try w.admin.verifyAudit().0 else { Issue.record("audit chain broken"); return -1 }
        return n
    }
}

/// A fresh empty directory for files the screens write.
func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("skilldesk-fin-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct PaymentBatchScreenTests {
    @Test func theListShowsABatchMadeByTheUseCaseAndEnterShowsItsLines() throws {
        let x = try FinanceWorld()
        let made = try x.w.fin.createPaymentBatch()
        let ctx = x.context()
        let d = Driver(ctx, root: PaymentBatchListScreen(ctx))
        #expect(d.title == "付款批次")
        #expect(d.row(2).contains("批次号") && d.row(2).contains("金额合计") && d.row(2).contains("银行结果"))
        let row = d.row(3)
        #expect(row.contains(made.batch) && row.contains("2025-06-18") && row.contains("¥2,000.00")
                && row.contains("待对账") && row.contains("fin1"), "\(row)")
        #expect(d.footerRow.contains("F6 新建批次") && d.footerRow.contains("F7 导出") && d.footerRow.contains("F8 对账"))
        d.press(.enter)
        #expect(d.title == "付款批次 · " + made.batch)
        #expect(d.row(1).contains("2 笔") && d.row(1).contains("¥2,000.00") && d.row(1).contains("待对账"))
        let lineA = try #require(d.lines.first { $0.contains(x.number(x.a)) })
        #expect(lineA.contains("张伟") && lineA.contains("***************0128") && lineA.contains("¥1,000.00")
                && lineA.contains("待银行结果"), "\(lineA)")
        #expect(!d.text.contains("6222021234567890128"))   // never the whole account
        d.press(.function(3))
        #expect(d.title == "付款批次")
    }

    @Test func f6PreviewsThenCreatesTheBatchAndListsTheClaimsLeftOut() throws {
        let x = try FinanceWorld(withUnbanked: true)
        let ctx = x.context()
        let d = Driver(ctx, root: PaymentBatchListScreen(ctx))
        #expect(d.text.contains("还没有付款批次"))
        d.press(.function(6))
        #expect(d.text.contains("新建付款批次"))
        #expect(d.text.contains("2 笔，合计 ¥2,000.00"))
        #expect(d.text.contains("职业培训补贴：2 笔，¥2,000.00"))
        #expect(d.text.contains("另有 1 份待支付的申请不能入批"))
        #expect(try x.w.fin.paymentBatches().isEmpty)       // nothing before the confirmation
        d.deferredFrames = []
        d.press(.enter)
        // One frame says the batch is being made (it takes seconds at 10,000 claims), then it is.
        #expect(d.deferredFrames.count == 1 && d.deferredFrames[0].contains("正在建立付款批次"), "\(d.deferredFrames)")
        let batches = try x.w.fin.paymentBatches()
        #expect(batches.count == 1 && batches[0].count == 2 && batches[0].totalFen == 200_000)
        let batch = try #require(batches.first).id
        #expect(try x.w.fin.paymentBatchLines(batch).map(\.claimID) == [x.a.id, x.b.id])
        #expect(d.messageRow.contains("已建批次 \(batch)：2 笔，¥2,000.00"))
        // The claim left out, with its reason, in a dialog over the list.
        let c = try #require(x.c)
        #expect(d.text.contains("未入批次的申请"))
        #expect(d.text.contains(x.number(c)) && d.text.contains("未登记银行账户"))
        #expect(try x.w.f.clerk.claimDetail(c.id).claim.batchID == nil)
        d.press(.enter)                                      // closes the dialog
        #expect(d.row(3).contains(batch))
        // A second F6: nothing left but the unbanked claim; refused, nothing written.
        let audit = try x.auditCount()
        d.press(.function(6))
        #expect(d.messageRow.contains("没有可以入批的待支付申请：1 份未登记收款账户等"))
        #expect(!d.text.contains("新建付款批次"))
        #expect(try x.w.fin.paymentBatches().count == 1 && x.auditCount() == audit)
    }

    @Test func f6WithNothingPayableIsRefusedAndWritesNothing() throws {
        let w = try ClaimScreenWorld()
        try w.submitted(ClaimScreenWorld.zhangWei)           // submitted, not payable
        let ctx = w.context(w.fin)
        let d = Driver(ctx, root: PaymentBatchListScreen(ctx))
        guard case let .intact(before) = try w.admin.verifyAudit().0 else { Issue.record("chain"); return }
        d.press(.function(6))
        #expect(d.messageRow.contains("没有可以入批的待支付申请"))
        #expect(!d.text.contains("新建付款批次"))
        #expect(try w.fin.paymentBatches().isEmpty)
        guard case let .intact(after) = try w.admin.verifyAudit().0 else { Issue.record("chain"); return }
        #expect(after == before)
        // A supervisor reads the list but gets none of finance's keys.
        let sctx = w.context(w.sup)
        let s = Driver(sctx, root: PaymentBatchListScreen(sctx))
        #expect(!s.footerRow.contains("F6") && !s.footerRow.contains("F7"))
        s.press(.function(6))
        #expect(!s.text.contains("新建付款批次"))
    }

    @Test func f7WritesTheUseCasesBytesAndRefusesADirectoryOrAMissingDirectory() throws {
        let x = try FinanceWorld()
        let made = try x.w.fin.createPaymentBatch()
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ctx = x.context()
        let d = Driver(ctx, root: PaymentBatchListScreen(ctx))
        d.press(.function(7))
        #expect(d.text.contains("导出 \(made.batch)：银行文件编码"))
        d.press(.enter)                                      // utf8-bom, the first
        #expect(d.text.contains("./\(made.batch).csv"))      // the default path
        // A directory: refused in the prompt, which stays open.
        d.press(.ctrl("u")); d.type(dir.path); d.press(.enter)
        #expect(d.text.contains("是目录"))
        // A missing directory.
        d.press(.ctrl("u")); d.type(dir.path + "/没有/x.csv"); d.press(.enter)
        // The refusal is wrapped whole in the prompt (the line may break inside 不存在).
        #expect(d.text.replacingOccurrences(of: "│\n            │ ", with: "").contains("请先建好目录"), "\(d.text)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let out = dir.appendingPathComponent("批次.csv").path
        d.press(.ctrl("u")); d.type(out); d.press(.enter)
        // Batch record and its header, the lines' header, two lines.
        #expect(d.app.message?.text == "已导出 2 笔付款，共 5 行（UTF-8（带 BOM））：\(out)")
        let expected = try x.w.fin.bankFile(made.batch, encoding: .utf8BOM)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: out))) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["批次.csv"])   // no temp file left
        let perms = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(perms == 0o600)
        // Again in GB18030 to the same file: asked first; Cancel leaves the file as it was.
        d.press(.function(7), .down, .enter)
        d.press(.ctrl("u")); d.type(out); d.press(.enter)
        // (The question may wrap before "吗？": a line never starts with "？", issue 12.)
        #expect(d.text.contains("文件已存在") && d.text.contains("用新的银行文件覆盖它"))
        d.press(.enter)                                      // the focused button is Cancel
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: out))) == expected)
        d.press(.function(7), .down, .enter)
        d.press(.ctrl("u")); d.type(out); d.press(.enter)
        d.press(.left, .enter)                               // Replace
        let gb = try x.w.fin.bankFile(made.batch, encoding: .gb18030)
        #expect(gb != expected)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: out))) == gb)
        #expect(d.app.message?.text.contains("共 5 行（GB18030") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["批次.csv"])
    }

    @Test func f7RefusesTheDatabaseItsCompanionsAndALinkToItInThePrompt() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("live.sqlite").path
        let x = try FinanceWorld(databasePath: db)
        let made = try x.w.fin.createPaymentBatch()
        let link = dir.appendingPathComponent("bank.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: db)
        let audit = try x.auditCount()
        let ctx = x.context()
        let d = Driver(ctx, root: PaymentBatchListScreen(ctx))
        d.press(.function(7), .enter)
        for target in [db, db + "-wal", link] {
            d.press(.ctrl("u")); d.type(target); d.press(.enter)
            // Refused in the prompt, which stays open; never offered for replacement.
            #expect(d.text.contains("这是数据库"), "\(target)")
            #expect(!d.text.contains("文件已存在"))
        }
        d.press(.escape)
        #expect(try x.auditCount() == audit)
        #expect(try x.w.fin.paymentBatches().map(\.id) == [made.batch])      // the database is whole
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test func f8ReconcilesPaidAndFailedLinesAndRefusesAMissingFile() throws {
        let x = try FinanceWorld()
        let made = try x.w.fin.createPaymentBatch()
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = dir.appendingPathComponent("result.csv")
        try Data("申请编号,结果,金额,银行说明\r\n\(x.number(x.a)),成功,1000.00,\r\n\(x.number(x.b)),失败,1000.00,账户已销户\r\n".utf8).write(to: result)
        let ctx = x.context()
        let d = Driver(ctx, root: PaymentBatchListScreen(ctx))
        let audit = try x.auditCount()
        d.press(.function(8))
        #expect(d.text.contains("对账 \(made.batch)：银行结果文件"))
        d.type(dir.appendingPathComponent("nope.csv").path); d.press(.enter)
        #expect(d.text.contains("找不到文件"))
        d.press(.ctrl("u")); d.type(dir.path); d.press(.enter)
        #expect(d.text.contains("是目录"))
        #expect(try x.auditCount() == audit && x.status(x.a.id) == "payable")
        d.deferredFrames = []
        d.press(.ctrl("u")); d.type(result.path); d.press(.enter)
        #expect(d.deferredFrames.count == 1 && d.deferredFrames[0].contains("正在按银行结果对账 \(made.batch)"), "\(d.deferredFrames)")
        #expect(d.text.contains("对账结果 \(made.batch)"))
        #expect(d.text.contains("已支付 1 笔，失败 1 笔"))
        #expect(d.text.contains("失败 \(x.number(x.b))：账户已销户"))
        #expect(d.text.contains("每一行都已对上"))
        #expect(try x.status(x.a.id) == "paid" && x.status(x.b.id) == "payable")
        d.press(.enter)
        #expect(d.row(3).contains("已付 1 · 失败 1"))
        d.press(.enter)
        let la = try #require(d.lines.first { $0.contains(x.number(x.a)) })
        let lb = try #require(d.lines.first { $0.contains(x.number(x.b)) })
        #expect(la.contains("已支付") && lb.contains("失败：账户已销户"))
    }

    @Test func aResultFileOfAnotherBatchChangesNothingAndSaysWhy() throws {
        let x = try FinanceWorld()
        let made = try x.w.fin.createPaymentBatch()
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = dir.appendingPathComponent("other.csv")
        try Data("SD-2025-000099,成功,1000.00,\n".utf8).write(to: result)
        let bad = dir.appendingPathComponent("bad.csv")
        try Data("\(x.number(x.a)),也许,1000.00,\n".utf8).write(to: bad)
        let ctx = x.context()
        let d = Driver(ctx, root: PaymentBatchListScreen(ctx))
        d.press(.function(8)); d.type(result.path); d.press(.enter)
        #expect(d.text.contains("已支付 0 笔，失败 0 笔"))
        #expect(d.text.contains("第 1 行：申请 SD-2025-000099 不在批次 \(made.batch) 中"))
        #expect(try x.status(x.a.id) == "payable" && x.status(x.b.id) == "payable")
        d.press(.enter)
        // A file that does not parse: refused as a whole, the reason shown.
        d.press(.function(8)); d.type(bad.path); d.press(.enter)
        #expect(d.text.contains("不能对账"))
        #expect(d.text.contains("第1行：结果“也许”无法识别"))
        #expect(try x.status(x.a.id) == "payable")
    }

    @Test func englishListAndHelp() throws {
        let x = try FinanceWorld()
        _ = try x.w.fin.createPaymentBatch()
        let ctx = x.context(.en)
        let d = Driver(ctx, root: PaymentBatchListScreen(ctx))
        #expect(d.title == "Payment batches")
        #expect(d.row(3).contains("not reconciled") && d.row(3).contains("¥2,000.00"))
        d.press(.function(1))
        #expect(d.text.contains("skilldesk payment"))
    }
}

@Suite struct FundAccountScreenTests {
    @Test func showsTheExactFiguresPerSourceAndTheTotals() throws {
        let x = try FinanceWorld()
        _ = try x.w.admin.allocateFund(year: 2025, source: .unemploymentInsurance20pct, amountFen: 123_456_789)
        let ctx = x.context()
        let d = Driver(ctx, root: FundAccountScreen(ctx))
        #expect(d.title == "资金账户 · 2025 年度")
        #expect(d.text.contains("只读"))
        let header = try #require(d.lines.first { $0.contains("项目") })
        #expect(header.contains("失业保险20%") && header.contains("就业补助") && header.contains("合计"))
        let allocated = try #require(d.lines.first { $0.contains("拨付") && $0.contains("¥") })
        #expect(allocated.contains("¥1,234,567.89") && allocated.contains("¥100,000.00") && allocated.contains("¥1,334,567.89"), "\(allocated)")
        let reserved = try #require(d.lines.first { $0.hasPrefix(" 已预留") })
        #expect(reserved.contains("¥0.00") && reserved.contains("¥2,000.00"))
        let balance = try #require(d.lines.first { $0.hasPrefix(" 余额") })
        #expect(balance.contains("¥1,234,567.89") && balance.contains("¥98,000.00") && balance.contains("¥1,332,567.89"), "\(balance)")
        #expect(d.text.contains("余额 = 拨付 − 已预留 − 已支付 + 已追回"))
        #expect(d.text.contains("就业补助 = 就业补助资金（003 三(二)）"))
        // A finance user has no F6, and F6 opens nothing.
        #expect(!d.footerRow.contains("F6"))
        d.press(.function(6))
        #expect(!d.text.contains("资金来源"))
        // Another year.
        d.press(.right)
        #expect(d.title == "资金账户 · 2026 年度" && d.text.contains("2026 年没有资金账户"))
        d.press(.pageUp)
        #expect(d.title == "资金账户 · 2025 年度")
        d.press(.function(4), .ctrl("u")); d.type("1999"); d.press(.enter)
        #expect(d.text.contains("年度应为 2000–2100"))
        d.press(.ctrl("u")); d.type("2024"); d.press(.enter)
        #expect(d.title == "资金账户 · 2024 年度")
    }

    @Test func anAdministratorAllocatesAndItIsAudited() throws {
        let x = try FinanceWorld()
        let ctx = x.w.context(x.w.admin)
        let d = Driver(ctx, root: FundAccountScreen(ctx))
        #expect(d.footerRow.contains("F6 拨付"))
        d.press(.function(6))
        #expect(d.text.contains("拨付 2025 年：资金来源"))
        d.type("失业"); d.press(.enter)
        #expect(d.text.contains("拨付 2025 年“失业保险基金结余 20%”：金额（元）"))
        d.type("12,345.67"); d.press(.enter)
        #expect(d.text.contains("确认拨付") && d.text.contains("¥12,345.67"))
        d.press(.enter)
        #expect(d.messageRow.contains("已向 2025 年“失业保险基金结余 20%”拨付 ¥12,345.67"))
        let y = try x.w.fin.fundYear(2025)
        #expect(y.accounts.first { $0.source == .unemploymentInsurance20pct }?.allocatedFen == 1_234_567)
        #expect(y.balanceFen == 10_000_000 - 200_000 + 1_234_567)
        let audit = try x.w.admin.auditEntries(entity: "fund", key: "2025/unemployment_insurance_20pct")
        #expect(audit.count == 1 && audit[0].user == "admin" && audit[0].action == "fund.allocate")
        let balance = try #require(d.lines.first { $0.hasPrefix(" 余额") })
        #expect(balance.contains("¥12,345.67") && balance.contains("¥110,345.67"), "\(balance)")
    }

    @Test func badAmountsAreRefusedAndNothingIsWritten() throws {
        let x = try FinanceWorld()
        let ctx = x.w.context(x.w.admin)
        let d = Driver(ctx, root: FundAccountScreen(ctx))
        let before = try x.w.fin.fundYear(2025)
        let audit = try x.auditCount()
        d.press(.function(6), .enter)                        // the first source
        for (typed, problem) in [("12.345", "不是金额"), ("abc", "不是金额"), ("-5", "应大于 0"), ("0", "应大于 0")] {
            d.press(.ctrl("u")); d.type(typed); d.press(.enter)
            #expect(d.text.contains(problem), "\(typed)")
            #expect(!d.text.contains("确认拨付"))
        }
        d.press(.function(12))
        // Cancelling at the confirmation writes nothing either.
        d.press(.function(6), .enter); d.type("100"); d.press(.enter)
        #expect(d.text.contains("确认拨付"))
        d.press(.right, .enter)
        #expect(try x.w.fin.fundYear(2025) == before && x.auditCount() == audit)
    }
}

@Suite struct FinanceHomeTests {
    @Test func menuItemsPerRole() throws {
        let x = try FinanceWorld()
        let fctx = x.context()
        let fin = Driver(fctx, root: HomeScreen(fctx))
        let batches = try #require(fin.lines.first { $0.contains(". 付款批次") })
        #expect(fin.text.contains(". 资金账户"))
        fin.press(.char(batches.trimmingCharacters(in: .whitespaces).first!))
        #expect(fin.title == "付款批次")
        fin.press(.function(3))
        let fund = try #require(fin.lines.first { $0.contains(". 资金账户") })
        fin.press(.char(fund.trimmingCharacters(in: .whitespaces).first!))
        #expect(fin.title == "资金账户 · 2025 年度")
        let actx = x.w.context(x.w.admin)
        let admin = Driver(actx, root: HomeScreen(actx))
        #expect(admin.text.contains(". 资金账户") && !admin.text.contains("付款批次"))
        let clerk = Driver(x.w.f.context(), root: HomeScreen(x.w.f.context()))
        #expect(!clerk.text.contains("资金账户") && !clerk.text.contains("付款批次"))
        let sctx = x.w.context(x.w.sup)
        let sup = Driver(sctx, root: HomeScreen(sctx))
        #expect(!sup.text.contains("资金账户") && !sup.text.contains("付款批次"))
    }
}
