import Foundation
import Logging
import SkillCore
import SkillStore
import SkillRecords

/// A stored claim with what a screen or `claim show` needs: its worker's name, a fresh evaluation
/// (with W5 when the evidence frozen at submission has changed since), and its history.
public struct ClaimDetail: Sendable {
    public var claim: ClaimRow
    public var workerName: String
    /// The evaluation as of the business date (nil when the claim can no longer be evaluated).
    public var evaluation: ClaimEvaluation?
    /// What changed in the evidence since submission (empty when nothing did, or not submitted).
    public var evidenceChanges: [String]
    public var history: [AuditEntry]
    /// The worker's days in the claim's class, by date (empty without a class).
    public var attendance: [WorkerDayRow] = []
    /// Days whose attendance differs from the evidence frozen at submission (ISO dates).
    public var changedDays: Set<String> = []
    /// The row no longer matches its approval's seal or its last audited image (edited outside
    /// the program): what, by field. Nil when it matches.
    public var auditProblem: SkipReason? = nil
    /// The steps the reading user may take on the claim now (`ClaimWorkflow.possibleActions`:
    /// state machine, roles, four eyes). Empty for a status the program does not know.
    public var actions: [ClaimAction] = []

    public var status: ClaimStatus { claim.status }
    public var outcomes: [RuleOutcome] { evaluation?.outcomes ?? [] }
    public var eligible: Bool { evaluation?.eligible ?? false }
    public var warningCount: Int { outcomes.filter { $0.result == .warn }.count }
}

/// What `newClaims(forClass:kind:)` did: the drafts saved and the trainees skipped, with why.
public struct ClassClaimsReport: Sendable {
    public var created: [ClaimRow]
    public var skipped: [(worker: String, reason: SkipReason)]
}

/// Why a claim or trainee was left alone in a batch, in both languages.
public struct SkipReason: UserMessage, Sendable, Equatable {
    public var zh: String
    public var en: String
    /// True when the claim was left out of a batch approval because it carries a warning.
    public var warned: Bool = false
    public func message(_ lang: Lang) -> String { lang == .zh ? zh : en }
    init(zh: String, en: String, warned: Bool = false) { self.zh = zh; self.en = en; self.warned = warned }
    init(_ e: DeskError) { self.init(zh: e.message(.zh), en: e.message(.en)) }
}

/// What a batch decision did: the claims decided and those left alone, with why.
public struct BatchDecision: Sendable {
    public var done: [Int64]
    public var skipped: [(id: Int64, reason: SkipReason)]
}

/// The facts a submitted claim rests on, frozen at submission (JSON with sorted keys + SHA-256).
struct ClaimEvidence: Codable, Equatable {
    struct Cert: Codable, Equatable { var type: String; var number: String; var level: String?; var date: String }
    struct Catalogue: Codable, Equatable { var subsidised: Bool; var shortage: Bool; var standardFen: Int64; var hours: Int }
    struct Profile: Codable, Equatable {
        var name: String; var groups: [String]; var disability: String; var insured: Bool; var pension: Bool
        var hukou: String?; var residence: String?; var employer: String?
    }
    /// Day → [classroom, online] minutes in the claim's class.
    var attendance: [String: [Int]]
    var certificate: Cert?
    var catalogue: Catalogue?
    var profile: Profile
    var policy: String

    var json: String { CatalogueJSON.encode(self) }

    static func gather(_ r: StoreReader, claim c: ClaimRow, evaluation e: ClaimEvaluation) throws -> ClaimEvidence {
        var days: [String: [Int]] = [:]
        if let k = e.facts.klass {
            for d in try classDays(r, workerID: c.workerID, classID: k.id, from: k.start.description, to: k.end.description) {
                days[d.date] = [d.classroomMinutes, d.onlineMinutes]
            }
        }
        let w = e.facts.worker
        return ClaimEvidence(
            attendance: days,
            certificate: e.facts.certificate.map { Cert(type: $0.type.rawValue, number: $0.number, level: $0.level?.rawValue, date: $0.date.description) },
            catalogue: e.facts.catalogue.map { Catalogue(subsidised: $0.subsidised, shortage: $0.shortage, standardFen: $0.standardFen, hours: $0.hours) },
            profile: Profile(name: w.name, groups: w.groups.map(\.rawValue).sorted(), disability: w.disability.rawValue,
                             insured: w.unemploymentInsured, pension: w.drawsPension, hukou: w.hukouRegion,
                             residence: w.residenceRegion, employer: w.workRegion),
            policy: e.profileName)
    }

