import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// Correcting a certificate recorded wrongly, or voiding it (issue 12, "Correcting mistakes"):
/// clerks (`manageClasses`, who record them), audited with before and after. A claim resting on it
/// that is still in review is marked (W5, by the database's trigger on certificates); once a claim
/// resting on it has been approved (approved, on notice, payable, paid) the certificate is refused
/// — the claim must be taken back first — and the message names that claim.
extension Session {
    /// One certificate by id (for the form that corrects it).
    public func certificate(id: Int64) throws -> CertificateRow {
        try require(.readClasses)
        return try read(.readClasses) { r in
            guard let c = try r.certificate(id: id) else { throw Self.certificateGone(id) }
            return c
        }
    }

    /// The audit history of one certificate, oldest first.
    public func certificateHistory(id: Int64) throws -> [AuditEntry] {
        try require(.readClasses)
        return try read(.readClasses) { try $0.auditEntries(entity: "certificate", key: String(id)) }
    }

    /// The statuses of a claim whose certificate may no longer change: approved money rests on it.
    static let settledOnCertificate: Set<ClaimStatus> = [.approved, .onNotice, .payable, .paid]

    /// Corrects certificate `id` to the draft (number, type, level, date, occupation, issuer, class).
    /// The same validator as recording (`CertificateDraft.validate`); the holder cannot change (void
    /// it and record it for the right worker). `version`: the version the clerk edited; a
    /// different stored one is `StoreConflict.edited` and nothing is written. Audited `certificate.update`.
    public func updateCertificate(_ id: Int64, _ d: CertificateDraft, version: Int) throws -> CertificateResult {
        try require(.manageClasses)
        let today = desk.today()
        if case .failure(let v) = d.validate(today: today), let e = v.first, !e.needsStore { throw Self.refusal(e) }
        let now = desk.clock()
        return try write(.manageClasses) { w in
            guard let old = try w.certificate(id: id) else { throw Self.certificateGone(id) }
            try refuseVoided(w, old)
            if d.workerID != old.workerID {
                throw DeskError.invalidInput(
                    "the holder of certificate \(old.number) cannot be changed; void it and record it for the right worker",
                    zh: "证书 \(old.number) 的持证人不能更改；请作废后为正确的劳动者重新登记")
            }
            let facts = CertificateStoreFacts(
                workerRegistered: try w.worker(id: d.workerID) != nil,
                occupationKnown: try !w.occupationEntries(code: d.occupationCode).isEmpty,
                classExists: try d.classID.map { try w.trainingClass(id: $0) != nil })
            let p: CertificatePlan
            switch d.validate(today: today, catalogue: facts) {
            case .success(let plan): p = plan
            case .failure(let v): throw Self.refusal(v.first)
            }
            try refuseSettledClaims(w, old)
            let same = try w.certificates(type: p.type.rawValue, number: p.number).filter { $0.id != id && !$0.isVoided }
            if same.contains(where: { $0.workerID == p.worker }) {
                throw DeskError.certificateExists(type: p.type, number: p.number, worker: p.worker)
            }
            var warnings: [CertificateWarning] = same.map { .numberHeldByAnother(worker: $0.workerID) }
            if let classID = p.classID, let cls = try w.trainingClass(id: classID), p.issueDate.description < cls.startDate {
                warnings.append(.issuedBeforeClass(classID: classID, start: cls.startDate))
            }
            var row = old
            row.type = p.type; row.number = p.number; row.occupationCode = p.occupation; row.level = p.level?.rawValue
            row.issuer = p.issuer; row.issueDate = p.issueDate.description; row.classID = p.classID
            row.version = version
            guard try w.updateCertificate(row) else { throw try certificateConflict(w, id) }
            row.version += 1
            try w.audit(at: now, user: user, action: "certificate.update", entity: "certificate", key: String(id),
                        before: CertificateSnapshot(old).json(), after: CertificateSnapshot(row).json())
            return CertificateResult(row: row, warnings: warnings)
        }
    }

