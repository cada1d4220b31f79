import Foundation
import SkillCore
import Testing

/// The operator's log as the built binary writes it (issue 11, item 8).
@Suite("Operator log (binary)")
struct OperatorLogCommandTests {
    static func text(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// Nothing on the terminal looks like a log line: no level word after a time, no logger label.
    static func expectNoLogLines(_ r: Harness.Result) {
        for out in [r.stdout, r.stderr] {
            #expect(!out.contains("skilldesk.desk") && !out.contains("skilldesk.cli"), "\(out)")
            #expect(out.range(of: #"\d\d:\d\d:\d\d\.\d{3}Z"#, options: .regularExpression) == nil, "\(out)")
        }
    }

    @Test func aFailedLoginIsLoggedBesideTheDatabasePrivatelyAndNotOnTheTerminal() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let log = db + ".skilldesk.log"
        let r = try Harness.run(["worker", "list", "--db", db, "--user", "ann", "--lang", "en"],
                                env: ["SKILLDESK_PASSWORD": "Wrong-Guess-991"])
        #expect(r.status == 77)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1, "\(r.stderr)")
        Self.expectNoLogLines(r)
        let attrs = try FileManager.default.attributesOfItem(atPath: log)
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
        let text = Self.text(log)
        #expect(text.contains("notice skilldesk.cli: start "), "\(text)")
        #expect(text.contains("skilldesk.desk: database opened db=\(db) schema=v"), "\(text)")
        #expect(text.contains("warning skilldesk.desk: login failed: unknown user or wrong password user=ann"), "\(text)")
        #expect(text.contains("warning skilldesk.cli: error shown cause=DeskError.authenticationFailed"), "\(text)")
        #expect(!text.contains("Wrong-Guess-991"))
        #expect(!text.contains("boss-pass-1") && !text.contains("ann-pass-12"), "set-up passwords are not logged either")
        // The audit event log beside it is another file, untouched by these lines.
        #expect(!Self.text(db + ".log").contains("login failed"))
    }

    @Test func logLevelErrorSuppressesInfoAndWarnings() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let log = dir + "/chosen.log"
        try FileManager.default.removeItem(atPath: db + ".skilldesk.log")  // the set-up's
        let quiet = try Harness.run(["worker", "list", "--db", db, "--user", "ann", "--log-level", "error"],
                                    env: ["SKILLDESK_PASSWORD": "ann-pass-12", "SKILLDESK_LOG": log])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        let denied = try Harness.run(["user", "add", "x1", "--role", "clerk", "--db", db, "--user", "ann",
                                      "--log-level", "error", "--new-password-stdin"],
                                     env: ["SKILLDESK_PASSWORD": "ann-pass-12", "SKILLDESK_LOG": log], stdin: "x1-pass-123456\n")
        #expect(denied.status == 77)
        #expect(Self.text(log).isEmpty, "\(Self.text(log))")
        let loud = try Harness.run(["worker", "list", "--db", db, "--user", "ann"],
                                   env: ["SKILLDESK_PASSWORD": "ann-pass-12", "SKILLDESK_LOG": log])
        #expect(loud.status == 0)
        Self.expectNoLogLines(loud)
        #expect(Self.text(log).contains(" info skilldesk.desk: login user=ann"), "\(Self.text(log))")
        #expect(!FileManager.default.fileExists(atPath: db + ".skilldesk.log"), "SKILLDESK_LOG wins")
        let bad = try Harness.run(["worker", "list", "--db", db, "--log-level", "loud"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("trace") && bad.stderr.contains("critical"), "\(bad.stderr)")
    }

    @Test func aRefusedPermissionAndAResidentIDInAnErrorAreLoggedMasked() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let id = CommandLineTests.validID("32010219850612002")
        let add = try CommandLineTests.clerk(db, ["worker", "add", "--id", id, "--name", "欧阳娜娜"])
        #expect(add.status == 0, "\(add.stderr)")
        let dup = try CommandLineTests.clerk(db, ["worker", "add", "--id", id, "--name", "别人", "--lang", "en"])
        #expect(dup.status == 73)
        #expect(dup.stderr.contains(id), "the clerk is shown the ID: \(dup.stderr)")
        let denied = try Harness.run(["user", "list", "--db", db, "--user", "ann"], env: ["SKILLDESK_PASSWORD": "ann-pass-12"])
        #expect(denied.status == 77)
        let text = Self.text(db + ".skilldesk.log")
        #expect(text.contains("error shown") && text.contains("3201**********" + id.suffix(4)), "\(text)")
        #expect(!text.contains(id), "\(text)")
        #expect(text.contains("permission refused") && text.contains("user=ann"), "\(text)")
    }
}
