import Foundation
import SkillCore
@testable import SkillDesk
@testable import SkillStore
import SkillRecords
import Testing

/// The anomaly signals (issue 13 item 5): each on a scenario built to trigger it exactly once, with a
/// near miss beside it that must not; the count is the list's length; the sweep is deterministic.
@Suite("Anomaly signals")
struct AnomalyTests {
    static let march = ReportPeriod.month(year: 2025, month: 3)

    /// Schools A and B (different names), the electrician, and `n` registered workers (phones given).
    struct World {
        let f: Fixture
        let clerk: Session
        let auditor: Session
        static let schoolA = TrainingWorld.schoolA
        static let schoolB = TrainingWorld.schoolB
        let workers: [String]
        static let names = ["张伟", "李娜", "王芳", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴霞"]
        var scenario: Scenario { Scenario(clerk: clerk) }

        init(workers n: Int = 6, phones: [Int: String] = [:]) throws {
            f = try Fixture()
            try Scenario.catalogue(as: f.admin, [electrician(from: "2025-01-01")],
                                   [Scenario.school(Self.schoolA, name: "南京甲培训学校"),
                                    Scenario.school(Self.schoolB, name: "南京乙培训学校")])
            clerk = try f.clerk()
            auditor = try f.session(.auditor, name: "audit1")
            var ids: [String] = []
            for i in 0..<n {
                let d = draft(seq: 40 + i, name: Self.names[i], phone: phones[i] ?? "")
                _ = try clerk.register(d)
                ids.append(d.id)
            }
            workers = ids
        }

        func klass(_ school: String, start: String, end: String, hours: String = "10", enrolling: [String]) throws -> Int64 {
            try scenario.runningClass(Scenario.classDraft(institution: school, start: start, end: end, hours: hours), enrolling: enrolling)
        }

        func sweep(_ s: AnomalySignal, _ period: ReportPeriod = AnomalyTests.march) throws -> AnomalySignalResult {
            let r = try auditor.anomalySweep(period: period, signals: [s])
            #expect(r.signals.count == 1 && r.signals[0].signal == s)
            return r.signals[0]
        }
    }

    @Test func sharedBankAccountAmongActiveWorkersOnly() throws {
        let w = try World(workers: 5)
        _ = try w.klass(World.schoolA, start: "2025-03-01", end: "2025-03-20", enrolling: Array(w.workers[0...2]))
        try w.clerk.setBankAccount(workerID: w.workers[0], account: "6222020200112233446")
        try w.clerk.setBankAccount(workerID: w.workers[1], account: "6222020200112233446")
        // Near misses: worker 2 is alone on an account among the active workers; worker 3 shares it
        // but has no class or claim in the period (a registry sweep is another report).
        try w.clerk.setBankAccount(workerID: w.workers[2], account: "6222020200199998887")
        try w.clerk.setBankAccount(workerID: w.workers[3], account: "6222020200199998887")
        let r = try w.sweep(.sharedAccount)
        #expect(r.count == 1 && r.occurrences.count == r.count)
        let o = try #require(r.occurrences.first)
        #expect(o.subject == "****3446")
        #expect(o.records.filter { $0.kind == .worker }.map(\.key) == [w.workers[0], w.workers[1]].sorted())
        #expect(o.figuresEn == "2 workers share account ****3446: 张伟、李娜")
        #expect(o.figuresZh == "2 名职工共用账户 ****3446：张伟、李娜")
        // Outside the period the class does not run: nothing.
        #expect(try w.sweep(.sharedAccount, .month(year: 2025, month: 5)).count == 0)
    }

    @Test func sharedPhone() throws {
        let w = try World(workers: 4, phones: [0: "13912345678", 1: "13912345678", 2: "13800001111", 3: "13800001111"])
        _ = try w.klass(World.schoolA, start: "2025-03-01", end: "2025-03-20", enrolling: Array(w.workers[0...2]))
        let r = try w.sweep(.sharedPhone)
        #expect(r.count == 1)
        #expect(r.occurrences.first?.subject == "139****5678")
        #expect(r.occurrences.first?.records.map(\.key) == [w.workers[0], w.workers[1]].sorted())
    }

