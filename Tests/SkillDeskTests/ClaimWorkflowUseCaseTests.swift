import Foundation
import SkillCore
@testable import SkillDesk
@testable import SkillStore
import SkillRecords
import Testing

/// ClaimWorld plus a supervisor, finance, and a funded 2026 account (the clock's year).
struct WorkflowWorld {
    let w: ClaimWorld
    let sup: Session
    let fin: Session
    var f: Fixture { w.t.f }
    var clerk: Session { w.t.clerk }

    init(fundFen: Int64 = 1_000_000) throws {
        w = try ClaimWorld()
        sup = try w.t.f.session(.supervisor, name: "sup1")
        fin = try w.t.f.session(.finance, name: "fin1")
        if fundFen > 0 { try w.t.f.admin.allocateFund(year: 2026, source: .employmentSubsidy, amountFen: fundFen) }
    }

    /// A submitted claim of worker `i` (0 has attendance and a certificate; others get them here).
    func submitted(worker i: Int = 0) throws -> ClaimRow {
        let id = w.t.workers[i]
        if i > 0 {
            try w.t.scenario.attend(w.classID, id, on: "2025-03-03")
            try w.t.scenario.certify(id, number: "S-\(i + 1)", classID: w.classID)
        }
        return try w.t.scenario.submittedClaim(id, classID: w.classID)
    }

    func claim(_ id: Int64) throws -> ClaimRow { try f.desk.store.read { try $0.claim(id: id)! } }
    func fund() throws -> FundAccount { try f.desk.store.read { try $0.fundAccount(year: 2026, source: .employmentSubsidy)! } }
    func audit(_ id: Int64) throws -> [AuditEntry] { try f.desk.store.read { try $0.auditEntries(entity: "claim", key: String(id)) } }
}

@Suite("Claims workflow use cases")
struct ClaimWorkflowUseCaseTests {
    @Test func draftSubmitApproveNoticePayableWithFundAndAudit() throws {
        let x = try WorkflowWorld()
        let d = try x.clerk.newClaim(ClaimProposal(worker: x.w.worker, kind: .training, classID: x.w.classID))
        #expect(d.claim.status.rawValue == "draft" && d.claim.amountFen == 150_000 && d.eligible && d.claim.preparedBy == "clerk1")
        let s = try x.clerk.submitClaim(d.claim.id)
        #expect(s.status.rawValue == "submitted" && s.submittedBy == "clerk1" && s.evidenceSHA256?.count == 64)
        #expect(s.evidenceSHA256 == SHA256.hex(s.evidenceJSON!))
        #expect(try s == x.claim(s.id))   // what a step returns is what it stored, version included
        let a = try x.sup.approveClaim(s.id, note: "ok")
        #expect(try a == x.claim(s.id))
        #expect(a.status.rawValue == "on_notice" && a.decidedBy == "sup1" && a.decisionNote == "ok")
        #expect(a.fundYear == 2026 && a.fundSource?.rawValue == "employment_subsidy")
        #expect(a.noticePublishedOn == "2026-01-15" && a.noticeEndOn == "2026-01-21")   // Thu + 5 working days
        let fund = try x.fund()
        #expect(fund.reservedFen == 150_000 && fund.balanceFen == 850_000)
        #expect(try x.audit(s.id).map(\.action) == ["claim.create", "claim.submit", "claim.approve", "claim.publish_notice"])
        // Masked on the notice list.
        let n = try x.clerk.noticeList()
        #expect(n.count == 1 && n[0].maskedID == PublicMask.residentID(x.w.worker) && n[0].maskedName == "学*")
        #expect(!n[0].maskedID.contains(String(x.w.worker.dropFirst(4).prefix(6))))
        // Still on notice on the last day; payable the day after, audited as system.
        x.f.clock.advance(6 * 86_400)            // 2026-01-21
        _ = try x.sup.claimQueue()
        #expect(try x.claim(s.id).status.rawValue == "on_notice")
        x.f.clock.advance(86_400)                // 2026-01-22
        _ = try x.sup.claimQueue()
        #expect(try x.claim(s.id).status.rawValue == "payable")
        #expect(try x.audit(s.id).last?.action == "claim.end_notice" && x.audit(s.id).last?.user == "system")
        _ = try x.sup.claimQueue()               // idempotent
        #expect(try x.audit(s.id).count == 5)
        let v = try x.f.admin.verifyAudit()
        if case .intact = v.0 {} else { Issue.record("audit chain broken: \(v.0)") }
    }

