import Foundation
import SkillCore
import Testing

/// Issue 10, break 3: the audit chain emptied, cut, rewritten or restarted behind the program's
/// back with the sqlite3 shell (as the Unix account that owns the database could), and triggers
/// the program relies on dropped. Each must be found by `audit verify` or at open.
@Suite("Trust: the audit chain against an insider with sqlite3")
struct AuditChainTrustTests {
    /// A database with an administrator (boss) and a clerk (ann), and a first verify (an anchor).
    static func setUp() throws -> (dir: String, db: String) {
        let (dir, db) = try CommandLineTests.setUp()
        let v = try admin(db, ["audit", "verify"])
        #expect(v.status == 0, "first verify: \(v.stdout) \(v.stderr)")
        return (dir, db)
    }

    static func admin(_ db: String, _ args: [String]) throws -> Harness.Result {
        try CatalogueCommandTests.admin(db, args)
    }

    static func addUser(_ db: String, _ name: String) throws -> Harness.Result {
        try Harness.run(["user", "add", name, "--role", "clerk", "--db", db, "--user", "boss", "--lang", "en",
                         "--password-stdin", "--new-password-stdin"], stdin: "boss-pass-1\n\(name)-pass-12\n")
    }

    static let dropTriggers = "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;"

    /// The hash the program gives a row (DECISIONS.md "Audit chain"): an insider can read the
    /// source and recompute the chain.
    static func rowHash(_ r: [String: Any], prev: String) -> String {
        func opt(_ k: String) -> String { (r[k] as? String).map { "=" + $0 } ?? "\u{0}" }
        let parts = ["\(r["seq"] as! Int)", r["at"] as! String, r["user"] as! String, r["action"] as! String,
                     r["entity"] as! String, r["key"] as! String, opt("before"), opt("after"), prev]
        return SHA256.hex(parts.joined(separator: "\u{1F}"))
    }

    static func quote(_ s: String?) -> String { s.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL" }

    /// Rewrites every row's prev_hash and hash, so the chain walks clean (triggers already dropped).
    static func rehash(_ db: String, genesis: String = String(repeating: "0", count: 64)) throws {
        let rows = try Sqlite3.rows(db, "SELECT seq, at, user, action, entity, key, before, after FROM audit ORDER BY seq")
        var prev = genesis
        var sql = ""
        for r in rows {
            let h = rowHash(r, prev: prev)
            sql += "UPDATE audit SET prev_hash = '\(prev)', hash = '\(h)' WHERE seq = \(r["seq"] as! Int);\n"
            prev = h
        }
        try Sqlite3.exec(db, sql)
    }

    @Test func anEmptiedChainIsRestartedAndItsAnchorsLieBeyondTheHead() throws {
        let (dir, db) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Sqlite3.exec(db, Self.dropTriggers + "DELETE FROM audit;")
        let empty = try Self.admin(db, ["audit", "verify"])
        #expect(empty.status == 65, "\(empty.stdout) \(empty.stderr)")
        #expect(empty.stderr.contains("restarted"), "\(empty.stderr)")
        #expect(empty.stderr.contains("beyond the head"), "\(empty.stderr)")
        // The login of that verify (and any later one) is no new beginning.
        let again = try Self.admin(db, ["audit", "verify", "--json"])
        #expect(again.status == 65)
        #expect(again.stdout.contains("\"restarted\":true"), "\(again.stdout) \(again.stderr)")
    }

    @Test func aCutChainIsFoundAgainstItsAnchors() throws {
        let (dir, db) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.addUser(db, "bea").status == 0)
        #expect(try Self.admin(db, ["audit", "verify"]).status == 0)   // anchors the head
        let head = try Sqlite3.rows(db, "SELECT max(seq) AS n FROM audit")[0]["n"] as! Int
        try Sqlite3.exec(db, Self.dropTriggers + "DELETE FROM audit WHERE seq > \(head - 3);")
        let cut = try Self.admin(db, ["audit", "verify"])
        #expect(cut.status == 65, "\(cut.stdout) \(cut.stderr)")
        #expect(cut.stderr.contains("anchor") && cut.stderr.contains("seq \(head)"), "\(cut.stderr)")
    }

