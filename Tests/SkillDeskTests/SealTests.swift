import Foundation
import SkillCore
@testable import SkillDesk
@testable import SkillStore
import SkillRecords
import Testing

/// Issue 10, break 2: money changed in the database must not reach the bank file. What a
/// supervisor approved is sealed in the approval's audit image; a batch, an export and a payment
/// refuse a claim whose row (or payee record, or payment line) no longer matches it, by name and
/// field. The tampering is done with raw SQL, as an insider with sqlite3 would.
@Suite("Seals on approved claims")
struct SealTests {
    /// Two approved claims past their notice, both workers with a bank account on record.
    struct Payable {
        let x: WorkflowWorld
        let a: ClaimRow, b: ClaimRow
        init() throws {
            x = try WorkflowWorld()
            a = try x.submitted(worker: 0); b = try x.submitted(worker: 1)
            for c in [a, b] { _ = try x.sup.approveClaim(c.id) }
            x.f.clock.advance(7 * 86_400)
            _ = try x.sup.claimQueue()
            try x.clerk.setBankAccount(workerID: x.w.t.workers[0], account: "6222 0212 3456 7890 128")
            try x.clerk.setBankAccount(workerID: x.w.t.workers[1], account: "6222 0212 3456 7890 557")
        }
        func sql(_ text: String) throws { try x.f.desk.store.write { w in try w.db.execute(sql: text) } }
        func audits() throws -> Int { try x.f.desk.store.read { try $0.auditCount() } }
    }

    @Test func theApprovalsImageCarriesTheSealOfWhatWasApproved() throws {
        let p = try Payable()
        let approval = try p.x.audit(p.a.id).last { $0.action == "claim.approve" }
        let seal = try #require(ClaimSeal.fromAfterImage(approval?.after ?? ""))
        let stored = try p.x.claim(p.a.id)
        #expect(seal == stored.seal && seal.amountFen == 150_000 && seal.workerID == p.x.w.t.workers[0])
        #expect(approval?.after?.contains("\"seal_sha256\":\"\(seal.hash)\"") == true)
        // The hash covers every sealed field: changing any one changes it.
        var other = seal; other.amountFen += 1
        #expect(other.hash != seal.hash && other.differences(from: seal) == ["amount_fen"])
    }

    @Test func anAmountRaisedWithSQLiteIsLeftOutOfTheBatchNamingTheClaimAndField() throws {
        let p = try Payable()
        try p.sql("UPDATE claims SET amount_fen = 99999900 WHERE id = \(p.a.id)")
        let batch = try p.x.fin.createPaymentBatch()
        #expect(batch.claimIDs == [p.b.id])
        let reason = try #require(batch.skipped.first { $0.id == p.a.id }?.reason)
        #expect(reason.en.contains("claim \(p.a.id)") && reason.en.contains("amount_fen") && reason.en.contains("99999900"), "\(reason.en)")
        #expect(reason.zh.contains("amount_fen"))
        #expect(try p.x.claim(p.a.id).batchID == nil)
        // The bank file holds only the untouched claim's amount.
        let text = String(decoding: try p.x.fin.bankFile(batch.batch, encoding: .utf8BOM).dropFirst(3), as: UTF8.self)
        #expect(!text.contains("999999.00") && text.contains("1500.00"), "\(text)")
    }

    @Test func aClaimPointedAtAnotherWorkerIsLeftOut() throws {
        let p = try Payable()
        // Worker 1 already has a live claim of this kind on this class (b): the unique index
        // claims_one_live (v10) refuses the move, so the insider drops it first.
        try p.sql("DROP INDEX claims_one_live; UPDATE claims SET worker_id = '\(p.x.w.t.workers[1])' WHERE id = \(p.a.id)")
        let batch = try p.x.fin.createPaymentBatch()
        #expect(batch.claimIDs == [p.b.id])
        #expect(batch.skipped.first { $0.id == p.a.id }?.reason.en.contains("worker_id") == true)
    }

    @Test func aRejectedClaimSetPayableWithSQLiteIsLeftOut() throws {
        let x = try WorkflowWorld()
        let c = try x.submitted(worker: 0)
        _ = try x.sup.rejectClaim(c.id, code: .other, reason: "不符合条件")
        try x.clerk.setBankAccount(workerID: x.w.t.workers[0], account: "6222 0212 3456 7890 128")
        try x.f.desk.store.write { w in try w.db.execute(sql: "UPDATE claims SET status = 'payable' WHERE id = \(c.id)") }
        let refused = deskError { _ = try x.fin.createPaymentBatch() }
        #expect(refused?.message(.en).contains("holds no approval") == true, "\(String(describing: refused))")
    }

