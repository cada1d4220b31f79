import Foundation
import SkillCore
import SkillDesk
import Testing

/// Issue 10, break 9 on the command line: page sizes out of range, a payee name a spreadsheet would
/// run, reconciling a bank file twice, exit codes (every one documented; a full disk is 74) and
/// help texts that say what the code does.
@Suite("Trust, the smaller ones: command line", .serialized)
struct SmallTrustCommandTests {
    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    @Test func aLimitOrOffsetOutOfRangeIsAUsageError() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for args in [["claim", "list", "--limit=-1"], ["claim", "list", "--limit", "0"], ["claim", "list", "--limit", "10001"],
                     ["claim", "list", "--offset=-1"], ["worker", "list", "--limit", "0"], ["worker", "list", "--limit=-5"]] {
            let en = try CommandLineTests.clerk(db, args + ["--lang", "en"])
            #expect(en.status == 64, "\(args): \(en.status) \(en.stderr)")
            #expect(en.stderr.contains("1 to 10000") || en.stderr.contains("0 or more"), "\(args): \(en.stderr)")
            let zh = try CommandLineTests.clerk(db, args + ["--lang", "zh"])
            #expect(zh.status == 64 && zh.stderr.contains("错误"), "\(args): \(zh.stderr)")
            #expect(en.stdout.isEmpty && zh.stdout.isEmpty)
        }
        #expect(try CommandLineTests.clerk(db, ["claim", "list", "--limit", "10000", "--offset", "0"]).status == 0)
    }

    @Test func aPayeeNameAFormulaCouldBeIsRefused() throws {
        let w = try ClaimCLIWorld(trainees: 1, fundFen: 0)
        defer { w.cleanup() }
        let first17 = "52320100MJ1234567"
        let code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        for name in ["=1+1", "+学校", "-学校", "@SUM(A1)"] {
            let r = try w.run("ann", ["payee", "set", "--code", code, "--name=" + name, "--account", "110100000000123456"])
            #expect(r.status == 65, "\(name): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("= + - @"), "\(r.stderr)")
        }
        #expect(try w.run("fin1", ["payee", "list"]).stdout.isEmpty)
    }

    @Test func reconcilingTheSameFileTwiceSaysAlreadyReconciledAndAuditsNothing() throws {
        let w = try ClaimCLIWorld(trainees: 2, fundFen: 1_000_000)
        defer { w.cleanup() }
        #expect(try w.run("sup1", ["claim", "approve", String(w.claims[0]), String(w.claims[1])]).status == 0)
        let later = "2025-07-01"
        let b = try w.run("fin1", ["payment", "batch", "--json"], today: later)
        let batch = w.json(b)["batch"] as? String ?? ""
        let out = w.dir + "/bank.csv"
        #expect(try w.run("fin1", ["payment", "export", batch, "--format", "utf8-bom", "--out", out], today: later).status == 0)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").dropFirst(3).filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        try #require(lines.count == 2 && lines.allSatisfy { $0.count >= 5 }, "\(text)")
        let rf = w.dir + "/result.csv"
        try Data("\(lines[0][4]),成功,\(lines[0][3]),\r\n\(lines[1][4]),失败,\(lines[1][3]),户名不符\r\n".utf8).write(to: URL(fileURLWithPath: rf))
        #expect(try w.run("fin1", ["payment", "reconcile", batch, rf], today: later).status == 0)
        let boss = try w.desk.login(name: "boss", password: "boss-pass-1")
        guard case let .intact(before) = try boss.verifyAudit().0 else { Issue.record("chain"); return }
        let again = try w.run("fin1", ["payment", "reconcile", batch, rf], today: later)
        #expect(again.status == 0, "\(again.status) \(again.stdout) \(again.stderr)")
        #expect(!again.stdout.contains("not in batch"), "\(again.stdout)")
        #expect(again.stdout.contains("already reconciled 2"), "\(again.stdout)")
        #expect(again.stdout.contains("line 1: \(lines[0][4]) already reconciled (paid)"), "\(again.stdout)")
        let json = try w.run("fin1", ["payment", "reconcile", batch, rf, "--json"], today: later)
        #expect((w.json(json)["already_reconciled"] as? [Int])?.count == 2, "\(json.stdout)")
        guard case let .intact(after) = try boss.verifyAudit().0 else { Issue.record("chain"); return }
        #expect(after == before + 2, "only the two logins are audited")  // the reconciles themselves add no row
    }

    /// Every exit code the program can use is in README.md's list, and the list has nothing else.
    @Test func everyExitCodeIsDocumented() throws {
        let readme = try String(contentsOfFile: Self.packageRoot + "/README.md", encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## ").first { $0.hasPrefix("Exit codes") },
                                   "README.md has no \"## Exit codes\" section")
        let documented = Set(section.split(separator: "\n").compactMap { line -> Int32? in
            guard line.hasPrefix("- `") else { return nil }
            return Int32(line.dropFirst(3).prefix { $0.isNumber })
        })
        // What the code uses: the values in `enum Exit`, any literal ExitCode(N)/exit(N) in the
        // command line, and ArgumentParser's own (0 help, 64 a wrong option or argument).
        var used: Set<Int32> = [0, 64]
        let dir = Self.packageRoot + "/Sources/skilldesk"
        for file in try FileManager.default.contentsOfDirectory(atPath: dir) where file.hasSuffix(".swift") {
            let source = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
            for pattern in [#"\b[a-zA-Z]+: Int32 = (\d+)"#, #"ExitCode\((\d+)\)"#, #"\bexit\((\d+)\)"#] {
                let re = try NSRegularExpression(pattern: pattern)
                for m in re.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                    if let r = Range(m.range(at: 1), in: source), let n = Int32(source[r]) { used.insert(n) }
                }
            }
            #expect(!source.contains("ExitCode.failure"), "\(file) exits 1, which says nothing")
        }
        #expect(used.isSuperset(of: [65, 66, 70, 73, 74, 75, 77]), "\(used.sorted())")
        #expect(used.subtracting(documented).isEmpty, "used but not in README.md: \(used.subtracting(documented).sorted())")
        #expect(documented.subtracting(used).isEmpty, "in README.md but never used: \(documented.subtracting(used).sorted())")
        // --help says the same.
        let help = try Harness.run(["--help"])
        for code in used.subtracting([0]) { #expect(help.stdout.contains(String(code)), "skilldesk --help does not name \(code)") }
    }

    /// A disk that fills up during an import: exit 74 with a clear message, and nothing of the
    /// import is stored. The file-size limit (RLIMIT_FSIZE, no root needed) makes the write fail
    /// as a full disk would; SIGXFSZ is ignored so the write returns an error instead of killing.
    @Test func aFullDiskIsExit74AndLeavesTheDatabaseAsItWas() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var csv = "id,name\n"
        for i in 0..<6_000 {
            csv += CommandLineTests.validID("320102" + String(19_800_101 + i / 900) + String(format: "%03d", i % 900 + 1)) + ",欧阳娜娜\n"
        }
        let input = dir + "/workers.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: input))
        let size = (try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0
        let limitKiB = size / 1024 + 512  // room for the login, not for 6,000 workers
        let script = "ulimit -f \(limitKiB); trap '' XFSZ; exec \"$0\" \"$@\""
        let full = try Self.runLimited(script, ["worker", "import", input, "--db", db, "--user", "ann", "--lang", "en"])
        #expect(full.status == 74, "\(full.status): \(full.stderr)")
        #expect(full.stderr.contains("disk") && full.stderr.contains("nothing was written"), "\(full.stderr)")
        let list = try CommandLineTests.clerk(db, ["worker", "list", "--json"])
        #expect(list.status == 0 && list.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(list.stdout)")
        let verify = try Harness.run(["audit", "verify", "--db", db, "--user", "boss"], env: ["SKILLDESK_PASSWORD": "boss-pass-1"])
        #expect(verify.status == 0, "\(verify.stderr)")
    }

    /// Runs the binary under bash with `prelude` (ulimit, trap) before it.
    static func runLimited(_ prelude: String, _ args: [String]) throws -> Harness.Result {
        try Harness.runProgram("/bin/bash", ["/bin/bash", "-c", prelude, Harness.binary] + args,
                               environment: Spawn.environment(["SKILLDESK_PASSWORD": "ann-pass-12"]))
    }

    /// An unknown fund source was thrown past `Output.run`: ArgumentParser printed the Swift value
    /// and exited 1, a code the README does not list.
    @Test func anUnknownFundSourceIsAUsageErrorNotExit1() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for lang in ["en", "zh"] {
            let r = try Harness.run(["claim", "approve", "1", "--source", "bogus", "--db", db, "--user", "boss", "--lang", lang],
                                    env: ["SKILLDESK_PASSWORD": "boss-pass-1"])
            #expect(r.status == 64, "\(r.status): \(r.stderr)")
            #expect(!r.stderr.contains("usage(en:"), "\(r.stderr)")
            #expect(r.stderr.contains(lang == "en" ? "is not a fund source" : "不是资金来源"), "\(r.stderr)")
        }
    }

    @Test func claimApproveHelpSaysItCommitsInChunks() throws {
        let help = try Harness.run(["claim", "approve", "--help"])
        #expect(!help.stdout.contains("its own transaction"), "\(help.stdout)")
        #expect(help.stdout.contains("50"), "\(help.stdout)")
    }
}
