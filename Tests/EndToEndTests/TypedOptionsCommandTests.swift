import Foundation
import SkillCore
import SkillDesk
import Testing

/// Issue 11, item 3 on the command line: options that take a closed set of values are typed —
/// `--help` lists the values, a wrong value exits 64 naming the valid ones in the user's language —
/// and every `--json` answer is an `Encodable` type whose keys (and nulls) stay as they were.
@Suite("Typed options and JSON outputs")
struct TypedOptionsCommandTests {
    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static func codes<T: CaseIterable & RawRepresentable>(_: T.Type) -> [String] where T.RawValue == String {
        T.allCases.map(\.rawValue)
    }

    @Test func helpListsTheValuesOfEveryTypedOption() throws {
        let cases: [([String], [String])] = [
            (["claim", "evaluate"], Self.codes(SubsidyKind.self)),
            (["claim", "new"], Self.codes(SubsidyKind.self)),
            (["claim", "list"], Self.codes(ClaimStatus.self) + Self.codes(SubsidyKind.self) + ["yes", "no"]),
            (["claim", "recheck"], Self.codes(ClaimStatus.self)),
            (["claim", "approve"], Self.codes(FundSource.self)),
            (["claim", "reject"], Self.codes(RejectReason.self)),
            (["fund", "allocate"], Self.codes(FundSource.self)),
            (["payment", "export"], ["utf8-bom", "gb18030"]),
            (["calendar", "set"], ["holiday", "workday", "normal"]),
            (["user", "add"], Self.codes(Role.self)),
            (["worker", "add"], Self.codes(EmploymentStatus.self) + Self.codes(Disability.self) + Self.codes(TargetGroup.self)),
            (["worker", "import"], ["auto", "utf-8", "gb18030"]),
            (["class", "add"], Self.codes(SkillLevel.self) + Self.codes(TrainingType.self)),
            (["cert", "add"], Self.codes(CertificateType.self) + Self.codes(SkillLevel.self)),
            (["cert", "show"], Self.codes(CertificateType.self)),
            (["institution", "add"], Self.codes(InstitutionKind.self) + Self.codes(CreditGrade.self)),
            (["init"], PolicyLibrary.names),
            (["tui"], ["zh", "en"]),
        ]
        for (command, values) in cases {
            let r = try Harness.run(command + ["--help"])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            let text = r.stdout.replacingOccurrences(of: "\n", with: " ")
            for v in values {
                #expect(text.contains(v), "\(command) --help does not list \(v):\n\(r.stdout)")
            }
        }
    }

