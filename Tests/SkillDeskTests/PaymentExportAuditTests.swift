import Foundation
import SkillCore
import SkillDesk
import Testing

/// Issue 10, break 1: an export is audited only once its file is durably written.
@Suite("Payment export audit")
struct PaymentExportAuditTests {
    @Test func aFailedExportWritesNoAuditRowAndASuccessfulOneWritesOne() throws {
        let x = try WorkflowWorld()
        let s = try x.submitted()
        _ = try x.sup.approveClaim(s.id)
        x.f.clock.advance(7 * 86_400)
        try x.clerk.setBankAccount(workerID: x.w.worker, account: "6222 0212 3456 7890 128")
        let b = try x.fin.createPaymentBatch()
        let dir = try TempDir()
        defer { dir.cleanup() }
        func exports() throws -> Int { try x.f.admin.auditEntries(entity: "payment_batch", key: b.batch).filter { $0.action == "payment.export" }.count }
        #expect(deskError { try x.fin.exportPaymentBatch(b.batch, encoding: .utf8BOM, to: dir.file("no/bank.csv"), replace: false) } != nil)
        let taken = try dir.write("taken.csv", "keep")
        #expect(deskError { try x.fin.exportPaymentBatch(b.batch, encoding: .utf8BOM, to: taken, replace: false) } != nil)
        // Refused before the bytes: a clerk may not export, and no file appears.
        #expect(deskError { try x.clerk.exportPaymentBatch(b.batch, encoding: .utf8BOM, to: dir.file("clerk.csv"), replace: false) } != nil)
        #expect(try exports() == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["taken.csv"])
        let bytes = try x.fin.exportPaymentBatch(b.batch, encoding: .gb18030, to: dir.file("bank.csv"), replace: false)
        #expect(try readBytes(dir.file("bank.csv")) == bytes && bytes == x.fin.bankFile(b.batch, encoding: .gb18030))
        #expect(try exports() == 1)
    }
}
