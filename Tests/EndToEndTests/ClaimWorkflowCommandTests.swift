import Foundation
import SkillCore
import SkillDesk
import DeskTestSupport
import Testing

/// A training database (business date 2025-06-01) with a class, `n` trainees who completed it with
/// a certificate and a bank account, each with a submitted claim of ¥1,500.00; users boss (admin),
/// ann (clerk), sup1–sup4 (supervisors), fin1–fin2 (finance), both (clerk + supervisor).
struct ClaimCLIWorld {
    static let today = "2025-06-01"
    let dir: String
    let db: String
    let claims: [Int64]
    let workers: [String]
    let desk: Desk

    init(trainees n: Int, fundFen: Int64, bothPrepares: Int = 0, unclaimed: Int = 0) throws {
        dir = Harness.tempDir()
        db = dir + "/t.sqlite"
        let r = try Harness.run(["init", "--admin", "boss", "--db", db, "--password-stdin", "--training"], stdin: "boss-pass-1\n")
        guard r.status == 0 else { throw CLIWorldError.setup("init: \(r.stderr)") }
        #expect(try CatalogueCommandTests.addElectrician(db).status == 0)
        let first17 = "52320100MJ1234567"
        let code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        #expect(try CatalogueCommandTests.admin(db, ["institution", "add", "--code", code, "--name", "南京某培训学校",
                                                     "--kind", "private_school", "--may-train", "6-31-01-03:L4"]).status == 0)
        desk = try Desk.open(path: db, environment: ["SKILLDESK_TODAY": Self.today])
        let admin = try desk.login(name: "boss", password: "boss-pass-1")
        for (name, roles) in [("ann", [Role.clerk]), ("sup1", [.supervisor]), ("sup2", [.supervisor]), ("sup3", [.supervisor]),
                              ("sup4", [.supervisor]), ("fin1", [.finance]), ("fin2", [.finance]), ("both", [.clerk, .supervisor])] {
            try admin.addUser(name: name, roles: roles, password: name + "-pass-12")
        }
        let clerk = try desk.login(name: "ann", password: "ann-pass-12")
        let both = try desk.login(name: "both", password: "both-pass-12")
        let scenario = Scenario(clerk: clerk)
        var ids: [String] = []
        for i in 0..<n {
            let id = CommandLineTests.validID("320102198506" + String(format: "%05d", 12_000 + i))
            _ = try clerk.register(WorkerDraft(id: id, name: "欧阳娜娜", hukouRegion: "320102", employment: .unemployed))
            try clerk.setBankAccount(workerID: id, account: "1234567890" + String(format: "%04d", i))
            ids.append(id)
        }
        let classID = try scenario.runningClass(Scenario.classDraft(institution: code), enrolling: ids)
        var made: [Int64] = []
        let claimed = n - unclaimed
        for (i, id) in ids.enumerated() {
            try scenario.attend(classID, id, on: "2025-03-03")
            try scenario.certify(id, number: "S-\(i)", classID: classID)
            if i >= claimed { continue }
            let maker = i >= claimed - bothPrepares ? both : clerk
            made.append(try scenario.submittedClaim(id, classID: classID, by: maker).id)
        }
        if fundFen > 0 { try admin.allocateFund(year: 2025, source: .employmentSubsidy, amountFen: fundFen) }
        workers = ids
        claims = made
    }

    func run(_ user: String, _ args: [String], today: String = ClaimCLIWorld.today) throws -> Harness.Result {
        try Harness.run(args + ["--db", db, "--user", user, "--lang", "en"],
                        env: ["SKILLDESK_PASSWORD": user == "boss" ? "boss-pass-1" : user + "-pass-12", "SKILLDESK_TODAY": today])
    }

    func json(_ r: Harness.Result) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
    }

    func cleanup() { try? FileManager.default.removeItem(atPath: dir) }
}

enum CLIWorldError: Error { case setup(String) }

