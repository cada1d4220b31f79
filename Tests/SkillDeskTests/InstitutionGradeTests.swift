import Foundation
import Testing
@testable import SkillDesk
import SkillCore
@testable import SkillStore
import SkillRecords

/// Institution performance and the credit grade (issue 13 item 3).
@Suite("Institution performance and grades")
struct InstitutionGradeTests {
    static let schoolCode = creditCode("91320100MA1XXXX01")
    static let otherCode = creditCode("91320100MA1YYYY01")

    /// Two schools; the first ran a class that ended 2025-03-31 with three workers (two complete),
    /// one certificate; claims for the two who completed, one approved, one rejected.
    func scenario() throws -> (Fixture, Scenario) {
        let fx = try Fixture()
        try Scenario.catalogue(as: fx.admin, [Scenario.electrician(from: "2020-01-01")],
                               [Scenario.school(Self.schoolCode, name: "南京技师学院"), Scenario.school(Self.otherCode, name: "某某培训学校")])
        let clerk = try fx.clerk()
        let sc = Scenario(clerk: clerk)
        let ws = (1...3).map { residentID(seq: $0) }
        for (i, w) in ws.enumerated() { _ = try clerk.register(draft(seq: i + 1, name: ["张伟", "李娜", "王芳"][i])) }
        let id = try sc.runningClass(Scenario.classDraft(institution: Self.schoolCode), enrolling: ws)
        try sc.attend(id, ws[0], on: "2025-03-03", classroomMinutes: 600)
        try sc.attend(id, ws[1], on: "2025-03-03", classroomMinutes: 600)
        try sc.attend(id, ws[2], on: "2025-03-03", classroomMinutes: 60)
        _ = try clerk.completeClass(id)
        try sc.certify(ws[0], number: "C-1", classID: id)
        try sc.certify(ws[1], number: "C-2", classID: id)
        return (fx, sc)
    }

    @Test func figuresForThePeriod() throws {
        let (fx, _) = try scenario()
        let r = try fx.admin.institutionPerformance(ReportPeriod.parse("2025-Q1").get())
        #expect(r.rows.map(\.name) == ["南京技师学院"])
        let p = r.rows[0]
        #expect(p.classes == 1 && p.enrolled == 3 && p.completed == 2 && p.certified == 2)
        #expect(p.completionBP == 6_666 && p.certifiedBP == 10_000 && p.rejectionBP == nil)
        let q2 = try fx.admin.institutionPerformance(ReportPeriod.parse("2025-Q2").get())
        #expect(q2.rows.isEmpty)
    }

    @Test func sortOrdersAreDeterministic() {
        func p(_ name: String, _ code: String, completed: Int, rejected: Int, paid: Int64) -> InstitutionPerformance {
            var x = InstitutionPerformance(code: code, name: name, grade: nil, status: .active)
            x.enrolled = 10; x.completed = completed; x.approved = 10 - rejected; x.rejected = rejected; x.paidFen = paid
            return x
        }
        let rows = [p("乙", "2", completed: 9, rejected: 1, paid: 5), p("甲", "1", completed: 5, rejected: 3, paid: 5),
                    p("丙", "3", completed: 9, rejected: 0, paid: 9)]
        #expect(PerformanceSort.completion.sorted(rows).map(\.code) == ["1", "3", "2"])
        #expect(PerformanceSort.rejection.sorted(rows).map(\.code) == ["1", "2", "3"])
        #expect(PerformanceSort.paid.sorted(rows).map(\.code) == ["3", "2", "1"])
    }

    @Test func aSuggestionWithTooFewClaimsIsNotAGrade() throws {
        let (fx, _) = try scenario()
        let v = try fx.admin.institutionGrade(code: Self.schoolCode, period: ReportPeriod.parse("2025-Q1").get())
        #expect(v.suggestion?.grade == nil)
        #expect(v.suggestion?.label(.zh) == "数据不足")
        #expect(v.profileName == "nanjing-2019")
    }

    @Test func applyingAGradeIsAuditedWithItsReasonAndRefusedToOthers() throws {
        let (fx, _) = try scenario()
        let row = try fx.admin.applyInstitutionGrade(code: Self.schoolCode, grade: .a, reason: "2025 年第1季度结业率 90%")
        #expect(row.grade == "A")
        let e = try fx.desk.store.read { try $0.auditEntries(entity: "institution", key: Self.schoolCode) }.last!
        #expect(e.action == "institution.grade")
        #expect(e.before?.contains("\"grade\":\"B\"") == true)
        #expect(e.after?.contains("\"grade\":\"A\"") == true)
        #expect(e.after?.contains("\"grade_reason\":\"2025 年第1季度结业率 90%\"") == true)
        // The audited-table check still agrees with the trail.
        let check = try fx.session(.auditor).checkAuditedTables()
        #expect(check.findings.filter { $0.table == "institutions" }.isEmpty, "\(check.findings.map { $0.message(.en) })")
        for role in [Role.supervisor, .auditor, .finance, .clerk] {
            let s = try fx.session(role)
            let refused = deskError { _ = try s.applyInstitutionGrade(code: Self.schoolCode, grade: .d, reason: "x") }
            #expect({ if case .notPermitted? = refused { return true }; return false }(), "\(role)")
        }
        let noReason = deskError { _ = try fx.admin.applyInstitutionGrade(code: Self.schoolCode, grade: .c, reason: "  ") }
        #expect(noReason?.message(.en).contains("give the reason") == true)
        let same = deskError { _ = try fx.admin.applyInstitutionGrade(code: Self.schoolCode, grade: .a, reason: "again") }
        #expect(same?.message(.zh).contains("南京技师学院 的信用等级已是 A") == true)
        #expect(try fx.admin.institution(code: Self.schoolCode).grade == "A")
    }
}
