import CoreTestSupport
import Foundation
import SkillCore
import Testing

/// Issue 13: `audit list` filters, pages with --after, prints --json and writes --csv (audited);
/// `audit show SEQ` prints one entry field by field; bad filters say what is right; clerks are refused.
@Suite("audit list and audit show")
struct AuditListCommandTests {
    typealias L = ListExportCommandTests

    static func entries(_ r: Harness.Result) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    @Test func filtersPagesAndJSONMatchTheWholeTrail() throws {
        let (dir, db) = try L.demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let all = try Self.entries(try L.as_("audit1", db, ["audit", "list", "--limit", "10000", "--json"]))
        #expect(all.count > 50)
        let seqs = all.compactMap { $0["seq"] as? Int }
        #expect(seqs == seqs.sorted(by: >), "newest first")
        // --after pages see every entry once.
        var seen: [Int] = []
        var args = ["audit", "list", "--limit", "17"]
        for _ in 0..<1000 {
            let r = try L.as_("audit1", db, args)
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n").map(String.init)
            seen += lines.filter { !$0.hasPrefix("…") }.compactMap { Int($0.split(separator: " ").first ?? "") }
            guard let last = lines.last, let at = last.range(of: "next page: --after ") else { break }
            args = ["audit", "list", "--limit", "17", "--after", String(last[at.upperBound...])]
        }
        // Each command's own login is a newer entry than the listing above: the pages reach back to seq 1.
        #expect(seen.filter { $0 <= seqs[0] } == seqs && seen.last == 1)
        // Each filter finds exactly the entries of the whole trail that match.
        func filtered(_ extra: [String]) throws -> [Int] {
            try Self.entries(try L.as_("audit1", db, ["audit", "list", "--limit", "10000", "--json"] + extra)).compactMap { $0["seq"] as? Int }
        }
        func field(_ e: [String: Any], _ k: String) -> String { e[k] as? String ?? "" }
        #expect(try filtered(["--by", "system"]) == all.filter { field($0, "user") == "system" }.compactMap { $0["seq"] as? Int })
        let classActions = all.filter { field($0, "action").hasPrefix("class.") }.compactMap { $0["seq"] as? Int }
        let byPrefix = try filtered(["--action", "class.*"])
        #expect(!classActions.isEmpty && byPrefix == classActions)
        #expect(try filtered(["--action", "user.create", "--entity", "user"]) == all.filter { field($0, "action") == "user.create" }.compactMap { $0["seq"] as? Int })
        let worker = try #require(all.first { field($0, "entity") == "worker" })
        let sameKey = field(worker, "key")
        let history = try filtered(["--entity", "worker", "--key", sameKey])
        #expect(!history.isEmpty && history == all.filter { field($0, "entity") == "worker" && field($0, "key") == sameKey }.compactMap { $0["seq"] as? Int })
        let today = String(field(all[0], "at").prefix(10))
        let head = seqs[0]   // each command's login adds a newer entry
        #expect(try filtered(["--since", today, "--until", today]).filter { $0 <= head } == all.filter { field($0, "at").hasPrefix(today) }.compactMap { $0["seq"] as? Int })
        #expect(try filtered(["--since", "2001-01-01", "--until", "2001-12-31"]).isEmpty)
    }

    @Test func showPrintsOneEntryFieldByFieldAndMissingOnesAreNamed() throws {
        let (dir, db) = try L.demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let list = try Self.entries(try L.as_("audit1", db, ["audit", "list", "--action", "class.running", "--limit", "1", "--json"]))
        let seq = try #require(list.first?["seq"] as? Int)
        let r = try L.as_("audit1", db, ["audit", "show", String(seq)])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Action      class.running") && r.stdout.contains("* status: planned → running")
                && r.stdout.contains("Summary     planned → running") && r.stdout.contains("  type: employment"), "\(r.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try L.as_("audit1", db, ["audit", "show", String(seq), "--json"]).stdout.utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "changed" && (json["fields"] as? [[String: Any]])?.first?["changed"] as? Bool == true)
        let missing = try L.as_("audit1", db, ["audit", "show", "99999999"], lang: "zh")
        #expect(missing.status == 66 && missing.stderr.contains("没有第 99999999 条审计记录"), "\(missing.stderr)")
    }

    @Test func badFiltersSayWhatIsRightAndClerksAreRefused() throws {
        let (dir, db) = try L.demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let action = try L.as_("audit1", db, ["audit", "list", "--action", "claim approve"])
        #expect(action.status == 64 && action.stderr.contains("claim.*"), "\(action.stderr)")
        let date = try L.as_("audit1", db, ["audit", "list", "--since", "2026-02-30"], lang: "zh")
        #expect(date.status == 64 && date.stderr.contains("YYYY-MM-DD") && date.stderr.contains("UTC"), "\(date.stderr)")
        let span = try L.as_("audit1", db, ["audit", "list", "--since", "2026-09-30", "--until", "2026-09-01"])
        #expect(span.status == 64 && span.stderr.contains("on or before"), "\(span.stderr)")
        let after = try L.as_("audit1", db, ["audit", "list", "--after", "abc"])
        #expect(after.status == 65 && after.stderr.contains("Seq on the last line"), "\(after.stderr)")
        let clerk = try L.as_("clerk1", db, ["audit", "list"])
        #expect(clerk.status == 77, "\(clerk.stderr)")
    }

    @Test func csvWritesEveryEntryOfTheFilterAndIsAudited() throws {
        let (dir, db) = try L.demo()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let expected = try Self.entries(try L.as_("admin", db, ["audit", "list", "--action", "class.*", "--limit", "10000", "--json"]))
        let file = dir + "/audit.csv"
        let r = try L.as_("admin", db, ["audit", "list", "--action", "class.*", "--csv", file])
        #expect(r.status == 0 && r.stdout.contains("exported \(expected.count) rows"), "\(r.stdout) \(r.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: file))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with BOM")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.split(separator: "\r\n")
        #expect(lines.first == "seq,at_utc,user,action,entity,key,summary,hash")
        #expect(lines.dropFirst().compactMap { Int($0.split(separator: ",").first ?? "") } == expected.compactMap { $0["seq"] as? Int })
        let again = try L.as_("admin", db, ["audit", "list", "--action", "class.*", "--csv", file])
        #expect(again.status == 73, "no replacing without --force")
        let export = try Self.entries(try L.as_("admin", db, ["audit", "list", "--action", "list.export", "--limit", "1", "--json"]))
        #expect((export.first?["after"] as? String)?.contains(#""filter":"action=class.*""#) == true)
    }
}