    @Test func aRewrittenAndRehashedChainDisagreesWithItsAnchors() throws {
        let (dir, db) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.addUser(db, "bea").status == 0)
        #expect(try Self.admin(db, ["audit", "verify"]).status == 0)
        // Give bea the administrator role in the trail too, and recompute the whole chain.
        try Sqlite3.exec(db, Self.dropTriggers + """
            UPDATE audit SET after = replace(after, '"clerk"', '"admin"') WHERE action = 'user.create' AND key = 'bea';
            """)
        try Self.rehash(db)
        let v = try Self.admin(db, ["audit", "verify", "--json"])
        #expect(v.status == 65, "\(v.stdout) \(v.stderr)")
        #expect(v.stdout.contains("\"anchor_mismatch\""), "\(v.stdout)")
    }

    @Test func aChainRestartedFromScratchIsReportedEvenWithoutAnyAnchor() throws {
        let (dir, db) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The insider removes every anchor source beside the database and keeps only the rows
        // from the second on, renumbered and rehashed from the genesis: a clean-walking chain.
        for f in try FileManager.default.contentsOfDirectory(atPath: dir)
        where f.hasSuffix(".anchors") || f.hasSuffix(".log") {
            try FileManager.default.removeItem(atPath: dir + "/" + f)
        }
        try Sqlite3.exec(db, Self.dropTriggers + "DELETE FROM audit WHERE seq = 1; UPDATE audit SET seq = seq - 1;")
        try Self.rehash(db)
        let v = try Self.admin(db, ["audit", "verify", "--json"])
        #expect(v.status == 65, "\(v.stdout) \(v.stderr)")
        #expect(v.stdout.contains("\"restarted\":true"), "\(v.stdout)")
        #expect(v.stdout.contains("\"missing\""), "\(v.stdout)")
    }

    @Test func aMissingAnchorFileIsNamed() throws {
        let (dir, db) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let anchors = db + ".anchors"
        #expect(FileManager.default.fileExists(atPath: anchors))
        let mode = (try FileManager.default.attributesOfItem(atPath: anchors)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        try FileManager.default.removeItem(atPath: anchors)
        let v = try Self.admin(db, ["audit", "verify"])
        #expect(v.status == 65, "\(v.stdout) \(v.stderr)")
        #expect(v.stderr.contains(anchors) && v.stderr.contains("missing"), "\(v.stderr)")
        // Set elsewhere (--anchor-file), the anchors go there, and verify names that one.
        let other = dir + "/elsewhere.anchors"
        let init2 = try Harness.run(["init", "--admin", "boss", "--db", dir + "/b.sqlite", "--anchor-file", other,
                                     "--password-stdin"], stdin: "boss-pass-1\n")
        #expect(init2.status == 0, "\(init2.stderr)")
        #expect(FileManager.default.fileExists(atPath: other))
        let v2 = try Harness.run(["audit", "verify", "--db", dir + "/b.sqlite", "--user", "boss", "--lang", "en"],
                                 env: ["SKILLDESK_PASSWORD": "boss-pass-1", "SKILLDESK_ANCHOR_FILE": other])
        #expect(v2.status == 0, "\(v2.stdout) \(v2.stderr)")
        #expect(v2.stdout.contains(other), "\(v2.stdout)")
    }

    @Test func aDroppedTriggerStopsWritesUntilRepairRecordsIt() throws {
        let (dir, db) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Sqlite3.exec(db, "DROP TRIGGER audit_no_delete; DROP INDEX claims_status;")
        let users = try Sqlite3.rows(db, "SELECT count(*) AS n FROM users")[0]["n"] as! Int
        let add = try Self.addUser(db, "bea")
        #expect(add.status == 73, "\(add.stdout) \(add.stderr)")
        #expect(add.stderr.contains("audit_no_delete") && add.stderr.contains("claims_status")
                && add.stderr.contains("skilldesk repair"), "\(add.stderr)")
        #expect(try Sqlite3.rows(db, "SELECT count(*) AS n FROM users")[0]["n"] as! Int == users)
        // Reads still work.
        #expect(try Self.admin(db, ["user", "list"]).status == 0)
        // Only an administrator repairs.
        #expect(try CommandLineTests.clerk(db, ["repair"]).status == 77)
        let repair = try Self.admin(db, ["repair"])
        #expect(repair.status == 0, "\(repair.stdout) \(repair.stderr)")
        #expect(repair.stdout.contains("audit_no_delete"), "\(repair.stdout)")
        #expect(try Sqlite3.rows(db, "SELECT count(*) AS n FROM sqlite_master WHERE name IN ('audit_no_delete', 'claims_status')")[0]["n"] as! Int == 2)
        #expect(try Self.addUser(db, "bea").status == 0)
        let trail = try Sqlite3.rows(db, "SELECT user, after FROM audit WHERE action = 'schema.repair'")
        #expect(trail.count == 1)
        #expect(trail.first?["user"] as? String == "boss")
        #expect((trail.first?["after"] as? String)?.contains("audit_no_delete") == true)
        #expect(try Self.admin(db, ["audit", "verify"]).status == 0)
        // A trigger altered (not dropped) is found the same way.
        try Sqlite3.exec(db, """
            DROP TRIGGER audit_no_update;
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN 0 BEGIN SELECT RAISE(ABORT, 'x'); END;
            """)
        let altered = try Self.addUser(db, "cai")
        #expect(altered.status == 73 && altered.stderr.contains("audit_no_update"), "\(altered.stderr)")
    }
}

/// The sqlite3 shell, as an insider uses it.
enum Sqlite3 {
    static func run(_ db: String, _ args: [String], sql: String) throws -> String {
        let argv = ["/usr/bin/sqlite3", "-bail"] + args + [db]
        let r: Harness.Result
        do { r = try Harness.runProgram(argv[0], argv, stdin: sql) }
        catch { throw Failure(text: "sqlite3 did not start: \(error)") }
        guard r.status == 0 else { throw Failure(text: "sqlite3 failed: \(r.stderr)") }
        return r.stdout
    }

    static func exec(_ db: String, _ sql: String) throws { _ = try run(db, [], sql: sql) }

    static func rows(_ db: String, _ sql: String) throws -> [[String: Any]] {
        let text = try run(db, ["-json"], sql: sql + ";")
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return [] }
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
    }

    struct Failure: Error, CustomStringConvertible { var text: String; var description: String { text } }
}
