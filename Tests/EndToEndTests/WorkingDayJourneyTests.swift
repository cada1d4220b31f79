import Foundation
import Testing

/// Issue 12's tmux journeys (3) and (4): leaving asks first and restores the terminal; typing a date
/// into a prefilled prompt replaces it. Journeys (1) and (2) live beside the screens they exercise.
@Suite("A working day, end to end", .serialized)
struct WorkingDayJourneyTests {
    static func demo(_ dir: String) throws -> String {
        let db = dir + "/demo.sqlite"
        let created = try Harness.run(["demo", "--db", db, "--no-tui", "--lang", "en"])
        #expect(created.status == 0, "demo failed: \(created.stderr)")
        return db
    }

    static func login(_ tui: TmuxSession, _ user: String, _ password: String) throws {
        try tui.waitFor("用户名")
        try tui.type(user); try tui.press("Enter")
        try tui.type(password); try tui.press("Enter")
    }

    @Test("F3 on home asks; another key stays; Ctrl-C asks too; F3 twice leaves and the terminal is restored",
          .enabled(if: Harness.tmuxUsable, "tmux is not installed: the TUI journey was skipped (CI installs it)"))
    func leavingAsksFirst() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try Self.demo(dir)
        let tui = try TmuxSession(command: "env LANG=C.UTF-8 TERM=xterm-256color \(Harness.binary) tui --db \(db) --lang zh; echo SKILLDESK-EXITED; sleep 60")
        try Self.login(tui, "clerk1", "clerk1-demo")
        try tui.waitFor("登记劳动者")
        try tui.press("F3")
        try tui.waitFor("退出 SkillDesk？")
        try tui.press("x")                    // any other key stays
        let stayed = try tui.waitFor("未退出")
        #expect(stayed.contains("登记劳动者"))
        #expect(!stayed.contains("SKILLDESK-EXITED"))
        try tui.press("C-c")                  // Ctrl-C asks the same question, never leaves at once
        let asked = try tui.waitFor("退出 SkillDesk？")
        #expect(!asked.contains("SKILLDESK-EXITED"))
        try tui.press("F3")                   // F3 again confirms
        let after = try tui.waitFor("SKILLDESK-EXITED")
        #expect(!after.contains("SkillDesk ·"), "the TUI's screen should be gone once it exits (terminal restored)")
        #expect(!after.contains("退出 SkillDesk？"))
    }

    @Test("an administrator types 2026-12-24 / 平安夜 into the calendar's prefilled prompts: a new day, 元旦 untouched",
          .enabled(if: Harness.tmuxUsable, "tmux is not installed: the TUI journey was skipped (CI installs it)"))
    func typingIntoAPrefilledPrompt() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try Self.demo(dir)
        let tui = try TmuxSession(command: "env LANG=C.UTF-8 TERM=xterm-256color SKILLDESK_TODAY=2026-06-01 \(Harness.binary) tui --db \(db) --lang zh; echo SKILLDESK-EXITED; sleep 60")
        try Self.login(tui, "admin", "admin-demo-1")
        let home = try tui.waitFor("工作日历")
        let entry = try #require(home.split(separator: "\n").first { $0.contains("工作日历") })
        let key = try #require(entry.trimmingCharacters(in: .whitespaces).first)  // its menu key, e.g. "8"
        try tui.type(String(key))
        try tui.waitFor("2026 年：放假")
        try tui.press("F6")
        let prompt = try tui.waitFor("设置日期：哪一天")
        #expect(prompt.contains("2026-01-01"), "the prompt comes prefilled with the selected day")
        try tui.type("2026-12-24")
        try tui.press("Enter")
        try tui.waitFor("2026-12-24 设为")
        try tui.press("Enter")                // 放假
        try tui.type("平安夜")
        try tui.press("Enter")
        try tui.waitFor("2026-12-24 已设为：放假 平安夜")
        try tui.press("F3")
        try tui.waitFor("劳动者查询")
        try tui.press("F3"); try tui.press("Enter")
        try tui.waitFor("SKILLDESK-EXITED")

        let listed = try Harness.run(["calendar", "list", "--year", "2026", "--db", db, "--user", "admin"],
                                     env: ["SKILLDESK_PASSWORD": "admin-demo-1"])
        #expect(listed.status == 0, "calendar list: \(listed.stderr)")
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("2026-12-24") && $0.contains("平安夜") }, "\(listed.stdout)")
        #expect(lines.contains { $0.hasPrefix("2026-01-01") && $0.hasSuffix("元旦") }, "元旦 keeps its name: \(listed.stdout)")
    }
}
