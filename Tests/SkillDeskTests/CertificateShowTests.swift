import Foundation
import SkillCore
import SkillDesk
import SkillStore
import SkillRecords
import Testing

@Suite("Certificate by number")
struct CertificateShowTests {
    @Test func byNumberWithHolderAndW1Flags() throws {
        let t = try TrainingWorld()
        let classID = try t.runningClass()  // starts 2025-03-01
        typealias C = CertificateUseCaseTests
        _ = try t.clerk.addCertificate(C.cert(t.workers[0]))
        _ = try t.clerk.addCertificate(C.cert(t.workers[1], date: "2025-02-01", classID: classID))
        _ = try t.clerk.addCertificate(C.cert(t.workers[2], type: "training", level: ""))
        _ = try t.clerk.addCertificate(C.cert(t.workers[2], number: "OTHER-1", level: "L4"))
        let sup = try t.f.session(.supervisor)
        let all = try sup.certificates(number: " S2025-0001 ")
        #expect(all.map(\.row.workerID) == [t.workers[0], t.workers[1], t.workers[2]])
        #expect(all.allSatisfy { $0.holderName == "学员" })
        #expect(all[0].warnings == [.numberHeldByAnother(worker: t.workers[1])])
        #expect(all[1].warnings == [.numberHeldByAnother(worker: t.workers[0]),
                                    .issuedBeforeClass(classID: classID, start: "2025-03-01")])
        #expect(all[2].warnings.isEmpty, "a training certificate with the same number is another type")
        let training = try sup.certificates(number: "S2025-0001", type: "training")
        #expect(training.map(\.row.type.rawValue) == ["training"])
        guard case .certificateNotFound? = deskError({ _ = try sup.certificates(number: "S2025-9999") }) else {
            Issue.record("an unknown number"); return
        }
        guard case .certificateNotFound? = deskError({ _ = try sup.certificates(number: "OTHER-1", type: "training") }) else {
            Issue.record("a number of another type"); return
        }
        #expect(throws: DeskError.self) { try sup.certificates(number: "S2025-0001", type: "diploma") }
    }
}
