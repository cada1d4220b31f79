import Foundation
import SkillCore
import Testing

/// Issue 12, journey (2) in part: a supervisor at 80×24 opens a claim with W3 and reads its whole
/// text — on the detail, wrapped, and with Enter the rule, its clause and the seed passage; F1 and
/// `?` list every key of the screen where the footer ends with "…".
@Suite("Deciding on the whole text, end to end", .serialized)
struct DecisionJourneyTests {
    struct Listed: Decodable { let id: Int64; let status: String; let institution_code: String? }
    struct Shown: Decodable {
        struct Entry: Decodable { let worker_id: String }
        let roster: [Entry]
        let institution_code: String
    }
    struct Evaluated: Decodable { let eligible: Bool }
    struct Saved: Decodable { let id: Int64 }

    /// The screen's rows joined without their line breaks and spaces: wrapped text reads whole.
    static func joined(_ screen: String) -> String {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined().replacingOccurrences(of: " ", with: "")
    }

    @Test("supervisor at 80×24 reads W3 whole on the claim detail and in its clause screen",
          .enabled(if: Harness.tmuxUsable, "tmux is not installed: the TUI journey was skipped (CI installs it)"))
    func supervisorReadsW3Whole() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/demo.sqlite"
        let created = try Harness.run(["demo", "--db", db, "--no-tui", "--lang", "en"])
        #expect(created.status == 0, "demo failed: \(created.stderr)")
        let clerk = ["--db", db, "--user", "clerk1"]
        let clerkEnv = ["SKILLDESK_PASSWORD": "clerk1-demo"]
        let classes = try JSONDecoder().decode([Listed].self, from: Data(try Harness.run(["class", "list", "--json"] + clerk, env: clerkEnv).stdout.utf8))
        let done = try #require(classes.first { $0.status == "completed" })
        let shown = try JSONDecoder().decode(Shown.self, from: Data(try Harness.run(["class", "show", String(done.id), "--json"] + clerk, env: clerkEnv).stdout.utf8))
        var ready: String?
        for w in shown.roster.map(\.worker_id) where ready == nil {
            let r = try Harness.run(["claim", "evaluate", "--worker", w, "--kind", "training", "--class", String(done.id), "--json"] + clerk, env: clerkEnv)
            if try JSONDecoder().decode(Evaluated.self, from: Data(r.stdout.utf8)).eligible { ready = w }
        }
        let worker = try #require(ready)
        let saved = try Harness.run(["claim", "new", "--worker", worker, "--kind", "training", "--class", String(done.id), "--json"] + clerk, env: clerkEnv)
        let claim = try JSONDecoder().decode(Saved.self, from: Data(saved.stdout.utf8))
        #expect(try Harness.run(["claim", "submit", String(claim.id)] + clerk, env: clerkEnv).status == 0)
        // The school's decided claims as W3 counts them (kept by triggers; planted here): 7 rejected of 20.
        let sql = """
            INSERT INTO institution_claim_counts(institution, status, n) VALUES ('\(shown.institution_code)', 'rejected', 7), ('\(shown.institution_code)', 'paid', 13)
            ON CONFLICT(institution, status) DO UPDATE SET n = excluded.n;
            """
        let planted = try Harness.runTool("/usr/bin/sqlite3", [db, sql])
        #expect(planted.status == 0, "sqlite3: \(planted.stderr)")

        let t = try TmuxSession(command: "env LANG=C.UTF-8 TERM=xterm-256color \(Harness.binary) tui --db \(db) --lang zh; echo SKILLDESK-EXITED; sleep 60",
                                width: 80, height: 24)
        try ClaimJourneyTests.login(t, "sup1", "sup1-demo-1")
        try t.press("5"); try t.waitFor("SD-")
        try t.press("Enter")
        try t.waitFor("F8 批准")
        // The footer does not fit 80 columns: it says so with "…", and F1 lists every key.
        let detail = try t.waitFor("…")
        #expect(detail.split(separator: "\n").last?.hasSuffix("…") == true || detail.contains("  …"), "\(detail)")
        try t.press("F1"); try t.waitFor("PgUp/PgDn")
        let keys = try t.screen()
        #expect(keys.contains("F10") && keys.contains("驳回") && keys.contains("全文"), "\(keys)")
        try t.press("Escape")
        try t.press("?"); try t.waitFor("Ctrl-C")
        try t.press("Escape")
        // The W3 line, wrapped on the detail (its clause at the right edge of the first row): all of
        // it on the screen, row by row, nothing cut.
        let w3 = try t.waitFor("W3")
        #expect(w3.contains("⚠ W3   机构 南京技师学院 驳回率 35%（20 份已决定中驳回 7"), "\(w3)")
        #expect(w3.contains("        份），超过警示线 20%（演示默认值）"), "\(w3)")
        // ↓ until W3 is the chosen rule, then Enter: the rule whole, its clause and the seed passage.
        for _ in 0..<30 { try t.press("Up") }
        var opened = ""
        for _ in 0..<30 {
            try t.press("Enter")
            opened = try t.waitFor("SkillDesk · 条款 ")
            if opened.contains("W3") { break }
            try t.press("F3"); try t.waitFor("F8 批准")
            try t.press("Down")
        }
        #expect(opened.contains("W3"), "\(opened)")
        #expect(Self.joined(opened).contains("驳回率35%（20份已决定中驳回7份），超过警示线20%（演示默认值）"), "\(opened)")
        #expect(opened.contains("政策条款 "), "\(opened)")
        try t.press("F3"); try t.waitFor("F8 批准")
        try t.press("F3"); try t.press("F3")
        try t.waitFor("当前用户")
        try t.press("F3")
        try t.waitFor("退出 SkillDesk？"); try t.press("Enter")
        try t.waitFor("SKILLDESK-EXITED")
    }
}
