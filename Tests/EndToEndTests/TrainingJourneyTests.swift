import Foundation
import SkillCore
import Testing

@Suite("Training, end to end", .serialized)
struct TrainingJourneyTests {
    struct Listed: Decodable { let id: String; let name: String }
    struct Archive: Decodable {
        struct Cert: Decodable { let number: String; let type: String; let level: String? }
        let certificates: [Cert]
        let counted_hours_total: Double
    }
    struct ClassShown: Decodable {
        struct Entry: Decodable { let worker_id: String; let counted_hours: Double; let completed: Bool }
        let status: String
        let planned_hours: Int
        let roster: [Entry]
    }

    @Test("clerk opens a class, enrols three workers, logs two days, records a certificate, sees the archive",
          .enabled(if: Harness.tmuxUsable, "tmux is not installed: the TUI journey was skipped (CI installs it)"))
    func clerkRunsAClass() throws {
        let dir = Harness.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/demo.sqlite"
        let created = try Harness.run(["demo", "--db", db, "--no-tui", "--lang", "en"])
        #expect(created.status == 0, "demo failed: \(created.stderr)")
        let clerk = ["--db", db, "--user", "clerk1"]
        let env = ["SKILLDESK_PASSWORD": "clerk1-demo"]
        let listed = try Harness.run(["worker", "list", "--json"] + clerk, env: env)
        let workers = try JSONDecoder().decode([Listed].self, from: Data(listed.stdout.utf8))
        try #require(workers.count >= 3)
        let three = Array(workers.prefix(3))

        // Two days of attendance end yesterday; the class runs from the day before yesterday.
        let today = CalendarDate.today(now: Date())
        let start = today.adding(days: -2), end = today.adding(days: 10)

        let tui = try TmuxSession(command: "env LANG=C.UTF-8 TERM=xterm-256color \(Harness.binary) tui --db \(db) --lang zh; echo SKILLDESK-EXITED; sleep 60")
        try tui.waitFor("用户名")
        try tui.type("clerk1"); try tui.press("Enter")
        try tui.type("clerk1-demo"); try tui.press("Enter")
        try tui.waitFor("培训班")
        try tui.press("5")                       // the clerk's menu: 5 classes
        try tui.waitFor("个培训班")               // the class list
        try tui.press("F6")                      // open a class
        try tui.waitFor("培训机构 ....")
        try tui.type("12320100466001234B"); try tui.press("Tab")   // 南京技师学院
        try tui.waitFor("南京技师学院")
        try tui.type("6-18-01-01"); try tui.press("Tab")           // 车工
        try tui.type("L4"); try tui.press("Tab")
        try tui.press("F4"); try tui.waitFor("就业技能培训"); try tui.press("Enter")  // employment
        try tui.press("Tab"); try tui.type(start.description)
        try tui.press("Tab"); try tui.type(end.description)
        try tui.press("Tab"); try tui.type("16")
        try tui.press("F2")
        let grid = try tui.waitFor("花名册为空")
        let classID = try #require(Self.classID(in: grid), "no class number in the grid's title:\n\(grid)")

        try tui.press("F6")                      // enrol
        try tui.waitFor("身份证号")
        try tui.type(three.map(\.id).joined(separator: " ")); try tui.press("Enter")
        try tui.waitFor("已报名 3 人")
        try tui.press("F8")                      // planned → running, after a confirmation
        try tui.waitFor("开班？")
        try tui.press("Enter")
        try tui.waitFor("开班中")

        // The roster is shown in the order the grid sorts it; find each worker's row.
        let rows = try tui.waitFor(three[0].name)
        let order = Self.rowOrder(three, in: rows)
        try #require(order.count == 3, "trainees not all on the grid:\n\(rows)")
        // Row 1: 8, then 4 classroom + 2 online; row 2: 8 and 8; row 3: 6 and 6.
        let hours = [["8", "4+2"], ["8", "8"], ["6", "6"]]
        for (i, pair) in hours.enumerated() {
            if i > 0 { try tui.press("Down"); try tui.press("Left"); try tui.press("Left") }
            try tui.type(pair[0]); try tui.press("Enter")
            try tui.type(pair[1]); try tui.press("Enter")
        }
        let filled = try tui.waitFor("12/16")
        #expect(filled.contains("13/16") && filled.contains("16/16"), "counted hours:\n\(filled)")

        // The first trainee on the grid gets a skill-level certificate from the archive (option 6).
        let holder = order[0]
        try tui.press("F3"); try tui.waitFor("个培训班")
        try tui.press("F3"); try tui.waitFor("劳动者查询")
        try tui.press("1"); try tui.waitFor("查询")
        try tui.type(holder.id)
        try tui.waitFor(" " + holder.name + " ")
        try tui.press("Down"); try tui.press("6"); try tui.press("Enter")
        try tui.waitFor("培训档案")
        try tui.press("F6")
        try tui.waitFor("证书类型")
        try tui.type("skill_level"); try tui.press("Enter")
        try tui.press("Tab"); try tui.type("S3201-J-0001")
        try tui.press("Tab"); try tui.type("6-18-01-01")
        try tui.press("Tab"); try tui.type("L4"); try tui.press("Enter")
        try tui.press("Tab"); try tui.type(today.description)
        try tui.press("Tab"); try tui.type("南京市职业技能鉴定中心")
        try tui.press("F2")
        let archive = try tui.waitFor("证书（1）")
        #expect(archive.contains("S3201-J-0001"))
        #expect(archive.contains("累计计入学时：13"), "archive:\n\(archive)")
        #expect(archive.contains("13/16"))
        try tui.press("F3"); try tui.waitFor("查询")
        try tui.press("F3"); try tui.waitFor("劳动者查询")
        try tui.press("F3")
        try tui.waitFor("退出 SkillDesk？"); try tui.press("Enter")  // leaving asks first (issue 12)
        try tui.waitFor("SKILLDESK-EXITED")

        // What the TUI stored, read back through the command line.
        let shown = try Harness.run(["class", "show", String(classID), "--json"] + clerk, env: env)
        #expect(shown.status == 0, "class show: \(shown.stderr)")
        let cls = try JSONDecoder().decode(ClassShown.self, from: Data(shown.stdout.utf8))
        #expect(cls.status == "running" && cls.planned_hours == 16)
        let counted = Dictionary(uniqueKeysWithValues: cls.roster.map { ($0.worker_id, $0) })
        #expect(counted[order[0].id]?.counted_hours == 13 && counted[order[0].id]?.completed == true)
        #expect(counted[order[1].id]?.counted_hours == 16 && counted[order[1].id]?.completed == true)
        #expect(counted[order[2].id]?.counted_hours == 12 && counted[order[2].id]?.completed == false)
        let arch = try Harness.run(["worker", "archive", holder.id, "--json"] + clerk, env: env)
        let archived = try JSONDecoder().decode(Archive.self, from: Data(arch.stdout.utf8))
        #expect(archived.certificates.map(\.number).contains("S3201-J-0001"))
        #expect(archived.certificates.first { $0.number == "S3201-J-0001" }?.level == "L4")
        #expect(archived.counted_hours_total >= 13)
        let audit = try Harness.run(["audit", "verify", "--db", db, "--user", "admin"], env: ["SKILLDESK_PASSWORD": "admin-demo-1"])
        #expect(audit.status == 0, "audit verify: \(audit.stdout) \(audit.stderr)")
    }

    /// "培训班 7（计划）· …" → 7.
    static func classID(in screen: String) -> Int? {
        guard let r = screen.range(of: "培训班 ") else { return nil }
        return Int(screen[r.upperBound...].prefix { $0.isNumber })
    }

    /// The workers in the order their rows appear on the screen.
    static func rowOrder(_ workers: [Listed], in screen: String) -> [Listed] {
        let lines = screen.components(separatedBy: "\n")
        let placed = workers.compactMap { w -> (Int, Listed)? in
            guard let y = lines.firstIndex(where: { $0.hasPrefix(" " + w.name + " ") }) else { return nil }
            return (y, w)
        }
        return placed.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
