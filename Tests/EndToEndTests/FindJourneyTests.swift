import Foundation
import SkillCore
import Testing

/// Issue 12, tmux journey (2), the finding part: a supervisor at 80×24 searches a claim by its
/// number with `/`, opens it, and lists the rejected claims.
@Suite("Finding claims, end to end", .serialized)
struct FindJourneyTests {
    @Test("a supervisor at 80×24 finds a claim by number with / and lists rejected claims",
          .enabled(if: Harness.tmuxUsable, "tmux is not installed: the TUI journey was skipped (CI installs it)"))
    func supervisorFindsByNumberAndListsRejected() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/demo.sqlite"
        let created = try Harness.run(["demo", "--db", db, "--no-tui", "--lang", "en"])
        #expect(created.status == 0, "demo failed: \(created.stderr)")
        let clerk = ["--db", db, "--user", "clerk1"], clerkEnv = ["SKILLDESK_PASSWORD": "clerk1-demo"]
        let sup = ["--db", db, "--user", "sup1"], supEnv = ["SKILLDESK_PASSWORD": "sup1-demo-1"]

        // Two claims of the demo's completed class, submitted by the clerk; the supervisor rejects
        // the second by its number on the command line.
        let classes = try JSONDecoder().decode([ClaimJourneyTests.Listed].self,
                                               from: Data(try Harness.run(["class", "list", "--json"] + clerk, env: clerkEnv).stdout.utf8))
        let done = try #require(classes.first { $0.status == "completed" })
        let roster = try JSONDecoder().decode(ClaimJourneyTests.Shown.self,
                                              from: Data(try Harness.run(["class", "show", String(done.id), "--json"] + clerk, env: clerkEnv).stdout.utf8))
        var numbers: [String] = []
        for w in roster.roster.map(\.worker_id) where numbers.count < 2 {
            let n = try Harness.run(["claim", "new", "--worker", w, "--kind", "training", "--class", String(done.id), "--json"] + clerk, env: clerkEnv)
            guard n.status == 0, let c = try? JSONDecoder().decode(ClaimJourneyTests.Claim.self, from: Data(n.stdout.utf8)) else { continue }
            // Submitted by its number.
            guard try Harness.run(["claim", "submit", c.claim_number] + clerk, env: clerkEnv).status == 0 else { continue }
            numbers.append(c.claim_number)
        }
        try #require(numbers.count == 2, "submitted: \(numbers)")
        let rejected = try Harness.run(["claim", "reject", numbers[1], "--code", "other", "--reason", "材料不全"] + sup, env: supEnv)
        #expect(rejected.status == 0, "\(rejected.stderr)")

        let t = try TmuxSession(command: "env LANG=C.UTF-8 TERM=xterm-256color \(Harness.binary) tui --db \(db) --lang zh; echo SKILLDESK-EXITED; sleep 60",
                                width: 80, height: 24)
        try ClaimJourneyTests.login(t, "sup1", "sup1-demo-1")
        try t.press("5"); try t.waitFor("待审核")
        // `/` and the first claim's number: that claim alone, then Enter opens it.
        try t.press("/"); try t.waitFor("查找申请")
        try t.type(numbers[0]); try t.press("Enter")
        try t.waitFor("查找：" + numbers[0])
        let found = try t.screen()
        #expect(found.contains(numbers[0]) && !found.contains(numbers[1]), "\(found)")
        try t.press("Enter"); try t.waitFor("补贴申请 · " + numbers[0])
        try t.press("F3"); try t.waitFor("查找：" + numbers[0])
        // Esc back to the queue; `s` lists the statuses, `rejected` the rejected claims.
        try t.press("Escape"); try t.waitFor("筛选：全部类别")
        try t.press("s"); try t.waitFor("筛选申请：选择状态")
        try t.type("rejected"); try t.press("Enter")
        try t.waitFor("待审核 · 已驳回")
        let list = try t.screen()
        #expect(list.contains(numbers[1]) && !list.contains(numbers[0]), "\(list)")
        try t.press("F3"); try t.waitFor("当前用户")
        try t.press("F3"); try t.waitFor("退出 SkillDesk？"); try t.press("Enter")
        try t.waitFor("SKILLDESK-EXITED")
    }
}
