import CoreTestSupport
import Foundation
import SkillCore
import Testing

/// Issue 12: `worker list`/`claim list` page past their limit with --after (keyset) or --offset;
/// `payment list`; `--csv FILE` on the lists (BOM or GB18030, quoting, formula neutralising, never
/// over a file without --force, audited `list.export`).
@Suite("List paging and CSV exports")
struct ListExportCommandTests {
    static func demo() throws -> (dir: String, db: String) {
        let dir = Harness.tempDir()
        let db = dir + "/demo.sqlite"
        let r = try Harness.run(["demo", "--db", db, "--no-tui", "--lang", "en"])
        #expect(r.status == 0, "demo: \(r.stderr)")
        return (dir, db)
    }

    static let passwords = ["clerk1": "clerk1-demo", "sup1": "sup1-demo-1", "fin1": "fin1-demo-1", "admin": "admin-demo-1", "audit1": "audit1-demo"]

    static func as_(_ user: String, _ db: String, _ args: [String], lang: String = "en") throws -> Harness.Result {
        try Harness.run(args + ["--db", db, "--user", user, "--lang", lang], env: ["SKILLDESK_PASSWORD": passwords[user]!])
    }

    @Test func workerPagesWithAfterSeeEveryWorkerExactlyOnce() throws {
        let (dir, db) = try Self.demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let all = try Self.as_("clerk1", db, ["worker", "list", "--limit", "10000", "--json"])
        let everyone = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(everyone.count >= 100)
        var seen: [String] = []
        var args = ["worker", "list", "--limit", "37"]
        var pages = 0
        while pages < 100 {
            let r = try Self.as_("clerk1", db, args)
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n").map(String.init)
            let hint = lines.last.flatMap { $0.range(of: "next page: --after ") .map { l in String(lines.last![l.upperBound...]) } }
            seen += lines.filter { !$0.hasPrefix("…") }.map { String($0.prefix(18)) }
            pages += 1
            guard let next = hint else { break }
            args = ["worker", "list", "--limit", "37", "--after", next]
        }
        #expect(seen == everyone, "every worker once, in the list's order")
        #expect(pages == (everyone.count + 36) / 37)
        // Offset pages give the same rows.
        let second = try Self.as_("clerk1", db, ["worker", "list", "--limit", "37", "--offset", "37", "--json"])
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids == Array(everyone[37..<74]))
    }

    @Test func badPagingKeysSayWhatIsRight() throws {
        let (dir, db) = try Self.demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let unknown = try Self.as_("clerk1", db, ["worker", "list", "--after", "110101199001010000"])
        #expect(unknown.status == 65 && unknown.stderr.contains("no worker has resident ID 110101199001010000"), "\(unknown.stderr)")
        let both = try Self.as_("clerk1", db, ["worker", "list", "--after", "110101199001010000", "--offset", "5"], lang: "zh")
        #expect(both.status == 64 && both.stderr.contains("--after 与 --offset 只能给一个"), "\(both.stderr)")
        let word = try Self.as_("sup1", db, ["claim", "list", "--after", "abc"])
        #expect(word.status == 65 && word.stderr.contains("\"abc\" is not a claim number") && word.stderr.contains("SD-2026-000123"), "\(word.stderr)")
        let missing = try Self.as_("sup1", db, ["claim", "list", "--after", "SD-2026-999999"], lang: "zh")
        #expect(missing.status == 65 && missing.stderr.contains("没有编号为 SD-年份-999999 的申请"), "\(missing.stderr)")
        let negative = try Self.as_("sup1", db, ["claim", "list", "--offset", "-1"])
        #expect(negative.status == 64, "\(negative.stderr)")
    }

    @Test func paymentListListsBatchesForFinanceAndNotForClerks() throws {
        let (dir, db) = try Self.demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let none = try Self.as_("fin1", db, ["payment", "list"])
        #expect(none.status == 0 && none.stdout.contains("no payment batches yet"), "\(none.stdout) \(none.stderr)")
        let json = try Self.as_("audit1", db, ["payment", "list", "--json"])
        #expect(json.status == 0 && json.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(json.stdout) \(json.stderr)")
        let clerk = try Self.as_("clerk1", db, ["payment", "list"])
        #expect(clerk.status == 77, "\(clerk.stderr)")
        let unknown = try Self.as_("fin1", db, ["payment", "list", "--batch", "PB-NONE"])
        #expect(unknown.status == 65 && unknown.stderr.contains("no payment batch PB-NONE"), "\(unknown.stderr)")
        let csv = try Self.as_("fin1", db, ["payment", "list", "--csv", dir + "/batches.csv"])
        #expect(csv.status == 0 && csv.stdout.contains("exported 0 rows"), "\(csv.stderr)")
        let header = String(decoding: (FileManager.default.contents(atPath: dir + "/batches.csv") ?? Data()).dropFirst(3), as: UTF8.self)
        #expect(header == "batch,business_date,lines,total_yuan,paid,failed,pending,reconciled_at,created_by,created_at\r\n")
    }

    @Test func csvExportQuotesNeutralisesKeepsIDsAsTextAndIsAudited() throws {
        let (dir, db) = try Self.demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let id = CommandLineTests.validID("32010219850612003")
        let add = try Self.as_("clerk1", db, ["worker", "add", "--id", id, "--name", "欧阳娜娜", "--phone", "13800000021",
                                              "--employer", "=HYPERLINK(\"http://x\",\"点我\")", "--residence", "南京, \"玄武\""])
        #expect(add.status == 0, "\(add.stderr)")
        let file = dir + "/w.csv"
        let r = try Self.as_("clerk1", db, ["worker", "list", "--search", id, "--csv", file], lang: "zh")
        #expect(r.status == 0 && r.stdout.contains("已导出 1 行"), "\(r.stdout) \(r.stderr)")
        let bytes = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[0].hasPrefix("身份证号,姓名,手机号"))
        #expect(lines[1].hasPrefix("\"\t\(id)\",欧阳娜娜,\"\t13800000021\","), "\(lines[1])")
        #expect(lines[1].contains(",\"南京, \"\"玄武\"\"\","), "\(lines[1])")
        #expect(lines[1].contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\","), "\(lines[1])")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // Not over an existing file without --force; with it, GB18030 that reads back.
        let again = try Self.as_("clerk1", db, ["worker", "list", "--search", id, "--csv", file, "--encoding", "gb18030"])
        #expect(again.status == 73 && again.stderr.contains("add --force"), "\(again.stderr)")
        #expect([UInt8](FileManager.default.contents(atPath: file) ?? Data()) == bytes)
        let forced = try Self.as_("clerk1", db, ["worker", "list", "--search", id, "--csv", file, "--encoding", "gb18030", "--force", "--json"], lang: "zh")
        #expect(forced.status == 0 && forced.stdout.contains("\"rows\":1") && forced.stdout.contains("\"encoding\":\"gb18030\""), "\(forced.stdout) \(forced.stderr)")
        let gb = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
        #expect(String(validating: gb, as: UTF8.self) == nil && gb18030(text) == gb, "GB18030 of the same text")
        let bad = try Self.as_("clerk1", db, ["worker", "list", "--csv", dir + "/x.csv", "--encoding", "latin1"])
        #expect(bad.status == 64 && bad.stderr.contains("utf8-bom") && bad.stderr.contains("gb18030"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.csv"))
        let db2 = try Self.as_("clerk1", db, ["worker", "list", "--csv", db, "--force"])
        #expect(db2.status == 73 && db2.stderr.contains("that is the database"), "\(db2.stderr)")

        // The trail: who exported which list with which filter, how many rows (two exports).
        let trail = try Self.as_("admin", db, ["audit", "show", "--entity", "export", "--key", "workers", "--json"])
        #expect(trail.status == 0, "\(trail.stderr)")
        #expect(trail.stdout.components(separatedBy: "list.export").count - 1 == 2, "\(trail.stdout)")
        #expect(trail.stdout.contains("clerk1") && trail.stdout.contains("search=\(id)") && trail.stdout.contains("rows"))
    }
}

