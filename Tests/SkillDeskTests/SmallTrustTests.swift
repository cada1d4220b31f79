import Foundation
import Testing
import SkillCore
import SkillDesk
import SkillStore
import SkillRecords

/// Issue 10, break 9: a payee name a spreadsheet would run, page sizes out of range, and a bank
/// result file reconciled twice.
@Suite("Trust: payee names, paging, reconciling twice")
struct SmallTrustTests {
    static let code: String = {
        let first17 = "52320100MJ1234567"
        return first17 + String(CreditCode.checkCharacter(for: first17)!)
    }()

    /// A name starting with = + - @ is refused when recorded (the bank file would refuse it later,
    /// and the batch holding it could never be exported), and nothing is stored or audited.
    @Test func aPayeeNameAFormulaCouldBeIsRefusedWhenRecorded() throws {
        let x = try WorkflowWorld(fundFen: 0)
        let before = try x.f.auditCount
        for name in ["=HYPERLINK(\"http://x\",\"学校\")", "+86 学校", "-学校", "@SUM(A1)", "  =1+1", "学校\u{202E}", "学校\u{200B}"] {
            guard let e = deskError({ try x.clerk.setPayeeAccount(code: Self.code, name: name, account: "110100000000123456") }) else {
                Issue.record("accepted \(name)"); continue
            }
            #expect(e.message(.zh).contains("= + - @") || e.message(.zh).contains("控制字符"), "\(e.message(.zh))")
            // A bidi or zero-width character is refused first by the field rule every name follows.
            #expect(e.message(.en).contains("starts with = + - @") || e.message(.en).contains("control or invisible character"),
                    "\(e.message(.en))")
        }
        #expect(try x.clerk.payeeAccounts().isEmpty)
        #expect(try x.f.auditCount == before)
        // A name that merely contains those characters is fine.
        let ok = try x.clerk.setPayeeAccount(code: Self.code, name: "南京A+B培训学校-江宁分校", account: "110100000000123456")
        #expect(ok.name == "南京A+B培训学校-江宁分校")
    }

    /// The rule is the bank file's own: what setPayeeAccount takes, exportLines takes.
    @Test func theBankFileAndTheRecordingShareOneRule() throws {
        for name in ["=1", "+1", "-1", "@1", "a\u{7}b", ""] {
            #expect(BankFile.payeeNameProblem(name) != nil, "\(name)")
        }
        #expect(BankFile.payeeNameProblem(String(repeating: "名", count: 101)) == .nameTooLong(max: 100))
        #expect(BankFile.payeeNameProblem("南京某培训学校") == nil)
        // A worker's name cannot start with these at all (PersonName wants a letter first).
        for name in ["=张三", "+张三", "-张三", "@张三"] {
            guard case .failure = PersonName.parse(name) else { Issue.record("PersonName took \(name)"); continue }
        }
    }

    @Test func aPageOutOfRangeIsRefusedNotClamped() throws {
        let x = try WorkflowWorld(fundFen: 0)
        for (offset, limit) in [(0, -1), (0, 0), (0, 10_001), (-1, 50)] {
            guard let e = deskError({ _ = try x.clerk.claimQueue(offset: offset, limit: limit) }) else {
                Issue.record("claimQueue offset \(offset) limit \(limit) accepted"); continue
            }
            #expect(e.message(.en).contains(limit < 1 || limit > 10_000 ? "1 to 10000" : "0 or more"), "\(e.message(.en))")
            #expect(!e.message(.zh).isEmpty)
            #expect(deskError({ _ = try x.clerk.searchWorkers("", offset: offset, limit: limit) }) != nil)
        }
        #expect(try x.clerk.claimQueue(offset: 0, limit: 10_000).items.isEmpty)
    }

    /// A payable claim in a batch, and the bank file line that pays it.
    func batched() throws -> (WorkflowWorld, ClaimRow, String, String) {
        let x = try WorkflowWorld()
        let a = try x.submitted(worker: 0), b = try x.submitted(worker: 1)
        for c in [a, b] { _ = try x.sup.approveClaim(c.id) }
        x.f.clock.advance(14 * 86_400)
        try x.clerk.setBankAccount(workerID: x.w.t.workers[0], account: "6222 0212 3456 7890 128")
        try x.clerk.setBankAccount(workerID: x.w.t.workers[1], account: "6222 0212 3456 7890 557")
        let batch = try x.fin.createPaymentBatch()
        let n = ClaimNumber.format(year: a.claimYear, serial: Int(a.id))
        let m = ClaimNumber.format(year: b.claimYear, serial: Int(b.id))
        return (x, a, batch.batch, "\(n),成功,\(BankFile.yuan(a.amountFen)),\n\(m),失败,\(BankFile.yuan(b.amountFen)),户名不符\n")
    }

    @Test func reconcilingTheSameFileAgainSaysAlreadyReconciledAndAuditsNothing() throws {
        let (x, a, batch, file) = try batched()
        let first = try x.fin.reconcilePaymentBatch(batch, resultFile: Array(file.utf8))
        #expect(first.paid == [a.id] && first.failed.count == 1 && first.problems.isEmpty)
        let audit = try x.f.auditCount
        let fund = try x.fund()
        let again = try x.fin.reconcilePaymentBatch(batch, resultFile: Array(file.utf8))
        #expect(again.paid.isEmpty && again.failed.isEmpty)
        #expect(!again.problems.contains { $0.contains("not in batch") }, "\(again.problems)")
        #expect(again.problems.isEmpty && again.alreadyReconciled.count == 2 && again.alreadyMessages.count == 2)
        #expect(again.alreadyMessages.first?.message(.en).contains("already reconciled (paid)") == true)
        #expect(again.alreadyMessages.first?.message(.zh).contains("已对账（已支付）") == true)
        #expect(try x.f.auditCount == audit)
        #expect(try x.fund() == fund)
        #expect(try x.claim(a.id).status.rawValue == "paid")
    }

    /// A second file that contradicts what was recorded is a problem, not "already reconciled".
    @Test func aSecondFileSayingOtherwiseIsAProblem() throws {
        let (x, a, batch, file) = try batched()
        _ = try x.fin.reconcilePaymentBatch(batch, resultFile: Array(file.utf8))
        let n = ClaimNumber.format(year: a.claimYear, serial: Int(a.id))
        let audit = try x.f.auditCount
        let r = try x.fin.reconcilePaymentBatch(batch, resultFile: Array("\(n),失败,\(BankFile.yuan(a.amountFen)),退票\n".utf8))
        #expect(r.alreadyReconciled.isEmpty && r.problems.count == 1)
        #expect(r.problems.first?.contains("already reconciled as paid") == true, "\(r.problems)")
        #expect(try x.f.auditCount == audit)
        #expect(try x.claim(a.id).status.rawValue == "paid")
    }
}
