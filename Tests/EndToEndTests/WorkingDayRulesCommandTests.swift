import Foundation
import SkillCore
import Testing

/// Issue 12's missing rules on the command line: `--work-region` on `worker add/update` (E10's
/// place of job-seeking or work), `class correct-roster` after completion, the removed-character note.
@Suite("Rules found missing, commands")
struct WorkingDayRulesCommandTests {
    static func clerk(_ db: String, _ args: [String]) throws -> Harness.Result {
        try CommandLineTests.clerk(db, args + ["--lang", "en"])
    }

    @Test func workRegionOnAddUpdateAndShow() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let id = CommandLineTests.validID("32010219850612002")
        let add = try Self.clerk(db, ["worker", "add", "--id", id, "--name", "欧阳娜娜", "--work-region", "３２０５０５",
                                      "--residence", "南京\u{200B}市", "--json"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("\"work_region\":\"320505\"") && add.stdout.contains("\"work_region_name\":\"江苏省苏州市虎丘区\""), "\(add.stdout)")
        #expect(add.stderr.contains("1 invisible character(s)") && add.stderr.contains("Residence"), "\(add.stderr)")
        let shown = try Self.clerk(db, ["worker", "show", id])
        #expect(shown.stdout.contains("Work place     320505 江苏省苏州市虎丘区"), "\(shown.stdout)")
        let bad = try Self.clerk(db, ["worker", "update", id, "--work-region", "999999"])
        #expect(bad.status == 65, "\(bad.stderr)")
        #expect(bad.stderr.contains("place of job-seeking or work \"999999\" is not a known 6-digit region code"), "\(bad.stderr)")
        let cleared = try Self.clerk(db, ["worker", "update", id, "--work-region", "", "--json"])
        #expect(cleared.status == 0, "\(cleared.stderr)")
        #expect(!cleared.stdout.contains("work_region"), "\(cleared.stdout)")
        #expect(try Self.clerk(db, ["worker", "update", id]).status != 0)     // nothing to change
    }

    @Test func correctRosterAfterCompletion() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CatalogueCommandTests.addElectrician(db).status == 0)
        let first17 = "52320100MJ1234567"
        let code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        #expect(try CatalogueCommandTests.admin(db, ["institution", "add", "--code", code, "--name", "南京某培训学校",
                                                     "--kind", "private_school", "--may-train", "6-31-01-03:L4"]).status == 0)
        let a = CommandLineTests.validID("32010219850612002"), b = CommandLineTests.validID("32010219900307123")
        #expect(try Self.clerk(db, ["worker", "add", "--id", a, "--name", "欧阳娜娜"]).status == 0)
        #expect(try Self.clerk(db, ["worker", "add", "--id", b, "--name", "张伟"]).status == 0)
        let add = try Self.clerk(db, ["class", "add", "--institution", code, "--occupation", "6-31-01-03", "--level", "L4",
                                      "--type", "employment", "--start", "2025-03-01", "--end", "2025-03-31", "--hours", "10"])
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Self.clerk(db, ["class", "enrol", id, a]).status == 0)
        #expect(try Self.clerk(db, ["class", "start", id]).status == 0)
        let early = try Self.clerk(db, ["class", "correct-roster", id, b, "--reason", "漏录"])
        #expect(early.status == 73 && early.stderr.contains("enrol workers the ordinary way"), "\(early.stderr)")
        #expect(try Self.clerk(db, ["class", "complete", id]).status == 0)
        let late = try Self.clerk(db, ["class", "enrol", id, b])
        #expect(late.status == 73, "\(late.stderr)")
        #expect(late.stderr.contains("class \(id) (电工, ") && late.stderr.contains("roster correction"), "\(late.stderr)")
        #expect(try Self.clerk(db, ["class", "correct-roster", id, b, "--reason", " "]).status == 65)
        let fixed = try Self.clerk(db, ["class", "correct-roster", id, b, "--reason", "纸质签到表漏录", "--json"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("\"enrolled\":[\"\(b)\"]") && fixed.stdout.contains("\"marked_claims\":0"), "\(fixed.stdout)")
        let show = try Self.clerk(db, ["class", "show", id, "--json"])
        #expect(show.stdout.contains(b))
    }
}
