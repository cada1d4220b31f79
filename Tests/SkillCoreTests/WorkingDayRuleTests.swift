import Testing
@testable import SkillCore

/// Issue 12's missing rules in the engine and the worker: E10's third place (求职就业地) and
/// training through work without an employer (E7's clause), each both ways.
@Suite struct WorkingDayRuleTests {
    static func evaluate(_ kind: SubsidyKind = .training, _ mutate: (inout ClaimRequest, inout ClaimFacts) -> Void) -> Evaluation {
        var request = ClaimRequest(kind: kind, asOf: PolicyFixture.asOf)
        var facts = PolicyFixture.facts()
        mutate(&request, &facts)
        return PolicyEngine.evaluate(request, facts: facts, profile: PolicyLibrary.profile(named: "nanjing-2019")!)
    }

    /// E10 (001 四(三)2; 003 二(三)10): the class is in Suzhou (3205), the worker's household and
    /// residence are in Nanjing; the recorded place of job-seeking or work decides.
    @Test func e10MatchesThePlaceOfJobSeekingOrWork() throws {
        let inSuzhou = Self.evaluate { _, f in f.klass!.region = "320502"; f.worker.workRegion = "320505" }
        let pass = try #require(inSuzhou.outcome("E10"))
        #expect(pass.result == .pass && pass.clause == "003 二(三)10")
        #expect(pass.zh == "培训地 320502 与 李娜 的求职就业地 320505 同属一市")

        let inWuxi = Self.evaluate { _, f in f.klass!.region = "320502"; f.worker.workRegion = "320205" }
        let fail = try #require(inWuxi.outcome("E10"))
        #expect(fail.result == .fail && fail.clause == "003 二(三)10")
        #expect(fail.zh.contains("求职就业地 320205"), "\(fail.zh)")
        #expect(!inWuxi.eligible)

        // Where the employer is registered still counts as a place of work.
        let employer = Self.evaluate { _, f in f.klass!.region = "320502"; f.worker.employerRegion = "320506" }
        #expect(employer.outcome("E10")?.result == .pass)
        #expect(employer.outcome("E10")?.en.contains("employer's place 320506") == true)
    }

    static func workBased(_ r: inout ClaimRequest, _ f: inout ClaimFacts) { r.months = 3; f.klass!.type = .workBased }

    /// E7 (003 二(一)1): training through work is paid to the enterprise; without an employer it fails.
    @Test func trainingThroughWorkWithoutAnEmployerFails() throws {
        let none = Self.evaluate(.workBased) { r, f in Self.workBased(&r, &f); f.klass!.employer = nil }
        let e7 = try #require(none.outcome("E7"))
        #expect(e7.result == .fail && e7.clause == "003 二(一)1")
        #expect(e7.zh.contains("李娜 未登记工作单位") && e7.en.contains("no employer"))
        #expect(!none.eligible)

        let blank = Self.evaluate(.workBased) { r, f in Self.workBased(&r, &f); f.klass!.employer = "  " }
        #expect(blank.outcome("E7")?.result == .fail)

        let employed = Self.evaluate(.workBased) { r, f in Self.workBased(&r, &f) }
        #expect(employed.outcome("E7")?.result == .pass && employed.eligible && employed.payee == .enterprise)
    }

    @Test func workerDraftTakesAWorkRegion() throws {
        var d = WorkerDraft(id: "11010519491231002X", name: "张伟", workRegion: "３２０５０５")
        #expect(try d.validate(today: today).get().workRegion == "320505")
        d.workRegion = " "
        #expect(try d.validate(today: today).get().workRegion == nil)
        d.workRegion = "999999"
        guard case .failure(let v) = d.validate(today: today) else { Issue.record("999999 accepted"); return }
        #expect(v.errors[.workRegion] == .workRegion("999999"))
        #expect(v.errors[.workRegion]?.message(.zh) == "求职就业地“999999”不是已知的 6 位行政区划代码，应如 320102")
    }
}