    @Test func noticeEndCountsTheDatabaseHolidays() throws {
        // Published on Thu 2026-02-12: the Spring Festival holidays of the shipped calendar push the end.
        let x = try WorkflowWorld()
        x.f.clock.advance(28 * 86_400)  // 2026-02-12
        #expect(x.f.desk.today().description == "2026-02-12")
        let s = try x.submitted()
        let a = try x.sup.approveClaim(s.id)
        let expected = NoticePeriod(publishedOn: day("2026-02-12"), workingDays: 5, calendar: .shipped)!.end
        let weekdaysOnly = NoticePeriod(publishedOn: day("2026-02-12"), workingDays: 5, calendar: WorkingCalendar(entries: []))!.end
        #expect(a.noticeEndOn == expected.description)
        #expect(expected > weekdaysOnly)          // the holiday counted
        let daysToEnd = day("2026-02-12").days(to: expected)
        x.f.clock.advance(Double(daysToEnd) * 86_400)
        #expect(try x.clerk.noticeList().count == 1)
        x.f.clock.advance(86_400)
        #expect(try x.clerk.noticeList().isEmpty && x.claim(s.id).status.rawValue == "payable")
    }

    @Test func makerCheckerHoldsForAUserWithClerkAndSupervisorRoles() throws {
        let x = try WorkflowWorld()
        try x.f.admin.addUser(name: "both", roles: [.clerk, .supervisor], password: Fixture.password("both"))
        let both = try x.f.desk.login(name: "both", password: Fixture.password("both"))
        let d = try both.newClaim(ClaimProposal(worker: x.w.worker, kind: .training, classID: x.w.classID))
        _ = try both.submitClaim(d.claim.id)
        let e = deskError { _ = try both.approveClaim(d.claim.id) }
        guard case .makerChecker = e else { Issue.record("expected maker-checker, got \(String(describing: e))"); return }
        #expect(deskError { _ = try both.rejectClaim(d.claim.id, code: .other, reason: "x") } != nil)
        #expect(deskError { _ = try both.returnClaim(d.claim.id, reason: "x") } != nil)
        #expect(try x.claim(d.claim.id).status.rawValue == "submitted" && x.fund().reservedFen == 0)
        // Another supervisor may.
        #expect(try x.sup.approveClaim(d.claim.id).status.rawValue == "on_notice")
    }

    @Test func rolesAreChecked() throws {
        let x = try WorkflowWorld()
        let s = try x.submitted()
        for (session, body) in [(x.clerk, { try x.clerk.approveClaim(s.id) }), (x.fin, { try x.fin.approveClaim(s.id) })] as [(Session, () throws -> ClaimRow)] {
            _ = session
            guard case .notPermitted(.decideClaims) = deskError({ _ = try body() }) else { Issue.record("not refused"); continue }
        }
        guard case .notPermitted(.prepareClaims) = deskError({ _ = try x.sup.newClaim(ClaimProposal(worker: x.w.worker, kind: .training, classID: x.w.classID)) })
        else { Issue.record("supervisor prepared a claim"); return }
        guard case .notPermitted(.manageFunds) = deskError({ _ = try x.clerk.allocateFund(year: 2026, source: .other, amountFen: 1) })
        else { Issue.record("clerk allocated"); return }
    }

    @Test func returnThenSubmitAgainAndRejectIsFinal() throws {
        let x = try WorkflowWorld()
        let s = try x.submitted()
        guard case .workflow(.reasonRequired) = deskError({ _ = try x.sup.returnClaim(s.id, reason: "  ") }) else {
            Issue.record("a blank reason was accepted"); return
        }
        let r = try x.sup.returnClaim(s.id, reason: "证书复印件不清")
        #expect(r.status.rawValue == "returned" && r.reason == "证书复印件不清")
        #expect(try x.clerk.submitClaim(s.id).status.rawValue == "submitted")
        let j = try x.sup.rejectClaim(s.id, code: .attendanceDoubt, reason: "考勤存疑")
        #expect(j.status.rawValue == "rejected" && j.rejectCode == "attendance_doubt")
        let e = deskError { _ = try x.sup.approveClaim(s.id) }
        guard case .wrongState(let en, _) = e else { Issue.record("approved a rejected claim: \(String(describing: e))"); return }
        #expect(en.contains("already rejected by sup1"))
        #expect(try x.fund().reservedFen == 0)
    }

    @Test func theLoserOfARaceIsToldWhoDidWhat() throws {
        let x = try WorkflowWorld()
        let sup2 = try x.f.session(.supervisor, name: "sup2")
        let s = try x.submitted()
        _ = try sup2.approveClaim(s.id)
        let e = deskError { _ = try x.sup.approveClaim(s.id) }
        guard case .wrongState(let en, let zh) = e else { Issue.record("\(String(describing: e))"); return }
        #expect(en.contains("claim \(s.number) was already approved by sup2 at 2026-01-15"), "\(en)")
        #expect(zh.contains("sup2"))
        #expect(try x.fund().reservedFen == 150_000)   // reserved once
    }