    @Test func workerAtTwoInstitutionsWithinTheSpan() throws {
        let w = try World(workers: 3)
        let n = AnomalyThresholds.hoppingDays
        // Worker 0: A from 03-01, B from 03-25 (24 days later): flagged.
        let a = try w.klass(World.schoolA, start: "2025-03-01", end: "2025-03-10", enrolling: [w.workers[0], w.workers[1], w.workers[2]])
        let b = try w.klass(World.schoolB, start: "2025-03-25", end: "2025-04-05", enrolling: [w.workers[0]])
        // Worker 1: B starting n + 1 days after A's start, no overlap: just outside the span.
        let later = CalendarDate(iso: "2025-03-01")!.adding(days: n + 1).description
        _ = try w.klass(World.schoolB, start: later, end: CalendarDate(iso: later)!.adding(days: 5).description, enrolling: [w.workers[1]])
        // Worker 2: two classes at the same institution, overlapping: not this signal.
        _ = try w.klass(World.schoolA, start: "2025-03-05", end: "2025-03-15", enrolling: [w.workers[2]])
        let r = try w.sweep(.institutionHopping)
        #expect(r.count == 1)
        let o = try #require(r.occurrences.first)
        #expect(o.subject == "张伟 (\(w.workers[0]))")
        #expect(o.records.filter { $0.kind == .klass }.map(\.key) == [String(a), String(b)])
        #expect(Set(o.records.filter { $0.kind == .institution }.map(\.name)) == ["南京甲培训学校", "南京乙培训学校"])
        #expect(o.figuresEn.contains("2 classes at 2 institutions"))
    }

    /// Five workers on `days` with the same minutes, except `odd` (a minute more on its first day).
    func attendAll(_ w: World, _ classID: Int64, _ workers: [String], days: [String], minutes: Int = 480, odd: String? = nil) throws {
        for id in workers {
            for (i, d) in days.enumerated() {
                try w.scenario.attend(classID, id, on: d, classroomMinutes: minutes + (id == odd && i == 0 ? 1 : 0))
            }
        }
    }

