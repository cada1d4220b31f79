import CoreTestSupport
import Foundation
import SkillCore
import Testing

/// Issue 13 on the command line: `target set|list|remove`, `report targets`, `report institutions`,
/// `institution grade` — exit codes, messages that say what is right, `--json`.
@Suite("Targets and institution reports on the command line")
struct TargetCommandTests {
    static func boss(_ db: String, _ args: [String], lang: String = "en") throws -> Harness.Result {
        try Harness.run(args + ["--db", db, "--user", "boss", "--lang", lang], env: ["SKILLDESK_PASSWORD": "boss-pass-1"])
    }

    @Test func setListReportAndRemoveATarget() throws {
        let (_, db) = try CommandLineTests.setUp()
        let set = try Self.boss(db, ["target", "set", "--kind", "person-times", "--from", "2019", "--to", "2021", "--value", "600000",
                                     "--clause", "003 一", "--json"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("\"value\":600000") && set.stdout.contains("\"from_year\":2019"), "\(set.stdout)")
        let share = try Self.boss(db, ["target", "set", "--kind", "high-skill-share", "--from", "2026", "--value", "32%"])
        #expect(share.status == 0 && share.stdout.contains("32.00%"), "\(share.stdout) \(share.stderr)")
        let list = try Self.boss(db, ["target", "list"], lang: "zh")
        #expect(list.stdout.contains("#1  培训人次  2019–2021  600,000  003 一"), "\(list.stdout)")
        let report = try Self.boss(db, ["report", "targets", "--on", "2020-12-31"])
        #expect(report.status == 0)
        #expect(report.stdout.contains("#1 person-times trained 2019–2021: 0 of 600,000 (0.00%), 66.69% of the span gone — behind by 400,182"),
                "\(report.stdout)")
        let json = try Self.boss(db, ["report", "targets", "--on", "2020-12-31", "--json"])
        #expect(json.stdout.contains("\"days_gone\":731") && json.stdout.contains("\"days_in_span\":1096") && json.stdout.contains("\"standing\":\"behind\""),
                "\(json.stdout)")
        // A clerk may not read reports (77); a wrong value is 64 and says what is right.
        let clerk = try CommandLineTests.clerk(db, ["report", "targets"])
        #expect(clerk.status == 77, "\(clerk.stderr)")
        let bad = try Self.boss(db, ["target", "set", "--kind", "skilled-share", "--from", "2019", "--value", "28"])
        #expect(bad.status == 64 && bad.stderr.contains("employed"), "\(bad.stderr)")
        let badValue = try Self.boss(db, ["target", "set", "--kind", "person-times", "--from", "2019", "--value", "lots"], lang: "zh")
        #expect(badValue.status == 64 && badValue.stderr.contains("“lots”不是人次"), "\(badValue.stderr)")
        let badDate = try Self.boss(db, ["report", "targets", "--on", "2020-13-01"])
        #expect(badDate.status == 64 && badDate.stderr.contains("YYYY-MM-DD"), "\(badDate.stderr)")
        let rm = try Self.boss(db, ["target", "remove", "1"])
        #expect(rm.status == 0)
        let again = try Self.boss(db, ["target", "remove", "1"])
        #expect(again.status == 66 && again.stderr.contains("no target number 1"), "\(again.stderr)")
    }

    @Test func institutionsReportAndGrade() throws {
        let (dir, db) = try CommandLineTests.setUp()
        let code = creditCode("12320100466001234")
        let add = try Self.boss(db, ["institution", "add", "--code", code, "--name", "南京技师学院", "--kind", "technical_school", "--grade", "B"])
        #expect(add.status == 0, "\(add.stderr)")
        let empty = try Self.boss(db, ["report", "institutions", "--period", "2025-Q1"])
        #expect(empty.status == 0 && empty.stdout.contains("no class ended"), "\(empty.stdout)")
        let badPeriod = try Self.boss(db, ["report", "institutions", "--period", "2025-Q5"])
        #expect(badPeriod.status == 64 && badPeriod.stderr.contains("e.g. 2026-07"), "\(badPeriod.stderr)")
        let detail = try Self.boss(db, ["report", "institutions", "--period", "2025", "--code", code, "--json"])
        #expect(detail.status == 0 && detail.stdout.contains("\"not_enough_data\":true") && detail.stdout.contains("\"profile\":\"nanjing-2019\""),
                "\(detail.stdout) \(detail.stderr)")
        let csv = try Self.boss(db, ["report", "institutions", "--period", "2025", "--csv", dir + "/p.csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/p.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("code,name,grade,status,classes"))
        let noReason = try Self.boss(db, ["institution", "grade", code, "--grade", "A", "--reason", " "])
        #expect(noReason.status == 65 && noReason.stderr.contains("give the reason"), "\(noReason.stderr)")
        let badGrade = try Self.boss(db, ["institution", "grade", code, "--grade", "E", "--reason", "x"])
        #expect(badGrade.status == 64, "\(badGrade.stderr)")
        let clerk = try CommandLineTests.clerk(db, ["institution", "grade", code, "--grade", "A", "--reason", "x"])
        #expect(clerk.status == 77)
        let ok = try Self.boss(db, ["institution", "grade", code, "--grade", "A", "--reason", "2025 年度数据", "--json"])
        #expect(ok.status == 0 && ok.stdout.contains("\"grade\":\"A\""), "\(ok.stdout) \(ok.stderr)")
        let check = try Self.boss(db, ["audit", "check"])
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
    }
}
