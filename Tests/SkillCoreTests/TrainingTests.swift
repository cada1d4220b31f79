import SkillCore
import Testing

@Suite("Training codes and attendance arithmetic")
struct TrainingTests {
    @Test func trainingTypesParseCodesAndChinese() {
        #expect(TrainingType.parse("work_based") == .workBased)
        #expect(TrainingType.parse("work-based") == .workBased)
        #expect(TrainingType.parse("以工代训") == .workBased)
        #expect(TrainingType.parse(" EMPLOYMENT ") == .employment)
        #expect(TrainingType.parse("就业") == nil)
        #expect(TrainingType.allCases.count == 10)
        #expect(!TrainingType.appraisal.hasClassDays)
        #expect(TrainingType.safety.hasClassDays)
    }

    @Test func certificateTypesKnowWhichHaveALevel() {
        #expect(CertificateType.parse("skill_level") == .skillLevel)
        #expect(CertificateType.parse("特种作业操作证书") == .specialOperation)
        #expect(CertificateType.allCases.filter(\.hasLevel) == [.qualification, .skillLevel])
    }

    @Test func classStatusMovesOnlyForward() {
        #expect(ClassStatus.planned.next == .running)
        #expect(ClassStatus.completed.next == .closed)
        #expect(ClassStatus.closed.next == nil)
        #expect(!ClassStatus.planned.acceptsAttendance)
        #expect(ClassStatus.running.acceptsAttendance)
        #expect(!ClassStatus.closed.acceptsAttendance)
        #expect(ClassStatus.planned < ClassStatus.closed)
    }

    @Test func onlineTimeCountsAtTheRatio() {
        let rule = AttendanceRule(onlinePercent: 50, completionPercent: 80)
        #expect(rule.countedMinutes(classroom: 240, online: 120) == 300)  // 4 h + 2 h online = 5 h
        #expect(rule.countedMinutes(classroom: 0, online: 7) == 3)        // rounded down
        #expect(AttendanceRule(onlinePercent: 100).countedMinutes(classroom: 60, online: 60) == 120)
        #expect(AttendanceRule(onlinePercent: 0).countedMinutes(classroom: 60, online: 60) == 60)
    }

    @Test func completionIsAShareOfPlannedHours() {
        let rule = AttendanceRule(onlinePercent: 50, completionPercent: 80)
        #expect(rule.minutesToComplete(plannedHours: 120) == 96 * 60)
        #expect(rule.isComplete(countedMinutes: 96 * 60, plannedHours: 120))
        #expect(!rule.isComplete(countedMinutes: 96 * 60 - 1, plannedHours: 120))
        #expect(AttendanceRule(completionPercent: 75).minutesToComplete(plannedHours: 1) == 45)
        #expect(AttendanceRule(completionPercent: 81).minutesToComplete(plannedHours: 1) == 49)  // 48.6 → 49
    }

    @Test("typed hours to minutes", arguments: [
        ("8", 480), ("7.5", 450), ("0.25", 15), (".5", 30), ("0.05", 3), ("24", 1440), (" 2 ", 120),
    ])
    func hoursParse(text: String, minutes: Int) {
        #expect(Hours.minutes(text) == minutes)
    }

    @Test("not hours", arguments: ["", ".", "abc", "1.2.3", "-1", "0.01", "八", "1e2"])
    func hoursRefuse(text: String) {
        #expect(Hours.minutes(text) == nil)
    }

    @Test func minutesShowAsShortHours() {
        #expect(Hours.text(480) == "8")
        #expect(Hours.text(450) == "7.5")
        #expect(Hours.text(15) == "0.25")
        #expect(Hours.text(3) == "0.05")
        #expect(Hours.text(67) == "1:07")
        for m in [0, 3, 15, 30, 45, 60, 450, 1440] { #expect(Hours.minutes(Hours.text(m)) == m) }
    }
}

@Suite("A day's hours as typed in a grid cell")
struct DayHoursTests {
    @Test func parsesClassroomAndOnline() {
        #expect(DayHours.parse("8")! == (480, 0))
        #expect(DayHours.parse("4+2")! == (240, 120))
        #expect(DayHours.parse("+2")! == (0, 120))
        #expect(DayHours.parse("")! == (0, 0))
        #expect(DayHours.parse("4+") == nil)
        #expect(DayHours.parse("4+2+1") == nil)
        #expect(DayHours.parse("abc") == nil)
    }

    @Test func textRoundTrips() {
        #expect(DayHours.text(classroom: 0, online: 0) == "")
        #expect(DayHours.text(classroom: 450, online: 0) == "7.5")
        #expect(DayHours.text(classroom: 240, online: 120) == "4+2")
        for (c, o) in [(480, 0), (240, 120), (0, 30)] {
            #expect(DayHours.parse(DayHours.text(classroom: c, online: o))! == (c, o))
        }
    }
}
