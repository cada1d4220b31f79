import Foundation
import SkillCore
@testable import SkillDesk
@testable import SkillStore
import SkillRecords
import Testing

/// Correcting mistakes (issue 12): withdrawing a claim, correcting and voiding a certificate.
@Suite("Correcting mistakes: withdraw, certificate correction and void")
struct CorrectionUseCaseTests {
    func number(_ c: ClaimRow) -> String { ClaimNumber.format(year: c.claimYear, serial: Int(c.id)) }
    func certificate(_ x: WorkflowWorld, worker i: Int = 0) throws -> CertificateRow {
        try #require(try x.clerk.certificates(worker: x.w.t.workers[i]).first)
    }

    @Test func aDraftIsWithdrawnWithAReasonAndTheWorkerMayClaimAgain() throws {
        let x = try WorkflowWorld()
        let d = try x.clerk.newClaim(ClaimProposal(worker: x.w.worker, kind: .training, classID: x.w.classID)).claim
        let before = try x.f.auditCount
        // No reason (or only blanks): refused, nothing written.
        for blank in ["", "  \t", "\u{200B}"] {
            let e = deskError { try x.clerk.withdrawClaim(d.id, reason: blank) }
            #expect(e?.message(.zh) == "“撤回”必须填写原因")
            #expect(e?.message(.en) == "withdraw needs a reason; enter one")
        }
        #expect(try x.f.auditCount == before && x.claim(d.id).status == .draft)
        // A second claim on the same class is refused while the draft lives.
        #expect(throws: DeskError.self) { _ = try x.clerk.newClaim(ClaimProposal(worker: x.w.worker, kind: .training, classID: x.w.classID)) }
        let other = try x.f.session(.clerk, name: "clerk2")
        let w = try other.withdrawClaim(d.id, reason: " 班号选错，重新申请 ")
        #expect(w.status == .withdrawn && w.reason == "班号选错，重新申请")
        #expect(try w == x.claim(d.id))
        let trail = try x.audit(d.id)
        #expect(trail.map(\.action) == ["claim.create", "claim.withdraw"])
        #expect(trail.last?.user == "clerk2" && trail.last?.after?.contains("\"withdrawn\"") == true
                && trail.last?.before?.contains("\"draft\"") == true)
        // The history stays readable; nothing more can be done to it.
        let detail = try x.clerk.claimDetail(d.id)
        #expect(detail.actions.isEmpty && detail.history.count == 2)
        // The worker's place is free: a new claim on the same class is prepared and submitted.
        let again = try x.clerk.newClaim(ClaimProposal(worker: x.w.worker, kind: .training, classID: x.w.classID)).claim
        #expect(again.id != d.id && again.status == .draft)
        #expect(try x.clerk.submitClaim(again.id).status == .submitted)
        // Withdrawn again is refused, saying who did it and that it is final.
        let e = deskError { try x.clerk.withdrawClaim(d.id, reason: "x") }
        #expect(e?.message(.en).contains("by clerk2") == true && e?.message(.zh).contains("最终状态") == true)
        let v = try x.f.admin.verifyAudit()
        if case .intact = v.0 {} else { Issue.record("audit chain broken: \(v.0)") }
    }

    @Test func aReturnedClaimIsWithdrawnButNotASubmittedOneNorBySomeoneWhoIsNotAClerk() throws {
        let x = try WorkflowWorld()
        let s = try x.submitted()
        let e = deskError { try x.clerk.withdrawClaim(s.id, reason: "不再申请") }
        #expect(e?.message(.zh).contains("不能撤回") == true && e?.message(.en).contains("cannot withdraw") == true)
        #expect(try x.claim(s.id).status == .submitted)
        _ = try x.sup.returnClaim(s.id, reason: "缺少证书复印件")
        let sup = deskError { try x.sup.withdrawClaim(s.id, reason: "x") }
        if case .notPermitted? = sup {} else { Issue.record("a supervisor withdrew: \(String(describing: sup))") }
        #expect(try x.clerk.withdrawClaim(s.id, reason: "劳动者放弃").status == .withdrawn)
        // Not in the clerk's list of returned work any more; in the withdrawn list.
        let returned = try x.clerk.claimQueue(ClaimQueueFilter(status: .returned, preparedBy: "clerk1"))
        #expect(returned.items.allSatisfy { $0.id != s.id })
        let withdrawn = try x.clerk.claimQueue(ClaimQueueFilter(status: .withdrawn, preparedBy: "clerk1"))
        #expect(withdrawn.items.map(\.id) == [s.id])
    }

    @Test func correctingTheCertificateOfASubmittedClaimMarksItW5() throws {
        let x = try WorkflowWorld()
        let s = try x.submitted()
        #expect(try !x.claim(s.id).evidenceChanged)
        let c = try certificate(x)
        var d = CertificateDraft()
        d.worker = c.workerID; d.type = "skill_level"; d.number = "S-1X"; d.occupation = c.occupationCode; d.level = "L4"
        d.issueDate = "2025-04-02"; d.classID = c.classID
        let r = try x.clerk.updateCertificate(c.id, d, version: c.version)
        #expect(r.row.number == "S-1X" && r.row.issueDate == "2025-04-02" && r.row.version == c.version + 1)
        #expect(try x.claim(s.id).evidenceChanged)
        let w5 = try x.sup.claimDetail(s.id).outcomes.first { $0.rule == "W5" }
        #expect(w5?.result == .warn)
        let trail = try x.f.desk.store.read { try $0.auditEntries(entity: "certificate", key: String(c.id)) }
        #expect(trail.map(\.action) == ["certificate.create", "certificate.update"])
        #expect(trail.last?.before?.contains("\"S-1\"") == true && trail.last?.after?.contains("\"S-1X\"") == true)
        // The version the clerk edited is stale now: refused, nothing written.
        d.number = "S-1Y"
        let stale = deskError { _ = try x.clerk.updateCertificate(c.id, d, version: c.version) }
        #expect(stale?.message(.en).contains("was changed by clerk1") == true)
        #expect(try x.clerk.certificate(id: c.id).number == "S-1X")
        // The same validator as recording: a bad level is refused with its field message.
        d.level = "L9"
        #expect(throws: DeskError.self) { _ = try x.clerk.updateCertificate(c.id, d, version: c.version + 1) }
        #expect(try x.f.audit(check: ()).isEmpty)
    }

    @Test func aCertificateUnderAnApprovedClaimIsNotCorrectedNorVoidedAndTheMessageNamesTheClaim() throws {
        let x = try WorkflowWorld()
        let s = try x.submitted()
        _ = try x.sup.approveClaim(s.id)
        let c = try certificate(x)
        var d = CertificateDraft()
        d.worker = c.workerID; d.type = "skill_level"; d.number = "S-9"; d.occupation = c.occupationCode; d.level = "L4"
        d.issueDate = c.issueDate; d.classID = c.classID
        let before = try x.f.auditCount
        let e = deskError { _ = try x.clerk.updateCertificate(c.id, d, version: c.version) }
        #expect(e?.message(.en).contains("claim \(number(s)), which is on notice") == true)
        #expect(e?.message(.en).contains("objection") == true)
        #expect(e?.message(.zh).contains("申请 \(number(s))（公示中）") == true)
        let v = deskError { _ = try x.clerk.voidCertificate(c.id, reason: "录错") }
        #expect(v?.message(.zh).contains(number(s)) == true)
        #expect(try x.clerk.certificate(id: c.id) == c && x.f.auditCount == before)
    }

    @Test func aVoidedCertificateBacksNoNewClaimAndAStandingOneDoes() throws {
        let x = try WorkflowWorld()
        let proposal = ClaimProposal(worker: x.w.worker, kind: .training, classID: x.w.classID)
        // Standing: the claim is eligible on it.
        #expect(try x.clerk.evaluateClaim(proposal).eligible)
        let draft = try x.clerk.newClaim(proposal).claim
        let c = try certificate(x)
        #expect(deskError { _ = try x.clerk.voidCertificate(c.id, reason: "  ") }?.message(.zh) == "作废证书必须填写原因，请说明作废理由")
        let voided = try x.clerk.voidCertificate(c.id, reason: "证书号录错")
        #expect(voided.isVoided && voided.voidedBy == "clerk1" && voided.voidReason == "证书号录错")
        // Voided: E3 fails for a new evaluation, and the draft resting on it cannot be submitted.
        let e = try x.clerk.evaluateClaim(proposal)
        #expect(!e.eligible && e.evaluation.failures.contains { $0.rule == "E3" })
        #expect(throws: DeskError.self) { _ = try x.clerk.submitClaim(draft.id) }
        // By number it is refused, saying it was voided.
        var byNumber = proposal
        byNumber.certificateNumber = c.number
        let n = deskError { _ = try x.clerk.evaluateClaim(byNumber) }
        #expect(n?.message(.en).contains("was voided by clerk1") == true && n?.message(.zh).contains("已由 clerk1") == true)
        // A void certificate is not corrected or voided again.
        #expect(deskError { _ = try x.clerk.voidCertificate(c.id, reason: "again") }?.message(.zh).contains("作废的证书不能再修改") == true)
        // Recording the right one makes the claim good again.
        try x.w.t.scenario.certify(x.w.worker, number: "S-1-OK", classID: x.w.classID)
        #expect(try x.clerk.evaluateClaim(proposal).eligible)
        #expect(try x.f.audit(check: ()).isEmpty)
    }
}

extension Fixture {
    /// `audit check`'s problems (the tables against the trail's last after-images).
    func audit(check: Void) throws -> [String] {
        try admin.checkAuditedTables().findings.map { $0.message(.en) }
    }
}
