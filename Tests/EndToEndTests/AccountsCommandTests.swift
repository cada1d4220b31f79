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
}
