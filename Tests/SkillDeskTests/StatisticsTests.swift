import Foundation
import SkillCore
@testable import SkillDesk
@testable import SkillStore
import SkillRecords
import Testing

/// The statistics on a scenario walked through the use cases, with figures known by hand: a worker
/// in two groups, a voided certificate, a claim returned then approved, a paid claim clawed back.
@Suite("Statistics: figures of a known scenario")
struct StatisticsTests {
    /// Class 2025-03 (ended 2025-03-31, completed) with three workers: 0 in two groups and complete,
    /// 1 unemployed and complete, 2 in no group and short of hours. Certificates in 2025-Q2: two L4,
    /// one L3, one L4 voided. Claims in 2026-01 (the clock): A paid 2026-01-22 and clawed back; B
    /// returned, submitted again, approved; C rejected (planted, never submitted).
    struct World {
        let x: WorkflowWorld
        let a: Int64, b: Int64, c: Int64

        init() throws {
            let x = try WorkflowWorld()
            let t = x.w.t
            try x.f.desk.store.write { w in
                try w.db.execute(sql: "UPDATE workers SET groups = 'unemployed;veteran' WHERE id = ?", arguments: [t.workers[0]])
                try w.db.execute(sql: "UPDATE workers SET groups = 'unemployed' WHERE id = ?", arguments: [t.workers[1]])
            }
            try t.scenario.attend(x.w.classID, t.workers[1], on: "2025-03-03")
            try t.scenario.attend(x.w.classID, t.workers[2], on: "2025-03-03", classroomMinutes: 120)
            try t.scenario.certify(t.workers[1], number: "S-2", classID: x.w.classID)
            try t.scenario.certify(t.workers[2], number: "S-3", classID: x.w.classID)
            try x.f.desk.store.write { w in
                try w.db.execute(sql: """
                    INSERT INTO certificates(type, number, occupation_code, level, issue_date, worker_id, class_id, created_at)
                    VALUES ('skill_level', 'S-9', '6-31-01-03', 'L3', '2025-05-20', ?, ?, 'now')
                    """, arguments: [t.workers[2], x.w.classID])
            }
            let s3 = try x.f.desk.store.read { try Int64.fetchOne($0.db, sql: "SELECT id FROM certificates WHERE number = 'S-3'")! }
            _ = try t.clerk.voidCertificate(s3, reason: "录入错误")
            _ = try t.clerk.completeClass(x.w.classID)
            let a = try x.submitted(worker: 0).id
            let b = try t.scenario.submittedClaim(t.workers[1], classID: x.w.classID).id
            _ = try x.sup.returnClaim(b, reason: "补材料")
            _ = try x.clerk.submitClaim(b)
            _ = try x.sup.approveClaim(b)
            _ = try x.sup.approveClaim(a)
            let c = try x.w.plant(.submitted, year: 2026).id
            _ = try x.sup.rejectClaim(c, code: .duplicate, reason: "重复")
            x.f.clock.advance(7 * 86_400)
            _ = try x.sup.claimQueue()
            try x.clerk.setBankAccount(workerID: t.workers[0], account: "6222 0212 3456 7890 128")
            try x.clerk.setBankAccount(workerID: t.workers[1], account: "6222 0212 3456 7890 557")
            let batch = try x.fin.createPaymentBatch()
            let number = ClaimNumber.format(year: try x.claim(a).claimYear, serial: Int(a))
            _ = try x.fin.reconcilePaymentBatch(batch.batch, resultFile: Array("\(number),成功,1500.00,\r\n".utf8))
            _ = try x.sup.clawbackClaim(a, reason: "伪造证书")
            self.x = x; self.a = a; self.b = b; self.c = c
        }
    }

    @Test func trainingCountsPersonTimesAndGroupsEachButTheTotalOnce() throws {
        let w = try World()
        let r = try w.x.f.admin.statistics(period: .quarter(year: 2025, quarter: 1), by: .group)
        #expect(r.trainingTotal.enrolled == 3 && r.trainingTotal.completed == 2)
        #expect(r.training.map { "\($0.key) \($0.enrolled) \($0.completed)" } == ["unemployed 2 2", "veteran 1 1", "none 1 0"])
        #expect(r.headline(.completed)?.count == 2 && r.headline(.completed)?.previousCount == 0 && r.headline(.completed)?.previousPeriod == "2024-Q4")
        #expect(r.months.map { "\($0.month) \($0.completed)" } == ["2025-01 0", "2025-02 0", "2025-03 2"])
        let byType = try w.x.sup.statistics(period: .quarter(year: 2025, quarter: 1), by: .type)
        #expect(byType.training.map { "\($0.key) \($0.enrolled) \($0.completed) \($0.rateBasisPoints ?? -1)" } == ["employment 3 2 6666"])
        // Placed by the institution's credit code (52 320100 …): the prefecture, not a district of it.
        #expect(try w.x.fin.statistics(period: .year(2025), area: .region("320100")).trainingTotal.completed == 2)
        #expect(try w.x.fin.statistics(period: .year(2025), area: .region("320102")).trainingTotal.enrolled == 0)
        let rows = try w.x.f.admin.statisticsRows(period: .quarter(year: 2025, quarter: 1), figure: FigureID(.completed, .group, "unemployed"))
        #expect(Set(rows.rows.map(\.workerID)) == [w.x.w.t.workers[0], w.x.w.t.workers[1]] && rows.next == nil)
        #expect(rows.rows.allSatisfy { $0.completed == true && $0.classID == w.x.w.classID && $0.countedMinutes == 480 && $0.workerName == "学员" })
    }

