import Foundation
import SkillCore
import SkillDesk
import SkillStore
import SkillRecords
import Testing

@Suite("Certificates")
struct CertificateUseCaseTests {
    static func cert(_ worker: String, type: String = "skill_level", number: String = "S2025-0001", level: String = "L4",
                     date: String = "2025-04-10", classID: Int64? = nil) -> CertificateDraft {
        var d = CertificateDraft()
        d.worker = worker; d.type = type; d.number = number; d.occupation = "6-31-01-03"; d.level = level
        d.issueDate = date; d.classID = classID; d.issuer = "南京市职业技能鉴定中心"
        return d
    }

    @Test func recordedAuditedAndDuplicateForSameHolderRefused() throws {
        let t = try TrainingWorld()
        let audits = try t.f.auditCount
        let r = try t.clerk.addCertificate(Self.cert(t.workers[0]))
        #expect(r.warnings.isEmpty && r.row.level == "L4")
        #expect(try t.f.auditCount == audits + 1)
        guard case .certificateExists? = deskError({ _ = try t.clerk.addCertificate(Self.cert(t.workers[0])) }) else {
            Issue.record("a second identical certificate was recorded"); return
        }
        #expect(try t.clerk.certificates(worker: t.workers[0]).count == 1)
        #expect(try t.f.auditCount == audits + 1)
        #expect(try t.f.session(.auditor).certificates().count == 1)
    }

    @Test func levelOnlyForTypesThatStateOne() throws {
        let t = try TrainingWorld()
        #expect(throws: DeskError.self, "skill level without level") { try t.clerk.addCertificate(Self.cert(t.workers[0], level: "")) }
        #expect(throws: DeskError.self, "training cert with level") { try t.clerk.addCertificate(Self.cert(t.workers[0], type: "training")) }
        let ok = try t.clerk.addCertificate(Self.cert(t.workers[0], type: "training", level: ""))
        #expect(ok.row.level == nil)
        #expect(throws: DeskError.self, "unregistered holder") { try t.clerk.addCertificate(Self.cert(residentID(seq: 77))) }
    }

    @Test func w1NumberOnAnotherWorkerAndDateBeforeClass() throws {
        let t = try TrainingWorld()
        let classID = try t.runningClass()  // starts 2025-03-01
        _ = try t.clerk.addCertificate(Self.cert(t.workers[0]))
        let second = try t.clerk.addCertificate(Self.cert(t.workers[1]))
        #expect(second.warnings == [.numberHeldByAnother(worker: t.workers[0])])
        let early = try t.clerk.addCertificate(Self.cert(t.workers[2], number: "S2025-0003", date: "2025-02-28", classID: classID))
        #expect(early.warnings == [.issuedBeforeClass(classID: classID, start: "2025-03-01")])
        let onTime = try t.clerk.addCertificate(Self.cert(t.workers[2], number: "S2025-0004", date: "2025-03-01", classID: classID))
        #expect(onTime.warnings.isEmpty)
        #expect(try t.clerk.certificates().count == 4)
    }
}