@Suite("Claims workflow commands")
struct ClaimWorkflowCommandTests {
    @Test func jsonKeysAndExitCodes() throws {
        let w = try ClaimCLIWorld(trainees: 5, fundFen: 350_000, bothPrepares: 1, unclaimed: 1)
        defer { w.cleanup() }
        // claim new: a draft with the evaluation.
        let n = try w.run("ann", ["claim", "new", "--worker", w.workers[4], "--kind", "training", "--class", "1", "--json"])
        #expect(n.status == 0, "\(n.stderr)")
        let nj = w.json(n)
        #expect(Set(["id", "status", "amount_fen", "eligible", "outcomes"]).isSubset(of: Set(nj.keys)))
        #expect(nj["status"] as? String == "draft" && nj["amount_fen"] as? Int == 150_000)
        let draft = Int64(nj["id"] as? Int ?? 0)
        #expect(nj["eligible"] as? Bool == true && (nj["outcomes"] as? [Any])?.count == 22)
        // A second claim of the same kind on the same class: 73, naming the first.
        let dup = try w.run("ann", ["claim", "new", "--worker", w.workers[4], "--kind", "training", "--class", "1"])
        #expect(dup.status == 73 && dup.stderr.contains("already has claim \(ClaimNumber.format(year: 2025, serial: Int(draft)))"), "\(dup.stderr)")
        #expect(w.json(try w.run("ann", ["claim", "submit", String(draft), "--json"]))["status"] as? String == "submitted")
        // Roles and maker-checker: 77.
        #expect(try w.run("ann", ["claim", "approve", String(w.claims[0])]).status == 77)
        #expect(try w.run("fin1", ["claim", "reject", String(w.claims[0]), "--code", "other", "--reason", "x"]).status == 77)
        let own = try w.run("both", ["claim", "approve", String(w.claims[3]), "--json"])
        #expect(own.status == 77 && own.stderr.contains("maker_checker"), "\(own.stderr)")
        // Bad input: 64/65; unknown claim: 66.
        #expect(try w.run("sup1", ["claim", "reject", String(w.claims[0]), "--code", "nope", "--reason", "x"]).status == 64)
        #expect(try w.run("sup1", ["claim", "return", String(w.claims[0]), "--reason", " "]).status == 65)
        #expect(try w.run("sup1", ["claim", "approve", "9999"]).status == 66)
        // Approve, and the loser of the second approval is told who did it: 73.
        let a = try w.run("sup1", ["claim", "approve", String(w.claims[0]), "--note", "ok", "--json"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(w.json(a)["status"] as? String == "on_notice")
        let again = try w.run("sup2", ["claim", "approve", String(w.claims[0])])
        #expect(again.status == 73 && again.stderr.contains("already approved by sup1"), "\(again.stderr)")
        // Short fund: 73 with yuan.
        _ = try w.run("sup1", ["claim", "approve", String(w.claims[1])])
        let short = try w.run("sup1", ["claim", "approve", String(w.claims[2])])
        #expect(short.status == 73 && short.stderr.contains("¥500.00") && short.stderr.contains("¥1,500.00"), "\(short.stderr)")
        // show: prepared_by, decided_by, history; audit show works for claims.
        let s = try w.run("sup1", ["claim", "show", String(w.claims[0]), "--json"])
        let sj = w.json(s)
        #expect(sj["prepared_by"] as? String == "ann" && sj["decided_by"] as? String == "sup1")
        #expect((sj["history"] as? [[String: Any]])?.map { $0["action"] as? String ?? "" }
                == ["claim.create", "claim.submit", "claim.approve", "claim.publish_notice"])
        let audit = try w.run("boss", ["audit", "show", "--entity", "claim", "--key", String(w.claims[0]), "--json"])
        let auditRows = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [Any]
        #expect(audit.status == 0 && auditRows?.count == 4)
        // fund show keys.
        let f = w.json(try w.run("boss", ["fund", "show", "--year", "2025", "--json"]))
        #expect(f["allocated_fen"] as? Int == 350_000 && f["reserved_fen"] as? Int == 300_000 && f["paid_fen"] as? Int == 0)
        #expect(f["recovered_fen"] as? Int == 0 && f["balance_fen"] as? Int == 50_000)
        // notice list is masked.
        let notice = try w.run("ann", ["notice", "list", "--json"])
        let rows = (try JSONSerialization.jsonObject(with: Data(notice.stdout.utf8)) as? [[String: Any]]) ?? []
        #expect(rows.count == 2 && rows[0]["name"] as? String == "欧**娜" && (rows[0]["resident_id"] as? String)?.contains("**********") == true)
        // A live database refuses SKILLDESK_TODAY.
        let live = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: live.dir) }
        let refused = try Harness.run(["claim", "list", "--db", live.db, "--user", "ann", "--lang", "en"],
                                      env: ["SKILLDESK_PASSWORD": "ann-pass-12", "SKILLDESK_TODAY": "2025-06-01"])
        #expect(refused.status == 73 && refused.stderr.contains("live database"), "\(refused.stderr)")
        // And the batch test hook.
        let hook = try Harness.run(["claim", "list", "--db", live.db, "--user", "ann", "--lang", "en"],
                                   env: ["SKILLDESK_PASSWORD": "ann-pass-12", "SKILLDESK_TEST_STEP_DELAY_MS": "20"])
        #expect(hook.status == 73 && hook.stderr.contains("test hook"), "\(hook.stderr)")
    }

    /// `claim recheck`: every pending claim evaluated again and nothing written; judged a year and
    /// a half later, past the claim window after the certificate, every one fails E3; bad flags 64.
    @Test func recheckListsTheClaimsThatNowFail() throws {
        let w = try ClaimCLIWorld(trainees: 3, fundFen: 0)
        defer { w.cleanup() }
        let before = try w.run("sup1", ["claim", "list", "--json"]).stdout
        let first = try w.run("sup1", ["claim", "recheck", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let a = w.json(first)
        #expect(Set(["status", "as_of", "profile", "evaluated", "eligible", "failing", "amount_changed", "refused"]).isSubset(of: Set(a.keys)))
        #expect(a["evaluated"] as? Int == 3 && a["eligible"] as? Int == 3 && (a["failing"] as? [Any])?.isEmpty == true)
        #expect(a["as_of"] as? String == ClaimCLIWorld.today && a["profile"] as? String == "nanjing-2019")
        let later = w.json(try w.run("sup1", ["claim", "recheck", "--json", "--readers", "2", "--as-of", "2026-12-01"]))
        let failing = later["failing"] as? [[String: Any]] ?? []
        #expect(failing.compactMap { $0["id"] as? Int } == w.claims.map { Int($0) }, "\(later)")
        #expect(failing.allSatisfy { ($0["rules"] as? [String])?.contains("E3") == true }, "\(later)")
        // Each entry names its claim and worker (as the TUI's result screen lists them).
        for f in failing {
            let id = f["id"] as? Int ?? -1
            #expect((f["number"] as? String)?.range(of: #"^SD-20\d\d-\d{6}$"#, options: .regularExpression) != nil
                    && (f["number"] as? String)?.hasSuffix(String(format: "%06d", id)) == true, "\(f)")
            #expect(f["kind"] as? String == "training" && (f["worker_name"] as? String)?.isEmpty == false
                    && (f["worker_id"] as? String)?.count == 18, "\(f)")
        }
        #expect(later["eligible"] as? Int == 0)
        let text = try w.run("sup1", ["claim", "recheck", "--as-of", "2026-12-01"])
        #expect(text.status == 0 && text.stdout.contains("0 still eligible, 3 now failing") && text.stdout.contains("#\(w.claims[0]) SD-2025-\(String(format: "%06d", w.claims[0])) 欧阳娜娜  fails: "),
                "\(text.stdout)")
        #expect(try w.run("sup1", ["claim", "list", "--json"]).stdout == before)   // nothing was written
        #expect(try w.run("sup1", ["claim", "recheck", "--readers", "0"]).status == 64)
        #expect(try w.run("sup1", ["claim", "recheck", "--status", "nonsense"]).status == 64)
        #expect(try w.run("sup1", ["claim", "recheck", "--as-of", "2025-02-30"]).status == 64)
    }

    /// `payee set|list`: clerks record an organisation's account (masked everywhere), finance may
    /// not (77), a bad account or code is 65.
    @Test func payeeAccountsOnTheCommandLine() throws {
        let w = try ClaimCLIWorld(trainees: 1, fundFen: 0)
        defer { w.cleanup() }
        let first17 = "52320100MJ1234567"
        let code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        let set = try w.run("ann", ["payee", "set", "--code", code, "--name", "南京某培训学校", "--account", "110100000000123456", "--json"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(w.json(set)["bank_account"] as? String == "**************3456" && w.json(set)["name"] as? String == "南京某培训学校")
        #expect(try w.run("fin1", ["payee", "set", "--code", code, "--name", "x", "--account", "110100000000123456"]).status == 77)
        #expect(try w.run("ann", ["payee", "set", "--code", code, "--name", "x", "--account", "11-ab"]).status == 65)
        #expect(try w.run("ann", ["payee", "set", "--code", "123", "--name", "x", "--account", "110100000000123456"]).status == 65)
        let list = try w.run("fin1", ["payee", "list", "--json"])
        let rows = (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]) ?? []
        #expect(rows.count == 1 && rows[0]["code"] as? String == code && !(list.stdout.contains("110100000000123456")))
    }

    @Test func paymentBatchExportAndReconcile() throws {
        let w = try ClaimCLIWorld(trainees: 2, fundFen: 1_000_000)
        defer { w.cleanup() }
        #expect(try w.run("sup1", ["claim", "approve", String(w.claims[0]), String(w.claims[1])]).status == 0)
        let later = "2025-07-01"
        let b = try w.run("fin1", ["payment", "batch", "--json"], today: later)
        #expect(b.status == 0, "\(b.stderr)")
        let bj = w.json(b)
        #expect(bj["count"] as? Int == 2 && bj["total_fen"] as? Int == 300_000)
        let batch = bj["batch"] as? String ?? ""
        #expect(batch == "PB20250701-001")
        let out = w.dir + "/bank.csv"
        #expect(try w.run("fin1", ["payment", "export", batch, "--format", "gb18030", "--out", out], today: later).status == 0)
        let utf8 = w.dir + "/bank-utf8.csv"
        #expect(try w.run("fin1", ["payment", "export", batch, "--format", "utf8-bom", "--out", utf8], today: later).status == 0)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: utf8)), as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}批次号"))
        let gb = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(String(validating: gb, as: UTF8.self) == nil)          // really GB18030
        let lines = text.components(separatedBy: "\r\n").dropFirst(3).filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(lines.count == 2)
        let result = "\(lines[0][4]),成功,\(lines[0][3]),\r\n\(lines[1][4]),失败,\(lines[1][3]),户名不符\r\n"
        let rf = w.dir + "/result.csv"
        try Data(result.utf8).write(to: URL(fileURLWithPath: rf))
        let r = try w.run("fin1", ["payment", "reconcile", batch, rf, "--json"], today: later)
        #expect(r.status == 0, "\(r.stderr)")
        #expect((w.json(r)["paid"] as? [Int])?.count == 1 && (w.json(r)["failed"] as? [Int])?.count == 1)
        let f = w.json(try w.run("boss", ["fund", "show", "--year", "2025", "--json"]))
        #expect(f["paid_fen"] as? Int == 150_000 && f["reserved_fen"] as? Int == 150_000 && f["balance_fen"] as? Int == 700_000)
        // The failed one is payable again, out of the batch, with the bank's reason.
        let failedID = (w.json(r)["failed"] as? [Int])?.first ?? 0
        let s = w.json(try w.run("fin1", ["claim", "show", String(failedID), "--json"], today: later))
        #expect(s["status"] as? String == "payable" && s["reason"] as? String == "户名不符" && s["batch"] is NSNull)
    }

    @Test func returnRejectObjectClawbackRecoverAndClassClaims() throws {
        let w = try ClaimCLIWorld(trainees: 4, fundFen: 1_000_000, unclaimed: 2)
        defer { w.cleanup() }
        let a = String(w.claims[0]), b = String(w.claims[1])
        // One draft per trainee of the class: the two without a claim get one, the others are reported.
        let cls = try w.run("ann", ["claim", "new", "--class", "1", "--kind", "training", "--json"])
        #expect(cls.status == 0, "\(cls.stderr)")
        #expect((w.json(cls)["created"] as? [Any])?.count == 2 && (w.json(cls)["skipped"] as? [Any])?.count == 2)
        // Return (reason), submit again, reject with a code: final.
        let r = w.json(try w.run("sup1", ["claim", "return", a, "--reason", "补充材料", "--json"]))
        #expect(r["status"] as? String == "returned" && r["reason"] as? String == "补充材料")
        #expect(try w.run("ann", ["claim", "submit", a]).status == 0)
        #expect(try w.run("sup1", ["claim", "reject", a, "--code", "forged_evidence"]).status == 64)   // --reason missing
        let j = w.json(try w.run("sup1", ["claim", "reject", a, "--code", "forged_evidence", "--reason", "证书系伪造", "--json"]))
        #expect(j["status"] as? String == "rejected" && j["reject_code"] as? String == "forged_evidence")
        #expect(try w.run("ann", ["claim", "submit", a]).status == 73)
        // Objection during the notice: back to submitted, money released.
        #expect(try w.run("sup2", ["claim", "approve", b]).status == 0)
        #expect(try w.run("sup2", ["claim", "object", b, "--reason", "x"]).status == 77)     // clerks record objections
        let o = w.json(try w.run("ann", ["claim", "object", b, "--reason", "群众举报", "--json"]))
        #expect(o["status"] as? String == "submitted")
        #expect(w.json(try w.run("boss", ["fund", "show", "--year", "2025", "--json"]))["reserved_fen"] as? Int == 0)
        // Approve again, pay, claw back, recover.
        #expect(try w.run("sup2", ["claim", "approve", b]).status == 0)
        let later = "2025-07-01"
        let batch = w.json(try w.run("fin1", ["payment", "batch", "--json"], today: later))["batch"] as? String ?? ""
        let file = w.dir + "/b.csv"
        #expect(try w.run("fin1", ["payment", "export", batch, "--out", file], today: later).status == 0)
        let attrs = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
        let line = String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
            .components(separatedBy: "\r\n")[3].components(separatedBy: ",")
        let rf = w.dir + "/r.csv"
        try Data("\(line[4]),成功,\(line[3]),\r\n".utf8).write(to: URL(fileURLWithPath: rf))
        #expect(try w.run("fin1", ["payment", "reconcile", batch, rf], today: later).status == 0)
        #expect(try w.run("fin1", ["claim", "clawback", b, "--reason", "x"], today: later).status == 77)
        #expect(try w.run("sup1", ["claim", "clawback", b, "--reason", "骗取补贴"], today: later).status == 0)
        #expect(try w.run("fin1", ["claim", "recover", b, "--amount-fen", "50000"], today: later).status == 0)
        let done = w.json(try w.run("fin1", ["claim", "recover", b, "--json"], today: later))
        #expect(done["status"] as? String == "recovered" && done["recovered_fen"] as? Int == 150_000)
        let f = w.json(try w.run("boss", ["fund", "show", "--year", "2025", "--json"]))
        #expect(f["paid_fen"] as? Int == 150_000 && f["recovered_fen"] as? Int == 150_000 && f["balance_fen"] as? Int == 1_000_000)
        let history = (w.json(try w.run("boss", ["claim", "show", b, "--json"]))["history"] as? [[String: Any]] ?? []).map { $0["action"] as? String ?? "" }
        #expect(history == ["claim.create", "claim.submit", "claim.approve", "claim.publish_notice", "claim.object", "claim.approve",
                            "claim.publish_notice", "claim.end_notice", "claim.batch", "claim.pay", "claim.clawback",
                            "claim.recover_part", "claim.recover"])
        #expect(try w.run("boss", ["audit", "verify"]).status == 0)
    }

    @Test func workerBankAccountIsCheckedAndAuditedMasked() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let id = CommandLineTests.validID("32010219850612002")
        // A UnionPay card with a wrong check digit: refused, nothing registered.
        let bad = try CommandLineTests.clerk(db, ["worker", "add", "--id", id, "--name", "欧阳娜娜", "--bank-account", "6222021234567890123", "--lang", "en"])
        #expect(bad.status == 65 && bad.stderr.contains("--bank-account"), "\(bad.stderr)")
        #expect(try CommandLineTests.clerk(db, ["worker", "show", id]).status == 66)
        let ok = try CommandLineTests.clerk(db, ["worker", "add", "--id", id, "--name", "欧阳娜娜", "--bank-account", "6222 0212 3456 7890 128"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try CommandLineTests.clerk(db, ["worker", "update", id, "--bank-account", "123"]).status == 65)
        #expect(try CommandLineTests.clerk(db, ["worker", "update", id, "--bank-account", "1234 5678 9012 3"]).status == 0)
        let audit = try Harness.run(["audit", "show", "--entity", "worker", "--key", id, "--db", db, "--user", "boss", "--json"],
                                    env: ["SKILLDESK_PASSWORD": "boss-pass-1"])
        #expect(audit.stdout.contains("*********0123") && !audit.stdout.contains("1234567890123") && !audit.stdout.contains("6222021234567890128"))
    }
}