    @Test func aShortFundRefusesApprovalSayingBalanceAndAmountInYuan() throws {
        let x = try WorkflowWorld(fundFen: 100_000)
        let s = try x.submitted()
        let e = deskError { _ = try x.sup.approveClaim(s.id) }
        guard case .fund(.insufficientBalance(2026, .employmentSubsidy, 100_000, 150_000)) = e else {
            Issue.record("\(String(describing: e))"); return
        }
        #expect(e!.message(.en).contains("1,000.00") && e!.message(.en).contains("1,500.00"))
        #expect(try x.claim(s.id).status.rawValue == "submitted" && x.audit(s.id).count == 2)
        // No account at all for the year: refused too.
        let y = try WorkflowWorld(fundFen: 0)
        let s2 = try y.submitted()
        guard case .wrongState = deskError({ _ = try y.sup.approveClaim(s2.id) }) else { Issue.record("approved with no fund"); return }
        // A second source with enough is used when the first is short.
        try x.f.admin.allocateFund(year: 2026, source: .localBudget, amountFen: 200_000)
        #expect(try x.sup.approveClaim(s.id).fundSource?.rawValue == "local_budget")
    }

    /// A batch (one transaction per chunk, a savepoint per claim): the claim the fund cannot cover
    /// is reported and left untouched, the ones around it in the same chunk are approved whole.
    @Test func aBatchSkipsTheClaimTheFundCannotCoverAndApprovesTheRest() throws {
        let x = try WorkflowWorld(fundFen: 300_000)
        let claims = try (0..<3).map { try x.submitted(worker: $0) }
        let r = try x.sup.approveClaims(claims.map(\.id))
        #expect(r.done == [claims[0].id, claims[1].id])
        #expect(r.skipped.map(\.id) == [claims[2].id])
        #expect(r.skipped.first?.reason.en.contains("1,500.00") == true && r.skipped.first?.reason.warned == false)
        #expect(try x.fund().reservedFen == 300_000 && x.fund().balanceFen == 0)
        #expect(try x.claim(claims[2].id).status.rawValue == "submitted" && x.audit(claims[2].id).count == 2)
        for c in claims.prefix(2) {
            #expect(try x.claim(c.id).status.rawValue == "on_notice")
            #expect(try x.audit(c.id).suffix(2).map(\.action) == ["claim.approve", "claim.publish_notice"])
        }
        guard case .intact = try x.f.desk.store.read({ try $0.verifyAudit() }) else { Issue.record("audit broken"); return }
    }

    @Test func anObjectionSendsItBackAndReleases() throws {
        let x = try WorkflowWorld()
        let s = try x.submitted()
        _ = try x.sup.approveClaim(s.id)
        #expect(try x.fund().reservedFen == 150_000)
        let o = try x.clerk.objectToClaim(s.id, reason: "群众反映未参加培训")
        #expect(o.status.rawValue == "submitted" && o.reason == "群众反映未参加培训" && o.noticeEndOn == nil)
        #expect(try x.fund().reservedFen == 0 && x.fund().balanceFen == 1_000_000)
        // Re-approval reserves again.
        _ = try x.sup.approveClaim(s.id)
        #expect(try x.fund().reservedFen == 150_000)
        // After the notice has ended an objection is refused.
        x.f.clock.advance(7 * 86_400)
        #expect(deskError { _ = try x.clerk.objectToClaim(s.id, reason: "late") } != nil)
    }

    @Test func submissionIsRefusedWhileARuleFails() throws {
        let x = try WorkflowWorld()
        // Worker 1 has no attendance and no certificate: rules fail.
        let d = try x.clerk.newClaim(ClaimProposal(worker: x.w.t.workers[1], kind: .training, classID: x.w.classID))
        #expect(d.claim.status.rawValue == "draft" && !d.eligible)
        let e = deskError { _ = try x.clerk.submitClaim(d.claim.id) }
        guard case .claimNotEligible(_, let failures) = e else { Issue.record("\(String(describing: e))"); return }
        #expect(!failures.isEmpty)
        #expect(try x.claim(d.claim.id).status.rawValue == "draft")
    }

    @Test func w5AfterAnAttendanceEditPostSubmissionAndBatchApprovalSkipsIt() throws {
        let x = try WorkflowWorld()
        let a = try x.submitted(worker: 0)
        let b = try x.submitted(worker: 1)
        #expect(try x.clerk.claimDetail(a.id).evidenceChanges.isEmpty)
        _ = try x.clerk.attend(classID: x.w.classID, workerID: x.w.worker, date: day("2025-03-04"), classroomMinutes: 60, onlineMinutes: 0)
        let detail = try x.clerk.claimDetail(a.id)
        #expect(detail.outcomes.first { $0.rule == "W5" }?.result == .warn)
        #expect(detail.evidenceChanges.first?.contains("2025-03-04") == true)
        #expect(try x.clerk.claimDetail(b.id).outcomes.first { $0.rule == "W5" }?.result == .pass)
        // The queue shows it without re-evaluating: one more warning on the edited claim only.
        let q = try x.sup.claimQueue().items
        #expect(q.first { $0.id == a.id }?.warningCount == a.warningCount + 1)
        #expect(q.first { $0.id == b.id }?.warningCount == b.warningCount)
        #expect(try x.sup.claimQueue(ClaimQueueFilter(hasWarnings: true)).items.map(\.id).contains(a.id))
        let batch = try x.sup.approveClaims([a.id, b.id, 9_999])
        #expect(batch.done == [b.id])
        #expect(batch.skipped.map(\.id) == [a.id, 9_999])
        // Reports name the claims by number; a serial that names no claim says so (issue 12).
        #expect(batch.name(a.id, .en) == a.number && batch.name(b.id, .zh) == b.number && a.number.hasPrefix("SD-"))
        #expect(batch.name(9_999, .en) == "serial 9999" && batch.name(9_999, .zh) == "序号 9999")
        #expect(try x.claim(a.id).status.rawValue == "submitted" && x.claim(b.id).status.rawValue == "on_notice")
        // Opened and approved alone it goes through.
        #expect(try x.sup.approveClaim(a.id).status.rawValue == "on_notice")
    }

