import Foundation
import SkillCore
import SkillDesk
import SkillStore
import SkillRecords
import Testing

@Suite("Institution import")
struct InstitutionImportTests {
    @Test func goodRowsInBadRowsReportedExistingCodeNotOverwritten() throws {
        let f = try InstitutionTests.fixture()
        _ = try f.admin.addInstitution(InstitutionTests.school())
        let other = creditCode("52320100MJ7654321"), third = creditCode("52320100MJ1111111")
        let wrongCheck = String(third.dropLast()) + (third.last == "1" ? "2" : "1")
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("inst.csv", Array("""
            code,name,kind,grade,may_train
            \(other),江宁职业技能培训中心,private_school,A,6-31-01-03:L4;6-31-01-03:L5
            \(InstitutionTests.code),重复的学校,private_school,,
            \(wrongCheck),校验错,private_school,,
            \(third),等级不在目录,private_school,,6-31-01-03:L1
            \(third),种类错,school,,
            \(third),第二个好的,private_school,,

            """.utf8))
        let audits = try f.auditCount
        let rej = dir.file("rej.csv")
        var o = ImportOptions()
        o.rejectsPath = rej
        let report = try f.admin.importInstitutions(path: path, options: o)
        #expect(report.imported == 2)
        #expect(report.rejects.map(\.line) == [3, 4, 5, 6])
        #expect(try f.admin.institution(code: other).mayTrain.map { "\($0.occupationCode):\($0.level)" }.sorted()
                == ["6-31-01-03:L4", "6-31-01-03:L5"])
        #expect(try f.admin.institution(code: InstitutionTests.code).name == "南京某职业培训学校")
        #expect(try f.admin.institution(code: third).name == "第二个好的")
        #expect(try f.auditCount == audits + 3)
        let summary = try f.admin.auditEntries(entity: "institution", key: "import")
        #expect(summary.first?.action == "institution.import" && summary.first?.after?.contains("\"rejected\":4") == true)
        #expect(try csvRows(rej).dropFirst().map { $0[3] } == ["重复的学校", "校验错", "等级不在目录", "种类错"])
        let clerk = try f.clerk()
        #expect(throws: DeskError.self) { try clerk.importInstitutions(path: path) }
    }

    @Test func aGB18030FileIsRead() throws {
        let f = try InstitutionTests.fixture()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("gb.csv", gb18030("code,name,kind,grade,may_train\n\(InstitutionTests.code),南京某职业培训学校,private_school,B,6-31-01-03:L4\n"))
        var o = ImportOptions()
        o.encoding = .gb18030
        let report = try f.admin.importInstitutions(path: path, options: o)
        #expect(report.imported == 1 && report.rejected == 0 && report.encoding == .gb18030)
        #expect(try f.admin.institution(code: InstitutionTests.code).name == "南京某职业培训学校")
    }
}