    /// The worker's days in one class (by date): the evidence's attendance, and the detail's list.
    static func classDays(_ r: StoreReader, workerID: String, classID: Int64, from: String, to: String) throws -> [WorkerDayRow] {
        try r.attendance(workerID: workerID, from: from, to: to).filter { $0.classID == classID }
    }

    /// What differs from `frozen`, as zh/en phrases (empty when nothing does).
    func changes(since frozen: ClaimEvidence) -> (zh: [String], en: [String], days: [CalendarDate]) {
        var zh: [String] = [], en: [String] = []
        let dayKeys = Set(attendance.keys).union(frozen.attendance.keys).filter { attendance[$0] != frozen.attendance[$0] }.sorted()
        if !dayKeys.isEmpty {
            zh.append("\(dayKeys.joined(separator: "、")) 的考勤在提交后修改")
            en.append("attendance for \(dayKeys.joined(separator: ", ")) was edited after submission")
        }
        if certificate != frozen.certificate { zh.append("证书在提交后修改"); en.append("the certificate changed after submission") }
        if catalogue != frozen.catalogue { zh.append("目录条目在提交后修改"); en.append("the catalogue entry changed after submission") }
        if profile != frozen.profile { zh.append("劳动者信息在提交后修改"); en.append("the worker's record changed after submission") }
        if policy != frozen.policy { zh.append("政策方案在提交后更换"); en.append("the policy profile changed after submission") }
        return (zh, en, dayKeys.compactMap(CalendarDate.init(iso:)))
    }
}

/// The claim's fields the audit trail keeps before and after each step.
struct ClaimSnapshot: Encodable {
    var id: Int64
    var status: String
    var amount_fen: Int64
    var reason: String?
    var reject_code: String?
    var note: String?
    var fund_year: Int?
    var fund_source: String?
    var notice_published_on: String?
    var notice_end_on: String?
    var batch_id: String?
    var clawback_due_fen: Int64
    var recovered_fen: Int64
    var warning_count: Int
    var evidence_sha256: String?
    /// Set from a payment batch on: whom the bank pays, and the account's SHA-256 (never the
    /// number itself in the trail) — what an export and a payment check the line against.
    var payee_name: String?
    var bank_account_sha256: String?
    /// Only in the approval's after-image: what was approved, and its hash (`ClaimSeal`).
    var seal: ClaimSeal?
    var seal_sha256: String?

    init(_ c: ClaimRow, seal: ClaimSeal? = nil) {
        id = c.id; status = c.status.rawValue; amount_fen = c.amountFen; reason = c.reason; reject_code = c.rejectCode
        note = c.decisionNote; fund_year = c.fundYear; fund_source = c.fundSource?.rawValue
        notice_published_on = c.noticePublishedOn; notice_end_on = c.noticeEndOn; batch_id = c.batchID
        clawback_due_fen = c.clawbackDueFen; recovered_fen = c.recoveredFen; warning_count = c.warningCount
        evidence_sha256 = c.evidenceSHA256
        payee_name = c.payeeName
        bank_account_sha256 = c.bankAccount.map(AccountDigest.sha256)
        self.seal = seal
        seal_sha256 = seal?.hash
    }

    /// The snapshot as JSON, byte for byte what `CatalogueJSON.encode` (JSONEncoder, sorted keys,
    /// nil fields left out, slashes unescaped) makes of it — written by hand because every claim
    /// step writes two or three of them and JSONEncoder cost more than the step's SQL in a batch
    /// (a test compares the two on many snapshots).
    static func json(_ c: ClaimRow) -> String { ClaimSnapshot(c).json }

    /// The approval's after-image: the snapshot plus the seal of what was approved.
    static func json(_ c: ClaimRow, sealed: ClaimSeal) -> String { ClaimSnapshot(c, seal: sealed).json }

