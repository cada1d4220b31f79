import Foundation
import SkillCore
import Testing

/// `class` and `attend` as scripts use them: the `class show --json` shape and exit codes.
@Suite("Class commands")
struct ClassCommandTests {
    static func clerk(_ db: String, _ args: [String]) throws -> Harness.Result {
        try CommandLineTests.clerk(db, args + ["--lang", "en"])
    }

    @Test func openEnrolAttendAndShow() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CatalogueCommandTests.addElectrician(db).status == 0)
        let first17 = "52320100MJ1234567"
        let code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        let inst = try CatalogueCommandTests.admin(db, ["institution", "add", "--code", code, "--name", "南京某培训学校",
                                                        "--kind", "private_school", "--may-train", "6-31-01-03:L4"])
        #expect(inst.status == 0, "\(inst.stderr)")
        let worker = CommandLineTests.validID("32010219850612002")
        #expect(try Self.clerk(db, ["worker", "add", "--id", worker, "--name", "欧阳娜娜"]).status == 0)

        let add = try Self.clerk(db, ["class", "add", "--institution", code, "--occupation", "6-31-01-03", "--level", "L4",
                                      "--type", "employment", "--start", "2025-03-01", "--end", "2025-03-31", "--hours", "10"])
        #expect(add.status == 0, "\(add.stderr)")
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id == "1")
        let outOfScope = try Self.clerk(db, ["class", "add", "--institution", code, "--occupation", "6-31-01-03", "--level", "L5",
                                             "--type", "employment", "--start", "2025-03-01", "--end", "2025-03-31", "--hours", "10"])
        #expect(outOfScope.status == 65)
        #expect(try Self.clerk(db, ["class", "complete", id, "--json"]).status == 73)
        #expect(try Self.clerk(db, ["class", "enrol", id, worker]).status == 0)
        let stranger = try Self.clerk(db, ["class", "enrol", id, CommandLineTests.validID("32010219850612003")])
        #expect(stranger.status == 66)
        #expect(try Self.clerk(db, ["class", "start", id]).status == 0)
        let attend = try Self.clerk(db, ["attend", id, "--date", "2025-03-02", "--id", worker, "--hours", "7.5", "--online-hours", "1"])
        #expect(attend.status == 0, "\(attend.stderr)")
        let outside = try Self.clerk(db, ["attend", id, "--date", "2025-04-02", "--id", worker, "--hours", "1"])
        #expect(outside.status == 65)
        let badHours = try Self.clerk(db, ["attend", id, "--date", "2025-03-03", "--id", worker, "--hours", "0.01"])
        #expect(badHours.status == 65)

        let show = try Self.clerk(db, ["class", "show", id, "--json"])
        #expect(show.status == 0, "\(show.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        #expect(Set(obj?.keys.map { $0 } ?? []) == ["id", "institution_code", "occupation_code", "level", "type", "start_date",
                                                    "end_date", "planned_hours", "status", "roster"])
        #expect(obj?["id"] as? Int == 1 && obj?["status"] as? String == "running" && obj?["planned_hours"] as? Int == 10)
        let roster = obj?["roster"] as? [[String: Any]]
        #expect(roster?.count == 1)
        #expect(Set(roster?.first?.keys.map { $0 } ?? []) == ["worker_id", "counted_hours", "completed"])
        #expect(roster?.first?["worker_id"] as? String == worker)
        #expect(roster?.first?["counted_hours"] as? Double == 8)  // 7.5 + 1 × 50%
        #expect(roster?.first?["completed"] as? Bool == true)      // 8 h of 10 planned: exactly 80%
        #expect(try Self.clerk(db, ["class", "show", "42"]).status == 66)
        let list = try Self.clerk(db, ["class", "list", "--json"])
        #expect(list.status == 0 && list.stdout.contains("\"institution_code\":\"\(code)\""))

        let cert = ["cert", "add", "--worker", worker, "--type", "skill_level", "--number", "S-1", "--occupation", "6-31-01-03",
                    "--level", "L4", "--date", "2025-02-01", "--class", id]
        let early = try Self.clerk(db, cert)
        #expect(early.status == 0, "\(early.stderr)")
        #expect(early.stderr.contains("W1"))
        #expect(try Self.clerk(db, cert).status == 73)
        let certs = try Self.clerk(db, ["cert", "list", "--worker", worker, "--json"])
        #expect(certs.status == 0 && certs.stdout.contains("\"number\":\"S-1\""))
        let shown = try Self.clerk(db, ["cert", "show", "S-1"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains(worker) && shown.stdout.contains("欧阳娜娜") && shown.stdout.contains("W1"), "\(shown.stdout)")
        let shownJSON = try Self.clerk(db, ["cert", "show", "S-1", "--type", "skill_level", "--json"])
        let arr = try JSONSerialization.jsonObject(with: Data(shownJSON.stdout.utf8)) as? [[String: Any]]
        #expect(arr?.count == 1 && arr?.first?["holder_name"] as? String == "欧阳娜娜" && arr?.first?["worker_id"] as? String == worker)
        #expect((arr?.first?["warnings"] as? [String])?.first?.contains("W1") == true)
        #expect(try Self.clerk(db, ["cert", "show", "S-2"]).status == 66)
        #expect(try Self.clerk(db, ["cert", "show", "S-1", "--type", "training"]).status == 66)
    }
}
