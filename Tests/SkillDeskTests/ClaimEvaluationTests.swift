import Foundation
import SkillCore
@testable import SkillDesk
import SkillStore
import SkillRecords
import Testing

/// A training world with one class (2025-03-01–31, 10 planned hours, electrician L4 at
/// ¥1,500.00) that worker 0 attended 8 classroom hours of, and a certificate from it.
struct ClaimWorld {
    let t: TrainingWorld
    let classID: Int64
    var worker: String { t.workers[0] }
    static let asOf = day("2025-06-01")

    init(profiles: [PolicyProfile] = PolicyLibrary.profiles, classroomHours: Int = 8, onlineHours: Int = 0) throws {
        t = try TrainingWorld(profiles: profiles)
        classID = try t.runningClass()
        try t.scenario.attend(classID, t.workers[0], on: "2025-03-03",
                              classroomMinutes: classroomHours * 60, onlineMinutes: onlineHours * 60)
        try t.scenario.certify(t.workers[0], number: "S-1", classID: classID)
    }

    func evaluate(_ kind: SubsidyKind = .training, as session: Session? = nil, cert: String? = nil,
                  months: Int? = nil, percent: Int? = nil) throws -> ClaimEvaluation {
        try (session ?? t.clerk).evaluateClaim(ClaimProposal(worker: worker, kind: kind, classID: classID, certificateNumber: cert,
                                                             months: months, prepayPercent: percent, asOf: Self.asOf))
    }

    /// Plants a claim row the way the claims workflow will store one.
    @discardableResult
    func plant(_ status: ClaimStatus, kind: SubsidyKind = .training, occupation: String = "6-31-01-03",
               level: SkillLevel = .l4, year: Int = 2024, classID: Int64? = nil) throws -> ClaimRow {
        try t.f.desk.store.write { w in
            try w.insertClaim(NewClaim(workerID: worker, kind: kind, classID: classID, institution: TrainingWorld.schoolA,
                                       occupationCode: occupation, level: level, trainingType: .employment,
                                       claimYear: year, claimDate: CalendarDate(year: year, month: 6, day: 1)!,
                                       amountFen: 100_000, payee: .worker, status: status, preparedBy: "clerk1"),
                              at: fixedNow)
        }
    }
}

@Suite("Claim evaluation")
struct ClaimEvaluationTests {
    @Test func gathersTheFactsAndPays() throws {
        let w = try ClaimWorld()
        let e = try w.evaluate()
        #expect(e.eligible, "\(e.evaluation.failures.map { $0.message(.en) })")
        #expect(e.amountFen == 150_000)
        #expect(e.profileName == "nanjing-2019" && e.workerName == "学员" && e.claimYear == 2025 && e.level == .l4)
        #expect(e.facts.klass?.countedMinutes == 480 && e.facts.klass?.attendedDays == 1)
        #expect(e.facts.klass?.region == "320100")            // characters 3–8 of the school's credit code
        #expect(e.facts.catalogue?.standardFen == 150_000)
        #expect(e.facts.certificate?.number == "S-1")         // the certificate linked to the class, not given
        #expect(e.outcome("E14")?.result == .pass && e.outcome("E10")?.result == .pass && e.outcome("E3")?.result == .pass)
        #expect(e.classLabel(.zh)?.contains("#\(w.classID) 电工") == true)
        #expect(e.certificateLabel(.en)?.contains("S-1") == true)
        // Nothing was written.
        #expect(try w.t.f.desk.store.read { try $0.claims(ofWorker: w.worker) }.isEmpty)
        // Every role may evaluate.
        let supervisor = try w.t.f.session(.supervisor)
        #expect(try w.evaluate(as: supervisor).amountFen == 150_000)
    }

