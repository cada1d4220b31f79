import Foundation
import SkillCore
import SkillDesk
import SkillStore
import SkillRecords
import Testing

/// A catalogue with the electrician (L4, L5 from 2025-01-01), two active schools that may train
/// it at L4, three registered workers and a clerk.
struct TrainingWorld {
    let f: Fixture
    let clerk: Session
    static let schoolA = InstitutionTests.code
    static let schoolB = creditCode("52320100MJ7654321")
    let workers = [residentID(seq: 11), residentID(seq: 12), residentID(seq: 13)]

    /// The shared steps (class → attendance → certificate → claim) as this world's clerk.
    var scenario: Scenario { Scenario(clerk: clerk) }

    init(profiles: [PolicyProfile] = PolicyLibrary.profiles) throws {
        f = try Fixture(profiles: profiles)
        try Scenario.catalogue(as: f.admin, [electrician(from: "2025-01-01")],
                               [InstitutionTests.school(), InstitutionTests.school(Self.schoolB)])
        clerk = try f.clerk()
        for (i, id) in workers.enumerated() {
            var d = draft(seq: 11 + i, name: "学员")
            d.id = id
            _ = try clerk.register(d)
        }
    }

    static func classDraft(institution: String = TrainingWorld.schoolA, occupation: String = "6-31-01-03",
                           level: String = "L4", type: String = "employment", start: String = "2025-03-01",
                           end: String = "2025-03-31", hours: String = "10") -> ClassDraft {
        Scenario.classDraft(institution: institution, occupation: occupation, level: level, type: type,
                            start: start, end: end, hours: hours)
    }

    /// A running class with all three workers enrolled.
    func runningClass(institution: String = TrainingWorld.schoolA) throws -> Int64 {
        try scenario.runningClass(Self.classDraft(institution: institution), enrolling: workers)
    }
}

@Suite("Training classes")
struct ClassUseCaseTests {
    @Test func addIsAuditedAndReadable() throws {
        let t = try TrainingWorld()
        let audits = try t.f.auditCount
        let c = try t.clerk.addClass(TrainingWorld.classDraft())
        #expect(c.status.rawValue == "planned" && c.plannedHours == 10 && c.institution == TrainingWorld.schoolA)
        #expect(try t.f.auditCount == audits + 1)
        let rows = try t.f.admin.auditEntries(entity: "class", key: String(c.id))
        #expect(rows.map(\.action) == ["class.create"])
        #expect(rows.first?.after?.contains("\"planned_hours\":10") == true)
        let sup = try t.f.session(.supervisor)
        #expect(try sup.trainingClass(c.id).row == c)
        #expect(throws: DeskError.self) { try sup.addClass(TrainingWorld.classDraft()) }
        #expect(throws: DeskError.self) { try t.f.admin.addClass(TrainingWorld.classDraft()) }
    }

    @Test(arguments: [
        ("level outside may-train", TrainingWorld.classDraft(level: "L5")),
        ("end before start", TrainingWorld.classDraft(start: "2025-03-10", end: "2025-03-09")),
        ("zero hours", TrainingWorld.classDraft(hours: "0")),
        ("absurd hours", TrainingWorld.classDraft(hours: "100000")),
        ("unknown institution", TrainingWorld.classDraft(institution: creditCode("52320100MJ1111111"))),
        ("unknown occupation", TrainingWorld.classDraft(occupation: "6-18-02-04")),
        ("not in force on start", TrainingWorld.classDraft(start: "2024-12-31")),
        ("appraisal has no class", TrainingWorld.classDraft(type: "appraisal")),
    ])
    func refusedAndNothingWritten(_ why: String, _ d: ClassDraft) throws {
        let t = try TrainingWorld()
        let audits = try t.f.auditCount
        #expect(throws: DeskError.self, "\(why)") { try t.clerk.addClass(d) }
        #expect(try t.clerk.trainingClasses().isEmpty)
        #expect(try t.f.auditCount == audits)
    }

    @Test func oneDayClassWithinScopeIsAllowed() throws {
        let t = try TrainingWorld()
        let c = try t.clerk.addClass(TrainingWorld.classDraft(start: "2025-01-01", end: "2025-01-01", hours: "5000"))
        #expect(c.startDate == c.endDate)
    }

    @Test func suspendedOrDisqualifiedInstitutionCannotOpenClasses() throws {
        let t = try TrainingWorld()
        _ = try t.f.admin.suspendInstitution(code: TrainingWorld.schoolA, reason: "查处")
        #expect(throws: DeskError.self) { try t.clerk.addClass(TrainingWorld.classDraft()) }
        _ = try t.f.admin.reinstateInstitution(code: TrainingWorld.schoolA)
        _ = try t.clerk.addClass(TrainingWorld.classDraft())
        _ = try t.f.admin.disqualifyInstitution(code: TrainingWorld.schoolB, reason: "骗补")
        #expect(throws: DeskError.self) { try t.clerk.addClass(TrainingWorld.classDraft(institution: TrainingWorld.schoolB)) }
    }