    @Test func certificatesLeaveTheVoidedOneOutAndShareHighSkill() throws {
        let w = try World()
        let r = try w.x.f.admin.statistics(period: .quarter(year: 2025, quarter: 2))
        #expect(r.headline(.certificates)?.count == 3)
        #expect(r.highSkill == HighSkillShare(highSkill: 1, leveled: 3) && r.highSkill.basisPoints == 3333)
        #expect(r.certificatesByLevel.map { "\($0.key) \($0.count)" } == ["L4 2", "L3 1"])
        #expect(r.certificatesByType.map { "\($0.key) \($0.count)" } == ["skill_level 3"])
        let rows = try w.x.f.admin.statisticsRows(period: .quarter(year: 2025, quarter: 2), figure: FigureID(.certificates))
        #expect(rows.rows.map { $0.certificateNumber ?? "" }.sorted() == ["S-1", "S-2", "S-9"])
    }

    @Test func claimsByTheirDaysAndAmounts() throws {
        let w = try World()
        let r = try w.x.f.admin.statistics(period: .month(year: 2026, month: 1))
        func line(_ m: StatsMetric) -> String {
            let t = r.claims.first { $0.metric == m }!
            return "\(t.total.count) \(t.total.amountFen ?? -1)"
        }
        #expect(line(.submitted) == "2 300000")      // B counted once, on its last submission
        #expect(line(.approved) == "2 300000")       // A approved, since clawed back, still counts
        #expect(line(.rejected) == "1 100000")
        #expect(line(.paid) == "1 150000")
        #expect(line(.clawedBack) == "1 150000")
        let approved = r.claims.first { $0.metric == .approved }!
        #expect(approved.bySource.map { "\($0.key) \($0.count)" } == ["employment_subsidy 2"])
        let rejected = r.claims.first { $0.metric == .rejected }!
        #expect(rejected.bySource.map { "\($0.key) \($0.count)" } == ["none 1"])
        #expect(r.funds.map { "\($0.year) \($0.source) \($0.paidFen) \($0.clawbackDueFen) \($0.balanceFen)" }
                == ["2026 employment_subsidy 150000 150000 700000"])
        #expect(r.months.map { "\($0.month) \($0.paidFen)" } == ["2026-01 150000"])
        let paid = try w.x.fin.statisticsRows(period: .month(year: 2026, month: 1), figure: FigureID(.paid, .kind, "training"))
        #expect(paid.rows.map { $0.claimNumber ?? "" } == [ClaimNumber.format(year: try w.x.claim(w.a).claimYear, serial: Int(w.a))])
        // Nothing of the claims in December.
        let dec = try w.x.f.admin.statistics(period: .month(year: 2025, month: 12))
        #expect(dec.claims.allSatisfy { $0.total.count == 0 })
    }

    @Test func aClerkMayNotReadTheStatisticsAndBadInputSaysWhatIsRight() throws {
        let w = try World()
        #expect(throws: DeskError.self) { _ = try w.x.clerk.statistics(period: .year(2025)) }
        guard case let .invalidInput(en, zh)? = deskError({ _ = try w.x.sup.statisticsRows(period: .year(2025), figure: FigureID(.completed), after: "12") }) else {
            Issue.record("a bad key"); return
        }
        #expect(en.contains("2026-08-31/12/") && zh.contains("上一页"))
        #expect(throws: DeskError.self) { _ = try w.x.sup.statistics(period: .year(2025), by: .kind) }
        #expect(throws: DeskError.self) { _ = try w.x.sup.statisticsRows(period: .year(2025), figure: FigureID(.completed), limit: 0) }
        if case let .failure(e) = FigureID.parse("completed/kind=training") { #expect(e.message(.en).contains("type, group")) } else { Issue.record("parsed") }
        if case let .failure(e) = StatsArea.parse("999999") { #expect(e.message(.zh).contains("999999")) } else { Issue.record("parsed") }
        #expect(try FigureID.parse("paid/source=local_budget@３２０１０２").get().code == "paid/source=local_budget@320102")
    }

    @Test func theReportIsAValueThatRoundTripsAsJSON() throws {
        let w = try World()
        let r = try w.x.f.admin.statistics(period: .year(2025), by: .institution)
        let data = try JSONEncoder().encode(r)
        #expect(try JSONDecoder().decode(StatsReport.self, from: data) == r)
        #expect(try w.x.f.admin.statistics(period: .year(2025), by: .institution) == r)   // deterministic
        #expect(r.training.first?.name == "南京某职业培训学校")
    }
}
