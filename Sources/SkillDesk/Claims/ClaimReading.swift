import Foundation
import Logging
import SkillCore
import SkillStore
import SkillRecords

/// Reading a claim: its detail (with the actions its reader may take) and its history; the
/// helpers every claim use case shares.
extension Session {
    // MARK: reading

    /// One claim with its worker, a fresh evaluation (W5 when its evidence changed since
    /// submission) and its history. Every role may read claims.
    public func claimDetail(_ id: Int64) throws -> ClaimDetail {
        try require(.readClasses)
        let today = desk.today()
        return try read(.readClasses) { r in
            guard let c = try r.claim(id: id) else { throw DeskError.claimNotFound(id) }
            var g = ClaimGatherer(reader: r, profile: try PolicySetting.profile(r, desk), today: today)
            // A claim whose evaluation fails (a profile or record it names is gone) is still shown,
            // without a fresh evaluation; the failure is logged.
            var e = desk.logger.attempt("evaluating claim \(id) for its detail") {
                try evaluateStored(&g, c, asOf: CalendarDate(iso: c.claimDate) ?? today)
            }
            var changes: [String] = []
            var changedDays: Set<String> = []
            if let ev = e, let frozenJSON = c.evidenceJSON,
               let frozen = desk.logger.attempt("reading claim \(id)'s frozen evidence", {
                   try JSONDecoder().decode(ClaimEvidence.self, from: Data(frozenJSON.utf8))
               }) {
                let now = try ClaimEvidence.gather(r, claim: c, evaluation: ev)
                var d = now.changes(since: frozen)
                changedDays = Set(d.days.map(\.description))
                if d.en.isEmpty && c.evidenceChanged {
                    // Marked by a trigger (the queue counts it) though every frozen field reads the same.
                    d.zh = ["提交后有证据记录被改写（冻结的字段与提交时一致，请核对）"]
                    d.en = ["evidence records were written after submission (the frozen fields read the same; check them)"]
                }
                if !d.en.isEmpty {
                    changes = d.en
                    var outcomes = ev.evaluation.outcomes
                    if let i = outcomes.firstIndex(where: { $0.rule == "W5" }) {
                        outcomes[i] = RuleOutcome(rule: "W5", result: .warn, clause: outcomes[i].clause,
                                                  zh: d.zh.joined(separator: "；"), en: d.en.joined(separator: "; "))
                    }
                    e?.evaluation.outcomes = outcomes
                }
            }
            var days: [WorkerDayRow] = []
            if let classID = c.classID, let k = try r.trainingClass(id: classID) {
                days = try ClaimEvidence.classDays(r, workerID: c.workerID, classID: classID, from: k.startDate, to: k.endDate)
            }
            return ClaimDetail(claim: c, workerName: try r.workerName(id: c.workerID) ?? "", evaluation: e,
                               evidenceChanges: changes, history: try r.auditEntries(entity: "claim", key: String(id)),
                               attendance: days, changedDays: changedDays, auditProblem: try SealCheck.recordProblem(r, c),
                               actions: try possibleActions(r, c))
        }
    }

    /// The audit history of one claim, oldest first.
    public func claimHistory(_ id: Int64) throws -> [AuditEntry] {
        return try read(.readClasses) { try $0.auditEntries(entity: "claim", key: String(id)) }
    }


    // MARK: helpers

    /// One claim of a kind per worker and class (or, without a class, per certificate): the engine
    /// lets a class's own claims pass E4/E5 (a prepayment and its settlement), so a second claim of
    /// the same kind on the same class is refused here — any status but rejected or recovered, drafts
    /// included (continue the existing one).
    func refuseDuplicate(_ r: StoreReader, workerID: String, kind: SubsidyKind, classID: Int64?, certificateID: Int64?,
                         excluding: Int64?) throws {
        let other = try r.claims(ofWorker: workerID).first { c in
            c.id != excluding && c.kind == kind && c.status.isLive
                && (classID != nil ? c.classID == classID : (certificateID != nil && c.certificateID == certificateID))
        }
        if let o = other {
            let on = classID.map { "class \($0)" } ?? "this certificate"
            let onZh = classID.map { "培训班 \($0)" } ?? "该证书"
            throw DeskError.wrongState(
                "\(workerID) already has claim \(o.number) (\(o.status.label(.en))) of this kind on \(on); continue that one",
                zh: "\(workerID) 在\(onZh)上已有同类申请 \(o.number)（\(o.status.label(.zh))），请继续办理该申请")
        }
    }

    func loadClaim(_ r: StoreReader, _ id: Int64) throws -> ClaimRow {
        guard let c = try r.claim(id: id) else { throw DeskError.claimNotFound(id) }
        return c
    }

    /// Checks the step; a wrong status names who did what last ("already approved by sup2 at …"),
    /// which is what the loser of a race between two supervisors is told.
    func transition(_ r: StoreReader, _ c: ClaimRow, _ action: ClaimAction, reason: String?, code: RejectReason?,
                    checkOnly: Bool = false) throws -> ClaimTransition {
        let status = c.status
        let result = Result { () throws(WorkflowError) -> ClaimTransition in
            try ClaimWorkflow.apply(action, to: status, reason: reason, code: code)
        }
        switch result {
        case .success(let t): return t
        case .failure(let error):
            guard case .notAllowed = error else { throw DeskError.workflow(error) }
            let base = error
            guard let last = try r.auditEntries(entity: "claim", key: String(c.id)).last,
                  last.action != "claim.create" else { throw DeskError.workflow(base) }
            let verb = last.action.replacingOccurrences(of: "claim.", with: "").replacingOccurrences(of: "_", with: " ")
            let at = Timestamp.parse(last.at).map(DeskError.localTime) ?? last.at
            throw DeskError.wrongState(
                "claim \(c.number) was already \(Self.pastTense(verb)) by \(last.user) at \(at); " + base.message(.en),
                zh: "申请 \(c.number) 已由 \(last.user) 于 \(at) \(ClaimAction(rawValue: verb.replacingOccurrences(of: " ", with: "_"))?.label(.zh) ?? verb)；" + base.message(.zh))
        }
    }

