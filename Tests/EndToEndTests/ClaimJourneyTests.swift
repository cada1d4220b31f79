import Foundation
import SkillCore
import Testing

@Suite("Claims, end to end", .serialized)
struct ClaimJourneyTests {
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
    struct Claim: Decodable {
        let id: Int64; let status: String; let prepared_by: String; let decided_by: String?; let reason: String?
        let claim_number: String
    }
    struct Batch: Decodable { let batch: String; let count: Int; let total_fen: Int64 }

    /// A UnionPay card number with a valid Luhn check digit.
    static let card: String = {
        let body = "622202020011234567"
        var sum = 0
        for (i, c) in body.reversed().enumerated() {
            var n = Int(String(c))!
            if i % 2 == 0 { n *= 2; if n > 9 { n -= 9 } }
            sum += n
        }
        return body + String((10 - sum % 10) % 10)
    }()

    static func tui(_ db: String) throws -> TmuxSession {
        try TmuxSession(command: "env LANG=C.UTF-8 TERM=xterm-256color \(Harness.binary) tui --db \(db) --lang zh; echo SKILLDESK-EXITED; sleep 60")
    }

    static func login(_ t: TmuxSession, _ user: String, _ password: String) throws {
        try t.waitFor("用户名")
        try t.type(user); try t.press("Enter")
        try t.type(password); try t.press("Enter")
        try t.waitFor("当前用户")
    }

    @Test("clerk submits two claims; supervisor approves one and returns the other; the clerk sees it returned; finance pays after the notice",
          .enabled(if: Harness.tmuxUsable, "tmux is not installed: the TUI journey was skipped (CI installs it)"))
    func claimJourney() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/demo.sqlite"
        let created = try Harness.run(["demo", "--db", db, "--no-tui", "--lang", "en"])
        #expect(created.status == 0, "demo failed: \(created.stderr)")
        let clerk = ["--db", db, "--user", "clerk1"]
        let clerkEnv = ["SKILLDESK_PASSWORD": "clerk1-demo"]

        // Two trainees of the demo's completed class whose training claim passes every rule
        // without a warning (the demo gives two others the same certificate number: W1).
        let classes = try JSONDecoder().decode([Listed].self, from: Data(try Harness.run(["class", "list", "--json"] + clerk, env: clerkEnv).stdout.utf8))
        let done = try #require(classes.first { $0.status == "completed" })
        let roster = try JSONDecoder().decode(Shown.self, from: Data(try Harness.run(["class", "show", String(done.id), "--json"] + clerk, env: clerkEnv).stdout.utf8))
        var ready: [String] = []
        for w in roster.roster.map(\.worker_id) {
            let r = try Harness.run(["claim", "evaluate", "--worker", w, "--kind", "training", "--class", String(done.id), "--json"] + clerk, env: clerkEnv)
            let e = try JSONDecoder().decode(Evaluated.self, from: Data(r.stdout.utf8))
            if e.eligible && !e.outcomes.contains(where: { $0.result == "warn" }) { ready.append(w) }
        }
        try #require(ready.count >= 2, "claim-ready trainees: \(ready)")
        let (first, second) = (ready[0], ready[1])

        // The clerk evaluates and submits each from the worker's archive.
        var t = try Self.tui(db)
        try Self.login(t, "clerk1", "clerk1-demo")
        for w in [first, second] {
            try t.press("1"); try t.waitFor("查询")
            try t.type(w)
            try t.waitFor("第 1 页")
            try t.press("Down"); try t.press("6"); try t.press("Enter")
            try t.waitFor("培训档案")
            try t.press("F8"); try t.waitFor("选择补贴类别")
            try t.type("training"); try t.press("Enter")
            try t.waitFor("可以申报")
            try t.press("F10")
            try t.waitFor("等待审核")
            try t.press("F3"); try t.waitFor("培训档案")
            try t.press("F3"); try t.waitFor("查询")
            try t.press("F3"); try t.waitFor("当前用户")
        }
        try t.press("F3")
        try t.waitFor("SKILLDESK-EXITED")

