import Foundation
import SkillCore
import SkillDesk
import Testing

/// The command line as scripts use it: exit codes, --json shapes, and data left untouched by
/// every refusal.
@Suite("Command line")
struct CommandLineTests {
    static func validID(_ first17: String) -> String { first17 + String(ResidentID.checkCharacter(for: first17)!) }

    /// A database with an admin and a clerk, in a fresh directory.
    static func setUp() throws -> (dir: String, db: String) {
        let dir = Harness.tempDir()
        let db = dir + "/t.sqlite"
        let r = try Harness.run(["init", "--admin", "boss", "--db", db, "--password-stdin"], stdin: "boss-pass-1\n")
        #expect(r.status == 0, "init: \(r.stderr)")
        let u = try Harness.run(["user", "add", "ann", "--role", "clerk", "--db", db, "--user", "boss",
                                 "--password-stdin", "--new-password-stdin"], stdin: "boss-pass-1\nann-pass-12\n")
        #expect(u.status == 0, "user add: \(u.stderr)")
        return (dir, db)
    }

    static func clerk(_ db: String, _ args: [String], stdin: String? = nil) throws -> Harness.Result {
        try Harness.run(args + ["--db", db, "--user", "ann"], env: ["SKILLDESK_PASSWORD": "ann-pass-12"], stdin: stdin)
    }

    /// `skilldesk --version` prints the program's version and exits 0 without opening a database.
    @Test func versionIsPrinted() throws {
        let r = try Harness.run(["--version"], env: ["SKILLDESK_DB": "/nonexistent/none.sqlite"])
        #expect(r.status == 0 && r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == Desk.version, "\(r.stdout) \(r.stderr)")
    }

    @Test func initCreatesAPrivateFileAndRefusesAnExistingOne() throws {
        let (dir, db) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let attrs = try FileManager.default.attributesOfItem(atPath: db)
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
        let again = try Harness.run(["init", "--admin", "x", "--db", db], env: ["SKILLDESK_PASSWORD": "whatever-1"])
        #expect(again.status == 73)
    }

