import Foundation
import SkillCore
import SkillDesk
import SkillStore
import SkillRecords
import Testing

/// 电子档案、学分累计 (003 二(二)7): a worker's classes, counted hours, certificates.
@Suite("Worker archive")
struct ArchiveUseCaseTests {
    /// Worker 0: class 1 (school A, 10 h planned) 300 + 210 counted minutes → 8.5 h, completed (≥ 8 h);
    /// class 2 (school B) 150 counted minutes → 2.5 h, not completed; one certificate from class 1.
    /// Worker 1 also attends class 1 (must not leak into worker 0's sums). Worker 2 has nothing.
    static func world() throws -> (TrainingWorld, Int64, Int64) {
        let t = try TrainingWorld()
        let c1 = try t.runningClass()
        let c2 = try t.runningClass(institution: TrainingWorld.schoolB)
        let w = t.workers[0]
        // online counts at 50%: 240 + 120/2 = 300; 180 + 60/2 = 210; 120 + 61/2 (rounded down) = 150
        _ = try t.clerk.attend(classID: c1, workerID: w, date: day("2025-03-01"), classroomMinutes: 240, onlineMinutes: 120)
        _ = try t.clerk.attend(classID: c1, workerID: w, date: day("2025-03-02"), classroomMinutes: 180, onlineMinutes: 60)
        _ = try t.clerk.attend(classID: c2, workerID: w, date: day("2025-03-05"), classroomMinutes: 120, onlineMinutes: 61)
        _ = try t.clerk.attend(classID: c1, workerID: t.workers[1], date: day("2025-03-01"), classroomMinutes: 600, onlineMinutes: 0)
        _ = try t.clerk.addCertificate(CertificateUseCaseTests.cert(w, classID: c1))
        return (t, c1, c2)
    }

    @Test func classesHoursCompletionAndCertificates() throws {
        let (t, c1, c2) = try Self.world()
        let a = try t.clerk.archive(workerID: t.workers[0].lowercased())
        #expect(a.worker.id == t.workers[0])
        #expect(a.classes.map(\.row.id) == [c1, c2])
        #expect(a.classes.map(\.countedMinutes) == [510, 150])
        #expect(a.classes.map(\.completed) == [true, false])
        #expect(a.countedMinutesTotal == 660)
        #expect(Hours.text(a.countedMinutesTotal) == "11")
        #expect(a.classes.map(\.row.institution) == [TrainingWorld.schoolA, TrainingWorld.schoolB])
        #expect(a.classes.allSatisfy { $0.institutionName != nil && $0.occupationName != nil })
        #expect(a.certificates.count == 1 && a.certificates.first?.classID == c1)
        #expect(a.certificates.first?.number == "S2025-0001")

        let other = try t.clerk.archive(workerID: t.workers[1])
        #expect(other.classes.map(\.countedMinutes) == [600, 0])
        #expect(other.classes.map(\.completed) == [true, false])
        #expect(other.certificates.isEmpty && other.countedMinutesTotal == 600)
    }

    @Test func jsonHasHoursAsNumbers() throws {
        let (t, c1, _) = try Self.world()
        let json = WorkerArchiveSnapshot(try t.clerk.archive(workerID: t.workers[0])).json()
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(obj["counted_hours_total"] as? Double == 11)
        let classes = try #require(obj["classes"] as? [[String: Any]])
        #expect(classes.first?["counted_hours"] as? Double == 8.5)
        #expect(classes.first?["id"] as? Int64 == c1)
        #expect(classes.map { $0["completed"] as? Bool } == [true, false])
    }

    @Test func workerWithNothingHasAnEmptyArchive() throws {
        let t = try TrainingWorld()
        _ = try t.runningClass()  // others have a class; the fresh worker has none
        let fresh = residentID(seq: 21)
        var d = draft(seq: 21, name: "新人")
        d.id = fresh
        _ = try t.clerk.register(d)
        let a = try t.clerk.archive(workerID: fresh)
        #expect(a.worker.id == fresh && a.classes.isEmpty && a.certificates.isEmpty && a.countedMinutesTotal == 0)
        guard case .workerNotFound? = deskError({ _ = try t.clerk.archive(workerID: residentID(seq: 88)) }) else {
            Issue.record("an unregistered worker had an archive"); return
        }
    }

    @Test func everyRoleThatReadsWorkersAndClassesMayReadIt() throws {
        let (t, _, _) = try Self.world()
        for role in [Role.supervisor, .finance, .auditor, .admin] {
            let s = try t.f.session(role)
            #expect(try s.archive(workerID: t.workers[0]).countedMinutesTotal == 660, "\(role)")
            #expect(s.can(.readWorkers) && s.can(.readClasses))
        }
    }
}
