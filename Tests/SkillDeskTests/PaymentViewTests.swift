import Foundation
import Testing
import SkillCore
import SkillDesk
import SkillStore
import SkillRecords

/// The read use cases behind the finance screens: the batch preview, the batch list and its
/// lines, who may read them, and the reconcile problems in both languages.
@Suite struct PaymentViewTests {
    /// Two approved claims whose notice has ended; only worker 0 has a bank account.
    func world() throws -> (WorkflowWorld, ClaimRow, ClaimRow) {
        let x = try WorkflowWorld()
        let a = try x.submitted(worker: 0), b = try x.submitted(worker: 1)
        for c in [a, b] { _ = try x.sup.approveClaim(c.id) }
        x.f.clock.advance(14 * 86_400)
        try x.clerk.setBankAccount(workerID: x.w.t.workers[0], account: "6222 0212 3456 7890 128")
        return (x, a, b)
    }

    @Test func thePreviewCountsWhatTheBatchThenTakes() throws {
        let (x, a, _) = try world()
        let p = try x.fin.paymentPreview()
        #expect(p.count == 1 && p.totalFen == a.amountFen && p.leftOut == 1)
        #expect(p.perKind.map(\.kind) == [.training])
        let batch = try x.fin.createPaymentBatch()
        #expect(batch.summary.count == p.count && batch.summary.totalFen == p.totalFen && batch.skipped.count == p.leftOut)
        let after = try x.fin.paymentPreview()
        #expect(after.count == 0 && after.leftOut == 1)
    }

    @Test func batchesNewestFirstWithTheirLinesAndResults() throws {
        let (x, a, b) = try world()
        let first = try x.fin.createPaymentBatch()
        try x.clerk.setBankAccount(workerID: x.w.t.workers[1], account: "6222 0212 3456 7890 557")
        let second = try x.fin.createPaymentBatch()
        #expect(try x.fin.paymentBatches().map(\.id) == [second.batch, first.batch])
        let lines = try x.fin.paymentBatchLines(first.batch)
        #expect(lines.count == 1 && lines[0].claimID == a.id && lines[0].maskedAccount == "***************0128" && lines[0].state == .pending)
        let number = ClaimNumber.format(year: a.claimYear, serial: Int(a.id))
        #expect(lines[0].claimNumber == number)
        let bNumber = ClaimNumber.format(year: b.claimYear, serial: Int(b.id))
        let r = try x.fin.reconcilePaymentBatch(first.batch, resultFile: Array("\(number),失败,\(BankFile.yuan(a.amountFen)),户名不符\n\(bNumber),成功,1.00,\n".utf8))
        #expect(r.failed == [a.id] && r.problems.count == 1 && r.problemMessages.count == 1)
        #expect(r.problemMessages.first?.message(.zh).contains("不在批次") == true)
        #expect(r.problemMessages.first?.message(.en) == r.problems.first)
        let listed = try #require(try x.fin.paymentBatches().first { $0.id == first.batch })
        #expect(listed.failed == 1 && listed.paid == 0 && listed.pending == 0)
        #expect(try x.fin.paymentBatch(first.batch) == listed)
        let failed = try x.fin.paymentBatchLines(first.batch)[0]
        #expect(failed.state == .failed && failed.bankReason == "户名不符")
    }

    @Test func clerksMayNotReadBatchesAndAnUnknownBatchIsRefused() throws {
        let (x, _, _) = try world()
        _ = try x.fin.createPaymentBatch()
        guard case .notPermitted = deskError({ _ = try x.clerk.paymentBatches() }) else { Issue.record("a clerk read the batches"); return }
        guard case .notPermitted = deskError({ _ = try x.sup.paymentPreview() }) else { Issue.record("a supervisor previewed"); return }
        #expect(try x.sup.paymentBatches().count == 1)
        guard case .invalidInput = deskError({ _ = try x.fin.paymentBatchLines("PB-NONE") }) else { Issue.record("unknown batch"); return }
        guard case .invalidInput = deskError({ _ = try x.fin.paymentBatch("PB-NONE") }) else { Issue.record("unknown batch"); return }
    }
}