    static func pastTense(_ verb: String) -> String {
        switch verb {
        case "approve", "publish notice": return "approved"
        case "return": return "returned"
        case "reject": return "rejected"
        case "submit": return "submitted"
        case "object": return "objected to"
        case "end notice": return "made payable"
        case "pay": return "paid"
        case "payment failed": return "marked failed"
        case "clawback": return "clawed back"
        case "recover": return "recovered"
        case "withdraw": return "withdrawn"
        default: return verb
        }
    }

    /// Four eyes on a decision: refused (exit 77) when this user prepared, submitted (or
    /// resubmitted) or objected to the claim — read from the claim's audit rows, plus the
    /// `prepared_by` column.
    func checkMaker(_ r: StoreReader, _ c: ClaimRow) throws {
        let hands = try claimHands(r, c)
        switch ClaimWorkflow.handBarringDecision(hands, decider: user) {
        case nil: return
        case .prepared?: throw DeskError.makerChecker(claim: c.number, user: user)   // the message it always had
        case let hand?: throw DeskError.fourEyes(claims: [c.id], user: user, hand: hand)
        }
    }

    /// Who prepared, submitted, objected to and approved the claim (from its trail).
    /// What this user may do to the claim now (the claim detail offers these keys).
    func possibleActions(_ r: StoreReader, _ c: ClaimRow) throws -> [ClaimAction] {
        let status = c.status
        return ClaimWorkflow.possibleActions(status: status, user: user, hands: try claimHands(r, c), may: can)
    }

    func claimHands(_ r: StoreReader, _ c: ClaimRow) throws -> [(user: String, hand: ClaimHand)] {
        let rows = try r.auditActors(entity: "claim", key: String(c.id), actions: ClaimHand.allCases.map(\.auditAction))
        return [(c.preparedBy, .prepared)] + rows.compactMap { row in ClaimHand(auditAction: row.action).map { (row.user, $0) } }
    }

    /// The claim's fund account operation for its amount (nothing for a zero amount).
    func moveFund(_ w: StoreWriter, _ c: ClaimRow, _ effect: FundEffect) throws {
        guard c.amountFen > 0, effect != .none else { return }
        guard let y = c.fundYear, let s = c.fundSource,
              var stored = try w.storedFundAccount(year: y, source: s) else {
            throw DeskError.wrongState("claim \(c.number) has no fund account on record", zh: "申请 \(c.number) 没有对应的资金专账记录")
        }
        try stored.account.deskApply(effect == .reserve ? .reserve : effect == .release ? .release : effect == .pay ? .pay : effect == .recordClawback ? .recordClawback : .recover, c.amountFen)
        try w.saveFund(stored)
    }

    /// Writes the claim (optimistic: its version must be unchanged) and one audit row. Returns
    /// the claim as stored (every field `saveClaim` writes is `c`'s; the version is one up).
    func save(_ w: StoreWriter, _ c: ClaimRow, action: ClaimAction?, before: String, now: Date,
              actionName: String? = nil, auditUser: String? = nil) throws -> ClaimRow {
        guard try w.saveClaim(c, at: now) else { throw DeskError.editConflict("claim \(c.number)") }
        var saved = c
        saved.version += 1
        try w.audit(at: now, user: auditUser ?? user, action: actionName ?? "claim." + (action?.rawValue ?? "update"),
                    entity: "claim", key: String(c.id), before: before, after: ClaimSnapshot.json(saved))
        return saved
    }

    func evaluateStored(_ g: inout ClaimGatherer, _ c: ClaimRow, asOf: CalendarDate) throws -> ClaimEvaluation {
        let kind = c.kind
        let p = ClaimProposal(worker: c.workerID, kind: kind, classID: c.classID, months: c.months,
                              prepayPercent: c.prepayPercent, asOf: asOf)
        let cert: ClaimGatherer.CertificateRef = c.certificateID.map { .id($0) } ?? .linked
        return try g.evaluate(p, workerID: c.workerID, certificate: cert, asOf: asOf, excluding: c.id)
    }
}


struct BatchSkip: Error { let reason: SkipReason }

enum FundOp { case allocate, reserve, release, pay, recordClawback, recover }

extension FundAccount {
    /// A fund-account operation whose refusal becomes `DeskError.fund`.
    mutating func deskApply(_ op: FundOp, _ amountFen: Int64) throws {
        do {
            switch op {
            case .allocate: try allocate(amountFen)
            case .reserve: try reserve(amountFen)
            case .release: try release(amountFen)
            case .pay: try pay(amountFen)
            case .recordClawback: try recordClawback(amountFen)
            case .recover: try recover(amountFen)
            }
        } catch {
            throw DeskError.fund(error)
        }
    }
}

extension Session {
    /// `MoneyCeiling.claim`, as a DeskError (exit 65).
    static func checkClaimAmount(_ fen: Int64) throws {
        do { try Money.check(fen, .claim) } catch let e as MoneyError { throw DeskError.money(e) }
    }
}
