import Foundation
import SkillCore
import Testing

/// `claim evaluate` and `policy` as scripts use them: JSON keys and values, exit codes.
@Suite("Claim and policy commands")
struct ClaimCommandTests {
    static func clerk(_ db: String, _ args: [String]) throws -> Harness.Result {
        try CommandLineTests.clerk(db, args + ["--lang", "en"])
    }

    /// A class (1) with one worker who attended 8 of 10 hours and holds certificate S-1 from it.
    static func world() throws -> (dir: String, db: String, worker: String) {
        let (dir, db) = try CommandLineTests.setUp()
        #expect(try CatalogueCommandTests.addElectrician(db).status == 0)
        let first17 = "52320100MJ1234567"
        let code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        #expect(try CatalogueCommandTests.admin(db, ["institution", "add", "--code", code, "--name", "南京某培训学校",
                                                     "--kind", "private_school", "--may-train", "6-31-01-03:L4"]).status == 0)
        let worker = CommandLineTests.validID("32010219850612002")
        #expect(try clerk(db, ["worker", "add", "--id", worker, "--name", "欧阳娜娜", "--hukou", "320102", "--insured"]).status == 0)
        let shown = try clerk(db, ["worker", "show", worker, "--json"])
        #expect(shown.stdout.contains("\"unemployment_insured\":true"), "\(shown.stdout)")
        #expect(try clerk(db, ["worker", "show", worker]).stdout.contains("Unemp. insured yes"))
        #expect(try clerk(db, ["class", "add", "--institution", code, "--occupation", "6-31-01-03", "--level", "L4",
                               "--type", "employment", "--start", "2025-03-01", "--end", "2025-03-31", "--hours", "10"]).status == 0)
        #expect(try clerk(db, ["class", "enrol", "1", worker]).status == 0)
        #expect(try clerk(db, ["class", "start", "1"]).status == 0)
        #expect(try clerk(db, ["attend", "1", "--date", "2025-03-02", "--id", worker, "--hours", "8"]).status == 0)
        let cert = try clerk(db, ["cert", "add", "--worker", worker, "--type", "skill_level", "--number", "S-1",
                                  "--occupation", "6-31-01-03", "--level", "L4", "--date", "2025-04-01", "--class", "1"])
        #expect(cert.status == 0, "\(cert.stderr)")
        return (dir, db, worker)
    }

    @Test func evaluateJSON() throws {
        let (dir, db, worker) = try Self.world()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Self.clerk(db, ["claim", "evaluate", "--worker", worker, "--kind", "training", "--class", "1",
                                    "--as-of", "2025-06-01", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(Set(["eligible", "amount_fen", "computation", "profile", "outcomes"]).isSubset(of: Set(obj?.keys.map { $0 } ?? [])))
        #expect(obj?["eligible"] as? Bool == true)
        #expect(obj?["amount_fen"] as? Int == 150_000)
        #expect(obj?["profile"] as? String == "nanjing-2019")
        #expect((obj?["computation"] as? String)?.contains("¥1,500.00") == true)
        let outcomes = obj?["outcomes"] as? [[String: Any]] ?? []
        #expect(outcomes.count == 22)   // E1–E15, P1, P2, W1–W5
        for o in outcomes {
            #expect(Set(o.keys) == ["rule", "result", "clause", "message"])
            #expect(["pass", "fail", "warn", "n/a"].contains(o["result"] as? String ?? ""))
        }
        let e4 = outcomes.first { $0["rule"] as? String == "E4" }
        #expect(e4?["result"] as? String == "pass" && e4?["clause"] as? String == "003 二(三)10")
        #expect(outcomes.first { $0["rule"] as? String == "E14" }?["result"] as? String == "pass")

        // Not eligible is still exit 0: appraisal is not in Nanjing's profile (P1 fails).
        let appraisal = try Self.clerk(db, ["claim", "evaluate", "--worker", worker, "--kind", "appraisal", "--cert", "S-1", "--json"])
        #expect(appraisal.status == 0, "\(appraisal.stderr)")
        let a = try JSONSerialization.jsonObject(with: Data(appraisal.stdout.utf8)) as? [String: Any]
        #expect(a?["eligible"] as? Bool == false)
        #expect((a?["outcomes"] as? [[String: Any]])?.first { $0["rule"] as? String == "P1" }?["result"] as? String == "fail")

        // Text: amount, then the groups with clauses.
        let text = try Self.clerk(db, ["claim", "evaluate", "--worker", worker, "--kind", "training", "--class", "1", "--as-of", "2025-06-01"])
        #expect(text.status == 0 && text.stdout.contains("Amount: ¥1,500.00 · eligible") && text.stdout.contains("[003 二(三)10]"))
    }

    @Test func evaluateExitCodes() throws {
        let (dir, db, worker) = try Self.world()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let base = ["claim", "evaluate", "--worker", worker]
        #expect(try Self.clerk(db, base + ["--kind", "lottery", "--class", "1"]).status == 64)
        #expect(try Self.clerk(db, base + ["--kind", "training", "--class", "1", "--as-of", "June"]).status == 64)
        #expect(try Self.clerk(db, base + ["--kind", "training", "--class", "x"]).status == 64)
        #expect(try Self.clerk(db, base + ["--kind", "training", "--class", "9"]).status == 66)
        #expect(try Self.clerk(db, base + ["--kind", "training", "--class", "1", "--cert", "NOPE"]).status == 66)
        let stranger = CommandLineTests.validID("32010219850612003")
        #expect(try Self.clerk(db, ["claim", "evaluate", "--worker", stranger, "--kind", "training", "--class", "1"]).status == 66)
        let noClass = try Self.clerk(db, base + ["--kind", "training"])
        // The message is shared with the TUI: it names the input (the class number), not a flag (issue 12).
        #expect(noClass.status == 65 && noClass.stderr.contains("name the class number"), "\(noClass.stderr)")
        #expect(try Self.clerk(db, base + ["--kind", "prepayment", "--class", "1", "--prepay-percent", "0"]).status == 65)
        // An auditor may evaluate; a wrong password may not.
        let wrong = try Harness.run(base + ["--kind", "training", "--class", "1", "--db", db, "--user", "ann"],
                                    env: ["SKILLDESK_PASSWORD": "wrong-password"])
        #expect(wrong.status == 77)
    }

    @Test func policyListShowUse() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let list = try Self.clerk(db, ["policy", "list", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.map { $0["name"] as? String ?? "" } == ["nanjing-2019", "yancheng-2019", "wuxi-2015", "nantong-2017", "nantong-draft"])
        #expect(rows.filter { $0["active"] as? Bool == true }.map { $0["name"] as? String } == ["nanjing-2019"])
        #expect(rows.first?["seed"] as? String == "003")
        let text = try Self.clerk(db, ["policy", "list"])
        #expect(text.stdout.split(separator: "\n").first?.hasPrefix("* nanjing-2019") == true)

        let show = try Self.clerk(db, ["policy", "show", "nanjing-2019"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("trainings_per_year") && show.stdout.contains("003 二(三)10"))
        #expect(show.stdout.contains("per_day") && show.stdout.contains("30.00") && show.stdout.contains("demo"))
        let showJSON = try Self.clerk(db, ["policy", "show", "nanjing-2019", "--json"])
        let obj = try JSONSerialization.jsonObject(with: Data(showJSON.stdout.utf8)) as? [String: Any]
        let numbers = obj?["numbers"] as? [[String: Any]] ?? []
        let l4 = numbers.first { $0["section"] as? String == "apprenticeship" && $0["key"] as? String == "L4" }
        #expect(l4?["fen"] as? Int == 400_000 && l4?["source"] as? String == "003 二(一)1")
        #expect(numbers.allSatisfy { ($0["source"] as? String).map { $0 == "demo" || $0.hasPrefix("003 ") } == true })
        #expect(try Self.clerk(db, ["policy", "show", "atlantis"]).status == 64)

        // Only an administrator changes it.
        #expect(try Self.clerk(db, ["policy", "use", "wuxi-2015"]).status == 77)
        let use = try CatalogueCommandTests.admin(db, ["policy", "use", "wuxi-2015"])
        #expect(use.status == 0, "\(use.stderr)")
        let after = try JSONSerialization.jsonObject(with: Data(try Self.clerk(db, ["policy", "list", "--json"]).stdout.utf8)) as? [[String: Any]] ?? []
        #expect(after.filter { $0["active"] as? Bool == true }.map { $0["name"] as? String } == ["wuxi-2015"])
        let audit = try CatalogueCommandTests.admin(db, ["audit", "show", "--entity", "settings", "--key", "policy"])
        #expect(audit.stdout.contains("boss  policy.use") && audit.stdout.contains("wuxi-2015"))
        #expect(try CatalogueCommandTests.admin(db, ["policy", "use", "atlantis"]).status == 64)
    }

    @Test func initWithAPolicy() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = try Harness.run(["init", "--admin", "boss", "--db", dir + "/bad.sqlite", "--policy", "atlantis", "--lang", "en"],
                                  env: ["SKILLDESK_PASSWORD": "boss-pass-1"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("nanjing-2019") && bad.stderr.contains("wuxi-2015"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/bad.sqlite"))
        let db = dir + "/w.sqlite"
        let ok = try Harness.run(["init", "--admin", "boss", "--db", db, "--policy", "wuxi-2015"], env: ["SKILLDESK_PASSWORD": "boss-pass-1"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let list = try CatalogueCommandTests.admin(db, ["policy", "list"])
        #expect(list.stdout.contains("* wuxi-2015"))
    }
}
