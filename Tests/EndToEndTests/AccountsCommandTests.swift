import Foundation
import Testing

/// Issue 10, breaks 6 and 7 through the real binary: foreign files are refused untouched; the last
/// administrator stays; `user enable`; the password rules; reserved and case-twin user names.
@Suite("Command line: foreign files and accounts")
struct AccountsCommandTests {
    /// Bytes, mode and the directory listing: what a refused command must leave as it was.
    struct Fingerprint: Equatable {
        var bytes: Data
        var mode: Int
        var listing: [String]
        init(_ path: String) throws {
            bytes = FileManager.default.contents(atPath: path) ?? Data()
            mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
            listing = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent).sorted()
        }
    }

    static func sqlite3(_ path: String, _ sql: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, sql]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    @Test(arguments: ["empty", "foreign"])
    func aFileThatIsNotASkillDeskDatabaseIsRefusedUntouched(kind: String) throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/data.db"
        if kind == "empty" {
            FileManager.default.createFile(atPath: db, contents: Data())
        } else {
            try Self.sqlite3(db, "CREATE TABLE ledger(id INTEGER PRIMARY KEY, amount INTEGER); INSERT INTO ledger(amount) VALUES (5);")
        }
        chmod(db, 0o644)
        let before = try Fingerprint(db)
        for args in [["worker", "list", "--db", db, "--user", "boss"], ["audit", "verify", "--db", db, "--user", "boss"],
                     ["user", "list", "--db", db, "--user", "boss", "--lang", "zh"]] {
            let r = try Harness.run(args, env: ["SKILLDESK_PASSWORD": "boss-pass-1"])
            #expect(r.status == 65, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("not a SkillDesk database") || r.stderr.contains("不是 SkillDesk 数据库"), "\(r.stderr)")
            #expect(try Fingerprint(db) == before, "\(args) changed \(db)")
        }
        let demo = try Harness.run(["demo", "--db", db, "--no-tui", "--lang", "en"])
        #expect(demo.status == 65, "\(demo.stderr)")
        #expect(demo.stderr.contains("left untouched"), "\(demo.stderr)")
        #expect(try Fingerprint(db) == before)
        let initAgain = try Harness.run(["init", "--admin", "boss", "--db", db], env: ["SKILLDESK_PASSWORD": "boss-pass-1"])
        #expect(initAgain.status == 73)
        #expect(try Fingerprint(db) == before)
    }

    static func admin(_ db: String, _ args: [String], stdin: String? = nil) throws -> Harness.Result {
        try Harness.run(args + ["--db", db, "--user", "boss"], env: ["SKILLDESK_PASSWORD": "boss-pass-1"], stdin: stdin)
    }

    @Test func theLastAdministratorStaysAndUserEnableRestoresAUser() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let alone = try Self.admin(db, ["user", "disable", "boss", "--lang", "en"])
        #expect(alone.status == 73, "\(alone.status) \(alone.stderr)")
        #expect(alone.stderr.contains("last active administrator"), "\(alone.stderr)")
        #expect(try Self.admin(db, ["user", "list"]).status == 0)   // boss still logs in

        #expect(try Self.admin(db, ["user", "disable", "ann"]).status == 0)
        let refused = try CommandLineTests.clerk(db, ["worker", "list"])
        #expect(refused.status == 77)
        let enable = try Self.admin(db, ["user", "enable", "ann", "--lang", "en"])
        #expect(enable.status == 0, "\(enable.stderr)")
        #expect(enable.stdout.contains("enabled ann"), "\(enable.stdout)")
        #expect(try CommandLineTests.clerk(db, ["worker", "list"]).status == 0)
        let trail = try Self.admin(db, ["audit", "show", "--entity", "user", "--key", "ann", "--json"])
        #expect(trail.stdout.contains("user.enable"), "\(trail.stdout)")
    }

    @Test func passwordRulesAndReservedNamesAtTheCommandLine() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, password, code, words) in [
            ("newbie", "1234567890", Int32(65), "most common"),
            ("newbie", "short-pw", 65, "at least 10"),
            ("newbie", "newbie2026!", 65, "user name"),
            ("system", "a-good-long-pass", 65, "reserved"),
            ("BOSS", "a-good-long-pass", 73, "boss"),
        ] {
            let r = try Self.admin(db, ["user", "add", name, "--role", "clerk", "--password-stdin", "--new-password-stdin", "--lang", "en"],
                                   stdin: "boss-pass-1\n\(password)\n")
            #expect(r.status == code, "\(name)/\(password): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(words), "\(name)/\(password): \(r.stderr)")
        }
        let list = try Self.admin(db, ["user", "list", "--json"])
        #expect(!list.stdout.contains("newbie") && !list.stdout.contains("system") && !list.stdout.contains("BOSS"))
    }

    @Test func theDemoPrintsPasswordsThatLogIn() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/demo.sqlite"
        let r = try Harness.run(["demo", "--db", db, "--no-tui", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        let users = r.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.filter { $0.count >= 3 }
            .filter { ["admin", "clerk1", "sup1", "fin1", "audit1"].contains($0[0]) }
        #expect(users.count == 5, "\(r.stdout)")
        for u in users {
            let login = try Harness.run(["worker", "list", "--limit", "1", "--db", db, "--user", u[0]], env: ["SKILLDESK_PASSWORD": u[1]])
            // Every role may at least try: a refusal for the role (77) is not a failed login.
            #expect(!login.stderr.contains("wrong user name or password"), "\(u): \(login.stderr)")
            #expect(u[1].count >= 10)
        }
    }
}
