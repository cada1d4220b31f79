import Foundation
import Testing
@testable import SkillDesk
import SkillCore
@testable import SkillStore
import SkillRecords

/// Targets (issue 13 item 2): recorded by administrators (audited), read by whoever reads
/// reports, and their achieved person-times equal a hand recount of the one definition.
@Suite("Targets: record, audit, progress")
struct TargetUseCaseTests {
    func draft(_ kind: String = "person-times", _ from: String = "2019", _ to: String = "2021", _ value: String = "600000",
               clause: String = "003 一") throws -> TargetDraft {
        try TargetDraft.parse(kind: kind, from: from, to: to, value: value, clause: clause).get()
    }

    @Test func anAdministratorRecordsChangesAndRemovesAudited() throws {
        let fx = try Fixture()
        let t = try fx.admin.setTarget(try draft())
        #expect(t.value == 600_000 && t.version == 1 && t.createdBy == "admin")
        // `set` again for the same kind and span changes it (target.change).
        let t2 = try fx.admin.setTarget(try draft("person-times", "2019", "2021", "650000"))
        #expect(t2.id == t.id && t2.value == 650_000 && t2.version == 2)
        let t3 = try fx.admin.changeTarget(id: t.id, value: 700_000, clause: "003 一 (revised)", version: 2)
        #expect(t3.version == 3)
        // A stale version is refused and changes nothing.
        let stale = deskError { _ = try fx.admin.changeTarget(id: t.id, value: 1, clause: "", version: 2) }
        #expect({ if case .editConflict? = stale { return true }; return false }())
        try fx.admin.removeTarget(id: t.id)
        #expect(try fx.admin.targets().isEmpty)
        let trail = try fx.desk.store.read { try $0.auditEntries(entity: "target", key: String(t.id)) }
        #expect(trail.map(\.action) == ["target.set", "target.change", "target.change", "target.remove"])
        #expect(trail[0].before == nil && trail[0].after?.contains("\"value\":600000") == true)
        #expect(trail[1].before?.contains("\"value\":600000") == true && trail[1].after?.contains("\"value\":650000") == true)
        #expect(trail[3].after == nil && trail[3].before?.contains("\"value\":700000") == true)
        let missing = deskError { try fx.admin.removeTarget(id: t.id) }
        #expect(missing?.message(.en).contains("no target number \(t.id)") == true)
    }

    @Test func othersReadButDoNotRecord() throws {
        let fx = try Fixture()
        _ = try fx.admin.setTarget(try draft())
        for role in [Role.supervisor, .finance, .auditor] {
            let s = try fx.session(role)
            #expect(try s.targets().count == 1)
            let e = deskError { _ = try s.setTarget(try draft("person-times", "2026", "", "1")) }
            #expect({ if case .notPermitted(.manageReports)? = e { return true }; return false }())
        }
        let clerk = try fx.clerk()
        let refused = deskError { _ = try clerk.targets() }
        #expect({ if case .notPermitted(.readReports)? = refused { return true }; return false }())
        #expect(try fx.admin.targets().count == 1)
    }

