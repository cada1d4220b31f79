import Foundation
import SkillCore
import SkillDesk
@testable import SkillStore
import SkillRecords
import Testing

/// Issue 10, break 8: whoever prepared, (re)submitted or objected to a claim does not decide it;
/// whoever approved it does not put it in a payment batch. Each refusal changes nothing.
@Suite("Claims: four eyes")
struct FourEyesTests {
    /// A user who is both clerk and supervisor (allowed: a small office), logged in.
    static func both(_ x: WorkflowWorld, roles: [Role] = [.clerk, .supervisor], name: String = "both") throws -> Session {
        try x.f.admin.addUser(name: name, roles: roles, password: name + "-hands-1")
        return try x.f.desk.login(name: name, password: name + "-hands-1")
    }

    /// What a refused decision must leave as it was.
    static func snapshot(_ x: WorkflowWorld, _ id: Int64) throws -> String {
        let c = try x.claim(id), fund = try x.fund()
        return "\(c.status) \(c.version) \(fund.reservedFen) \(fund.balanceFen) \(try x.f.auditCount)"
    }

    static func refusedDecisions(_ x: WorkflowWorld, _ s: Session, _ id: Int64, words: String) throws {
        let before = try snapshot(x, id)
        for (what, step) in [("approve", { _ = try s.approveClaim(id) }),
                             ("return", { _ = try s.returnClaim(id, reason: "补充材料") }),
                             ("reject", { _ = try s.rejectClaim(id, code: .duplicate, reason: "重复申请") })] as [(String, () throws -> Void)] {
            let e = deskError { try step() }
            #expect(e?.message(.en).contains(words) == true, "\(what): \(String(describing: e))")
            #expect(e?.message(.zh).isEmpty == false)
            #expect(try snapshot(x, id) == before, "\(what) changed the claim")
        }
        let batch = try s.approveClaims([id])
        #expect(batch.done.isEmpty && batch.skipped.map { $0.id } == [id])
        #expect(batch.skipped.first?.reason.en.contains(words) == true, "\(batch.skipped)")
        #expect(try snapshot(x, id) == before)
    }

    @Test func whoeverResubmittedAClaimDoesNotDecideIt() throws {
        let x = try WorkflowWorld()
        let s = try x.submitted()
        _ = try x.sup.returnClaim(s.id, reason: "补充材料")
        let both = try Self.both(x)
        _ = try both.submitClaim(s.id)
        try Self.refusedDecisions(x, both, s.id, words: "submitted claim \(s.id)")
        // Another supervisor may.
        #expect(try x.sup.approveClaim(s.id).status.rawValue == "on_notice")
    }

    @Test func whoeverObjectedToAClaimDoesNotDecideIt() throws {
        let x = try WorkflowWorld()
        let s = try x.submitted()
        _ = try x.sup.approveClaim(s.id)
        let both = try Self.both(x)
        #expect(try both.objectToClaim(s.id, reason: "群众举报").status.rawValue == "submitted")
        try Self.refusedDecisions(x, both, s.id, words: "objected to claim \(s.id)")
        #expect(try x.sup.approveClaim(s.id).status.rawValue == "on_notice")
    }

    @Test func whoeverPreparedAClaimStillDoesNotDecideIt() throws {
        let x = try WorkflowWorld()
        let both = try Self.both(x)
        let d = try both.newClaim(ClaimProposal(worker: x.w.worker, kind: .training, classID: x.w.classID))
        _ = try x.clerk.submitClaim(d.claim.id)   // submitted by another clerk: still prepared by `both`
        try Self.refusedDecisions(x, both, d.claim.id, words: "prepared claim \(d.claim.number)")  // named by its number (issue 12)
    }

    /// A finance officer who also approves (supervisor + finance) leaves their own approvals out of
    /// a batch, named; another finance officer batches them. Only their own: the batch goes on.
    @Test func whoeverApprovedAClaimDoesNotPutItInAPaymentBatch() throws {
        let x = try WorkflowWorld()
        let a = try x.submitted(worker: 0), b = try x.submitted(worker: 1)
        let supfin = try Self.both(x, roles: [.supervisor, .finance], name: "supfin")
        _ = try supfin.approveClaim(a.id)
        _ = try x.sup.approveClaim(b.id)
        x.f.clock.advance(7 * 86_400)
        _ = try x.sup.claimQueue()
        try x.clerk.setBankAccount(workerID: x.w.t.workers[0], account: "6222 0212 3456 7890 128")
        try x.clerk.setBankAccount(workerID: x.w.t.workers[1], account: "6222 0212 3456 7890 557")
        let batch = try supfin.createPaymentBatch()
        #expect(batch.claimIDs == [b.id])
        #expect(batch.skipped.map { $0.id } == [a.id])
        #expect(batch.skipped.first?.reason.en.contains("approved claim \(a.number)") == true, "\(batch.skipped)")
        #expect(try x.claim(a.id).batchID == nil && x.claim(a.id).status.rawValue == "payable")

        // Only their own approvals left: refused whole, nothing written.
        let before = try Self.snapshot(x, a.id)
        let alone = deskError { _ = try supfin.createPaymentBatch() }
        #expect(alone?.message(.en).contains("approved claim \(a.id)") == true, "\(String(describing: alone))")
        #expect(try Self.snapshot(x, a.id) == before)
        // Another finance officer batches it.
        #expect(try x.fin.createPaymentBatch().claimIDs == [a.id])
    }
}
