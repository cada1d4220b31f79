import CoreTestSupport
import Foundation
import SkillCore
import Testing

/// `report anomalies` end to end (issue 13 item 5): on a demo database whose completed class's
/// trainees get claims (two of them carry W1: the demo's repeated certificate number) and two of
/// them one bank account; text, --json, --signal, --csv, and the refusals with their exit codes.
@Suite("report anomalies")
struct ReportAnomaliesCommandTests {
    static let account = "6222020200112233446"

    func as_(_ user: String, _ db: String, _ args: [String], lang: String = "en") throws -> Harness.Result {
        try ListExportCommandTests.as_(user, db, args, lang: lang)
    }

    func json(_ s: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any])
    }

    @Test func sweepsTheQuarterInTextJsonAndCsv() throws {
        let (dir, db) = try ListExportCommandTests.demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The demo's completed class is the second one; its trainees with certificates get claims.
        let made = try as_("clerk1", db, ["claim", "new", "--class", "2", "--kind", "training", "--json"])
        #expect(made.status == 0, "\(made.stderr)")
        let created = try #require(try json(made.stdout)["created"] as? [[String: Any]])
        #expect(created.count >= 2)
        for c in created {
            let r = try as_("clerk1", db, ["claim", "submit", String(c["id"] as! Int)])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let workers = created.prefix(2).map { $0["worker_id"] as! String }
        for w in workers {
            let r = try as_("clerk1", db, ["worker", "update", w, "--bank-account", Self.account])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let period = ReportPeriod.quarter(containing: CalendarDate.today(now: Date())).code

        let text = try as_("audit1", db, ["report", "anomalies", "--period", period])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Bank account shared by workers [shared-account]: 1"))
        #expect(text.stdout.contains("  - ****3446  2 workers share account ****3446: "))
        #expect(text.stdout.contains("worker ") && text.stdout.contains("claim SD-"))
        #expect(text.stdout.contains("Warnings (W1–W5) [warnings]: "))

        let j = try as_("sup1", db, ["report", "anomalies", "--period", period, "--json"])
        #expect(j.status == 0, "\(j.stderr)")
        let report = try json(j.stdout)
        #expect(report["period"] as? String == period)
        let signals = try #require(report["signals"] as? [[String: Any]])
        #expect(signals.map { $0["signal"] as? String } == AnomalySignal.allCases.map(\.code))
        for s in signals {
            #expect((s["count"] as? Int) == (s["occurrences"] as? [Any])?.count, "the count is the list's length")
            #expect((s["definition_zh"] as? String)?.contains("000 四(三)") == true)
        }
        let shared = try #require(signals.first { $0["signal"] as? String == "shared-account" })
        let occurrence = try #require((shared["occurrences"] as? [[String: Any]])?.first)
        let records = try #require(occurrence["records"] as? [[String: Any]])
        #expect(Set(records.filter { $0["kind"] as? String == "worker" }.compactMap { $0["key"] as? String }) == Set(workers))
        #expect(records.filter { $0["kind"] as? String == "claim" }.count == 2)
        // W1 (the repeated certificate number) on two of the claims, submitted today.
        let warned = try #require(signals.first { $0["signal"] as? String == "warnings" })
        #expect((warned["count"] as? Int ?? 0) >= 2)
        #expect(((warned["occurrences"] as? [[String: Any]])?.first?["figures_en"] as? String)?.hasPrefix("W1") == true)

        let one = try as_("audit1", db, ["report", "anomalies", "--period", period, "--signal", "shared-account", "--csv", dir + "/a.csv", "--json"])
        #expect(one.status == 0, "\(one.stderr)")
        let oneJSON = try json(one.stdout)
        #expect((oneJSON["signals"] as? [Any])?.count == 1)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(csv.hasPrefix("signal,title,subject,figures,records\r\nshared-account,Bank account shared by workers,****3446,"))
        // Not over an existing file.
        let again = try as_("audit1", db, ["report", "anomalies", "--period", period, "--csv", dir + "/a.csv"])
        #expect(again.status == 73, "\(again.stderr)")
    }

    @Test func refusalsSayWhatIsRight() throws {
        let (dir, db) = try ListExportCommandTests.demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = try as_("audit1", db, ["report", "anomalies", "--period", "2026-13"], lang: "zh")
        #expect(bad.status == 64 && bad.stderr.contains("--period：“2026-13”不是统计期间；例如 2026-07（月）"), "\(bad.stderr)")
        let signal = try as_("audit1", db, ["report", "anomalies", "--period", "2026", "--signal", "shared-bank"])
        #expect(signal.status == 64 && signal.stderr.contains("shared-account"), "\(signal.stderr)")
        let clerk = try as_("clerk1", db, ["report", "anomalies", "--period", "2026"])
        #expect(clerk.status == 77 && clerk.stderr.contains("read the anomaly signals"), "\(clerk.stderr)")
        let full = try as_("audit1", db, ["report", "anomalies", "--period", "２０２６－Ｑ４", "--json"])
        #expect(full.status == 0, "\(full.stderr)")
        let fullJSON = try json(full.stdout)
        #expect(fullJSON["period"] as? String == "2026-Q4")
    }
}