    @Test func identicalGridsAcrossAWholeClass() throws {
        let w = try World(workers: 10)
        let days = ["2025-03-03", "2025-03-04", "2025-03-05"]
        let copied = try w.klass(World.schoolA, start: "2025-03-01", end: "2025-03-20", enrolling: Array(w.workers[0...4]))
        try attendAll(w, copied, Array(w.workers[0...4]), days: days)
        _ = try w.clerk.completeClass(copied)
        // Near miss: the same, but one worker has a minute more on one day.
        let honest = try w.klass(World.schoolB, start: "2025-03-01", end: "2025-03-20", enrolling: Array(w.workers[5...9]))
        try attendAll(w, honest, Array(w.workers[5...9]), days: days, odd: w.workers[7])
        _ = try w.clerk.completeClass(honest)
        let r = try w.sweep(.copiedAttendance)
        #expect(r.count == 1)
        let o = try #require(r.occurrences.first)
        #expect(o.records.first == AnomalyRecord(kind: .klass, key: String(copied), number: String(copied), name: "电工 6-31-01-03",
                                                 detail: "L4 · 南京甲培训学校 · 2025-03-01..2025-03-20"))
        #expect(o.records.filter { $0.kind == .worker }.count == 5)
        #expect(o.figuresEn == "all 5 workers have one grid: 3 days, 1440 minutes each · 南京甲培训学校")
        // A class still running has not ended: not counted.
        #expect(try w.sweep(.copiedAttendance, .month(year: 2025, month: 4)).count == 0)
    }

    @Test func certificatesEnMasseAtALowCompletionInstitution() throws {
        let w = try World(workers: 10)
        // School A: 5 certificates all on the end date, nobody completed (60 of 480 minutes needed).
        let low = try w.klass(World.schoolA, start: "2025-03-01", end: "2025-03-20", enrolling: Array(w.workers[0...4]))
        for (i, id) in w.workers[0...4].enumerated() {
            try w.scenario.attend(low, id, on: "2025-03-0\(3 + i)", classroomMinutes: 60)
            try w.scenario.certify(id, number: "A-\(i)", classID: low, issued: "2025-03-20")
        }
        _ = try w.clerk.completeClass(low)
        // Near miss: school B, the same certificates on the end date, but everyone completed.
        let good = try w.klass(World.schoolB, start: "2025-03-01", end: "2025-03-20", enrolling: Array(w.workers[5...9]))
        for (i, id) in w.workers[5...9].enumerated() {
            try w.scenario.attend(good, id, on: "2025-03-0\(3 + i)", classroomMinutes: 480)
            try w.scenario.certify(id, number: "B-\(i)", classID: good, issued: "2025-03-20")
        }
        _ = try w.clerk.completeClass(good)
        let r = try w.sweep(.certificatesEnMasse)
        #expect(r.count == 1)
        let o = try #require(r.occurrences.first)
        #expect(o.records.first?.key == String(low))
        #expect(o.figuresEn == "5 of 5 certificates dated on the end date 2025-03-20 · 南京甲培训学校 completion 0.0% (0/5)")
        #expect(o.figuresZh == "5 本证书中 5 本发于结业日 2025-03-20 · 南京甲培训学校 期间合格率 0.0%（0/5）")
    }

    @Test func warningsOfClaimsSubmittedInThePeriod() throws {
        let ww = try WorkflowWorld()
        let t = ww.w.t
        // W2: worker 0 also attends school B's class on the same day.
        let other = try t.runningClass(institution: TrainingWorld.schoolB)
        _ = try t.clerk.attend(classID: other, workerID: t.workers[0], date: day("2025-03-03"), classroomMinutes: 60, onlineMinutes: 0)
        let warned = try ww.submitted(worker: 0)
        let clean = try ww.submitted(worker: 1)
        #expect(warned.warningCount > 0 && clean.warningCount == 0)
        let auditor = try t.f.session(.auditor, name: "audit1")
        let jan = ReportPeriod.month(year: 2026, month: 1)   // fixedNow's business date, 2026-01-15
        var r = try auditor.anomalySweep(period: jan, signals: [.warnings]).signals[0]
        #expect(r.count == 1)
        #expect(r.occurrences.first?.subject == warned.number)
        #expect(r.occurrences.first?.figuresEn.hasPrefix("W2 · \(warned.warningCount) warning(s) at submission · 学员 (\(t.workers[0]))") == true)
        #expect(r.occurrences.first?.records.map(\.kind) == [.claim, .worker, .klass, .institution])
        // W5: the clean claim's attendance changes after submission; it joins the list.
        try t.scenario.attend(ww.w.classID, t.workers[1], on: "2025-03-04")
        r = try auditor.anomalySweep(period: jan, signals: [.warnings]).signals[0]
        #expect(r.occurrences.map(\.subject) == [warned.number, clean.number])
        #expect(r.occurrences.last?.figuresEn.hasPrefix("W5 · 0 warning(s) at submission, evidence changed since (W5)") == true)
        // Submitted in January: February has none.
        #expect(try auditor.anomalySweep(period: .month(year: 2026, month: 2), signals: [.warnings]).signals[0].count == 0)
    }

    @Test func sweepRunsEverySignalInOrderWithProgressAndIsDeterministic() throws {
        let w = try World(workers: 2, phones: [0: "13912345678", 1: "13912345678"])
        _ = try w.klass(World.schoolA, start: "2025-03-01", end: "2025-03-20", enrolling: w.workers)
        var seen: [String] = []
        let a = try w.auditor.anomalySweep(period: Self.march) { s, done, total in seen.append("\(s?.code ?? "end") \(done)/\(total)") }
        #expect(a.signals.map(\.signal) == AnomalySignal.allCases)
        #expect(seen == AnomalySignal.allCases.enumerated().map { "\($0.element.code) \($0.offset)/6" } + ["end 6/6"])
        #expect(try w.auditor.anomalySweep(period: Self.march) == a)
        #expect(a.signals.first { $0.signal == .sharedPhone }?.count == 1)
        #expect(a.period == "2025-03" && a.first == "2025-03-01" && a.last == "2025-03-31")
    }

    @Test(arguments: [Role.auditor, Role.supervisor]) func readersMaySweep(role: Role) throws {
        let w = try World(workers: 1)
        let s = try w.f.session(role, name: role.rawValue + "9")
        #expect(try s.anomalySweep(period: Self.march).signals.count == AnomalySignal.allCases.count)
    }

    @Test(arguments: [Role.clerk, Role.finance, Role.admin]) func othersMayNot(role: Role) throws {
        let w = try World(workers: 1)
        let s = role == .admin ? w.f.admin : try w.f.session(role, name: role.rawValue + "9")
        let e = deskError { _ = try s.anomalySweep(period: Self.march) }
        #expect(e?.message(.en).contains("read the anomaly signals") == true)
        #expect(e?.message(.zh).contains("查看异常线索") == true)
    }

    @Test func everySignalHasADefinitionCitingTheClauses() {
        for s in AnomalySignal.allCases {
            for lang in Lang.allCases {
                #expect(s.definition(lang).contains(AnomalySignal.clauses), "\(s) \(lang)")
                #expect(!s.title(lang).isEmpty)
            }
            #expect(AnomalySignal.parse(s.code.uppercased()) == s)
        }
        #expect(AnomalySignal.parse("shared-bank") == nil)
        #expect(AnomalySignal.parse(" Shared-Account ") == .sharedAccount)
    }

    @Test func csvExportIsAudited() throws {
        let w = try World(workers: 2, phones: [0: "13912345678", 1: "13912345678"])
        _ = try w.klass(World.schoolA, start: "2025-03-01", end: "2025-03-20", enrolling: w.workers)
        let report = try w.auditor.anomalySweep(period: Self.march)
        let dir = try TempDir()
        let path = dir.path + "/a.csv"
        let before = try w.f.auditCount
        let r = try w.auditor.exportAnomalies(report, to: path, encoding: .utf8BOM, replace: false, lang: .en)
        #expect(r.rows == 1)
        let rows = try csvRows(path)
        #expect(rows.count == 2)
        #expect(rows[1][0] == "shared-phone" && rows[1][2] == "139****5678")
        #expect(try w.f.auditCount == before + 1)
        // An existing file is not replaced without asking.
        #expect(throws: (any Error).self) { _ = try w.auditor.exportAnomalies(report, to: path, encoding: .utf8BOM, replace: false, lang: .en) }
    }
}