    @Test func aWrongValueExits64NamingTheValidOnesInTheUsersLanguage() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/never.sqlite"
        let cases: [(args: [String], option: String, bad: String, valid: [String])] = [
            (["claim", "evaluate", "--worker", "x", "--kind", "lottery"], "--kind", "lottery", Self.codes(SubsidyKind.self)),
            (["claim", "list", "--status", "nonsense"], "--status", "nonsense", Self.codes(ClaimStatus.self)),
            (["claim", "list", "--warnings", "maybe"], "--warnings", "maybe", ["yes", "no"]),
            (["claim", "approve", "1", "--source", "bogus"], "--source", "bogus", Self.codes(FundSource.self)),
            (["claim", "reject", "1", "--code", "nope", "--reason", "x"], "--code", "nope", Self.codes(RejectReason.self)),
            (["payment", "export", "PB1", "--format", "latin1", "--out", dir + "/x.csv"], "--format", "latin1", ["utf8-bom", "gb18030"]),
            (["calendar", "set", "2025-01-01", "--kind", "party"], "--kind", "party", ["holiday", "workday", "normal"]),
            (["user", "add", "x", "--role", "king"], "--role", "king", Self.codes(Role.self)),
            (["worker", "add", "--id", "x", "--name", "x", "--employment", "astronaut"], "--employment", "astronaut",
             Self.codes(EmploymentStatus.self)),
            (["worker", "add", "--id", "x", "--name", "x", "--group", "unemployed;pirates"], "--group", "unemployed;pirates",
             Self.codes(TargetGroup.self)),
            (["worker", "import", dir + "/w.csv", "--encoding", "latin1"], "--encoding", "latin1", ["auto", "utf-8", "gb18030"]),
            (["class", "add", "--institution", "x", "--occupation", "x", "--level", "L9", "--type", "employment",
              "--start", "2025-01-01", "--end", "2025-01-02", "--hours", "1"], "--level", "L9", Self.codes(SkillLevel.self)),
            (["institution", "add", "--code", "x", "--name", "x", "--kind", "enterprise", "--grade", "E"], "--grade", "E",
             Self.codes(CreditGrade.self)),
            (["cert", "show", "S-1", "--type", "diploma"], "--type", "diploma", Self.codes(CertificateType.self)),
            (["worker", "list", "--lang", "fr"], "--lang", "fr", ["zh", "en"]),
        ]
        for c in cases {
            let en = try Harness.run(c.args + ["--db", db, "--user", "ann"] + (c.option == "--lang" ? [] : ["--lang", "en"]),
                                     env: ["SKILLDESK_PASSWORD": "x", "LANG": "C.UTF-8"])
            #expect(en.status == 64, "\(c.args): \(en.status) \(en.stderr)")
            #expect(en.stdout.isEmpty)
            #expect(en.stderr.contains("error: \(c.option) '\(c.bad)' is not"), "\(c.args): \(en.stderr)")
            #expect(c.valid.allSatisfy { en.stderr.contains($0) }, "\(c.args): \(en.stderr)")
            #expect(!en.stderr.contains("Usage:"), "ArgumentParser's English text, not ours: \(en.stderr)")

            // Chinese from --lang, or from LANG when --lang is the bad option.
            let zh = try Harness.run(c.args + ["--db", db, "--user", "ann"] + (c.option == "--lang" ? [] : ["--lang", "zh"]),
                                     env: ["SKILLDESK_PASSWORD": "x", "LANG": "zh_CN.UTF-8"])
            #expect(zh.status == 64, "\(c.args): \(zh.status) \(zh.stderr)")
            #expect(zh.stderr.contains("错误：\(c.option) “\(c.bad)”不是"), "\(c.args): \(zh.stderr)")
            #expect(c.valid.allSatisfy { zh.stderr.contains($0) }, "\(c.args): \(zh.stderr)")

            // With --json the refusal is the usual JSON error on stderr.
            let js = try Harness.run(c.args + ["--db", db, "--user", "ann", "--json"] + (c.option == "--lang" ? [] : ["--lang", "en"]),
                                     env: ["SKILLDESK_PASSWORD": "x", "LANG": "C.UTF-8"])
            #expect(js.status == 64 && js.stdout.isEmpty, "\(c.args): \(js.stderr)")
            let obj = try JSONSerialization.jsonObject(with: Data(js.stderr.utf8)) as? [String: [String: String]]
            #expect(obj?["error"]?["code"] == "usage", "\(c.args): \(js.stderr)")
            #expect(obj?["error"]?["message"]?.contains("is not") == true, "\(c.args): \(js.stderr)")
        }
        // Refused while parsing: nothing was opened, let alone written.
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// The codes in any case, the Chinese labels and the old spellings still parse.
    @Test func aliasesStillParse() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CommandLineTests.clerk(db, ["claim", "list", "--status", ClaimStatus.submitted.label(.zh),
                                                "--kind", SubsidyKind.training.label(.zh), "--warnings", "0", "--lang", "ZH", "--json"])
        #expect(r.status == 0 && r.stdout == "[]\n", "\(r.stdout) \(r.stderr)")
        let upper = try CommandLineTests.clerk(db, ["claim", "list", "--status", "ON-NOTICE", "--kind", "TRAINING", "--json"])
        #expect(upper.status == 0, "\(upper.stderr)")
    }

    /// `claim new` and `claim show` keep their keys: the row's empty fields are `null`, not missing;
    /// what only `claim show` has is missing from `claim new`.
    @Test func claimJSONKeepsItsNullsAndItsKeys() throws {
        let w = try ClaimCLIWorld(trainees: 2, fundFen: 0, unclaimed: 1)
        defer { w.cleanup() }
        let n = try w.run("ann", ["claim", "new", "--worker", w.workers[1], "--kind", "training", "--class", "1", "--json"])
        #expect(n.status == 0, "\(n.stderr)")
        let row = ["id", "status", "amount_fen", "worker_id", "kind", "class_id", "prepared_by", "submitted_by", "submitted_at",
                   "decided_by", "decided_at", "note", "reason", "reject_code", "notice_published_on", "notice_end_on",
                   "fund_year", "fund_source", "batch", "warning_count", "clawback_due_fen", "recovered_fen", "claim_number"]
        let nj = w.json(n)
        #expect(Set(nj.keys) == Set(row + ["eligible", "outcomes"]), "\(nj.keys.sorted())")
        for key in ["submitted_by", "decided_by", "reject_code", "fund_year", "fund_source", "batch"] {
            #expect(nj[key] is NSNull, "\(key): \(String(describing: nj[key]))")
        }
        let id = nj["id"] as? Int ?? 0
        let s = w.json(try w.run("ann", ["claim", "show", String(id), "--json"]))
        #expect(Set(s.keys) == Set(row + ["eligible", "outcomes", "worker_name", "evidence_changes", "history"]), "\(s.keys.sorted())")
        let h = (s["history"] as? [[String: Any]])?.first
        #expect(h.map { Set($0.keys) } == ["seq", "at", "user", "action", "before", "after"], "\(String(describing: h))")
        #expect(h?["before"] is NSNull)
    }

    /// No JSON is built by hand in the command line: no `[String: Any]`, no JSONSerialization.
    @Test func theCommandLineBuildsNoJSONByHand() throws {
        let dir = Self.packageRoot + "/Sources/skilldesk"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10)
        for f in files {
            let text = try String(contentsOfFile: dir + "/" + f, encoding: .utf8)
            for banned in ["[String: Any]", "[String:Any]", "JSONSerialization", "NSNull"] {
                #expect(!text.contains(banned), "\(f) contains \(banned)")
            }
        }
    }
}
