import Foundation
import SkillCore
import Testing

/// `worker archive ID --json` as scripts read it (电子档案).
@Suite("Worker archive command")
struct ArchiveCommandTests {
    @Test func archiveJSONShapeAndText() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let clerk = ClassCommandTests.clerk
        #expect(try CatalogueCommandTests.addElectrician(db).status == 0)
        let first17 = "52320100MJ1234567"
        let code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        let inst = try CatalogueCommandTests.admin(db, ["institution", "add", "--code", code, "--name", "南京某培训学校",
                                                        "--kind", "private_school", "--may-train", "6-31-01-03:L4"])
        #expect(inst.status == 0, "\(inst.stderr)")
        let worker = CommandLineTests.validID("32010219850612002")
        #expect(try clerk(db, ["worker", "add", "--id", worker, "--name", "欧阳娜娜"]).status == 0)
        let empty = try clerk(db, ["worker", "archive", worker, "--json"])
        #expect(empty.status == 0, "\(empty.stderr)")
        let e = try JSONSerialization.jsonObject(with: Data(empty.stdout.utf8)) as? [String: Any]
        #expect((e?["classes"] as? [Any])?.isEmpty == true && e?["counted_hours_total"] as? Double == 0)

        #expect(try clerk(db, ["class", "add", "--institution", code, "--occupation", "6-31-01-03", "--level", "L4",
                               "--type", "employment", "--start", "2025-03-01", "--end", "2025-03-31", "--hours", "10"]).status == 0)
        #expect(try clerk(db, ["class", "enrol", "1", worker]).status == 0)
        #expect(try clerk(db, ["class", "start", "1"]).status == 0)
        #expect(try clerk(db, ["attend", "1", "--date", "2025-03-02", "--id", worker, "--hours", "6", "--online-hours", "3"]).status == 0)
        #expect(try clerk(db, ["cert", "add", "--worker", worker, "--type", "skill_level", "--number", "S-1", "--occupation",
                               "6-31-01-03", "--level", "L4", "--date", "2025-04-10", "--class", "1"]).status == 0)

        let r = try clerk(db, ["worker", "archive", worker, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(Set(obj.keys) == ["worker", "classes", "certificates", "counted_hours_total"])
        #expect((obj["worker"] as? [String: Any])?["id"] as? String == worker)
        #expect((obj["worker"] as? [String: Any])?["name"] as? String == "欧阳娜娜")
        let classes = try #require(obj["classes"] as? [[String: Any]])
        #expect(classes.count == 1)
        #expect(Set(classes[0].keys) == ["id", "institution_code", "institution_name", "occupation_code", "occupation_name",
                                         "level", "type", "start_date", "end_date", "status", "planned_hours",
                                         "counted_hours", "completed"])
        #expect(classes[0]["counted_hours"] as? Double == 7.5)  // 6 + 3 × 50%
        #expect(classes[0]["completed"] as? Bool == false)      // 7.5 of 10: under 80%
        #expect(classes[0]["institution_name"] as? String == "南京某培训学校")
        #expect(classes[0]["planned_hours"] as? Int == 10 && classes[0]["status"] as? String == "running")
        let certs = try #require(obj["certificates"] as? [[String: Any]])
        #expect(certs.count == 1)
        #expect(Set(certs[0].keys) == ["type", "number", "occupation_code", "level", "issuer", "issue_date", "class_id"])
        #expect(certs[0]["number"] as? String == "S-1" && certs[0]["class_id"] as? Int == 1)
        #expect(obj["counted_hours_total"] as? Double == 7.5)

        let text = try clerk(db, ["worker", "archive", worker])
        #expect(text.status == 0 && text.stdout.contains("Counted hours in total: 7.5"), "\(text.stdout)")
        let zh = try CommandLineTests.clerk(db, ["worker", "archive", worker, "--lang", "zh"])
        #expect(zh.stdout.contains("累计计入学时：7.5") && zh.stdout.contains("欧阳娜娜"), "\(zh.stdout)")
        #expect(try clerk(db, ["worker", "archive", CommandLineTests.validID("32010219850612003")]).status == 66)
    }
}
