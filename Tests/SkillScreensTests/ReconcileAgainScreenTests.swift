import Foundation
import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

/// Issue 10, break 9 in the TUI: F8 with a bank file already reconciled says so line by line, not
/// "not in batch", and writes no audit entry.
@Suite struct ReconcileAgainScreenTests {
    @Test func f8WithTheSameFileAgainSaysAlreadyReconciled() throws {
        let x = try FinanceWorld()
        let made = try x.w.fin.createPaymentBatch()
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = dir.appendingPathComponent("result.csv")
        try Data("\(x.number(x.a)),成功,1000.00,\r\n\(x.number(x.b)),失败,1000.00,账户已销户\r\n".utf8).write(to: result)
        _ = try x.w.fin.reconcilePaymentBatch(made.batch, resultFile: [UInt8](try Data(contentsOf: result)))
        let audit = try x.auditCount()
        let ctx = x.context()
        let d = Driver(ctx, root: PaymentBatchListScreen(ctx))
        d.press(.function(8)); d.type(result.path); d.press(.enter)
        #expect(d.text.contains("对账结果 \(made.batch)"))
        #expect(d.text.contains("已支付 0 笔，失败 0 笔"))
        #expect(d.text.contains("已对账过 2 笔（未重复处理）"), "\(d.text)")
        #expect(d.text.contains("第 1 行：\(x.number(x.a)) 已对账（已支付），未重复处理"), "\(d.text)")
        #expect(!d.text.contains("不在批次"))
        #expect(try x.auditCount() == audit)
        #expect(try x.status(x.a.id) == "paid" && x.status(x.b.id) == "payable")
    }
}

/// Issue 10, break 9 on 收款单位账户: a holder name a spreadsheet would run as a formula is refused
/// in the name prompt, by the bank file's own rule, before the account is asked.
@Suite struct PayeeFormulaNameScreenTests {
    @Test func aFormulaNameStaysInTheNamePrompt() throws {
        let f = try Fixture()
        let ctx = f.context()
        let d = Driver(ctx, root: PayeeAccountsScreen(ctx))
        d.press(.function(6))
        d.type(PayeeAccountsScreenTests.school); d.press(.enter)
        d.type("=HYPERLINK(\"x\")"); d.press(.enter)
        #expect(d.text.contains("\(PayeeAccountsScreenTests.school) 的开户名称"), "still in the name prompt: \(d.text)")
        #expect(d.text.contains("= + - @"), "\(d.text)")
        #expect(!d.text.contains("的银行账号"))
        d.press(.ctrl("u")); d.type("南京技师学院"); d.press(.enter)
        #expect(d.text.contains("南京技师学院 的银行账号"))
        #expect(try f.clerk.payeeAccounts().isEmpty)
    }
}
