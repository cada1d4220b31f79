import Foundation
import Testing
import SkillCore
import SkillDesk

@Suite struct DemoClassTests {
    @Test func theDemoHasARunningClassWithTwoDaysOfAttendance() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let desk = try Demo.create(path: dir.file("demo.sqlite"), workers: 10)
        let sup = try desk.login(name: "sup1", password: "sup1-demo-1")
        let classes = try sup.trainingClasses()
        #expect(classes.count == 2)
        let running = try #require(classes.first { $0.status.rawValue == "running" })
        let c = try sup.trainingClass(running.id)
        #expect(c.row.status.rawValue == "running" && c.row.occupationCode == "6-31-01-03" && c.row.plannedHours == 120)
        #expect(c.roster.count == 4)
        #expect(c.roster.allSatisfy { $0.days == 2 })
        #expect(c.roster.map(\.countedMinutes).sorted() == [780, 960, 960, 960])
        #expect(try sup.classList().first { $0.row.id == running.id }?.rosterSize == 4)
        let sheet = try sup.attendanceSheet(classID: c.row.id)
        #expect(sheet.days.count == 8 && sheet.institutionName == "南京技师学院" && sheet.occupationName == "电工")
        #expect(Set(sheet.names.values).count == 4)
    }

    /// The completed class a month ago: claims can be tried at once — four certificate holders
    /// complete with a certificate (two of them share a number: W1), one completes without a
    /// certificate (E3), one attended 3 of 5 days (E14).
    @Test func theDemoHasACompletedClassReadyForClaims() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let desk = try Demo.create(path: dir.file("demo.sqlite"), workers: 12)
        let clerk = try desk.login(name: "clerk1", password: "clerk1-demo")
        let done = try #require(try clerk.trainingClasses().first { $0.status.rawValue == "completed" })
        let c = try clerk.trainingClass(done.id)
        #expect(c.row.occupationCode == "6-18-01-01" && c.row.level == "L4" && c.row.plannedHours == 40)
        #expect(c.roster.count == 6)
        let trainees = c.roster.map(\.workerID)
        var e3 = 0, e14 = 0, w1 = 0
        for w in trainees {
            let e = try clerk.evaluateClaim(ClaimProposal(worker: w, kind: .training, classID: done.id))
            if e.evaluation.outcome("E3")?.result == .fail { e3 += 1 }
            if e.evaluation.outcome("E14")?.result == .fail { e14 += 1 }
            if e.evaluation.outcome("W1")?.result == .warn { w1 += 1 }
            #expect(e.amountFen > 0)
        }
        #expect(e3 == 2)    // the fifth (complete, no certificate) and the sixth
        #expect(e14 == 1)   // the sixth: 24 of 40 hours
        #expect(w1 == 2)    // the two holders of one number
    }
}