    /// Every kind of frozen evidence marks a submitted claim when it changes (v7's triggers, for
    /// any writer: use cases and raw SQL alike), so the batch approval can trust the mark; a
    /// change outside the evidence (a phone number) marks nothing.
    enum EvidenceEdit: String, CaseIterable { case workerName, workerGroups, workerPhone, certificateNumber, classEnd, standard, occupationClose, policy }

    @Test(arguments: EvidenceEdit.allCases)
    func everyEvidenceEditMarksTheClaimAndBatchApprovalSkipsIt(_ edit: EvidenceEdit) throws {
        let x = try WorkflowWorld()
        let a = try x.submitted(worker: 0)
        let b = try x.submitted(worker: 1)
        let draft = try x.clerk.newClaim(ClaimProposal(worker: x.w.t.workers[2], kind: .training, classID: x.w.classID)).claim
        #expect(!a.evidenceChanged && !b.evidenceChanged)
        let sql: (String) throws -> Void = { q in try x.f.desk.store.write { try $0.db.execute(sql: q) } }
        // Which of a and b the edit reaches.
        var reaches: Set<Int64> = [a.id]
        switch edit {
        case .workerName, .workerGroups, .workerPhone:
            var d = WorkerDraft(row: try x.clerk.worker(id: x.w.worker))
            if edit == .workerName { d.name = "李娜娜" }
            if edit == .workerGroups { d.groups += [.veteran] }
            if edit == .workerPhone { d.phone = "13912345678"; reaches = [] }
            _ = try x.clerk.update(id: x.w.worker, with: d, expectedVersion: try x.clerk.worker(id: x.w.worker).version)
        case .certificateNumber:
            try sql("UPDATE certificates SET number = 'S-1X' WHERE id = \(a.certificateID!)")
        case .classEnd:
            try sql("UPDATE classes SET end_date = '2025-03-30' WHERE id = \(x.w.classID)"); reaches = [a.id, b.id]
        case .standard:
            try sql("UPDATE occupation_levels SET standard_fen = standard_fen + 100 WHERE occupation_id IN (SELECT id FROM occupations WHERE code = '6-31-01-03')")
            reaches = [a.id, b.id]
        case .occupationClose:
            let from = try x.f.desk.store.read { try String.fetchOne($0.db, sql: "SELECT valid_from FROM occupations WHERE code = '6-31-01-03'")! }
            _ = try x.f.admin.closeOccupation(code: "6-31-01-03", from: day(from), to: day("2029-12-31"))
            reaches = [a.id, b.id]
        case .policy:
            _ = try x.f.admin.usePolicy("wuxi-2015"); reaches = [a.id, b.id]
        }
        for c in [a, b] {
            #expect(try x.claim(c.id).evidenceChanged == reaches.contains(c.id), "\(edit) claim \(c.id)")
            // The detail agrees with the mark: W5 warns exactly on the marked claims.
            #expect(try x.clerk.claimDetail(c.id).outcomes.first { $0.rule == "W5" }?.result == (reaches.contains(c.id) ? .warn : .pass),
                    "\(edit) claim \(c.id)")
        }
        #expect(try !x.claim(draft.id).evidenceChanged)
        let batch = try x.sup.approveClaims([a.id, b.id])
        #expect(Set(batch.done) == Set([a.id, b.id]).subtracting(reaches), "\(edit)")
        #expect(batch.skipped.allSatisfy { $0.reason.warned && reaches.contains($0.id) })
        for id in reaches { #expect(try x.claim(id).status.rawValue == "submitted") }
    }