    /// Random classes, rosters and days in and around 2026; the target's achieved person-times on a
    /// random date equal counting the planted rows by hand.
    @Test(arguments: [11, 12, 13, 14])
    func personTimesEqualAHandRecount(seed: UInt64) throws {
        var rng = CoreTestSupport.SeededGenerator(seed: seed)
        let fx = try Fixture()
        let rule = PolicyLibrary.profile(named: "nanjing-2019")!.attendanceRule
        struct Enrolment { var end: String; var status: String; var planned: Int; var counted: Int }
        var planted: [Enrolment] = []
        try fx.desk.store.write { w in
            try w.db.execute(sql: "INSERT INTO institutions(code, name, kind, created_at, updated_at) VALUES ('INST', '学校', 'school', 'now', 'now')")
            for id in Int64(1)...30 {
                let end = String(format: "%d-%02d-%02d", Int.random(in: 2025...2027, using: &rng), Int.random(in: 1...12, using: &rng), Int.random(in: 1...28, using: &rng))
                let status = ["planned", "running", "completed", "closed"].randomElement(using: &rng)!
                let planned = Int.random(in: 1...12, using: &rng)
                try w.db.execute(sql: """
                    INSERT INTO classes(id, institution, occupation_code, level, type, start_date, end_date, planned_hours, status, created_at, updated_at)
                    VALUES (?, 'INST', '4-01-02-01', 'L5', 'employment', '2025-01-01', ?, ?, ?, 'now', 'now')
                    """, arguments: [id, end, planned, status])
                for n in 0..<Int.random(in: 0...5, using: &rng) {
                    let worker = "W\(id)-\(n)"
                    try w.db.execute(sql: "INSERT INTO enrolments(class_id, worker_id, enrolled_at) VALUES (?, ?, 'now')", arguments: [id, worker])
                    var counted = 0
                    for day in 1...Int.random(in: 1...4, using: &rng) {
                        let c = Int.random(in: 0...300, using: &rng), o = Int.random(in: 0...240, using: &rng)
                        counted += rule.countedMinutes(classroom: c, online: o)
                        try w.db.execute(sql: """
                            INSERT INTO attendance(class_id, worker_id, date, classroom_minutes, online_minutes, updated_at)
                            VALUES (?, ?, ?, ?, ?, 'now')
                            """, arguments: [id, worker, String(format: "2025-01-%02d", day), c, o])
                    }
                    planted.append(Enrolment(end: end, status: status, planned: planned, counted: counted))
                }
            }
        }
        _ = try fx.admin.setTarget(try draft("person-times", "2026", "", "100"))
        let asOf = CalendarDate(year: 2026, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))!
        let got = try fx.admin.targetReport(asOf: asOf).lines[0].progress
        let expected = planted.filter {
            $0.end >= "2026-01-01" && $0.end <= asOf.description && ["completed", "closed"].contains($0.status)
                && $0.counted * 100 >= $0.planned * 60 * rule.completionPercent
        }.count
        #expect(rule.isComplete(countedMinutes: 48, plannedHours: 1) && !rule.isComplete(countedMinutes: 47, plannedHours: 1))
        #expect(got.achieved == Int64(expected), "as of \(asOf)")
        #expect(got.daysGone == CalendarDate(iso: "2026-01-01")!.days(to: asOf) + 1)
    }

    @Test func theHighSkillShareCountsLevelledCertificatesNotVoidedInTheSpan() throws {
        let fx = try Fixture()
        try fx.desk.store.write { w in
            let rows: [(String, String?, String, Bool)] = [
                ("L3", "L3", "2026-03-01", false), ("L2", "L2", "2026-04-01", false), ("chief", "chief", "2026-05-01", false),
                ("L4", "L4", "2026-05-01", false), ("L5", "L5", "2026-06-01", false), ("novoid", "L1", "2026-06-01", true),
                ("nolevel", nil, "2026-06-01", false), ("old", "L3", "2025-12-31", false),
            ]
            for (i, r) in rows.enumerated() {
                try w.db.execute(sql: """
                    INSERT INTO certificates(type, number, occupation_code, level, issue_date, worker_id, created_at, voided_at)
                    VALUES ('skill_level', ?, '6-31-01-03', ?, ?, ?, 'now', ?)
                    """, arguments: [r.0, r.1, r.2, "W\(i)", r.3 ? "now" : nil])
            }
        }
        _ = try fx.admin.setTarget(try draft("high-skill-share", "2026", "", "50%"))
        let p = try fx.admin.targetReport(asOf: CalendarDate(iso: "2026-12-31")).lines[0].progress
        #expect(p.shareOf == .init(part: 3, whole: 5))
        #expect(p.achieved == 6_000)
        #expect(p.standing == .met)
    }
}