    /// Voids certificate `id` (reason required): it stays on record but backs no claim (the
    /// gatherer sees it as absent, so E3 fails). Refused like a correction once approved money rests
    /// on it. Audited `certificate.void`.
    @discardableResult
    public func voidCertificate(_ id: Int64, reason: String, version: Int? = nil) throws -> CertificateRow {
        try require(.manageClasses)
        let why = UnsafeText.sanitise(reason)
        guard !why.isEmpty else {
            throw DeskError.invalidInput("voiding a certificate needs a reason; say why it is void",
                                         zh: "作废证书必须填写原因，请说明作废理由")
        }
        guard why.count <= ClaimWorkflow.maxReasonLength else { throw DeskError.workflow(.reasonTooLong(max: ClaimWorkflow.maxReasonLength)) }
        let now = desk.clock()
        return try write(.manageClasses) { w in
            guard let old = try w.certificate(id: id) else { throw Self.certificateGone(id) }
            try refuseVoided(w, old)
            try refuseSettledClaims(w, old)
            guard try w.voidCertificate(id: id, version: version ?? old.version, by: user, reason: why, at: now) else {
                throw try certificateConflict(w, id)
            }
            guard let row = try w.certificate(id: id) else { throw Self.certificateGone(id) }
            try w.audit(at: now, user: user, action: "certificate.void", entity: "certificate", key: String(id),
                        before: CertificateSnapshot(old).json(), after: CertificateSnapshot(row).json())
            return row
        }
    }

    static func certificateGone(_ id: Int64) -> DeskError {
        .invalidInput("no certificate is recorded under record \(id); list the worker's certificates to find it",
                      zh: "没有记录号为 \(id) 的证书；请查看该劳动者的证书列表")
    }

    private func refuseVoided(_ r: StoreReader, _ c: CertificateRow) throws {
        guard c.isVoided else { return }
        let name = try r.workerName(id: c.workerID) ?? ""
        let at = c.voidedAt.flatMap(Timestamp.parse).map(DeskError.localTime) ?? ""
        throw DeskError.wrongState(
            "certificate \(c.number) of \(name) (\(c.workerID)) was voided by \(c.voidedBy ?? "") at \(at); a void certificate is not changed: record the right one",
            zh: "\(name)（\(c.workerID)）的证书 \(c.number) 已由 \(c.voidedBy ?? "") 于 \(at) 作废，作废的证书不能再修改；请登记正确的证书")
    }

    /// Refused while a claim resting on the certificate holds approved money; names the first.
    private func refuseSettledClaims(_ r: StoreReader, _ c: CertificateRow) throws {
        guard let claim = try r.claims(certificateID: c.id).first(where: { Self.settledOnCertificate.contains($0.status) }) else { return }
        let number = ClaimNumber.format(year: claim.claimYear, serial: Int(claim.id))
        let name = try r.workerName(id: c.workerID) ?? ""
        let status = claim.status
        // No CLI command names here: the TUI shows this message too (issue 12, defect 6).
        let (whatEn, whatZh) = status == .paid
            ? ("a supervisor must claw it back first", "须先由审核人员追回该申请")
            : status == .payable
                ? ("ask finance to hold its payment; once paid, a supervisor claws it back", "请联系财务暂缓支付；已支付的由审核人员追回")
                : ("record an objection during its notice first, so it goes back to review", "须先在公示期内登记异议，使其退回审核")
        throw DeskError.wrongState(
            "certificate \(c.number) of \(name) (\(c.workerID)) backs claim \(number), which is \(status.label(.en)); it cannot be corrected or voided now: \(whatEn)",
            zh: "\(name)（\(c.workerID)）的证书 \(c.number) 是申请 \(number)（\(status.label(.zh))）的依据，现在不能更正或作废：\(whatZh)")
    }

    /// The certificate changed (or was voided) since the clerk read it: names who did it and when.
    private func certificateConflict(_ r: StoreReader, _ id: Int64) throws -> DeskError {
        let last = try r.auditEntries(entity: "certificate", key: String(id)).last
        let number = try r.certificate(id: id)?.number ?? String(id)
        let by = last?.user ?? "", at = last.flatMap { Timestamp.parse($0.at) }.map(DeskError.localTime) ?? ""
        return .wrongState("certificate \(number) was changed by \(by) at \(at) while you edited it; nothing was saved: compare and save again",
                           zh: "证书 \(number) 在您编辑期间已由 \(by) 于 \(at) 修改，本次未保存；请核对后再保存")
    }
}