    /// The re-evaluation job: every submitted claim, in batches on one or two readers, the same
    /// report either way; a claim whose attendance is gone fails E14, a changed standard shows as
    /// an amount change, nothing is written.
    @Test func recheckAllReportsFailingAndChangedClaimsTheSameOnOneOrTwoReaders() throws {
        let x = try WorkflowWorld()
        let claims = try (0..<3).map { try x.submitted(worker: $0) }
        let starts = try x.f.desk.store.read { try $0.claimBatchStarts(status: .submitted, size: 2) }
        #expect(starts.count == 3 && starts.starts.count == 2 && starts.starts[0] == nil && starts.starts[1]?.id == claims[1].id)
        let clean = try x.sup.recheckAll(batch: 1, readers: 2)
        #expect(clean.evaluated == 3 && clean.eligible == 3 && clean.failing.isEmpty && clean.amountChanged.isEmpty && clean.refused.isEmpty)
        let audits = try x.f.desk.store.read { try $0.auditCount() }
        try x.f.desk.store.write { w in
            try w.db.execute(sql: "DELETE FROM attendance WHERE worker_id = '\(claims[1].workerID)'")
            try w.db.execute(sql: "UPDATE occupation_levels SET standard_fen = standard_fen + 10000")
        }
        for readers in [1, 2] {
            for batch in [1, 2, 1_000] {
                let r = try x.sup.recheckAll(batch: batch, readers: readers)
                #expect(r.evaluated == 3 && r.eligible == 2, "readers \(readers) batch \(batch)")
                #expect(r.failing.map(\.id) == [claims[1].id] && r.failing.first?.rules.contains("E14") == true)
                #expect(r.amountChanged.map(\.id) == [claims[0].id, claims[2].id])
                #expect(r.amountChanged.allSatisfy { $0.nowFen == $0.storedFen + 10_000 })
            }
        }
        #expect(try x.f.desk.store.read { try $0.auditCount() } == audits)
        // Another status: none approved yet.
        #expect(try x.sup.recheckAll(status: .approved).evaluated == 0)
    }

    /// The job's entries say which claim they are (year, kind, worker and name, as the TUI lists
    /// them): from the evaluation for a failing or changed claim, looked up for one that cannot be
    /// evaluated; and how long it took.
    @Test func recheckAllEntriesCarryTheClaimsYearKindAndWorker() throws {
        let x = try WorkflowWorld()
        let claims = try (0..<3).map { try x.submitted(worker: $0) }
        let names = ["工人甲", "工人乙", "工人丙"]   // distinct, so each entry's name is its own
        try x.f.desk.store.write { w in
            for (c, name) in zip(claims, names) {
                try w.db.execute(sql: "UPDATE workers SET name = ? WHERE id = ?", arguments: [name, c.workerID])
            }
            try w.db.execute(sql: "DELETE FROM attendance WHERE worker_id = '\(claims[0].workerID)'")
            try w.db.execute(sql: "UPDATE occupation_levels SET standard_fen = standard_fen + 10000")
            try w.db.execute(sql: "DELETE FROM enrolments WHERE worker_id = '\(claims[2].workerID)'")
        }
        let r = try x.sup.recheckAll(readers: 1)
        func ref(_ i: Int) -> RecheckReport.ClaimRef {
            .init(year: claims[i].claimYear, kind: "training", workerID: claims[i].workerID, workerName: names[i])
        }
        #expect(r.failing.map(\.id) == [claims[0].id] && r.failing.first?.ref == ref(0))
        #expect(r.amountChanged.map(\.id) == [claims[1].id] && r.amountChanged.first?.ref == ref(1))
        #expect(r.refused.map(\.id) == [claims[2].id] && r.refused.first?.ref == ref(2))
        #expect(r.seconds >= 0 && r.seconds < 60)
    }