    @Test(arguments: [(ClaimStatus.submitted, true), (.approved, true), (.draft, false), (.rejected, false)])
    func e5CountsSubmittedAndApprovedOnly(_ status: ClaimStatus, _ blocks: Bool) throws {
        let w = try ClaimWorld()
        let prior = try w.plant(status)
        let e = try w.evaluate()
        #expect(e.facts.priorClaims.map(\.id) == [prior.id])
        #expect(e.outcome("E5")?.result == (blocks ? .fail : .pass))
        if blocks { #expect(e.outcome("E5")?.en.contains("claim \(prior.number)") == true && !e.eligible) }
    }

    @Test func e4ThreeCountedTrainingsInAYear() throws {
        let w = try ClaimWorld()
        // Other occupations (so E5 stays out of it), counted in the class's year 2025.
        try w.plant(.submitted, occupation: "6-18-01-01", year: 2025)
        try w.plant(.approved, occupation: "6-18-01-02", year: 2025)
        try w.plant(.draft, occupation: "6-18-01-03", year: 2025)       // does not count
        try w.plant(.paid, occupation: "6-18-01-04", year: 2024)        // another year
        #expect(try w.evaluate().outcome("E4")?.result == .pass)
        try w.plant(.paid, occupation: "6-18-01-05", year: 2025)
        let e = try w.evaluate()
        #expect(e.outcome("E4")?.result == .fail && !e.eligible)
        #expect(e.outcome("E5")?.result == .pass)
    }

    @Test func theActiveProfilesOnlineRatioCountsHours() throws {
        // 6 classroom + 4 online hours: 8 counted at 50% (complete), 10 at 100%, 6 at 0% (not complete).
        let base = PolicyLibrary.profile(named: "nanjing-2019")!
        var all = base; all.name = "all-online"; all.onlinePercent = Cited(100, .demo)
        var none = base; none.name = "no-online"; none.onlinePercent = Cited(0, .demo)
        let w = try ClaimWorld(profiles: [base, all, none], classroomHours: 6, onlineHours: 4)
        #expect(try w.evaluate().facts.klass?.countedMinutes == 480)
        #expect(try w.t.clerk.trainingClass(w.classID).roster.first { $0.workerID == w.worker }?.countedMinutes == 480)
        try w.t.f.admin.usePolicy("all-online")
        #expect(try w.evaluate().facts.klass?.countedMinutes == 600)
        #expect(try w.t.clerk.trainingClass(w.classID).roster.first { $0.workerID == w.worker }?.countedMinutes == 600)
        #expect(try w.t.clerk.archive(workerID: w.worker).countedMinutesTotal == 600)
        try w.t.f.admin.usePolicy("no-online")
        let e = try w.evaluate()
        #expect(e.facts.klass?.countedMinutes == 360 && e.outcome("E14")?.result == .fail)
        #expect(try w.t.clerk.archive(workerID: w.worker).classes.first?.completed == false)
    }

    @Test func policyUseIsForAdministratorsAndAudited() throws {
        let w = try ClaimWorld()
        let clerk = w.t.clerk
        #expect(try clerk.activePolicy().name == "nanjing-2019")
        let refused = deskError { try clerk.usePolicy("wuxi-2015") }
        if case .notPermitted(.managePolicy)? = refused {} else { Issue.record("expected notPermitted, got \(String(describing: refused))") }
        #expect(try clerk.activePolicy().name == "nanjing-2019")
        let unknown = deskError { try w.t.f.admin.usePolicy("atlantis-2030") }
        #expect(unknown?.message(.en).contains("nanjing-2019") == true)
        let change = try w.t.f.admin.usePolicy("wuxi-2015")
        #expect(change.changed && change.before == "nanjing-2019")
        #expect(try clerk.activePolicy().name == "wuxi-2015")
        let audit = try w.t.f.admin.auditEntries(entity: "settings", key: "policy")
        #expect(audit.map(\.action) == ["policy.use", "policy.use"])      // init, then the change
        #expect(audit.last?.user == "admin" && audit.last?.before == #"{"policy":"nanjing-2019"}"#
                && audit.last?.after == #"{"policy":"wuxi-2015"}"#)
        // Again the same: nothing written.
        let again = try w.t.f.admin.usePolicy("wuxi-2015")
        #expect(!again.changed)
        #expect(try w.t.f.admin.auditEntries(entity: "settings", key: "policy").count == 2)
        #expect(try w.evaluate().profileName == "wuxi-2015")
    }

    @Test func badProposalsAreRefusedSayingWhatWouldBeRight() throws {
        let w = try ClaimWorld()
        let c = w.t.clerk
        func refusal(_ p: ClaimProposal) -> DeskError? { deskError { _ = try c.evaluateClaim(p) } }
        let unknownWorker = refusal(ClaimProposal(worker: residentID(seq: 99), kind: .training, classID: w.classID))
        if case .workerNotFound? = unknownWorker {} else { Issue.record("unknown worker: \(String(describing: unknownWorker))") }
        let unknownClass = refusal(ClaimProposal(worker: w.worker, kind: .training, classID: 999))
        if case .classNotFound(999)? = unknownClass {} else { Issue.record("unknown class: \(String(describing: unknownClass))") }
        let unknownCert = refusal(ClaimProposal(worker: w.worker, kind: .training, classID: w.classID, certificateNumber: "NOPE"))
        if case .certificateNotFound("NOPE", _)? = unknownCert {} else { Issue.record("unknown cert: \(String(describing: unknownCert))") }
        // Worker 1 is on the roster but S-1 is worker 0's.
        let otherCert = refusal(ClaimProposal(worker: w.t.workers[1], kind: .training, classID: w.classID, certificateNumber: "S-1"))
        #expect(otherCert?.message(.en).contains("recorded for 学员 (\(w.worker))") == true)
        let noClass = refusal(ClaimProposal(worker: w.worker, kind: .training))
        // Shared by the CLI and the TUI: it names the input, never a flag (issue 12, defect 6).
        #expect(noClass?.message(.en).contains("name the class number") == true && noClass?.message(.zh).contains("请填写班号") == true)
        #expect(noClass?.message(.en).contains("--") == false && noClass?.message(.zh).contains("--") == false)
        #expect(refusal(ClaimProposal(worker: w.worker, kind: .workBased, classID: w.classID, months: 0))?.message(.en).contains("1–120") == true)
        #expect(refusal(ClaimProposal(worker: w.worker, kind: .training, classID: w.classID, months: 3)) != nil)
        #expect(refusal(ClaimProposal(worker: w.worker, kind: .prepayment, classID: w.classID, prepayPercent: 101)) != nil)
        #expect(refusal(ClaimProposal(worker: w.worker, kind: .appraisal)) != nil)
        // Not on the class: the message names the worker's classes.
        let other = try w.t.clerk.addClass(TrainingWorld.classDraft(start: "2025-05-01", end: "2025-05-31"))
        let notOn = refusal(ClaimProposal(worker: w.worker, kind: .training, classID: other.id))
        #expect(notOn?.message(.en).contains("the worker's classes: \(w.classID)") == true)
    }

    @Test func w2AndW3FactsComeFromTheStore() throws {
        let w = try ClaimWorld()
        // The same day at another institution's class.
        let otherClass = try w.t.runningClass(institution: TrainingWorld.schoolB)
        _ = try w.t.clerk.attend(classID: otherClass, workerID: w.worker, date: day("2025-03-03"), classroomMinutes: 60, onlineMinutes: 0)
        // Two decided claims of school A, one rejected: 50%, but 2 decided are too few for a rate (issue 12).
        try w.plant(.rejected, occupation: "6-18-01-01")
        try w.plant(.approved, occupation: "6-18-01-02")
        let few = try w.evaluate()
        #expect(few.facts.anomalies.otherInstitutionDays == [day("2025-03-03")])
        #expect(few.facts.anomalies.institutionRejected == 1 && few.facts.anomalies.institutionDecided == 2)
        #expect(few.outcome("W2")?.result == .warn && few.outcome("W3")?.result == .pass)
        // 19 decided (5 rejected): still silent. Submitted, returned and draft claims are not decided.
        let other = w.t.workers[2]
        for _ in 0..<4 { try ClaimBatchRecheckTests.plant(w, worker: other, .rejected, year: 2023) }
        for status in [ClaimStatus.paid, .payable, .onNotice, .clawback, .recovered] + Array(repeating: .approved, count: 8) {
            try ClaimBatchRecheckTests.plant(w, worker: other, status, year: 2023)
        }
        for status in [ClaimStatus.submitted, .returned, .draft] { try ClaimBatchRecheckTests.plant(w, worker: other, status, year: 2023) }
        let nineteen = try w.evaluate()
        #expect(nineteen.facts.anomalies.institutionRejected == 5 && nineteen.facts.anomalies.institutionDecided == 19)
        #expect(nineteen.outcome("W3")?.result == .pass)
        // The 20th decided claim: 5 of 20 is 25%, over nanjing-2019's 20% line.
        try ClaimBatchRecheckTests.plant(w, worker: other, .approved, year: 2023)
        let e = try w.evaluate()
        #expect(e.outcome("W2")?.result == .warn && e.outcome("W3")?.result == .warn)
        #expect(e.outcome("W3")?.zh.contains("驳回率 25%（20 份已决定中驳回 5 份），超过警示线 20%") == true)
        #expect(e.eligible)      // warnings do not stop a claim
    }

    @Test func recheckExcludesTheClaimItselfAndUsesOneSnapshot() throws {
        let w = try ClaimWorld()
        let first = try w.plant(.submitted, year: 2025, classID: w.classID)
        let rechecks = try w.t.clerk.recheckClaims(status: .submitted, asOf: ClaimWorld.asOf)
        #expect(rechecks.map(\.claim.id) == [first.id])
        let e = try rechecks[0].result.get()
        #expect(e.facts.priorClaims.isEmpty && e.eligible && e.amountFen == 150_000)
        // A second claim for the same occupation and level: now each sees the other, not itself.
        let second = try w.plant(.submitted, year: 2025)
        let both = try w.t.clerk.recheckClaims(status: .submitted, asOf: ClaimWorld.asOf)
        #expect(both.map(\.claim.id) == [first.id, second.id])
        let firstAgain = try both[0].result.get()
        #expect(firstAgain.facts.priorClaims.map(\.id) == [second.id] && firstAgain.outcome("E5")?.result == .fail)
        let page = try w.t.clerk.recheckClaims(status: .submitted, after: first, asOf: ClaimWorld.asOf)
        #expect(page.map(\.claim.id) == [second.id])
        #expect(try w.t.clerk.recheckClaims(status: .approved).isEmpty)
    }

    @Test func unemploymentInsuranceIsStoredAndDecidesP2() throws {
        let w = try ClaimWorld()
        // Not insured: the insured-employee upgrading subsidy fails P2.
        let before = try w.evaluate(.insuredUpgrading, cert: "S-1")
        #expect(before.outcome("P2")?.result == .fail)
        var d = WorkerDraft(row: try w.t.clerk.worker(id: w.worker))
        d.unemploymentInsured = true
        let row = try w.t.clerk.update(id: w.worker, with: d, expectedVersion: 1)
        #expect(row.unemploymentInsured)
        let audit = try w.t.f.admin.auditEntries(entity: "worker", key: w.worker).last
        #expect(audit?.after?.contains("\"unemployment_insured\":true") == true)
        #expect(audit?.before?.contains("\"unemployment_insured\":false") == true)
        let after = try w.evaluate(.insuredUpgrading, cert: "S-1")
        #expect(after.outcome("P2")?.result == .pass)
        #expect(after.amountFen == 150_000)    // nanjing L4 insured upgrading ¥1,500.00 (demo)
    }
}

/// The re-evaluation job's batch path (facts read ahead for the whole batch, verdicts without
/// messages) against the per-claim path and `evaluateClaim`.
@Suite("Claim re-evaluation in batches")
struct ClaimBatchRecheckTests {
    /// Plants a claim for any worker (the claims workflow's row).
    @discardableResult
    static func plant(_ w: ClaimWorld, worker: String, _ status: ClaimStatus, kind: SubsidyKind = .training,
                      occupation: String = "6-31-01-03", level: SkillLevel = .l4, year: Int = 2025, classID: Int64? = nil,
                      certificateID: Int64? = nil, institution: String = TrainingWorld.schoolA) throws -> ClaimRow {
        try w.t.f.desk.store.write { s in
            try s.insertClaim(NewClaim(workerID: worker, kind: kind, classID: classID, certificateID: certificateID,
                                       institution: institution, occupationCode: occupation, level: level,
                                       trainingType: .employment, claimYear: year,
                                       claimDate: CalendarDate(year: year, month: 6, day: 1)!, amountFen: 100_000,
                                       payee: .worker, status: status, preparedBy: "clerk1"), at: fixedNow)
        }
    }

