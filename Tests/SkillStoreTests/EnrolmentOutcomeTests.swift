import Foundation
import GRDB
import Testing
@testable import SkillStore
import SkillCore
import SkillRecords
import CoreTestSupport

/// The base row of every training figure (issue 13): the enrolments of the classes that ended in a
/// period, with counted minutes. Checked against a recount in Swift over random classes, rosters and
/// days, and planned on its index.
@Suite("Enrolment outcomes: the rows behind every training figure")
struct EnrolmentOutcomeTests {
    struct Planted { var id: Int64; var end: String; var status: String; var planned: Int }

    @Test(arguments: [1, 2, 3, 4, 5])
    func equalsARecountOverRandomClasses(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let store = try Store.inMemory()
        var classes: [Planted] = []
        var days: [String: [(classroom: Int, online: Int)]] = [:]   // "class|worker" → days
        var rosters: [Int64: [String]] = [:]
        try store.write { w in
            try w.db.execute(sql: "INSERT INTO institutions(code, name, kind, created_at, updated_at) VALUES ('INST', '学校', 'school', 'now', 'now')")
            for id in Int64(1)...12 {
                let end = String(format: "2026-%02d-%02d", Int.random(in: 5...11, using: &rng), Int.random(in: 1...28, using: &rng))
                let status = ["planned", "running", "completed", "closed"].randomElement(using: &rng)!
                let planned = Int.random(in: 1...20, using: &rng)
                classes.append(Planted(id: id, end: end, status: status, planned: planned))
                try w.db.execute(sql: """
                    INSERT INTO classes(id, institution, occupation_code, level, type, start_date, end_date, planned_hours, status, created_at, updated_at)
                    VALUES (?, 'INST', '4-01-02-01', 'L5', 'employment', '2026-01-01', ?, ?, ?, 'now', 'now')
                    """, arguments: [id, end, planned, status])
                for n in 0..<Int.random(in: 0...6, using: &rng) {
                    let worker = "W\(id)-\(n)"
                    rosters[id, default: []].append(worker)
                    try w.db.execute(sql: "INSERT INTO enrolments(class_id, worker_id, enrolled_at) VALUES (?, ?, 'now')", arguments: [id, worker])
                    for d in 1...Int.random(in: 0...5, using: &rng) + 1 where d <= 5 {
                        let c = Int.random(in: 0...300, using: &rng), o = Int.random(in: 0...241, using: &rng)
                        days["\(id)|\(worker)", default: []].append((c, o))
                        try w.db.execute(sql: """
                            INSERT INTO attendance(class_id, worker_id, date, classroom_minutes, online_minutes, updated_at)
                            VALUES (?, ?, ?, ?, ?, 'now')
                            """, arguments: [id, worker, String(format: "2026-04-%02d", d), c, o])
                    }
                }
            }
            // Attendance of someone no longer on the roster is not an enrolment and is not counted.
            try w.db.execute(sql: "INSERT INTO attendance VALUES (1, 'GONE', '2026-04-01', 600, 0, 'now')")
        }
        let rule = AttendanceRule(onlinePercent: 50, completionPercent: 80)
        let first = CalendarDate(iso: "2026-07-01")!, last = CalendarDate(iso: "2026-09-30")!
        var got: [String: EnrolmentOutcomeRow] = [:]
        var order: [String] = []
        try store.read { r in
            try r.forEachEnrolmentOutcome(from: first, to: last, onlinePercent: rule.onlinePercent) {
                got["\($0.classID)|\($0.workerID)"] = $0
                order.append("\($0.classID)|\($0.workerID)")
            }
        }
        var expected: [String: (counted: Int, planned: Int)] = [:]
        for c in classes where c.end >= first.description && c.end <= last.description && ["completed", "closed"].contains(c.status) {
            for worker in rosters[c.id] ?? [] {
                let counted = (days["\(c.id)|\(worker)"] ?? []).reduce(0) { $0 + rule.countedMinutes(classroom: $1.classroom, online: $1.online) }
                expected["\(c.id)|\(worker)"] = (counted, c.planned)
            }
        }
        #expect(Set(got.keys) == Set(expected.keys))
        for (k, e) in expected {
            #expect(got[k]?.countedMinutes == e.counted, "\(k)")
            #expect(got[k]?.completed(rule) == rule.isComplete(countedMinutes: e.counted, plannedHours: e.planned), "\(k)")
        }
        #expect(order == order.sorted { a, b in
            let (ca, wa) = (Int64(a.split(separator: "|")[0])!, a.split(separator: "|")[1])
            let (cb, wb) = (Int64(b.split(separator: "|")[0])!, b.split(separator: "|")[1])
            return ca != cb ? ca < cb : wa < wb
        })
    }

    @Test func findsTheClassesByTheirEndDate() throws {
        let store = try Store.inMemory()
        let plan = try TrainingIndexTests.plan(store, StoreReader.enrolmentOutcomesSQL, [50, "2026-07-01", "2026-09-30"])
        #expect(plan.contains("classes_end"), "\(plan)")
        #expect(!plan.contains("SCAN e") && !plan.contains("SCAN a") && !plan.contains("SCAN enrolments") && !plan.contains("SCAN attendance"), "\(plan)")
    }
}