        // The supervisor opens the queue: approves the oldest, returns the other with a reason.
        t = try Self.tui(db)
        try Self.login(t, "sup1", "sup1-demo-1")
        try t.waitFor("待审核 .......... 2 个")
        try t.press("5"); try t.waitFor("SD-")
        try t.press("Down"); try t.press("Enter")
        try t.waitFor("F8 批准")
        try t.press("F8"); try t.waitFor("意见")
        try t.press("Enter")
        try t.waitFor("现为：公示中")
        try t.press("F3"); try t.waitFor("待审核")
        try t.press("F5")
        try t.press("Down"); try t.press("Enter")
        try t.waitFor("F9 退回")
        try t.press("F9"); try t.waitFor("原因")
        try t.type("缺少签到表原件")
        try t.press("Enter")
        try t.waitFor("现为：退回")
        try t.press("F3"); try t.press("F3")
        try t.waitFor("当前用户")
        try t.press("F3")
        try t.waitFor("SKILLDESK-EXITED")

        // The clerk sees it returned, with the reason.
        t = try Self.tui(db)
        try Self.login(t, "clerk1", "clerk1-demo")
        try t.waitFor("退回 1 个")
        try t.press("F3")
        try t.waitFor("SKILLDESK-EXITED")

        let fin = ["--db", db, "--user", "fin1"]

        // Finance pays after the notice period: the business date moves (a demo database allows it),
        // the worker's bank card is recorded, a batch is made, exported and reconciled.
        let later = CalendarDate.today(now: Date()).adding(days: 20).description
        let finEnv = ["SKILLDESK_PASSWORD": "fin1-demo-1", "SKILLDESK_TODAY": later]
        let approved = try #require(try claims(db, clerkEnv).first { $0.status != "returned" })
        let returned = try #require(try claims(db, clerkEnv).first { $0.status == "returned" })
        #expect(returned.decided_by == "sup1" && returned.prepared_by == "clerk1" && returned.reason == "缺少签到表原件")
        #expect(approved.status == "on_notice")
        let card = try Harness.run(["worker", "update", try worker(of: approved.id, db, clerkEnv), "--bank-account", Self.card] + clerk, env: clerkEnv)
        #expect(card.status == 0, "bank account: \(card.stderr)")
        let b = try Harness.run(["payment", "batch", "--json"] + fin, env: finEnv)
        #expect(b.status == 0, "payment batch: \(b.stderr)")
        let batch = try JSONDecoder().decode(Batch.self, from: Data(b.stdout.utf8))
        #expect(batch.count == 1)
        let file = dir + "/bank.csv"
        let e = try Harness.run(["payment", "export", batch.batch, "--format", "gb18030", "--out", file] + fin, env: finEnv)
        #expect(e.status == 0, "export: \(e.stderr)")
        let number = approved.claim_number
        let yuan = String(batch.total_fen / 100) + "." + String(format: "%02d", batch.total_fen % 100)
        let result = dir + "/result.csv"
        try "申请编号,结果,金额,银行说明\r\n\(number),成功,\(yuan),\r\n".write(toFile: result, atomically: true, encoding: .utf8)
        let rec = try Harness.run(["payment", "reconcile", batch.batch, result] + fin, env: finEnv)
        #expect(rec.status == 0, "reconcile: \(rec.stdout) \(rec.stderr)")
        let paid = try #require(try claims(db, clerkEnv).first { $0.id == approved.id })
        #expect(paid.status == "paid" && paid.decided_by == "sup1")
        let audit = try Harness.run(["audit", "verify", "--db", db, "--user", "admin"], env: ["SKILLDESK_PASSWORD": "admin-demo-1"])
        #expect(audit.status == 0, "audit verify: \(audit.stdout) \(audit.stderr)")
    }

    func claims(_ db: String, _ env: [String: String]) throws -> [Claim] {
        var out: [Claim] = []
        for id in 1...2 {
            let r = try Harness.run(["claim", "show", String(id), "--json", "--db", db, "--user", "clerk1"], env: env)
            out.append(try JSONDecoder().decode(Claim.self, from: Data(r.stdout.utf8)))
        }
        return out
    }

    func worker(of claim: Int64, _ db: String, _ env: [String: String]) throws -> String {
        struct W: Decodable { let worker_id: String }
        let r = try Harness.run(["claim", "show", String(claim), "--json", "--db", db, "--user", "clerk1"], env: env)
        return try JSONDecoder().decode(W.self, from: Data(r.stdout.utf8)).worker_id
    }
}
