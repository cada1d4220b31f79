import Foundation
import SkillCore
import SkillDesk
import Testing

@Suite("Attendance is for days that took place")
struct AttendanceDateTests {
    @Test func aDayAfterTheBusinessDateIsRefusedAndTodayIsAllowed() throws {
        // The fixture's clock says 2026-01-15 (Nanjing); the class runs 01-10 … 01-20.
        let t = try TrainingWorld()
        let c = try t.clerk.addClass(TrainingWorld.classDraft(start: "2026-01-10", end: "2026-01-20"))
        _ = try t.clerk.enrol(classID: c.id, workerIDs: t.workers)
        _ = try t.clerk.startClass(c.id)
        let w = t.workers[0]
        let audits = try t.f.auditCount
        #expect(throws: DeskError.self) {
            try t.clerk.attend(classID: c.id, workerID: w, date: CalendarDate(iso: "2026-01-16")!,
                               classroomMinutes: 480, onlineMinutes: 0)
        }
        #expect(try t.f.auditCount == audits, "a refused day writes nothing")
        let today = try t.clerk.attend(classID: c.id, workerID: w, date: CalendarDate(iso: "2026-01-15")!,
                                       classroomMinutes: 480, onlineMinutes: 0)
        #expect(today.row.classroomMinutes == 480)
    }
}
