import Foundation
import SkillCore
@testable import SkillDesk
import SkillStore
import SkillRecords
import Testing

@Suite("Attendance: clearing a day and the 24-hour day")
struct AttendanceClearTests {
    @Test func zeroMinutesDeletesTheDayAndAuditsTheBefore() throws {
        let t = try TrainingWorld()
        let id = try t.runningClass()
        let w = t.workers[0]
        _ = try t.clerk.attend(classID: id, workerID: w, date: day("2025-03-05"), classroomMinutes: 480, onlineMinutes: 30)
        _ = try t.clerk.attend(classID: id, workerID: w, date: day("2025-03-06"), classroomMinutes: 60, onlineMinutes: 0)
        let audits = try t.f.auditCount
        let r = try t.clerk.attend(classID: id, workerID: w, date: day("2025-03-05"), classroomMinutes: 0, onlineMinutes: 0)
        #expect(r.cleared && r.before?.classroomMinutes == 480 && r.warnings.isEmpty)
        #expect(try t.f.desk.store.read { try $0.attendance(classID: id, workerID: w, date: "2025-03-05") } == nil)
        let trainee = try t.clerk.trainingClass(id).roster.first { $0.workerID == w }!
        #expect(trainee.days == 1 && trainee.countedMinutes == 60)
        #expect(try t.f.auditCount == audits + 1)
        let last = try t.f.admin.auditEntries(entity: "class", key: String(id)).last
        #expect(last?.action == "attendance.clear")
        #expect(last?.before?.contains("\"classroom_minutes\":480") == true && last?.after == nil)
    }

    @Test func clearingAnEmptyDayWritesNothing() throws {
        let t = try TrainingWorld()
        let id = try t.runningClass()
        let audits = try t.f.auditCount
        let r = try t.clerk.attend(classID: id, workerID: t.workers[1], date: day("2025-03-07"), classroomMinutes: 0, onlineMinutes: 0)
        #expect(r.cleared && r.before == nil)
        #expect(try t.f.auditCount == audits)
        #expect(try t.f.desk.store.read { try $0.attendance(classID: id, workerID: t.workers[1], date: "2025-03-07") } == nil)
        // Clearing still checks the roster: a stranger's day is refused, not silently ignored.
        #expect(throws: DeskError.self) {
            try t.clerk.attend(classID: id, workerID: residentID(seq: 50), date: day("2025-03-07"), classroomMinutes: 0, onlineMinutes: 0)
        }
    }

    /// Issue 12: more than 24 hours in one day across a worker's classes is impossible and refused
    /// at entry (it used to be stored with a W2 warning); the message names the other class and its hours.
    @Test func moreThan24HoursInADayAcrossClassesIsRefused() throws {
        let t = try TrainingWorld()
        let a1 = try t.runningClass()
        let a2 = try t.runningClass()  // same institution: no other-institution W2
        let w = t.workers[0]
        let d = day("2025-03-10")
        #expect(try t.clerk.attend(classID: a1, workerID: w, date: d, classroomMinutes: 720, onlineMinutes: 0).warnings.isEmpty)
        // Exactly 24 h in all is allowed without a warning.
        #expect(try t.clerk.attend(classID: a2, workerID: w, date: d, classroomMinutes: 600, onlineMinutes: 120).warnings.isEmpty)
        let audits = try t.f.auditCount
        let refusal = deskError { _ = try t.clerk.attend(classID: a2, workerID: w, date: d, classroomMinutes: 600, onlineMinutes: 121) }
        let name = try t.clerk.worker(id: w).name
        let occupation = try t.f.desk.store.read { try $0.occupationName(code: try $0.trainingClass(id: a1)!.occupationCode) }!
        #expect(refusal?.message(.zh) == "\(name)（\(w)）2025-03-10 在培训班 \(a2) 最多还能登记 12 小时：已在培训班 \(a1)（\(occupation)）12 小时有考勤，再加 12:01 小时共 24:01 小时，超过一天 24 小时")
        #expect(refusal?.message(.en) == "\(name) (\(w)) can have at most 12 h in class \(a2) on 2025-03-10: already class \(a1) (\(occupation)) 12 h; with 12:01 h that is 24:01 h, more than a day's 24")
        // Nothing changed: the day keeps its 10+2 h, no audit row.
        #expect(try t.f.desk.store.read { try $0.attendance(classID: a2, workerID: w, date: "2025-03-10") }?.onlineMinutes == 120)
        #expect(try t.f.auditCount == audits)
        // Lowering the other class first makes room.
        _ = try t.clerk.attend(classID: a1, workerID: w, date: d, classroomMinutes: 600, onlineMinutes: 0)
        _ = try t.clerk.attend(classID: a2, workerID: w, date: d, classroomMinutes: 600, onlineMinutes: 240)
    }
}