    @Test func statusMovesOnlyForward() throws {
        let t = try TrainingWorld()
        let c = try t.clerk.addClass(TrainingWorld.classDraft())
        if case .classWrongStatus? = deskError({ _ = try t.clerk.completeClass(c.id) }) {} else { Issue.record("complete from planned") }
        #expect(try t.clerk.startClass(c.id).status.rawValue == "running")
        #expect(throws: DeskError.self) { try t.clerk.startClass(c.id) }
        #expect(try t.clerk.completeClass(c.id).status.rawValue == "completed")
        #expect(try t.clerk.closeClass(c.id).status.rawValue == "closed")
        #expect(throws: DeskError.self) { try t.clerk.closeClass(c.id) }
        let actions = try t.f.admin.auditEntries(entity: "class", key: String(c.id)).map(\.action)
        #expect(actions == ["class.create", "class.running", "class.completed", "class.closed"])
        #expect(throws: DeskError.self) { try t.clerk.startClass(999) }
    }

    @Test func enrolRefusesUnregisteredAndReportsRepeats() throws {
        let t = try TrainingWorld()
        let c = try t.clerk.addClass(TrainingWorld.classDraft())
        let stranger = residentID(seq: 99)
        guard case let .workersNotRegistered(ids)? = deskError({ _ = try t.clerk.enrol(classID: c.id, workerIDs: [t.workers[0], stranger]) }) else {
            Issue.record("unregistered worker enrolled"); return
        }
        #expect(ids == [stranger])
        #expect(try t.clerk.trainingClass(c.id).roster.isEmpty)
        let first = try t.clerk.enrol(classID: c.id, workerIDs: [t.workers[0], t.workers[1]])
        #expect(first.enrolled == [t.workers[0], t.workers[1]] && first.alreadyEnrolled.isEmpty)
        let audits = try t.f.auditCount
        let again = try t.clerk.enrol(classID: c.id, workerIDs: [t.workers[0], t.workers[2]])
        #expect(again.enrolled == [t.workers[2]] && again.alreadyEnrolled == [t.workers[0]])
        #expect(try t.f.auditCount == audits + 1)
        #expect(try t.clerk.trainingClass(c.id).roster.count == 3)
        #expect(try t.clerk.classes(ofWorker: t.workers[2]).map(\.id) == [c.id])
    }

    @Test func noEnrolmentIntoAClosedClass() throws {
        let t = try TrainingWorld()
        let c = try t.clerk.addClass(TrainingWorld.classDraft())
        _ = try t.clerk.startClass(c.id); _ = try t.clerk.completeClass(c.id)
        // Issue 12: a completed class takes no ordinary enrolment either (a roster correction
        // does: RosterCorrectionTests); closed, not even that.
        #expect(throws: DeskError.self) { try t.clerk.enrol(classID: c.id, workerIDs: [t.workers[0]]) }
        _ = try t.clerk.correctRoster(classID: c.id, workerIDs: [t.workers[0]], reason: "漏录")
        _ = try t.clerk.closeClass(c.id)
        #expect(throws: DeskError.self) { try t.clerk.correctRoster(classID: c.id, workerIDs: [t.workers[1]], reason: "漏录") }
        #expect(throws: DeskError.self) { try t.clerk.enrol(classID: c.id, workerIDs: [t.workers[1]]) }
    }
}

@Suite("Attendance")
struct AttendanceUseCaseTests {
    @Test func onlineCountsHalfAndCompletionIsAtExactly80Percent() throws {
        let t = try TrainingWorld()
        let id = try t.runningClass()  // 10 planned hours: 480 counted minutes complete
        let w = t.workers[0]
        _ = try t.clerk.attend(classID: id, workerID: w, date: day("2025-03-01"), classroomMinutes: 240, onlineMinutes: 120)
        _ = try t.clerk.attend(classID: id, workerID: w, date: day("2025-03-02"), classroomMinutes: 59, onlineMinutes: 3)
        var trainee = try t.clerk.trainingClass(id).roster.first { $0.workerID == w }!
        // 240 + 60, then 59 + 1 (3 × 50% rounds down per day): 360.
        #expect(trainee.countedMinutes == 360)
        #expect(!t.clerk.attendanceRule.isComplete(countedMinutes: trainee.countedMinutes, plannedHours: 10))
        _ = try t.clerk.attend(classID: id, workerID: w, date: day("2025-03-03"), classroomMinutes: 119, onlineMinutes: 0)
        trainee = try t.clerk.trainingClass(id).roster.first { $0.workerID == w }!
        #expect(trainee.countedMinutes == 479)
        #expect(ClassSnapshot(try t.clerk.trainingClass(id)).roster.first { $0.workerID == w }?.completed == false)
        _ = try t.clerk.attend(classID: id, workerID: w, date: day("2025-03-03"), classroomMinutes: 120, onlineMinutes: 0)
        let snap = ClassSnapshot(try t.clerk.trainingClass(id))
        let mine = snap.roster.first { $0.workerID == w }
        #expect(mine?.completed == true && mine?.countedHours == 8)
        #expect(snap.roster.filter(\.completed).count == 1)
    }

