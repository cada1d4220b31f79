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
        let claim_number: String; let amount_fen: Int64
    }

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

    static func tui(_ db: String, env: String = "") throws -> TmuxSession {
        try TmuxSession(command: "env LANG=C.UTF-8 TERM=xterm-256color \(env) \(Harness.binary) tui --db \(db) --lang zh; echo SKILLDESK-EXITED; sleep 60")
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
        try t.waitFor("退出 SkillDesk？"); try t.press("Enter")  // leaving asks first (issue 12)
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
        try t.waitFor("退出 SkillDesk？"); try t.press("Enter")  // leaving asks first (issue 12)
        try t.waitFor("SKILLDESK-EXITED")

        // The clerk sees it returned, with the reason.
        t = try Self.tui(db)
        try Self.login(t, "clerk1", "clerk1-demo")
        try t.waitFor("退回 1 个")
        try t.press("F3")
        try t.waitFor("退出 SkillDesk？"); try t.press("Enter")  // leaving asks first (issue 12)
        try t.waitFor("SKILLDESK-EXITED")

        // The clerk records the approved claim's worker's bank card on the worker's detail (F6).
        let approved = try #require(try claims(db, clerkEnv).first { $0.status != "returned" })
        let returned = try #require(try claims(db, clerkEnv).first { $0.status == "returned" })
        #expect(returned.decided_by == "sup1" && returned.prepared_by == "clerk1" && returned.reason == "缺少签到表原件")
        #expect(approved.status == "on_notice")
        let payee = try worker(of: approved.id, db, clerkEnv)
        t = try Self.tui(db)
        try Self.login(t, "clerk1", "clerk1-demo")
        try t.press("1"); try t.waitFor("查询")
        try t.type(payee)
        try t.waitFor("第 1 页")
        try t.press("Down"); try t.press("5"); try t.press("Enter")
        try t.waitFor("银行账户")
        try t.press("F6"); try t.waitFor("补贴发放到此账户")
        try t.type(Self.card); try t.press("Enter")
        try t.waitFor("的银行账户已登记为")
        try t.waitFor(String(Self.card.suffix(4)))
        try t.press("F3"); try t.press("F3")
        try t.waitFor("当前用户")
        try t.press("F3")
        try t.waitFor("退出 SkillDesk？"); try t.press("Enter")  // leaving asks first (issue 12)
        try t.waitFor("SKILLDESK-EXITED")

        // Finance pays after the notice period (the business date moves: a demo database allows
        // it): on 付款批次, F6 makes the batch, F7 writes the GB18030 bank file, F8 reads the bank's
        // result back.
        let later = CalendarDate.today(now: Date()).adding(days: 20).description
        t = try Self.tui(db, env: "SKILLDESK_TODAY=\(later)")
        try Self.login(t, "fin1", "fin1-demo-1")
        try t.waitFor("待支付 .......... 1 个")
        try t.press("6"); try t.waitFor("F6 新建批次")
        try t.press("F6"); try t.waitFor("建立批次")
        try t.press("Enter")
        try t.waitFor("已建批次 PB")
        let file = dir + "/bank.csv"
        try t.press("F7"); try t.waitFor("银行文件编码")
        try t.press("Down"); try t.press("Enter")
        try t.waitFor("保存到文件")
        try t.press("C-u"); try t.type(file); try t.press("Enter")
        try t.waitFor("已导出 1 笔付款")
        let exported = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(String(data: exported, encoding: .utf8) == nil, "GB18030, not UTF-8")   // the payee's Chinese name
        let number = approved.claim_number
        let yuan = Money.format(fen: approved.amount_fen).replacingOccurrences(of: "¥", with: "").replacingOccurrences(of: ",", with: "")
        let result = dir + "/result.csv"
        try "申请编号,结果,金额,银行说明\r\n\(number),成功,\(yuan),\r\n".write(toFile: result, atomically: true, encoding: .utf8)
        try t.press("F8"); try t.waitFor("银行结果文件")
        try t.press("C-u"); try t.type(result); try t.press("Enter")
        try t.waitFor("已支付 1 笔，失败 0 笔")
        try t.press("Enter")
        try t.waitFor("已付 1 · 失败 0")
        try t.press("F3"); try t.waitFor("当前用户")
        try t.press("F3")
        try t.waitFor("退出 SkillDesk？"); try t.press("Enter")  // leaving asks first (issue 12)
        try t.waitFor("SKILLDESK-EXITED")
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
