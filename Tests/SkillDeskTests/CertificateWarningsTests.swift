import Foundation
import SkillCore
import SkillDesk
import SkillStore
import SkillRecords
import Testing

/// `certificateWarnings(worker:)`: W1 as it stands now, for the archive's ⚠ marks.
@Suite("Certificate warnings")
struct CertificateWarningsTests {
    @Test func w1ForEachCertificateOfTheWorker() throws {
        let t = try TrainingWorld()
        let classID = try t.runningClass()  // starts 2025-03-01
        let cert = CertificateUseCaseTests.cert
        let shared = try t.clerk.addCertificate(cert(t.workers[0], "skill_level", "S2025-0001", "L4", "2025-04-10", nil)).row
        let early = try t.clerk.addCertificate(cert(t.workers[0], "skill_level", "S2025-0002", "L4", "2025-02-28", classID)).row
        _ = try t.clerk.addCertificate(cert(t.workers[0], "skill_level", "S2025-0003", "L4", "2025-03-01", classID))
        // Before anyone else holds S2025-0001, only the early one warns.
        #expect(try t.clerk.certificateWarnings(worker: t.workers[0]) == [early.id: [.issuedBeforeClass(classID: classID, start: "2025-03-01")]])
        _ = try t.clerk.addCertificate(cert(t.workers[1], "skill_level", "S2025-0001", "L4", "2025-04-10", nil))
        let now = try t.clerk.certificateWarnings(worker: t.workers[0].lowercased())
        #expect(now[shared.id] == [.numberHeldByAnother(worker: t.workers[1])])
        #expect(now.count == 2)
        // The other holder sees the same W1 the other way round; a worker without certificates has none.
        #expect(try t.clerk.certificateWarnings(worker: t.workers[1]).values.first == [.numberHeldByAnother(worker: t.workers[0])])
        #expect(try t.clerk.certificateWarnings(worker: t.workers[2]).isEmpty)
        // Readers of classes may ask (an auditor); the result does not depend on who asks.
        #expect(try t.f.session(.auditor).certificateWarnings(worker: t.workers[0]) == now)
    }
}
