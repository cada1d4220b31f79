import Foundation
import SkillCore
import Testing

/// `report file` and `report filed list|show|diff|export` (issue 13, 报送) as scripts use them.
@Suite("Report filing commands")
struct ReportFilingCommandTests {
    @Test func fileListDiffAndExportByteIdentical() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let admin = CatalogueCommandTests.admin
        #expect(try admin(db, ["fund", "allocate", "--year", "2026", "--source", "local_budget", "--amount-fen", "500000"]).status == 0)
        // A month is not filed; a bad period says the shapes (exit 64); a clerk may not file.
        let month = try admin(db, ["report", "file", "--period", "2026-07"])
        #expect(month.status == 65 && month.stderr.contains("2026-Q3"), "\(month.status) \(month.stderr)")
        let bad = try admin(db, ["report", "file", "--period", "2026-Q5"])
        #expect(bad.status == 64 && bad.stderr.contains("2026-Q3"), "\(bad.status) \(bad.stderr)")
        #expect(try CommandLineTests.clerk(db, ["report", "file", "--period", "2026-Q3"]).status == 77)

        let filed = try admin(db, ["report", "file", "--period", "２０２６－Ｑ３", "--json"])
        #expect(filed.status == 0, "\(filed.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(filed.stdout.utf8)) as? [String: Any])
        #expect(obj["number"] as? String == "RPT-000001" && obj["period"] as? String == "2026-Q3" && obj["intact"] as? Bool == true)
        let sha = try #require(obj["sha256"] as? String)

        let list = try admin(db, ["report", "filed", "list"])
        #expect(list.status == 0 && list.stdout.contains("RPT-000001") && list.stdout.contains("✓"), "\(list.stdout)")
        #expect(try admin(db, ["report", "filed", "diff", "RPT-000001"]).stdout.contains("Nothing has changed"))

        #expect(try admin(db, ["report", "filed", "export", "1", "--out", dir + "/q3.json"]).status == 0)
        // A late correction: the re-run differs, the filing and its export do not.
        #expect(try admin(db, ["fund", "allocate", "--year", "2026", "--source", "local_budget", "--amount-fen", "1"]).status == 0)
        let diff = try admin(db, ["report", "filed", "diff", "1", "--json"])
        #expect(diff.status == 0 && diff.stdout.contains(#""filed":"500000""#) && diff.stdout.contains(#""now":"500001""#), "\(diff.stdout)")
        #expect(try admin(db, ["report", "filed", "export", "RPT-000001", "--out", dir + "/q3.json"]).status == 73)
        #expect(try admin(db, ["report", "filed", "export", "RPT-000001", "--out", dir + "/again.json"]).status == 0)
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/q3.json"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/again.json"))
        #expect(a == b && SHA256.hex([UInt8](a)) == sha)
        let unknown = try admin(db, ["report", "filed", "show", "RPT-000009"])
        #expect(unknown.status == 66 && unknown.stderr.contains("report filed list"), "\(unknown.stderr)")
        #expect(try admin(db, ["report", "filed", "show", "x1"]).status == 64)
    }
}
