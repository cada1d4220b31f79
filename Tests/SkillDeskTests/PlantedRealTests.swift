import Foundation
import SkillCore
@testable import SkillDesk
@testable import SkillStore
import SkillRecords
import Testing

/// Issue 10, break 4 (no stored value traps): SQLite keeps a REAL written into an INTEGER column,
/// and `UPDATE claims SET amount_fen = 1e30` passes the `>= 0` CHECK. GRDB's Int64 conversion of
/// such a value is a fatal error, so before this every claim list, total, fund figure and batch
/// that read it killed the program (this test then crashes the test process). Now such values
/// saturate, the checked sums refuse them, and the seal and `audit check` name them.
@Suite("Planted REAL values never trap")
struct PlantedRealTests {
    @Test func realsInMoneyAndMinuteColumnsAreReadAndRefusedNotTrapped() throws {
        let p = try SealTests.Payable()
        let batch = try p.x.fin.createPaymentBatch()
        try p.sql("UPDATE claims SET amount_fen = 1e30 WHERE id = \(p.a.id)")
        try p.sql("UPDATE payment_lines SET amount_fen = 1e30 WHERE claim_id = \(p.a.id)")
        try p.sql("UPDATE payment_batches SET total_fen = 1e30")
        try p.sql("UPDATE fund_accounts SET reserved_fen = 1e30")
        // Every read that decodes them answers (or refuses with a message) instead of trapping.
        let detail = try p.x.sup.claimDetail(p.a.id)
        #expect(detail.claim.amountFen == Int64.max)
        #expect(detail.auditProblem?.en.contains("amount_fen") == true, "\(String(describing: detail.auditProblem))")
        try p.sql("UPDATE classes SET planned_hours = 1e30")
        _ = try? p.x.clerk.archive(workerID: p.x.w.t.workers[0])
        _ = try? p.x.clerk.trainingClass(p.x.w.classID)
        _ = try? p.x.clerk.trainingClasses()
        _ = try? p.x.clerk.attendanceSheet(classID: p.x.w.classID)
        try p.sql("UPDATE attendance SET classroom_minutes = 1e30")
        try p.sql("UPDATE occupation_levels SET standard_fen = 1e30")
        // With the minutes too, a total cannot be counted: a refusal that says so, not a trap.
        if case .failure(let e) = Result(catching: { try p.x.sup.claimDetail(p.a.id) }) {
            #expect(e is DeskError, "\(e)")
        }
        _ = try? p.x.fin.claimQueue(ClaimQueueFilter(status: .payable))
        _ = try? p.x.fin.claimQueueTotals(ClaimQueueFilter(status: .payable))
        _ = try? p.x.fin.fundYear(2026)
        _ = try? p.x.fin.paymentPreview()
        _ = try? p.x.fin.paymentBatches(limit: 10)
        _ = try? p.x.clerk.archive(workerID: p.x.w.t.workers[0])
        let refused = deskError { _ = try p.x.fin.bankFile(batch.batch, encoding: .utf8BOM) }
        #expect(refused?.message(.en).contains("amount_fen") == true, "\(String(describing: refused))")
        let check = try p.x.f.admin.checkAuditedTables()
        #expect(check.findings.contains { f in
            guard f.table == "claims", case let .differs(d) = f.problem else { return false }
            return d.contains { $0.field == "amount_fen" && $0.stored == String(Int64.max) }
        }, "\(check.findings.map { $0.message(.en) })")
    }
}