    @Test func queueOldestFirstWithFiltersAndCounts() throws {
        let x = try WorkflowWorld()
        let a = try x.submitted(worker: 0)
        x.f.clock.advance(86_400)
        let b = try x.submitted(worker: 1)
        x.f.clock.advance(2 * 86_400)
        let q = try x.sup.claimQueue()
        #expect(q.items.map(\.id) == [a.id, b.id])
        // Submitted Thu 2026-01-15 and Fri 01-16, read on Sun 01-18: ages are working days after the
        // submission's business day (issue 12), so the weekend does not count.
        #expect(q.items[0].ageDays == 1 && q.items[1].ageDays == 0 && q.items[0].workerName == "学员")
        #expect(try x.sup.claimDetail(a.id).claim.submittedOn == "2026-01-15")
        #expect(q.items[0].kind == .training && q.items[0].amountFen == 150_000)
        #expect(try x.sup.claimQueue(ClaimQueueFilter(minAmountFen: 150_001)).items.isEmpty)
        #expect(try x.sup.claimQueue(ClaimQueueFilter(kind: .appraisal)).items.isEmpty)
        #expect(try x.sup.claimQueue(ClaimQueueFilter(institution: TrainingWorld.schoolA)).items.count == 2)
        #expect(try x.sup.claimQueue(ClaimQueueFilter(hasWarnings: false)).items.count
                + x.sup.claimQueue(ClaimQueueFilter(hasWarnings: true)).items.count == 2)
        #expect(try x.sup.claimQueue(limit: 1).hasMore)
    }

    @Test func batchRejectAndNewClaimsForAClass() throws {
        let x = try WorkflowWorld()
        let r = try x.clerk.newClaims(forClass: x.w.classID, kind: .training)
        #expect(r.created.map(\.workerID) == [x.w.worker])            // the others fail rules
        #expect(r.skipped.count == 2)
        let again = try x.clerk.newClaims(forClass: x.w.classID, kind: .training)
        #expect(again.created.isEmpty && again.skipped.contains { $0.worker == x.w.worker && $0.reason.en.contains("exists") && $0.reason.zh.contains("已有申请") })
        let id = r.created[0].id
        _ = try x.clerk.submitClaim(id)
        let j = try x.sup.rejectClaims([id, id], code: .duplicate, reason: "重复")
        #expect(j.done == [id] && j.skipped.count == 1)
    }

    @Test func paidClawbackAndRecoveryKeepTheBalanceIdentity() throws {
        let x = try WorkflowWorld()
        let s = try x.submitted()
        _ = try x.sup.approveClaim(s.id)
        x.f.clock.advance(7 * 86_400)
        _ = try x.sup.claimQueue()
        // Pay it the way reconciliation does (payments are tested on their own).
        #expect(try x.claim(s.id).status.rawValue == "payable")
        guard case .wrongState(let en, _) = deskError({ _ = try x.sup.clawbackClaim(s.id, reason: "x") }),
              en.contains("payable, so it cannot claw back") else {
            Issue.record("clawback of an unpaid claim"); return
        }
        try x.clerk.setBankAccount(workerID: x.w.worker, account: "6222 0212 3456 7890 128")
        let b = try x.fin.createPaymentBatch()
        #expect(b.claimIDs == [s.id] && b.summary.totalFen == 150_000 && b.batch == "PB20260122-001")
        let file = try x.fin.bankFile(b.batch, encoding: .gb18030)
        #expect(!file.isEmpty && file.first != 0xEF)
        let number = ClaimNumber.format(year: try x.claim(s.id).claimYear, serial: Int(s.id))
        let r = try x.fin.reconcilePaymentBatch(b.batch, resultFile: Array("\(number),成功,1500.00,\r\n".utf8))
        #expect(r.paid == [s.id] && r.problems.isEmpty)
        #expect(try x.fund().paidFen == 150_000 && x.fund().reservedFen == 0)
        let c = try x.sup.clawbackClaim(s.id, reason: "伪造证书")
        #expect(c.status.rawValue == "clawback" && c.clawbackDueFen == 150_000)
        #expect(try x.fund().clawbackDueFen == 150_000 && x.fund().balanceFen == 850_000)
        _ = try x.fin.recoverClaim(s.id, amountFen: 50_000)
        #expect(try x.claim(s.id).status.rawValue == "clawback" && x.fund().recoveredFen == 50_000)
        let done = try x.fin.recoverClaim(s.id)
        #expect(done.status.rawValue == "recovered" && done.recoveredFen == 150_000)
        let f = try x.fund()
        #expect(f.balanceFen == f.allocatedFen - f.reservedFen - f.paidFen + f.recoveredFen && f.balanceFen == 1_000_000)
    }

    @Test func aBatchOfTwoPairsEachClaimWithItsOwnWorkersAccountAndExportsTheirNumbers() throws {
        let x = try WorkflowWorld()
        let a = try x.submitted(worker: 0), b = try x.submitted(worker: 1)
        for c in [a, b] { _ = try x.sup.approveClaim(c.id) }
        x.f.clock.advance(7 * 86_400)
        _ = try x.sup.claimQueue()
        try x.clerk.setBankAccount(workerID: x.w.t.workers[0], account: "6222 0212 3456 7890 128")
        try x.clerk.setBankAccount(workerID: x.w.t.workers[1], account: "6222 0212 3456 7890 557")
        let batch = try x.fin.createPaymentBatch()
        #expect(Set(batch.claimIDs) == [a.id, b.id] && batch.summary.count == 2)
        // Each claim carries its own worker's account (not the other line's).
        #expect(try x.claim(a.id).bankAccount == "6222021234567890128" && x.claim(a.id).batchID == batch.batch)
        #expect(try x.claim(b.id).bankAccount == "6222021234567890557" && x.claim(b.id).batchID == batch.batch)
        // The file names each claim by its number (year from the claim, read once for the batch).
        let text = String(decoding: try x.fin.bankFile(batch.batch, encoding: .utf8BOM).dropFirst(3), as: UTF8.self)
        for c in [a, b] {
            let number = ClaimNumber.format(year: try x.claim(c.id).claimYear, serial: Int(c.id))
            let line = text.split(separator: "\r\n").first { $0.contains("," + number + ",") }
            #expect(line?.contains(c.id == a.id ? "6222021234567890128" : "6222021234567890557") == true, "\(number): \(text)")
        }
    }

    /// Claims paid to an institution or an enterprise wait out of a batch until the organisation's
    /// account is recorded (reported, counted in the preview as left out); then they are paid to
    /// it under the holder's name. Bad codes, names and accounts are refused, nothing written.
    @Test func claimsPaidToOrganisationsUseTheirRecordedAccounts() throws {
        let x = try WorkflowWorld()
        let a = try x.submitted(worker: 0), b = try x.submitted(worker: 1)
        let school = TrainingWorld.schoolA
        let firm = creditCode("91320100MA1234567")
        // A project class (paid to the institution) and an enterprise's claim (paid to its employer),
        // made so before the approval (which seals the payee).
        try x.f.desk.store.write { w in
            try w.db.execute(sql: "UPDATE claims SET payee = 'institution' WHERE id = \(a.id)")
            try w.db.execute(sql: "UPDATE claims SET payee = 'enterprise', employer_code = '\(firm)' WHERE id = \(b.id)")
        }
        for c in [a, b] { _ = try x.sup.approveClaim(c.id) }
        x.f.clock.advance(7 * 86_400)
        _ = try x.sup.claimQueue()
        #expect(try x.claim(a.id).payeeCode == school && x.claim(b.id).payeeCode == firm)
        let preview = try x.fin.paymentPreview()
        #expect(preview.count == 0 && preview.leftOut == 2)
        let refused = deskError { _ = try x.fin.createPaymentBatch() }
        #expect(refused?.message(.en).contains("no bank account on record") == true, "\(String(describing: refused))")
        // Refusals: finance may not record it; bad code, name, account.
        let audits = try x.f.desk.store.read { try $0.auditCount() }
        guard case .notPermitted = deskError({ try x.fin.setPayeeAccount(code: school, name: "南京某培训学校", account: "110100000000123456") }) else {
            Issue.record("finance recorded an account"); return
        }
        for (code, name, account) in [("91320100MA1234568", "甲", "110100000000123456"), (firm, "  ", "110100000000123456"),
                                      (firm, "甲\u{07}", "110100000000123456"), (firm, "甲", "1101-ab"), (firm, "甲", "12345")] {
            guard case .invalidInput = deskError({ try x.clerk.setPayeeAccount(code: code, name: name, account: account) }) else {
                Issue.record("accepted \(code) \(name) \(account)"); continue
            }
        }
        #expect(try x.f.desk.store.read { try $0.auditCount() } == audits && x.clerk.payeeAccounts().isEmpty)
        try x.clerk.setPayeeAccount(code: school, name: "南京某培训学校", account: "1101 0000 0000 1234 56")
        try x.clerk.setPayeeAccount(code: firm.lowercased(), name: "南京某机械有限公司", account: "3201-0000-0000-9876")
        #expect(try x.clerk.payeeAccounts().map(\.maskedAccount).allSatisfy { $0.hasPrefix("*") })
        let audit = try x.f.admin.auditEntries(entity: "payee", key: firm).last
        #expect(audit?.action == "payee.bank_account" && audit?.after?.contains("9876") == true && audit?.after?.contains("320100000000") == false)
        #expect(try x.fin.paymentPreview().count == 2)
        let batch = try x.fin.createPaymentBatch()
        #expect(Set(batch.claimIDs) == [a.id, b.id] && batch.skipped.isEmpty)
        #expect(try x.claim(a.id).payeeName == "南京某培训学校" && x.claim(a.id).bankAccount == "110100000000123456")
        #expect(try x.claim(b.id).payeeName == "南京某机械有限公司" && x.claim(b.id).bankAccount == "3201000000009876")
        let text = String(decoding: try x.fin.bankFile(batch.batch, encoding: .utf8BOM).dropFirst(3), as: UTF8.self)
        #expect(text.contains("南京某培训学校,110100000000123456") && text.contains("南京某机械有限公司,3201000000009876"), "\(text)")
    }

    /// The fund account only bounds what is due over all its claims: a recovery recorded against
    /// one claim may not exceed what that claim still owes, nor be 0 or less — nothing is written.
    @Test func aRecoveryIsBoundedByTheClaimsOwnDue() throws {
        let x = try WorkflowWorld()
        let a = try x.submitted(worker: 0), b = try x.submitted(worker: 1)
        for c in [a, b] { _ = try x.sup.approveClaim(c.id) }
        x.f.clock.advance(7 * 86_400)
        try x.clerk.setBankAccount(workerID: x.w.t.workers[0], account: "6222 0212 3456 7890 128")
        try x.clerk.setBankAccount(workerID: x.w.t.workers[1], account: "6222 0212 3456 7890 557")
        let batch = try x.fin.createPaymentBatch()
        var file = ""
        for c in [a, b] {
            let row = try x.claim(c.id)
            let yuan = "\(row.amountFen / 100).\(String(format: "%02d", row.amountFen % 100))"
            file += "\(ClaimNumber.format(year: row.claimYear, serial: Int(row.id))),成功,\(yuan),\r\n"
        }
        #expect(try x.fin.reconcilePaymentBatch(batch.batch, resultFile: Array(file.utf8)).paid.count == 2)
        for c in [a, b] { _ = try x.sup.clawbackClaim(c.id, reason: "重复领取") }
        let due = try x.claim(a.id).clawbackDueFen
        #expect(try x.fund().clawbackDueFen > due)   // the account alone would allow more
        let auditBefore = try x.audit(a.id).count
        for amount: Int64 in [due + 1, 0, -100] {
            guard case .invalidInput = deskError({ _ = try x.fin.recoverClaim(a.id, amountFen: amount) }) else {
                Issue.record("recovering \(amount) of \(due) was not refused"); continue
            }
        }
        #expect(try x.claim(a.id).recoveredFen == 0 && x.claim(a.id).status.rawValue == "clawback")
        #expect(try x.fund().recoveredFen == 0 && x.audit(a.id).count == auditBefore)
        _ = try x.fin.recoverClaim(a.id, amountFen: due)
        #expect(try x.claim(a.id).status.rawValue == "recovered" && x.claim(b.id).status.rawValue == "clawback")
    }

    /// The notice list says how many working days are left, today included, on the calendar.
    @Test func theNoticeListCountsWorkingDaysLeft() throws {
        let x = try WorkflowWorld()
        let s = try x.submitted()
        let c = try x.sup.approveClaim(s.id)
        let calendar = WorkingCalendar(entries: try x.clerk.calendarEntries())
        let end = try #require(c.noticeEndOn.flatMap { CalendarDate(iso: $0) })
        let first = try #require(x.clerk.noticeList().first)
        #expect(first.workingDaysLeft == calendar.workingDays(from: x.f.desk.today(), to: end))
        #expect(first.workingDaysLeft == 5)
        x.f.clock.advance(86_400)
        #expect(try x.clerk.noticeList().first?.workingDaysLeft == (calendar.isWorkingDay(x.f.desk.today()) ? 4 : 5))
    }

    @Test func anAdministratorsHolidayMovesTheNoticeEnd() throws {
        let x = try WorkflowWorld()
        guard case .notPermitted(.manageCalendar) = deskError({ try x.clerk.setCalendarDay(day("2026-01-19"), kind: .holiday) }) else {
            Issue.record("a clerk edited the calendar"); return
        }
        #expect(deskError { try x.f.admin.setCalendarDay(day("2026-01-19"), kind: .workday) } != nil)   // a Monday
        try x.f.admin.setCalendarDay(day("2026-01-19"), kind: .holiday, name: "测试假日")
        #expect(try x.clerk.calendarEntries().contains { $0.date == day("2026-01-19") && $0.kind == .holiday })
        let s = try x.submitted()
        #expect(try x.sup.approveClaim(s.id).noticeEndOn == "2026-01-22")    // one working day later than without it
        let history = try x.f.admin.auditEntries(entity: "calendar", key: "2026-01-19")
        #expect(history.count == 1 && history[0].before == nil && history[0].after?.contains("holiday") == true)
    }
}