    @Test func batchVerdictsEqualTheSingleEvaluations() throws {
        let w = try ClaimWorld()
        let (w0, w1, w2) = (w.t.workers[0], w.t.workers[1], w.t.workers[2])
        // W2: worker 0 also attends school B's class on the same day.
        let other = try w.t.runningClass(institution: TrainingWorld.schoolB)
        _ = try w.t.clerk.attend(classID: other, workerID: w0, date: day("2025-03-03"), classroomMinutes: 60, onlineMinutes: 0)
        // W1: worker 1 holds a certificate with worker 0's number.
        var c = CertificateDraft()
        c.worker = w1; c.type = "skill_level"; c.number = "S-1"; c.occupation = "6-31-01-03"; c.level = "L4"
        c.issueDate = "2025-04-02"; c.classID = w.classID
        _ = try w.t.clerk.addCertificate(c)
        // W3: school A has 12 rejected of 20 decided claims (60%, over the 20% line; 20 decided
        // is the shipped profiles' minimum before a rate counts).
        for i in 0..<20 {
            try Self.plant(w, worker: w2, i < 12 ? .rejected : .paid, occupation: "6-18-01-\(i < 9 ? "0" : "")\(i + 1)", year: 2023)
        }
        // E4: worker 0 has three other counted trainings in 2025; E5: worker 1 an approved one for the same occupation and level.
        try Self.plant(w, worker: w0, .approved, occupation: "6-18-01-04")
        try Self.plant(w, worker: w0, .paid, occupation: "6-18-01-05")
        try Self.plant(w, worker: w0, .approved, occupation: "6-18-01-06")
        try Self.plant(w, worker: w1, .approved, year: 2024)
        // The pending claims the job re-evaluates: one per worker on the class, an appraisal on a
        // certificate, and one whose worker is not registered (refused the same way).
        let cert0 = try w.t.f.desk.store.read { try $0.certificates(workerID: w0, classID: w.classID) }.first!
        try Self.plant(w, worker: w0, .submitted, classID: w.classID)
        try Self.plant(w, worker: w1, .submitted, classID: w.classID)
        try Self.plant(w, worker: w2, .submitted, classID: w.classID)
        try Self.plant(w, worker: w0, .submitted, kind: .appraisal, year: 2025, certificateID: cert0.id)
        let ghost = residentID(seq: 99)
        try Self.plant(w, worker: ghost, .submitted, classID: w.classID)

        let batch = try w.t.clerk.recheckClaims(status: .submitted, asOf: ClaimWorld.asOf, prefetch: true, messages: false)
        let single = try w.t.clerk.recheckClaims(status: .submitted, asOf: ClaimWorld.asOf, prefetch: false, messages: true)
        #expect(batch.count == 5 && batch.map(\.claim.id) == single.map(\.claim.id))
        let profile = PolicyLibrary.profile(named: "nanjing-2019")!
        var seen: Set<String> = []
        for (b, s) in zip(batch, single) {
            let c = b.claim
            switch (b.result, s.result) {
            case let (.success(be), .success(se)):
                // Same facts, same verdict; the batch carries no text.
                #expect(be.facts == se.facts, "claim \(c.id)")
                #expect(be.outcomes.map(\.rule) == se.outcomes.map(\.rule))
                #expect(be.outcomes.map(\.result) == se.outcomes.map(\.result), "claim \(c.id)")
                #expect(be.outcomes.map(\.clause) == se.outcomes.map(\.clause))
                #expect(be.amountFen == se.amountFen && be.evaluation.payee == se.evaluation.payee)
                #expect(be.outcomes.allSatisfy { $0.zh.isEmpty && $0.en.isEmpty } && se.outcomes.allSatisfy { !$0.en.isEmpty })
                // evaluateClaim on the same proposal gathers the same facts (plus the stored claim
                // itself among the prior ones, which a re-evaluation leaves out) and, without it,
                // the engine gives the batch's verdict.
                let kind = c.kind
                let cert = c.certificateID.map { _ in cert0.number }
                let e = try w.t.clerk.evaluateClaim(ClaimProposal(worker: c.workerID, kind: kind, classID: c.classID,
                                                                  certificateNumber: cert, asOf: ClaimWorld.asOf))
                #expect(e.facts.priorClaims.contains { $0.id == c.id })
                var facts = e.facts
                facts.priorClaims.removeAll { $0.id == c.id }
                #expect(facts == be.facts, "claim \(c.id)")
                let full = PolicyEngine.evaluate(ClaimRequest(kind: kind, asOf: ClaimWorld.asOf), facts: facts, profile: profile)
                #expect(full.outcomes.map(\.result) == be.outcomes.map(\.result) && full.amountFen == be.amountFen)
                for o in be.outcomes where o.result != .pass && o.result != .notApplicable { seen.insert("\(c.workerID) \(o.rule)") }
            case let (.failure(be), .failure(se)):
                #expect(c.workerID == ghost && be.message(.en) == se.message(.en))
                #expect(deskError { _ = try w.t.clerk.evaluateClaim(ClaimProposal(worker: ghost, kind: .training, classID: w.classID)) }?
                    .message(.en) == be.message(.en))
            default:
                Issue.record("claim \(c.id): the batch and the per-claim path disagree: \(b.result) vs \(s.result)")
            }
        }
        // The scenario exercises what it claims to: W1, W2, W3, E4, E5 each decided somewhere.
        #expect(seen.isSuperset(of: ["\(w0) E4", "\(w0) W1", "\(w0) W2", "\(w0) W3", "\(w1) E5", "\(w1) W1", "\(w2) W3"]), "\(seen.sorted())")
    }

