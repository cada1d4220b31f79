import Foundation
import SkillCore
import Testing

/// Journey (1) of issue 12 in tmux at 80×24: a clerk opens a returned claim from their list,
/// withdraws it with a reason, corrects the certificate it rested on (typed in full width, as an
/// input method gives it) from the worker's archive, and submits a new claim.
@Suite("Correcting mistakes, end to end", .serialized)
struct CorrectionJourneyTests {
    struct Listed: Decodable { let id: Int64; let status: String }
    struct Shown: Decodable {
        struct Entry: Decodable { let worker_id: String }
        let roster: [Entry]
    }
    struct Evaluated: Decodable {
        struct Outcome: Decodable { let rule: String; let result: String }
        let eligible: Bool
        let outcomes: [Outcome]
    }
    struct Claim: Decodable { let id: Int64; let status: String; let reason: String?; let worker_id: String }
    struct Cert: Decodable { let id: Int64; let number: String }

    @Test("a clerk withdraws a returned claim, corrects the certificate and submits a new claim",
          .enabled(if: Harness.tmuxUsable, "tmux is not installed: the TUI journey was skipped (CI installs it)"))
    func withdrawCorrectResubmit() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/demo.sqlite"
        let created = try Harness.run(["demo", "--db", db, "--no-tui", "--lang", "en"])
        #expect(created.status == 0, "demo failed: \(created.stderr)")
        let clerk = ["--db", db, "--user", "clerk1"], clerkEnv = ["SKILLDESK_PASSWORD": "clerk1-demo"]

        // A trainee of the completed class whose certificate number is also recorded for another
        // worker (the demo plants such a pair: W1).
        let classes = try JSONDecoder().decode([Listed].self, from: Data(try Harness.run(["class", "list", "--json"] + clerk, env: clerkEnv).stdout.utf8))
        let done = try #require(classes.first { $0.status == "completed" })
        let roster = try JSONDecoder().decode(Shown.self, from: Data(try Harness.run(["class", "show", String(done.id), "--json"] + clerk, env: clerkEnv).stdout.utf8))
        var worker: String?
        for w in roster.roster.map(\.worker_id) {
            let r = try Harness.run(["claim", "evaluate", "--worker", w, "--kind", "training", "--class", String(done.id), "--json"] + clerk, env: clerkEnv)
            let e = try JSONDecoder().decode(Evaluated.self, from: Data(r.stdout.utf8))
            if e.eligible && e.outcomes.contains(where: { $0.rule == "W1" && $0.result == "warn" }) { worker = w; break }
        }
        let w = try #require(worker, "no trainee with a shared certificate number in the demo")
        // Submitted, then returned by the supervisor because of it.
        #expect(try Harness.run(["claim", "new", "--worker", w, "--kind", "training", "--class", String(done.id)] + clerk, env: clerkEnv).status == 0)
        #expect(try Harness.run(["claim", "submit", "1"] + clerk, env: clerkEnv).status == 0)
        #expect(try Harness.run(["claim", "return", "1", "--reason", "证书编号与他人重复，请核对", "--db", db, "--user", "sup1"],
                                env: ["SKILLDESK_PASSWORD": "sup1-demo-1"]).status == 0)

        let t = try TmuxSession(command: "env LANG=C.UTF-8 TERM=xterm-256color \(Harness.binary) tui --db \(db) --lang zh; echo SKILLDESK-EXITED; sleep 60",
                                width: 80, height: 24)
        try ClaimJourneyTests.login(t, "clerk1", "clerk1-demo")
        try t.waitFor("退回 1 个")
        // My claims, F8 to the returned ones, open it: F6 withdraws after a reason.
        try t.press("6"); try t.waitFor("我的申请 · 草稿")
        try t.press("F8"); try t.waitFor("SD-")
        try t.press("Down"); try t.press("Enter")
        try t.waitFor("F6 撤回")
        try t.press("F6"); try t.waitFor("撤回申请（撤回后不能恢复）")
        try t.press("Enter"); try t.waitFor("须填写原因")
        try t.type("证书号录错，更正后重新申请"); try t.press("Enter")
        try t.waitFor("现为：已撤回")
        try t.waitFor("撤回：clerk1")
        try t.press("F3"); try t.waitFor("没有符合条件的申请")
        try t.press("F3"); try t.waitFor("当前用户")
        // The worker's archive: F7 corrects the certificate (typed in full width).
        try t.press("1"); try t.waitFor("查询")
        try t.type(w); try t.waitFor("第 1 页")
        try t.press("Down"); try t.press("6"); try t.press("Enter")
        try t.waitFor("F7 更正")
        try t.press("F7"); try t.waitFor("更正证书")
        try t.press("Tab"); try t.press("C-u")
        try t.type("S３２０１２０２６９９９９")
        try t.press("F2"); try t.waitFor("证书 S320120269999 已更正")
        // A new claim on the same class: the withdrawn one no longer holds the worker's place.
        try t.press("F8"); try t.waitFor("选择补贴类别")
        try t.type("training"); try t.press("Enter")
        try t.waitFor("可以申报")
        try t.press("F10"); try t.waitFor("等待审核")
        try t.press("F3"); try t.waitFor("培训档案")
        try t.press("F3"); try t.press("F3"); try t.waitFor("当前用户")
        try t.press("F3"); try t.waitFor("退出 SkillDesk？"); try t.press("Enter")
        try t.waitFor("SKILLDESK-EXITED")

        let old = try JSONDecoder().decode(Claim.self, from: Data(try Harness.run(["claim", "show", "1", "--json"] + clerk, env: clerkEnv).stdout.utf8))
        #expect(old.status == "withdrawn" && old.reason == "证书号录错，更正后重新申请")
        let new = try JSONDecoder().decode(Claim.self, from: Data(try Harness.run(["claim", "show", "2", "--json"] + clerk, env: clerkEnv).stdout.utf8))
        #expect(new.status == "submitted" && new.worker_id == w)
        let certs = try JSONDecoder().decode([Cert].self, from: Data(try Harness.run(["cert", "list", "--worker", w, "--json"] + clerk, env: clerkEnv).stdout.utf8))
        #expect(certs.map(\.number) == ["S320120269999"])
        let audit = try Harness.run(["audit", "verify", "--db", db, "--user", "admin"], env: ["SKILLDESK_PASSWORD": "admin-demo-1"])
        #expect(audit.status == 0, "audit verify: \(audit.stdout) \(audit.stderr)")
        let check = try Harness.run(["audit", "check", "--db", db, "--user", "admin"], env: ["SKILLDESK_PASSWORD": "admin-demo-1"])
        #expect(check.status == 0, "audit check: \(check.stdout) \(check.stderr)")
    }
}
