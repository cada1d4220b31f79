import Foundation
import Logging
import SkillCore
import SkillStore
import SkillRecords

/// Preparing claims (clerks): one claim, a class's claims, submitting, objecting.
extension Session {
    // MARK: preparing (clerks)

    /// Evaluates the proposal and saves it as a draft with the evaluation's amount (clerks; audited
    /// `claim.create`). A draft is saved even when rules fail: it cannot be submitted until none does.
    public func newClaim(_ p: ClaimProposal) throws -> ClaimDetail {
        try require(.prepareClaims)
        let workerID = p.worker.trimmedWhitespace().uppercased()
        guard !workerID.isEmpty else { throw DeskError.invalidInput("give the worker's resident ID", zh: "请填写劳动者身份证号") }
        try Self.checkProposal(p)
        let now = desk.clock(), today = desk.today()
        let cert: ClaimGatherer.CertificateRef = p.certificateNumber.map { .number($0.trimmedWhitespace()) } ?? .linked
        return try write(.prepareClaims) { w in
            var g = ClaimGatherer(reader: w, profile: try PolicySetting.profile(w, desk), today: today)
            let e = try g.evaluate(p, workerID: workerID, certificate: cert, asOf: p.asOf ?? today, excluding: nil)
            try refuseDuplicate(w, workerID: e.workerID, kind: p.kind, classID: p.classID, certificateID: e.certificateID, excluding: nil)
            let row = try insertDraft(w, e, now: now)
            return ClaimDetail(claim: row, workerName: e.workerName, evaluation: e, evidenceChanges: [],
                               history: try w.auditEntries(entity: "claim", key: String(row.id)))
        }
    }

    private func insertDraft(_ w: StoreWriter, _ e: ClaimEvaluation, now: Date) throws -> ClaimRow {
        let k = e.facts.klass
        let level = e.level ?? k?.level ?? e.facts.certificate?.level ?? .l5
        try Self.checkClaimAmount(e.amountFen)
        var occ = k?.occupationCode ?? ""
        if occ.isEmpty, let certID = e.certificateID, let c = try w.certificate(id: certID) { occ = c.occupationCode }
        let row = try w.insertClaim(NewClaim(
            workerID: e.workerID, kind: e.evaluation.kind, classID: k?.id, certificateID: e.certificateID,
            institution: k?.institutionCode, occupationCode: occ, level: level, trainingType: k?.type,
            claimYear: e.claimYear, claimDate: e.asOf, months: e.proposal.months, prepayPercent: e.proposal.prepayPercent,
            amountFen: e.amountFen, payee: e.evaluation.payee, employerCode: k?.employer, status: .draft,
            preparedBy: user), at: now)
        try w.audit(at: now, user: user, action: "claim.create", entity: "claim", key: String(row.id),
                    before: nil, after: ClaimSnapshot.json(row))
        return row
    }

    /// One draft per trainee of the class (clerks), in one transaction with an audit row each.
    /// Trainees with a failing rule, or who already have a claim of this kind on the class (any
    /// status but rejected), are skipped and reported.
    public func newClaims(forClass classID: Int64, kind: SubsidyKind) throws -> ClassClaimsReport {
        try require(.prepareClaims)
        guard kind.needsClass else {
            throw DeskError.invalidInput("a \(kind.label(.en)) does not rest on a class; create it worker by worker",
                                         zh: "\(kind.label(.zh))不以培训班为依据，请逐人创建")
        }
        try Self.checkProposal(ClaimProposal(worker: "-", kind: kind, classID: classID,
                                             months: kind == .workBased ? 1 : nil, prepayPercent: kind == .prepayment ? 1 : nil))
        if kind == .workBased || kind == .prepayment {
            throw DeskError.invalidInput("a \(kind.label(.en)) needs its own months or percent; create it worker by worker",
                                         zh: "\(kind.label(.zh))须逐人填写月数或比例，请逐人创建")
        }
        let now = desk.clock(), today = desk.today()
        return try write(.prepareClaims) { w in
            guard try w.trainingClass(id: classID) != nil else { throw DeskError.classNotFound(classID) }
            var g = ClaimGatherer(reader: w, profile: try PolicySetting.profile(w, desk), today: today)
            var report = ClassClaimsReport(created: [], skipped: [])
            for r in try w.roster(classID: classID, onlinePercent: 50) {
                let existing = try w.claims(ofWorker: r.workerID).first {
                    $0.classID == classID && $0.kind == kind && $0.status.isLive
                }
                if let existing {
                    let status = existing.status
                    report.skipped.append((r.workerID, SkipReason(
                        zh: "已有申请 \(existing.number)（\(status.label(.zh))）",
                        en: "claim \(existing.number) exists (\(status.label(.en)))")))
                    continue
                }
                let e = try g.evaluate(ClaimProposal(worker: r.workerID, kind: kind, classID: classID, asOf: today),
                                       workerID: r.workerID, certificate: .linked, asOf: today, excluding: nil)
                if !e.eligible {
                    report.skipped.append((r.workerID, SkipReason(
                        zh: e.evaluation.failures.map { "\($0.rule) \($0.zh)" }.joined(separator: "；"),
                        en: e.evaluation.failures.map { "\($0.rule) \($0.en)" }.joined(separator: "; "))))
                    continue
                }
                report.created.append(try insertDraft(w, e, now: now))
            }
            return report
        }
    }