    /// A batch of more workers than one IN list takes (1,000) is read in chunks, same answers
    /// (1,003 unregistered workers, refused alike, and the three on the class).
    @Test func aBatchLargerThanOneInListIsReadInChunks() throws {
        let w = try ClaimWorld()
        try w.t.f.desk.store.write { s in
            for n in 0..<1_003 {
                _ = try s.insertClaim(NewClaim(workerID: residentID(region: "320104", birth: n < 500 ? "19910101" : "19920101", seq: n), kind: .training, classID: w.classID,
                                               institution: TrainingWorld.schoolA, occupationCode: "6-31-01-03", level: .l4,
                                               claimYear: 2025, claimDate: day("2025-06-01"), amountFen: 1, payee: .worker,
                                               status: .submitted, preparedBy: "clerk1"), at: fixedNow)
            }
        }
        for worker in w.t.workers {
            try Self.plant(w, worker: worker, .submitted, classID: w.classID)
            try Self.plant(w, worker: worker, .paid, occupation: "6-18-01-01")
        }
        let batch = try w.t.clerk.recheckClaims(status: .submitted, limit: 2_000, asOf: ClaimWorld.asOf, messages: false)
        let single = try w.t.clerk.recheckClaims(status: .submitted, limit: 2_000, asOf: ClaimWorld.asOf, prefetch: false)
        #expect(batch.count == 1_006 && batch.map(\.claim.id) == single.map(\.claim.id))
        var evaluated = 0
        for (b, s) in zip(batch, single) {
            switch (b.result, s.result) {
            case let (.success(be), .success(se)):
                evaluated += 1
                #expect(be.facts == se.facts && be.outcomes.map(\.result) == se.outcomes.map(\.result))
                #expect(be.facts.priorClaims.map(\.occupationCode) == ["6-18-01-01"])
            case let (.failure(be), .failure(se)): #expect(be.message(.en) == se.message(.en))
            default: Issue.record("claim \(b.claim.id): the paths disagree")
            }
        }
        #expect(evaluated == 3)
    }

    @Test func batchesPageLikeSingleClaims() throws {
        let w = try ClaimWorld()
        for (i, worker) in w.t.workers.enumerated() {
            try Self.plant(w, worker: worker, .submitted, classID: w.classID)
            try Self.plant(w, worker: worker, .approved, occupation: "6-18-01-0\(i)")
        }
        let first = try w.t.clerk.recheckClaims(status: .submitted, limit: 2, asOf: ClaimWorld.asOf, messages: false)
        let rest = try w.t.clerk.recheckClaims(status: .submitted, after: first.last?.claim, limit: 2, asOf: ClaimWorld.asOf, messages: false)
        let all = try w.t.clerk.recheckClaims(status: .submitted, asOf: ClaimWorld.asOf, prefetch: false)
        #expect((first + rest).map(\.claim.id) == all.map(\.claim.id) && all.count == 3)
        for (b, s) in zip(first + rest, all) {
            let be = try b.result.get(), se = try s.result.get()
            #expect(be.facts == se.facts && be.outcomes.map(\.result) == se.outcomes.map(\.result))
            #expect(be.facts.priorClaims.count == 1)
        }
    }
}
