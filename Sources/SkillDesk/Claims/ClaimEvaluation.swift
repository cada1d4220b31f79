import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// What a clerk asks to evaluate: a worker, a subsidy kind and what the kind rests on.
public struct ClaimProposal: Sendable, Equatable {
    /// Resident ID.
    public var worker: String
    public var kind: SubsidyKind
    public var classID: Int64?
    /// The certificate's number; nil = the worker's certificate linked to the class, if any.
    public var certificateNumber: String?
    /// Training through work: months claimed.
    public var months: Int?
    /// Prepayment: percent asked in advance.
    public var prepayPercent: Int?
    /// The day the claim is judged on; nil = today.
    public var asOf: CalendarDate?

    public init(worker: String, kind: SubsidyKind, classID: Int64? = nil, certificateNumber: String? = nil,
                months: Int? = nil, prepayPercent: Int? = nil, asOf: CalendarDate? = nil) {
        self.worker = worker
        self.kind = kind
        self.classID = classID
        self.certificateNumber = certificateNumber
        self.months = months
        self.prepayPercent = prepayPercent
        self.asOf = asOf
    }
}

/// The engine's evaluation of a proposal with what a screen needs to show it.
public struct ClaimEvaluation: Sendable {
    public var evaluation: Evaluation
    public var proposal: ClaimProposal
    /// The facts the evaluation was computed from (one read transaction).
    public var facts: ClaimFacts
    public var asOf: CalendarDate
    public var workerID: String
    public var workerName: String
    /// The certificate the claim rests on (given, or the worker's certificate linked to the class).
    public var certificateID: Int64?
    public var profileName: String
    public var profileTitle: String
    /// The year the claim counts in (E4) and its level, as a saved claim would record them.
    public var claimYear: Int
    public var level: SkillLevel?

    public var eligible: Bool { evaluation.eligible }
    public var amountFen: Int64 { evaluation.amountFen }
    public var outcomes: [RuleOutcome] { evaluation.outcomes }
    public func outcome(_ rule: String) -> RuleOutcome? { evaluation.outcome(rule) }

    /// `#12 维修电工 四级/中级工 2025-03-01–2025-03-31（某学校）`, or nil without a class.
    public func classLabel(_ lang: Lang) -> String? {
        guard let k = facts.klass else { return nil }
        let inst = lang == .zh ? "（\(k.institutionName)）" : " (\(k.institutionName))"
        return "#\(k.id) \(k.occupationName) \(k.level.label(lang)) \(k.start)–\(k.end)" + inst
    }

    /// `职业技能等级证书 S-123（2025-04-01）`, or nil without a certificate.
    public func certificateLabel(_ lang: Lang) -> String? {
        guard let c = facts.certificate else { return nil }
        let level = c.level.map { " " + $0.label(lang) } ?? ""
        return lang == .zh ? "\(c.type.label(.zh)) \(c.number)\(level)（\(c.date)）"
            : "\(c.type.label(.en)) \(c.number)\(level) (\(c.date))"
    }
}

/// Largest months and percent a proposal may carry at all (the profile's caps are rules, E7/E13).
let maxProposalMonths = 120

extension Session {
    /// Evaluates a claim without saving anything: gathers the facts in one read transaction
    /// (indexed lookups only) and runs the active profile's rules. Every role may evaluate.
    public func evaluateClaim(_ p: ClaimProposal) throws -> ClaimEvaluation {
        try require(.readClasses)
        let workerID = p.worker.trimmedWhitespace().uppercased()
        guard !workerID.isEmpty else {
            throw DeskError.invalidInput("give the worker's resident ID", zh: "请填写劳动者身份证号")
        }
        try Self.checkProposal(p)
        let certificate: ClaimGatherer.CertificateRef = p.certificateNumber.map { .number($0.trimmedWhitespace()) } ?? .linked
        let asOf = p.asOf ?? desk.today()
        let today = desk.today()
        return try read(.readClasses) { r in
            var g = ClaimGatherer(reader: r, profile: try PolicySetting.profile(r, desk), today: today)
            return try g.evaluate(p, workerID: workerID, certificate: certificate, asOf: asOf, excluding: nil)
        }
    }

