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
        #expect(classes.count == 1)
        let c = try sup.trainingClass(classes[0].id)
        #expect(c.row.status == "running" && c.row.occupationCode == "6-31-01-03" && c.row.plannedHours == 120)
        #expect(c.roster.count == 4)
        #expect(c.roster.allSatisfy { $0.days == 2 })
        #expect(c.roster.map(\.countedMinutes).sorted() == [780, 960, 960, 960])
        #expect(try sup.classList().first?.rosterSize == 4)
        let sheet = try sup.attendanceSheet(classID: c.row.id)
        #expect(sheet.days.count == 8 && sheet.institutionName == "南京技师学院" && sheet.occupationName == "电工")
        #expect(Set(sheet.names.values).count == 4)
    }
}
