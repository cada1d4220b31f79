import Foundation
import SkillCore
@testable import SkillDesk
import SkillStore
import SkillRecords
import Testing

/// Issue 12: enrolling on a completed class is refused; a roster correction is a distinct audited
/// action with a reason that marks the class's submitted claims (W5).
@Suite struct RosterCorrectionTests {
    @Test func enrolmentAfterCompletionIsRefusedAndTheCorrectionMarksTheClaims() throws {
        let w = try WorkflowWorld()
        let claim = try w.w.t.scenario.submittedClaim(w.w.worker, classID: w.w.classID)
        #expect(try w.f.desk.store.read { try $0.claim(id: claim.id) }?.evidenceChanged == false)
        _ = try w.clerk.completeClass(w.w.classID)
        var d = draft(seq: 21, name: "王芳")
        d.id = residentID(seq: 21)
        let late = try w.clerk.register(d).id

        // Ordinary enrolment: refused, naming the class by number and occupation, nothing written.
        do {
            _ = try w.clerk.enrol(classID: w.w.classID, workerIDs: [late])
            Issue.record("enrolment on a completed class was accepted")
        } catch let e as DeskError {
            #expect(e.message(.zh).contains("培训班 \(w.w.classID)（电工 中级工）已结业"), "\(e.message(.zh))")
            #expect(e.message(.zh).contains("花名册更正") && e.message(.en).contains("roster correction"))
        }
        #expect(try w.f.desk.store.read { try $0.enrolledWorkers(classID: w.w.classID) }.contains(late) == false)

        // A correction without a reason: refused, nothing written.
        #expect(throws: DeskError.self) { try w.clerk.correctRoster(classID: w.w.classID, workerIDs: [late], reason: "  ") }
        #expect(try w.f.desk.store.read { try $0.enrolledWorkers(classID: w.w.classID) }.contains(late) == false)

        // With a reason: enrolled, audited with the reason, the submitted claim marked (W5).
        let r = try w.clerk.correctRoster(classID: w.w.classID, workerIDs: [late], reason: "纸质签到表漏录")
        #expect(r.enrolled == [late] && r.markedClaims == 1)
        #expect(try w.f.desk.store.read { try $0.enrolledWorkers(classID: w.w.classID) }.contains(late))
        #expect(try w.f.desk.store.read { try $0.claim(id: claim.id) }?.evidenceChanged == true)
        let audit = try w.f.desk.store.read { try $0.auditEntries(entity: "class", key: String(w.w.classID)) }.filter { $0.action == "class.roster_correction" }
        #expect(audit.count == 1 && audit.first?.after?.contains("纸质签到表漏录") == true)
        // Attendance for the late trainee can now be logged (the class is completed, not closed).
        try w.w.t.scenario.attend(w.w.classID, late, on: "2025-03-04")
        // The claim detail names the change for the supervisor (W5 warns).
        let detail = try w.sup.claimDetail(claim.id)
        #expect(detail.evaluation?.evaluation.outcome("W5")?.result == .warn)
    }

    @Test func correctionIsOnlyForACompletedClass() throws {
        let t = try TrainingWorld()
        let running = try t.runningClass()
        do {
            _ = try t.clerk.correctRoster(classID: running, workerIDs: [t.workers[0]], reason: "x")
            Issue.record("a correction on a running class was accepted")
        } catch let e as DeskError {
            #expect(e.message(.en).contains("enrol workers the ordinary way"), "\(e.message(.en))")
        }
        // Ordinary enrolment on a running class still works.
        let c2 = try t.clerk.addClass(TrainingWorld.classDraft())
        #expect(try t.clerk.enrol(classID: c2.id, workerIDs: [t.workers[1]]).enrolled == [t.workers[1]])
    }
}