    @Test func settingACellReplacesItAndAuditsBeforeAndAfter() throws {
        let t = try TrainingWorld()
        let id = try t.runningClass()
        let w = t.workers[1]
        let first = try t.clerk.attend(classID: id, workerID: w, date: day("2025-03-05"), classroomMinutes: 480, onlineMinutes: 0)
        #expect(first.before == nil)
        let second = try t.clerk.attend(classID: id, workerID: w, date: day("2025-03-05"), classroomMinutes: 450, onlineMinutes: 60)
        #expect(second.before?.classroomMinutes == 480)
        let trainee = try t.clerk.trainingClass(id).roster.first { $0.workerID == w }!
        #expect(trainee.countedMinutes == 480 && trainee.days == 1)
        let audit = try t.f.admin.auditEntries(entity: "class", key: String(id)).filter { $0.action == "attendance.set" }
        #expect(audit.count == 2)
        #expect(audit.last?.before?.contains("\"classroom_minutes\":480") == true)
        #expect(audit.last?.after?.contains("\"online_minutes\":60") == true)
    }

    @Test func refusals() throws {
        let t = try TrainingWorld()
        let id = try t.runningClass()
        let w = t.workers[0]
        let audits = try t.f.auditCount
        func refused(_ why: Comment, _ date: String = "2025-03-10", worker: String? = nil, classroom: Int = 60, online: Int = 0) {
            #expect(throws: DeskError.self, why) {
                try t.clerk.attend(classID: id, workerID: worker ?? w, date: day(date), classroomMinutes: classroom, onlineMinutes: online)
            }
        }
        refused("before start", "2025-02-28")
        refused("after end", "2025-04-01")
        refused("over 24 h across both", classroom: 1000, online: 441)
        refused("negative", classroom: -1)
        refused("negative online", online: -30)
        refused("not on the roster", worker: residentID(seq: 50))
        #expect(try t.f.auditCount == audits)
        // The edges are allowed: the first and last day, exactly 24 h.
        _ = try t.clerk.attend(classID: id, workerID: w, date: day("2025-03-01"), classroomMinutes: 1000, onlineMinutes: 440)
        _ = try t.clerk.attend(classID: id, workerID: w, date: day("2025-03-31"), classroomMinutes: 0, onlineMinutes: 0)
    }

    @Test func onlyRunningOrCompletedClassesTakeAttendance() throws {
        let t = try TrainingWorld()
        let c = try t.clerk.addClass(TrainingWorld.classDraft())
        let w = t.workers[0]
        _ = try t.clerk.enrol(classID: c.id, workerIDs: [w])
        let log = { try t.clerk.attend(classID: c.id, workerID: w, date: day("2025-03-02"), classroomMinutes: 60, onlineMinutes: 0) }
        #expect(throws: DeskError.self, "planned") { try log() }
        _ = try t.clerk.startClass(c.id)
        _ = try log()
        _ = try t.clerk.completeClass(c.id)
        _ = try log()
        _ = try t.clerk.closeClass(c.id)
        #expect(throws: DeskError.self, "closed") { try log() }
    }

    @Test func w2WarnsAcrossInstitutionsOnly() throws {
        let t = try TrainingWorld()
        let a1 = try t.runningClass(institution: TrainingWorld.schoolA)
        let a2 = try t.runningClass(institution: TrainingWorld.schoolA)
        let b = try t.runningClass(institution: TrainingWorld.schoolB)
        let w = t.workers[2]
        let d = day("2025-03-10")
        #expect(try t.clerk.attend(classID: a1, workerID: w, date: d, classroomMinutes: 120, onlineMinutes: 0).warnings.isEmpty)
        #expect(try t.clerk.attend(classID: a2, workerID: w, date: d, classroomMinutes: 120, onlineMinutes: 0).warnings.isEmpty)
        let warned = try t.clerk.attend(classID: b, workerID: w, date: d, classroomMinutes: 120, onlineMinutes: 0)
        #expect(warned.warnings.compactMap(\.otherClassID) == [a1, a2])
        #expect(warned.warnings.first?.message(.en).contains("W2") == true)
        // Another day, or another worker, is quiet.
        #expect(try t.clerk.attend(classID: b, workerID: w, date: day("2025-03-11"), classroomMinutes: 60, onlineMinutes: 0).warnings.isEmpty)
        #expect(try t.clerk.attend(classID: b, workerID: t.workers[0], date: d, classroomMinutes: 60, onlineMinutes: 0).warnings.isEmpty)
    }
}