    /// Submits a draft or returned claim (clerks): evaluated again as of the business date and
    /// refused while any rule fails (listed); the evidence is frozen (JSON + SHA-256) and the
    /// warning count stored for the queue. Audited `claim.submit`.
    @discardableResult
    public func submitClaim(_ id: Int64) throws -> ClaimRow {
        try require(.prepareClaims)
        let now = desk.clock(), today = desk.today()
        return try write(.prepareClaims) { w in
            var c = try loadClaim(w, id)
            let t = try transition(w, c, .submit, reason: nil, code: nil)
            var g = ClaimGatherer(reader: w, profile: try PolicySetting.profile(w, desk), today: today)
            let e = try evaluateStored(&g, c, asOf: today)
            try refuseDuplicate(w, workerID: c.workerID, kind: c.kind, classID: c.classID,
                                certificateID: e.certificateID ?? c.certificateID, excluding: c.id)
            guard e.eligible else {
                throw DeskError.claimNotEligible(claim: c.number, failures: e.evaluation.failures.map { "\($0.rule) \($0.en)" })
            }
            let before = ClaimSnapshot.json(c)
            let evidence = try ClaimEvidence.gather(w, claim: c, evaluation: e)
            try Self.checkClaimAmount(e.amountFen)
            c.status = t.to
            c.amountFen = e.amountFen
            c.submittedAt = Timestamp.utc(now)
            c.submittedOn = today.description
            c.submittedBy = user
            c.evidenceJSON = evidence.json
            c.evidenceSHA256 = SHA256.hex(evidence.json)
            c.warningCount = e.evaluation.warnings.count
            c.evidenceChanged = false
            c.certificateID = e.certificateID ?? c.certificateID
            // Which rules warned, for institution performance's warnings by kind (v16).
            try w.setClaimWarnings(claimID: c.id, rules: e.evaluation.warnings.map(\.rule).filter { ["W1", "W2", "W3", "W4", "W5"].contains($0) })
            return try save(w, c, action: t.action, before: before, now: now)
        }
    }

    /// Records an objection raised during the notice (clerks): the claim goes back to review
    /// (submitted) and its reservation is released. Audited `claim.object` with the reason.
    @discardableResult
    public func objectToClaim(_ id: Int64, reason: String) throws -> ClaimRow {
        try require(.prepareClaims)
        let now = desk.clock(), today = desk.today()
        return try write(.prepareClaims) { w in
            var c = try loadClaim(w, id)
            let t = try transition(w, c, .object, reason: reason, code: nil)
            if let end = c.noticeEndOn, today.description > end {
                throw DeskError.wrongState("the notice of claim \(c.number) ended on \(end); an objection is no longer accepted",
                                           zh: "申请 \(c.number) 的公示已于 \(end) 结束，不再受理异议")
            }
            let before = ClaimSnapshot.json(c)
            try moveFund(w, c, .release)
            c.status = t.to
            c.reason = t.reason
            c.fundYear = nil; c.fundSource = nil; c.noticePublishedOn = nil; c.noticeEndOn = nil
            c.decidedAt = nil; c.decidedBy = nil; c.decisionNote = nil
            return try save(w, c, action: t.action, before: before, now: now)
        }
    }

}