    @Test func aNoOpEditIsNotFlaggedButAChangedFieldIs() throws {
        // Rows edited and put back as they were read as their audit images say.
        let p = try Payable()
        try p.sql("UPDATE claims SET status = 'payable', fund_year = fund_year WHERE id = \(p.a.id)")
        try p.sql("UPDATE claims SET status = 'submitted' WHERE id = \(p.b.id)")
        try p.sql("UPDATE claims SET status = 'payable' WHERE id = \(p.b.id)")
        let batch = try p.x.fin.createPaymentBatch()
        #expect(Set(batch.claimIDs) == [p.a.id, p.b.id])
        // A field outside the seal (recovered money) changed with sqlite3 is caught by the last image.
        let q = try Payable()
        try q.sql("UPDATE claims SET recovered_fen = 150000 WHERE id = \(q.a.id)")
        let second = try q.x.fin.createPaymentBatch()
        #expect(second.claimIDs == [q.b.id])
        #expect(second.skipped.first { $0.id == q.a.id }?.reason.en.contains("recovered_fen") == true)
    }

    @Test func aWorkersAccountOrNameChangedWithSQLiteIsLeftOut() throws {
        let p = try Payable()
        try p.sql("UPDATE workers SET bank_account = '6222021234567899999' WHERE id = '\(p.x.w.t.workers[0])'")
        try p.sql("UPDATE workers SET name = '冒名者' WHERE id = '\(p.x.w.t.workers[1])'")
        let refused = deskError { _ = try p.x.fin.createPaymentBatch() }
        let text = refused?.message(.en) ?? ""
        #expect(text.contains("bank account differs from the audit trail") && text.contains("name differs from the audit trail")
                && text.contains("冒名者"), "\(text)")
        #expect(try p.x.claim(p.a.id).batchID == nil && p.x.claim(p.b.id).batchID == nil)
    }

    @Test func anAmountRaisedAfterBatchingRefusesTheExportAndWritesNoAuditRow() throws {
        let p = try Payable()
        let batch = try p.x.fin.createPaymentBatch()
        try p.sql("UPDATE claims SET amount_fen = 99999900 WHERE id = \(p.a.id)")
        try p.sql("UPDATE payment_lines SET amount_fen = 99999900 WHERE claim_id = \(p.a.id)")
        let before = try p.audits()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let refused = deskError { _ = try p.x.fin.exportPaymentBatch(batch.batch, encoding: .utf8BOM, to: dir.file("bank.csv"), replace: false) }
        guard case let .sealBroken(list)? = refused else { Issue.record("\(String(describing: refused))"); return }
        #expect(list.count == 1 && list[0].en.contains("claim \(p.a.id)") && list[0].en.contains("amount_fen"), "\(list)")
        #expect(try p.audits() == before && !FileManager.default.fileExists(atPath: dir.file("bank.csv")))
    }

    @Test func aLinesAccountChangedAfterBatchingRefusesTheExportAndIsNotMarkedPaid() throws {
        let p = try Payable()
        let batch = try p.x.fin.createPaymentBatch()
        try p.sql("UPDATE payment_lines SET bank_account = '6222021234567899999' WHERE claim_id = \(p.a.id)")
        let refused = deskError { _ = try p.x.fin.bankFile(batch.batch, encoding: .utf8BOM) }
        #expect(refused?.message(.en).contains("bank_account") == true, "\(String(describing: refused))")
        // The bank says both were paid: the tampered line is not marked paid and is reported.
        let year = try p.x.claim(p.a.id).claimYear
        let result = [p.a, p.b].map { "\(ClaimNumber.format(year: year, serial: Int($0.id))),成功,1500.00," }.joined(separator: "\n")
        let rec = try p.x.fin.reconcilePaymentBatch(batch.batch, resultFile: Array(result.utf8))
        #expect(rec.paid == [p.b.id])
        #expect(rec.problems.contains { $0.contains("claim \(p.a.id)") && $0.contains("bank_account") }, "\(rec.problems)")
        #expect(try p.x.claim(p.a.id).status.rawValue == "payable" && p.x.claim(p.b.id).status.rawValue == "paid")
    }

    @Test func anApprovalImageEditedInTheTrailIsCaught() throws {
        let p = try Payable()
        // The insider drops the append-only trigger and lowers the sealed amount to match a raised row.
        let seq = try #require(try p.x.audit(p.a.id).last { $0.action == "claim.approve" }?.seq)
        try p.sql("DROP TRIGGER audit_no_update")
        try p.sql("UPDATE audit SET after = replace(after, '150000', '99999900') WHERE seq = \(seq)")
        try p.sql("UPDATE claims SET amount_fen = 99999900 WHERE id = \(p.a.id)")
        let batch = try p.x.fin.createPaymentBatch()
        #expect(batch.claimIDs == [p.b.id])
        #expect(batch.skipped.first { $0.id == p.a.id }?.reason.en.contains("was altered") == true)
    }
}
