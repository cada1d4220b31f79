import Foundation
import SkillCore
import Testing

@Suite("Worker registry, end to end", .serialized)
struct RegistryJourneyTests {
    /// A valid resident ID made for the test (Nanjing Xuanwu, 1990-03-07, male).
    static let zhangWeiID: String = {
        let first17 = "32010219900307123"
        return first17 + String(ResidentID.checkCharacter(for: first17)!)
    }()

    @Test("clerk registers 张伟 in the TUI, finds him by typing 张, quits; the database holds him",
          .enabled(if: Harness.tmuxUsable, "tmux is not installed: the TUI journey was skipped (CI installs it)"))
    func clerkRegistersAndFinds() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/demo.sqlite"
        let created = try Harness.run(["demo", "--db", db, "--no-tui", "--lang", "en"])
        #expect(created.status == 0, "demo failed: \(created.stderr)")
        #expect(created.stdout.contains("clerk1"))

        let tui = try TmuxSession(command: "env LANG=C.UTF-8 TERM=xterm-256color \(Harness.binary) tui --db \(db) --lang zh; echo SKILLDESK-EXITED; sleep 60")
        try tui.waitFor("用户名")
        try tui.type("clerk1"); try tui.press("Enter")
        try tui.type("clerk1-demo"); try tui.press("Enter")
        try tui.waitFor("登记劳动者")
        try tui.press("2")  // the clerk's menu: 1 find, 2 register
        try tui.waitFor("身份证号")
        try tui.type(Self.zhangWeiID)
        try tui.waitFor("1990-03-07")  // sex and birth date derived from the ID at once
        try tui.press("Tab")
        try tui.type("张伟")
        try tui.press("F2")
        try tui.waitFor("已登记")
        try tui.press("F3")           // detail → home
        try tui.waitFor("劳动者查询")
        try tui.press("1")           // find workers
        try tui.waitFor("查询")
        try tui.type("张")
        let found = try tui.waitFor(Self.zhangWeiID)
        #expect(found.contains("张伟"))
        try tui.press("F3")           // list → home
        try tui.waitFor("劳动者查询")
        try tui.press("F3")           // home → "leave SkillDesk?"
        try tui.press("Enter")        // leave
        let after = try tui.waitFor("SKILLDESK-EXITED")
        #expect(!after.contains("SkillDesk ·"), "the TUI's screen should be gone once it exits (terminal restored)")

        let shown = try Harness.run(["worker", "show", Self.zhangWeiID, "--db", db, "--user", "clerk1", "--json"],
                                    env: ["SKILLDESK_PASSWORD": "clerk1-demo"])
        #expect(shown.status == 0, "worker show failed: \(shown.stderr)")
        #expect(shown.stdout.contains("\"name\":\"张伟\""))
        #expect(shown.stdout.contains("\"birth_date\":\"1990-03-07\""))
        let audit = try Harness.run(["audit", "verify", "--db", db, "--user", "admin"], env: ["SKILLDESK_PASSWORD": "admin-demo-1"])
        #expect(audit.status == 0, "audit verify: \(audit.stdout) \(audit.stderr)")
    }
}