    var json: String {
        var out = "{"
        var first = true
        func key(_ k: String) { out += first ? "\"" : ",\""; out += k; out += "\":"; first = false }
        func str(_ k: String, _ v: String?) { guard let v else { return }; key(k); JSONText.appendString(v, to: &out) }
        func int(_ k: String, _ v: Int64?) { guard let v else { return }; key(k); out += String(v) }
        // Sorted keys.
        int("amount_fen", amount_fen)
        str("bank_account_sha256", bank_account_sha256)
        str("batch_id", batch_id)
        int("clawback_due_fen", clawback_due_fen)
        str("evidence_sha256", evidence_sha256)
        str("fund_source", fund_source)
        int("fund_year", fund_year.map(Int64.init))
        int("id", id)
        str("note", note)
        str("notice_end_on", notice_end_on)
        str("notice_published_on", notice_published_on)
        str("payee_name", payee_name)
        str("reason", reason)
        int("recovered_fen", recovered_fen)
        str("reject_code", reject_code)
        if let seal {
            key("seal")
            // ClaimSeal's keys sorted, every one written (null when absent), as its `encode` does.
            var sealFirst = true
            func sk(_ k: String) { out += sealFirst ? "{\"" : ",\""; out += k; out += "\":"; sealFirst = false }
            func sstr(_ k: String, _ v: String?) { sk(k); if let v { JSONText.appendString(v, to: &out) } else { out += "null" } }
            func sint(_ k: String, _ v: Int64?) { sk(k); out += v.map { String($0) } ?? "null" }
            sint("amount_fen", seal.amountFen)
            sint("certificate_id", seal.certificateID)
            sint("claim_year", Int64(seal.claimYear))
            sint("class_id", seal.classID)
            sstr("fund_source", seal.fundSource)
            sint("fund_year", seal.fundYear.map(Int64.init))
            sint("id", seal.claimID)
            sstr("kind", seal.kind)
            sstr("payee", seal.payee)
            sstr("payee_code", seal.payeeCode)
            sstr("worker_id", seal.workerID)
            out += "}"
        }
        str("seal_sha256", seal_sha256)
        str("status", status)
        int("warning_count", Int64(warning_count))
        return out + "}"
    }
}

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
                    $0.classID == classID && $0.kind == kind && $0.status != .rejected
                }
                if let existing {
                    let status = existing.status
                    report.skipped.append((r.workerID, SkipReason(
                        zh: "已有申请 \(existing.id)（\(status.label(.zh))）",
                        en: "claim \(existing.id) exists (\(status.label(.en)))")))
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
                throw DeskError.claimNotEligible(claim: id, failures: e.evaluation.failures.map { "\($0.rule) \($0.en)" })
            }
            let before = ClaimSnapshot.json(c)
            let evidence = try ClaimEvidence.gather(w, claim: c, evaluation: e)
            try Self.checkClaimAmount(e.amountFen)
            c.status = t.to
            c.amountFen = e.amountFen
            c.submittedAt = Timestamp.utc(now)
            c.submittedBy = user
            c.evidenceJSON = evidence.json
            c.evidenceSHA256 = SHA256.hex(evidence.json)
            c.warningCount = e.evaluation.warnings.count
            c.evidenceChanged = false
            c.certificateID = e.certificateID ?? c.certificateID
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
                throw DeskError.wrongState("the notice of claim \(id) ended on \(end); an objection is no longer accepted",
                                           zh: "申请 \(id) 的公示已于 \(end) 结束，不再受理异议")
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

    // MARK: deciding (supervisors)

    /// Approves a submitted claim (supervisors; never one who prepared, submitted or objected to it) and puts it on the
    /// public notice in the same transaction: reserves the amount in the fund account of the
    /// business date's year — of `source`, or else the first source (in `FundSource` order) whose
    /// balance covers it — then approved → on notice for the profile's working days on the
    /// database's calendar. Audited `claim.approve` and `claim.publish_notice`.
    @discardableResult
    public func approveClaim(_ id: Int64, note: String? = nil, source: FundSource? = nil) throws -> ClaimRow {
        try require(.decideClaims)
        let now = desk.clock(), today = desk.today()
        return try write(.decideClaims) { w in
            let c = try loadClaim(w, id)
            let t = try transition(w, c, .approve, reason: note, code: nil)
            return try approve(w, c, t, source: source, notice: try noticePeriod(w, from: today), now: now)
        }
    }

    /// The public notice that an approval on `day` puts up: the active profile's working days
    /// counted on the database's calendar. A batch approval counts it once.
    private func noticePeriod(_ r: StoreReader, from day: CalendarDate) throws -> NoticePeriod {
        let profile = try PolicySetting.profile(r, desk)
        let calendar = WorkingCalendar(entries: try r.calendarEntries())
        guard let period = NoticePeriod(publishedOn: day, workingDays: profile.noticeWorkingDays.value, calendar: calendar) else {
            throw DeskError.wrongState("no notice period could be counted from \(day)", zh: "无法从 \(day) 起计算公示期")
        }
        return period
    }

    /// Approves `c` (already loaded in this transaction, its step `t` checked) and publishes it:
    /// one claim update, the reservation, and two audit rows (`claim.approve`, then
    /// `claim.publish_notice` from the approved snapshot).
    private func approve(_ w: StoreWriter, _ loaded: ClaimRow, _ t: ClaimTransition, source: FundSource?,
                         notice: NoticePeriod, now: Date) throws -> ClaimRow {
        var c = loaded
        try checkMaker(w, c)
        let before = ClaimSnapshot.json(c)
        // The account: the given source, or the first of the year with enough balance.
        let year = notice.publishedOn.year
        var accounts = try w.storedFundAccounts(year: year)
        if let source { accounts = accounts.filter { $0.account.source == source } }
        guard !accounts.isEmpty else {
            let what = source.map { "\($0.label(.en)) " } ?? ""
            throw DeskError.wrongState(
                "no \(what)fund account is allocated for \(year): an administrator must allocate one (fund allocate) before claims are approved; nothing was changed",
                zh: "\(year) 年尚未拨付\(source.map { "“\($0.label(.zh))”" } ?? "")专账资金：请管理员先拨款（fund allocate）再审批；未作改动")
        }
        guard var stored = accounts.first(where: { $0.account.balanceFen >= c.amountFen }) else {
            let best = accounts.map(\.account).max { $0.balanceFen < $1.balanceFen }!
            throw DeskError.fund(.insufficientBalance(year: year, source: best.source, balanceFen: best.balanceFen, amountFen: c.amountFen))
        }
        if c.amountFen > 0 {
            try stored.account.deskApply(.reserve, c.amountFen)
            try w.saveFund(stored)
        }
        let account = stored.account
        c.status = t.to
        c.decidedAt = Timestamp.utc(now)
        c.decidedBy = user
        c.decisionNote = t.reason
        c.fundYear = year
        c.fundSource = account.source
        // The approval's image carries the seal of what was approved: money moves later only for a
        // row that still matches it (`SealCheck`).
        let approved = ClaimSnapshot.json(c, sealed: c.seal)
        // Published at once: the notice list is the live list of claims on notice.
        let p = try ClaimWorkflow.apply(.publishNotice, to: t.to)
        c.status = p.to
        c.noticePublishedOn = notice.publishedOn.description
        c.noticeEndOn = notice.end.description
        guard try w.saveClaim(c, at: now) else { throw DeskError.editConflict("claim \(c.id)") }
        c.version += 1
        let key = String(c.id)
        try w.audit(at: now, user: user, action: "claim." + ClaimAction.approve.rawValue, entity: "claim", key: key,
                    before: before, after: approved)
        try w.audit(at: now, user: user, action: "claim." + p.action.rawValue, entity: "claim", key: key,
                    before: approved, after: ClaimSnapshot.json(c))
        return c
    }

    /// Returns a submitted claim to its clerk for correction (supervisors; reason required).
    @discardableResult
    public func returnClaim(_ id: Int64, reason: String) throws -> ClaimRow {
        try require(.decideClaims)
        let now = desk.clock()
        return try write(.decideClaims) { w in
            var c = try loadClaim(w, id)
            let t = try transition(w, c, .returnForCorrection, reason: reason, code: nil)
            try checkMaker(w, c)
            let before = ClaimSnapshot.json(c)
            c.status = t.to
            c.reason = t.reason
            c.decidedAt = Timestamp.utc(now)
            c.decidedBy = user
            return try save(w, c, action: t.action, before: before, now: now)
        }
    }

    /// Rejects a submitted claim (supervisors; code and reason required; final).
    @discardableResult
    public func rejectClaim(_ id: Int64, code: RejectReason, reason: String) throws -> ClaimRow {
        try require(.decideClaims)
        let now = desk.clock()
        return try write(.decideClaims) { w in try reject(w, id, code: code, reason: reason, now: now) }
    }

    private func reject(_ w: StoreWriter, _ id: Int64, code: RejectReason, reason: String, now: Date) throws -> ClaimRow {
        var c = try loadClaim(w, id)
        let t = try transition(w, c, .reject, reason: reason, code: code)
        try checkMaker(w, c)
        let before = ClaimSnapshot.json(c)
        c.status = t.to
        c.reason = t.reason
        c.rejectCode = code.rawValue
        c.decidedAt = Timestamp.utc(now)
        c.decidedBy = user
        return try save(w, c, action: t.action, before: before, now: now)
    }

    /// Approves many claims. A claim with any warning — stored at submission, or W5 because its
    /// evidence was marked changed since (the database's triggers mark every kind of evidence;
    /// docs/DECISIONS.md "W5 marks") — is skipped: it must be opened and approved alone. Every
    /// other refusal (state, maker-checker, fund) is reported per claim too. Each claim is all or
    /// nothing (see `decideEach`); the notice period is counted once per business date.
    public func approveClaims(_ ids: [Int64], note: String? = nil, source: FundSource? = nil) throws -> BatchDecision {
        try require(.decideClaims)
        var notice: NoticePeriod?
        return try decideEach(ids) { w, id, now, today in
            let c = try loadClaim(w, id)
            let t = try transition(w, c, .approve, reason: note, code: nil)
            if c.warningCount > 0 || c.evidenceChanged {
                let n = c.warningCount + (c.evidenceChanged ? 1 : 0)
                throw BatchSkip(reason: SkipReason(zh: "申请 \(id) 有 \(n) 个警示：不批量批准，请打开单独审核",
                                                   en: "claim \(id) has \(n) warning(s); open it to approve it alone",
                                                   warned: true))
            }
            if notice?.publishedOn != today { notice = try noticePeriod(w, from: today) }
            _ = try approve(w, c, t, source: source, notice: notice!, now: now)
        }
    }

    /// Rejects many claims with one code and reason; refusals are reported.
    public func rejectClaims(_ ids: [Int64], code: RejectReason, reason: String) throws -> BatchDecision {
        try require(.decideClaims)
        return try decideEach(ids) { w, id, now, _ in _ = try reject(w, id, code: code, reason: reason, now: now) }
    }

    /// Claims decided per transaction in a batch: the write lock is held for one chunk (tens of
    /// milliseconds), not the whole batch, and a commit is shared by the chunk's claims.
    public static let batchChunk = 50

    /// Runs `step` for each claim in its own savepoint, `batchChunk` claims to a transaction: a
    /// claim is decided whole (state, reservation, audit rows) or not at all — a refusal rolls back
    /// its savepoint only, and a crash loses at most the uncommitted chunk, each claim of which is
    /// then untouched. A refusal (`BatchSkip`, or a DeskError other than a missing permission) is
    /// reported for that claim and the batch goes on.
    private func decideEach(_ ids: [Int64], _ step: (StoreWriter, Int64, Date, CalendarDate) throws -> Void) throws -> BatchDecision {
        var out = BatchDecision(done: [], skipped: [])
        // The claims indexes a decision rewrites (six on status) do not fit SQLite's default 2 MB
        // cache at city scale: with 32 MiB for the batch its chunks reuse the pages they read.
        if ids.count > Self.batchChunk {
            try write(.decideClaims) { try $0.setCacheSize(kibibytes: 32_768) }
        }
        defer {
            if ids.count > Self.batchChunk {
                _ = desk.logger.attempt("restoring the cache size after a batch", level: .debug) {
                    try write(.decideClaims) { try $0.setCacheSize(kibibytes: 2_000) }
                }
            }
        }
        var start = 0
        while start < ids.count {
            let chunk = ids[start..<min(start + Self.batchChunk, ids.count)]
            start += chunk.count
            let now = desk.clock(), today = desk.today()
            let part = try write(.decideClaims) { w in
                var part = BatchDecision(done: [], skipped: [])
                for id in chunk {
                    do {
                        try w.savepoint { try step(w, id, now, today) }
                        part.done.append(id)
                        if desk.batchStepPauseMicroseconds > 0 { usleep(desk.batchStepPauseMicroseconds) }
                    } catch let s as BatchSkip {
                        part.skipped.append((id, s.reason))
                    } catch let e as DeskError {
                        if case .notPermitted = e { throw e }
                        part.skipped.append((id, SkipReason(e)))
                    }
                }
                return part
            }
            out.done += part.done
            out.skipped += part.skipped
        }
        return out
    }

    /// Claws back a paid claim (supervisors; reason required): the amount becomes due in its fund
    /// account (the balance changes only when it is recovered).
    @discardableResult
    public func clawbackClaim(_ id: Int64, reason: String) throws -> ClaimRow {
        try require(.decideClaims)
        let now = desk.clock()
        return try write(.decideClaims) { w in
            var c = try loadClaim(w, id)
            let t = try transition(w, c, .clawback, reason: reason, code: nil)
            let before = ClaimSnapshot.json(c)
            try moveFund(w, c, .recordClawback)
            c.status = t.to
            c.reason = t.reason
            c.clawbackDueFen = c.amountFen
            return try save(w, c, action: t.action, before: before, now: now)
        }
    }

    /// Records money clawed back coming in (finance). `amountFen` nil = all that is still due, which
    /// completes the recovery (clawback → recovered); less is a partial recovery (`claim.recover_part`,
    /// no status change).
    @discardableResult
    public func recoverClaim(_ id: Int64, amountFen: Int64? = nil, note: String? = nil) throws -> ClaimRow {
        try require(.payClaims)
        let now = desk.clock()
        return try write(.payClaims) { w in
            var c = try loadClaim(w, id)
            guard let open = ClaimClawback.stillDueFen(clawedBackFen: c.clawbackDueFen, recoveredFen: c.recoveredFen) else {
                throw DeskError.money(.sumOverflow(what: "claim \(id)'s clawback", whatZh: "申请 \(id) 的追回金额"))
            }
            let amount = amountFen ?? open
            let complete = amount == open
            var to = c.status
            if complete {
                to = try transition(w, c, .recover, reason: note, code: nil).to
            } else if c.status != .clawback {
                throw DeskError.workflow(.notAllowed(c.status, .recover))
            }
            // The fund account only knows what is due over all its claims: this claim's own due
            // bounds what may be recorded against it.
            switch ClaimClawback.recoveryProblem(amountFen: amount, stillDueFen: open) {
            case nil: break
            case .notPositive?:
                throw DeskError.invalidInput("the amount recovered must be more than ¥0.00", zh: "追回金额须大于 ¥0.00")
            case .moreThanDue?:
                throw DeskError.invalidInput("\(Money.format(fen: amount)) is more than the \(Money.format(fen: open)) still due on claim \(id)",
                                             zh: "\(Money.format(fen: amount)) 超过申请 \(id) 尚未追回的 \(Money.format(fen: open))")
            }
            let before = ClaimSnapshot.json(c)
            guard let y = c.fundYear, let s = c.fundSource,
                  var stored = try w.storedFundAccount(year: y, source: s) else { throw DeskError.claimNotFound(id) }
            try stored.account.deskApply(.recover, amount)
            try w.saveFund(stored)
            c.recoveredFen += amount
            c.status = to
            return try save(w, c, action: complete ? .recover : nil, before: before, now: now,
                            actionName: complete ? nil : "claim.recover_part")
        }
    }

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
        let dead: Set<ClaimStatus> = [.rejected, .recovered]
        let other = try r.claims(ofWorker: workerID).first { c in
            c.id != excluding && c.kind == kind && !dead.contains(c.status)
                && (classID != nil ? c.classID == classID : (certificateID != nil && c.certificateID == certificateID))
        }
        if let o = other {
            let on = classID.map { "class \($0)" } ?? "this certificate"
            let onZh = classID.map { "培训班 \($0)" } ?? "该证书"
            throw DeskError.wrongState(
                "\(workerID) already has claim \(o.id) (\(o.status.label(.en))) of this kind on \(on); continue that one",
                zh: "\(workerID) 在\(onZh)上已有同类申请 \(o.id)（\(o.status.label(.zh))），请继续办理该申请")
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
                "claim \(c.id) was already \(Self.pastTense(verb)) by \(last.user) at \(at); " + base.message(.en),
                zh: "申请 \(c.id) 已由 \(last.user) 于 \(at) \(ClaimAction(rawValue: verb.replacingOccurrences(of: " ", with: "_"))?.label(.zh) ?? verb)；" + base.message(.zh))
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
        case .prepared?: throw DeskError.makerChecker(claim: c.id, user: user)   // the message it always had
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
            throw DeskError.wrongState("claim \(c.id) has no fund account on record", zh: "申请 \(c.id) 没有对应的资金专账记录")
        }
        try stored.account.deskApply(effect == .reserve ? .reserve : effect == .release ? .release : effect == .pay ? .pay : effect == .recordClawback ? .recordClawback : .recover, c.amountFen)
        try w.saveFund(stored)
    }

    /// Writes the claim (optimistic: its version must be unchanged) and one audit row. Returns
    /// the claim as stored (every field `saveClaim` writes is `c`'s; the version is one up).
    func save(_ w: StoreWriter, _ c: ClaimRow, action: ClaimAction?, before: String, now: Date,
              actionName: String? = nil, auditUser: String? = nil) throws -> ClaimRow {
        guard try w.saveClaim(c, at: now) else { throw DeskError.editConflict("claim \(c.id)") }
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