    @Test func registerShowAndRefusals() throws {
        let (dir, db) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let id = Self.validID("32010219850612002")
        let add = try Self.clerk(db, ["worker", "add", "--id", id, "--name", "欧阳娜娜", "--phone", "13800000021",
                                      "--group", "unemployed", "--group", "退役军人", "--json"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("\"groups\":[\"unemployed\",\"veteran\"]"))
        #expect(add.stdout.contains("\"sex\":\"F\""))

        let dup = try Self.clerk(db, ["worker", "add", "--id", id, "--name", "别人", "--json"])
        #expect(dup.status == 73)
        #expect(dup.stderr.contains("\"code\":\"already_exists\""))

        var wrong = Array(id)
        wrong[17] = wrong[17] == "1" ? "2" : "1"
        let bad = try Self.clerk(db, ["worker", "add", "--id", String(wrong), "--name", "张三", "--lang", "en"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("check character should be \(id.last!)"), "\(bad.stderr)")

        let missing = try Self.clerk(db, ["worker", "show", Self.validID("32010219900101001")])
        #expect(missing.status == 66)

        let wrongPassword = try Harness.run(["worker", "list", "--db", db, "--user", "ann"], env: ["SKILLDESK_PASSWORD": "nope-nope"])
        #expect(wrongPassword.status == 77)

        let asAdmin = try Harness.run(["worker", "add", "--id", Self.validID("32010219900101002"), "--name", "李四",
                                       "--db", db, "--user", "boss"], env: ["SKILLDESK_PASSWORD": "boss-pass-1"])
        #expect(asAdmin.status == 77, "administrators do not register workers (maker/checker)")

        let list = try Self.clerk(db, ["worker", "list", "--search", "娜", "--json"])
        #expect(list.status == 0)
        #expect(list.stdout.contains(id))
    }

    @Test func importReportsBadRowsAndKeepsGoodOnes() throws {
        let (dir, db) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good1 = Self.validID("32010419771130051"), good2 = Self.validID("32010219900307123")
        let csv = """
            身份证号,姓名,手机号,重点群体
            \(good1),阿卜杜拉·艾尼,,veteran
            32010219900307123X,坏校验码,,
            \(good2),"张伟",13912345678,unemployed;退役军人
            \(good1),重复,,
            \(Self.validID("32010219900307999")),只有三列
            """
        let file = dir + "/w.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Self.clerk(db, ["worker", "import", file, "--json", "--rejects", dir + "/rej.csv"])
        #expect(r.status == 65, "rows were rejected: exit 65")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(json?["imported"] as? Int == 2)
        #expect(json?["rejected"] as? Int == 3)
        let lines = (json?["rejects"] as? [[String: Any]])?.compactMap { $0["line"] as? Int }
        #expect(lines == [3, 5, 6])
        let rejects = try String(contentsOfFile: dir + "/rej.csv", encoding: .utf8)
        #expect(rejects.contains("坏校验码"))

        // All or nothing: the same bad file writes nothing more.
        let file2 = dir + "/w2.csv"
        try "id,name\n\(Self.validID("32010219800101001")),王五\nbad,赵六\n".write(toFile: file2, atomically: true, encoding: .utf8)
        let r2 = try Self.clerk(db, ["worker", "import", file2, "--all-or-nothing", "--json"])
        #expect(r2.status == 65)
        let count = try Self.clerk(db, ["worker", "list", "--json", "--limit", "100"])
        let all = try JSONSerialization.jsonObject(with: Data(count.stdout.utf8)) as? [[String: Any]]
        #expect(all?.count == 2)
    }

    @Test func gb18030FilesAreDetectedAndRefusedWhenForcedAsUTF8() throws {
        let (dir, db) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let id = Self.validID("32010519921212002")
        // "身份证号,姓名\r\n<id>,刘晓东\r\n" encoded in GB18030 (bytes from Python's codec).
        let header: [UInt8] = [201, 237, 183, 221, 214, 164, 186, 197, 44, 208, 213, 195, 251]
        let name: [UInt8] = [193, 245, 207, 254, 182, 171]
        let data = Data(header + Array("\r\n\(id),".utf8) + name + Array("\r\n".utf8))
        let file = dir + "/gb.csv"
        try data.write(to: URL(fileURLWithPath: file))

        let forced = try Self.clerk(db, ["worker", "import", file, "--encoding", "utf-8", "--json"])
        #expect(forced.status == 65)
        #expect(forced.stdout.contains("imported\":0") || forced.stderr.contains("GB18030"), "\(forced.stdout) \(forced.stderr)")

        let auto = try Self.clerk(db, ["worker", "import", file, "--json"])
        #expect(auto.status == 0, "\(auto.stdout) \(auto.stderr)")
        let shown = try Self.clerk(db, ["worker", "show", id, "--json"])
        #expect(shown.stdout.contains("刘晓东"))
    }

    @Test func foreignAndNewerDatabasesAreRefusedUntouched() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = dir + "/notes.sqlite"
        try "just some text, not a database\n".write(toFile: text, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: text))
        let r = try Harness.run(["worker", "list", "--db", text, "--user", "x"], env: ["SKILLDESK_PASSWORD": "y-y-y-y-y"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("not a SkillDesk database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == before)

        let missing = try Harness.run(["worker", "list", "--db", dir + "/nope.sqlite", "--user", "x"], env: ["SKILLDESK_PASSWORD": "y"])
        #expect(missing.status == 66)

        let unwritable = try Harness.run(["init", "--admin", "a", "--db", "/proc/skilldesk/x.sqlite"], env: ["SKILLDESK_PASSWORD": "long-enough-1"])
        #expect(unwritable.status == 73, "\(unwritable.stderr)")
        #expect(unwritable.stderr.contains("cannot create"))
    }

    @Test func auditVerifyDetectsARowEditedBehindTheProgramsBack() throws {
        let (dir, db) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ok = try Harness.run(["audit", "verify", "--db", db, "--user", "boss", "--json"], env: ["SKILLDESK_PASSWORD": "boss-pass-1"])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("\"ok\":true"))
    }
}