    /// Shared by the CLI and the TUI, so the messages name the input (班号, 申请月数), never a
    /// command-line flag (issue 12, defect 6: `请给出 --class 班号` on a screen).
    static func checkProposal(_ p: ClaimProposal) throws {
        let kindZh = p.kind.label(.zh), kindEn = p.kind.label(.en)
        if p.kind == .workBased {
            guard let m = p.months, (1...maxProposalMonths).contains(m) else {
                throw DeskError.invalidInput("a \(kindEn) needs the months claimed (1–\(maxProposalMonths))",
                                             zh: "\(kindZh)须填写申请月数（1–\(maxProposalMonths)）")
            }
        } else if p.months != nil {
            throw DeskError.invalidInput("months are only for training through work (work_based); leave the months out for a \(kindEn)",
                                         zh: "申请月数只用于以工代训（work_based）；\(kindZh)请勿填写申请月数")
        }
        if p.kind == .prepayment {
            guard let pct = p.prepayPercent, (1...100).contains(pct) else {
                throw DeskError.invalidInput("a prepayment needs the percent paid in advance (1–100)",
                                             zh: "预拨须填写预拨比例（1–100）")
            }
        } else if p.prepayPercent != nil {
            throw DeskError.invalidInput("a percent is only for a prepayment; leave the prepayment percent out for a \(kindEn)",
                                         zh: "预拨比例只用于项目制培训预拨（prepayment）；\(kindZh)请勿填写预拨比例")
        }
        if p.kind.needsClass && p.classID == nil {
            throw DeskError.invalidInput("a \(kindEn) rests on a class: name the class number (one of the worker's classes)",
                                         zh: "\(kindZh)须指明培训班：请填写班号（该劳动者参加的培训班之一）")
        }
        if !p.kind.needsClass && p.classID == nil && (p.certificateNumber ?? "").trimmedWhitespace().isEmpty {
            throw DeskError.invalidInput("a \(kindEn) rests on a certificate or a class: name the certificate number or the class number",
                                         zh: "\(kindZh)须凭证书或培训班：请填写证书编号或班号")
        }
    }
}

/// One stored claim evaluated again (a re-evaluation job, or a reviewer opening the queue).
public struct ClaimRecheck: Sendable {
    /// The stored claim as read by the job: every field but the frozen evidence (`evidenceJSON` is
    /// nil; `claimDetail` has it).
    public var claim: ClaimRow
    /// The evaluation, or why the claim can no longer be evaluated (its worker, class or
    /// certificate is gone, or the worker left the class).
    public var result: Result<ClaimEvaluation, DeskError>
}

extension Session {
    /// Evaluates again the stored claims in `status` after the claim `after` (oldest first, at most
    /// `limit`),
    /// as of `asOf` (default today), under the active profile. One read transaction per batch: the
    /// batch sees one consistent snapshot, and classes, institutions and catalogue entries are read
    /// once per batch. Nothing is written; page on with the last claim of the batch.
    ///
    /// `prefetch` (default) reads the batch's workers, enrolments, classes, attendance,
    /// certificates and earlier claims with one query each before evaluating; false looks each
    /// fact up per claim as `evaluateClaim` does (same results). `messages: false` (a job that
    /// stores verdicts) leaves the outcomes' messages and the computation empty: results, rule IDs,
    /// clauses, amounts and payee are the same; open the claim to read why.
    public func recheckClaims(status: ClaimStatus = .submitted, after: ClaimRow? = nil, limit: Int = 1_000,
                              asOf: CalendarDate? = nil, prefetch: Bool = true, messages: Bool = true) throws -> [ClaimRecheck] {
        try recheckClaims(status: status, afterPosition: after.map { ClaimPosition(createdAt: $0.createdAt, id: $0.id) },
                          limit: limit, asOf: asOf, prefetch: prefetch, messages: messages)
    }

    /// The same, after a position in the job's order (`claimBatchStarts`) and up to `through`.
    public func recheckClaims(status: ClaimStatus, afterPosition after: ClaimPosition?, through: ClaimPosition? = nil, limit: Int,
                              asOf: CalendarDate? = nil, prefetch: Bool = true, messages: Bool = true) throws -> [ClaimRecheck] {
        try require(.readClasses)
        let today = desk.today()
        let day = asOf ?? today
        return try read(.readClasses) { r in
            var g = ClaimGatherer(reader: r, profile: try PolicySetting.profile(r, desk), today: today)
            let claims = try r.claims(status: status, after: after, through: through, limit: max(1, min(limit, 100_000)),
                                      evidence: false)
            if prefetch { try g.prefetch(claims) }
            return try claims.map { c in
                let kind = c.kind
                let p = ClaimProposal(worker: c.workerID, kind: kind, classID: c.classID, months: c.months,
                                      prepayPercent: c.prepayPercent, asOf: day)
                let cert: ClaimGatherer.CertificateRef = c.certificateID.map { .id($0) } ?? .linked
                do {
                    return ClaimRecheck(claim: c, result: .success(
                        try g.evaluate(p, workerID: c.workerID, certificate: cert, asOf: day, excluding: c.id, messages: messages)))
                } catch let e as DeskError {
                    return ClaimRecheck(claim: c, result: .failure(e))
                }
            }
        }
    }
}