/// Issue 12, defect 7: a claim's age counts in working days from the business date it was submitted
/// on, not from the real clock's day (which ran on while `SKILLDESK_TODAY` moved the business date).
@Suite struct QueueAgeTests {
    static func claim(on: String?, at: String?) -> ClaimRow {
        ClaimRow(id: 1, workerID: "X", kind: .training, occupationCode: "6-31-01-03", level: "l4", claimYear: 2026,
                 claimDate: "2026-01-01", amountFen: 1, payee: .institution, status: .submitted, preparedBy: "c",
                 createdAt: "2026-01-01T00:00:00.000Z", version: 1, submittedAt: at, submittedOn: on)
    }

    @Test func agesCountWorkingDaysFromTheBusinessDateOfSubmission() {
        let cal = WorkingCalendar(entries: [])
        let today = CalendarDate(iso: "2026-02-02")!   // a Monday
        // Submitted "today" in business time, 12 real days earlier: 0, not 12.
        #expect(Session.waitingDays(Self.claim(on: "2026-02-02", at: "2026-01-21T09:00:00.000Z"), today: today, calendar: cal) == 0)
        // Submitted on the Friday before: Saturday and Sunday do not count, Monday does.
        #expect(Session.waitingDays(Self.claim(on: "2026-01-30", at: nil), today: today, calendar: cal) == 1)
        // A claim from before v11 counts from its submitted_at day.
        #expect(Session.waitingDays(Self.claim(on: nil, at: "2026-01-26T09:00:00.000Z"), today: today, calendar: cal) == 5)
        // A business date before the submission (the date moved back) is 0, never negative.
        #expect(Session.waitingDays(Self.claim(on: "2026-02-10", at: nil), today: today, calendar: cal) == 0)
    }
}
