import Foundation
import SkillCore
import SkillDesk

// The `--json` outputs of policy, claims, funds, notices, payments and the calendar (the rest are in JSONOutputs.swift).
// MARK: policy and claims

struct RuleOutcomeJSON: Encodable {
    var rule: String
    var result: String
    var clause: String
    var message: String
    init(_ o: RuleOutcome, _ lang: Lang) { self.init(o, message: o.message(lang)) }
    /// `claim evaluate` has always shown the bare message, without the rule's name in front.
    init(_ o: RuleOutcome, message: String) { rule = o.rule; result = o.result.rawValue; clause = o.clause; self.message = message }
    static func list(_ o: [RuleOutcome], _ lang: Lang) -> [RuleOutcomeJSON] { o.map { RuleOutcomeJSON($0, lang) } }
}

struct EvaluationJSON: Encodable {
    var eligible: Bool
    var amountFen: Int64
    var computation: String
    var profile: String
    var profileTitle: String
    var outcomes: [RuleOutcomeJSON]
    var kind: String
    var payee: String
    var workerID: String
    var workerName: String
    @Null var classID: Int64?
    @Null var certificate: String?
    var claimYear: Int
    var asOf: String
    enum CodingKeys: String, CodingKey {
        case eligible, amountFen = "amount_fen", computation, profile, profileTitle = "profile_title", outcomes, kind,
             payee, workerID = "worker_id", workerName = "worker_name", classID = "class_id", certificate,
             claimYear = "claim_year", asOf = "as_of"
    }
}

struct PolicyListJSON: Encodable { var name: String; var title: String; var seed: String; var active: Bool }

struct PolicyShowJSON: Encodable {
    struct Kind: Encodable { var clause: String; var label: String }
    struct Number: Encodable { var section: String; var key: String; var value: String; var source: String; var fen: Int64? }
    var name: String
    var title: String
    var seed: String
    var active: Bool
    var kinds: [String: Kind]
    var numbers: [Number]
}

struct PolicyUseJSON: Encodable { var policy: String; var before: String; var changed: Bool }

/// A claim row (`claim submit/approve/…`), with what `claim new` and `claim show` add.
struct ClaimJSON: Encodable {
    var id: Int64
    var status: String
    var amountFen: Int64
    var workerID: String
    var kind: String
    @Null var classID: Int64?
    var preparedBy: String
    @Null var submittedBy: String?
    @Null var submittedAt: String?
    @Null var decidedBy: String?
    @Null var decidedAt: String?
    @Null var note: String?
    @Null var reason: String?
    @Null var rejectCode: String?
    @Null var noticePublishedOn: String?
    @Null var noticeEndOn: String?
    @Null var fundYear: Int?
    @Null var fundSource: String?
    @Null var batch: String?
    var warningCount: Int
    var clawbackDueFen: Int64
    var recoveredFen: Int64
    var claimNumber: String
    // Only `claim new` (eligible, outcomes) and `claim show` (all five) have these.
    var workerName: String?
    var eligible: Bool?
    var outcomes: [RuleOutcomeJSON]?
    var evidenceChanges: [String]?
    var history: [ClaimHistoryJSON]?

    enum CodingKeys: String, CodingKey {
        case id, status, amountFen = "amount_fen", workerID = "worker_id", kind, classID = "class_id",
             preparedBy = "prepared_by", submittedBy = "submitted_by", submittedAt = "submitted_at",
             decidedBy = "decided_by", decidedAt = "decided_at", note, reason, rejectCode = "reject_code",
             noticePublishedOn = "notice_published_on", noticeEndOn = "notice_end_on", fundYear = "fund_year",
             fundSource = "fund_source", batch, warningCount = "warning_count", clawbackDueFen = "clawback_due_fen",
             recoveredFen = "recovered_fen", claimNumber = "claim_number", workerName = "worker_name", eligible,
             outcomes, evidenceChanges = "evidence_changes", history
    }

    init(_ c: ClaimRow) {
        id = c.id; status = storedCode(c.status); amountFen = c.amountFen; workerID = c.workerID; kind = storedCode(c.kind)
        classID = c.classID; preparedBy = c.preparedBy; submittedBy = c.submittedBy; submittedAt = c.submittedAt
        decidedBy = c.decidedBy; decidedAt = c.decidedAt; note = c.decisionNote; reason = c.reason
        rejectCode = storedCode(c.rejectCode); noticePublishedOn = c.noticePublishedOn; noticeEndOn = c.noticeEndOn
        fundYear = c.fundYear; fundSource = storedCode(c.fundSource); batch = c.batchID; warningCount = c.warningCount
        clawbackDueFen = c.clawbackDueFen; recoveredFen = c.recoveredFen
        claimNumber = ClaimNumber.format(year: c.claimYear, serial: Int(c.id))
    }
}

struct IDReasonJSON: Encodable { var id: Int64; var number: String?; var reason: String }

/// `done` stays the ids (scripts read them); `numbers` are the same claims' numbers, in order.
struct BatchDecisionJSON: Encodable { var done: [Int64]; var skipped: [IDReasonJSON]; var numbers: [String] }

struct ClaimsForClassJSON: Encodable {
    struct Skipped: Encodable { var worker: String; var reason: String }
    var created: [ClaimJSON]
    var skipped: [Skipped]
}

struct QueueItemJSON: Encodable {
    var id: Int64
    var ageDays: Int
    var workerID: String
    var workerName: String
    var kind: String
    var amountFen: Int64
    var warnings: Int
    @Null var institution: String?
    var preparedBy: String
    enum CodingKeys: String, CodingKey {
        case id, ageDays = "age_days", workerID = "worker_id", workerName = "worker_name", kind,
             amountFen = "amount_fen", warnings, institution, preparedBy = "prepared_by"
    }
}

struct RecheckJSON: Encodable {
    /// One claim the job found: its id, number (SD-YYYY-NNNNNN), worker and kind, then what was found.
    struct Entry: Encodable {
        var id: Int64
        var number: String
        var workerID: String
        var workerName: String
        var kind: String
        var rules: [String]? = nil
        var storedFen: Int64? = nil
        var nowFen: Int64? = nil
        var message: String? = nil
        enum CodingKeys: String, CodingKey {
            case id, number, workerID = "worker_id", workerName = "worker_name", kind, rules, storedFen = "stored_fen",
                 nowFen = "now_fen", message
        }
        init(_ id: Int64, _ ref: RecheckReport.ClaimRef) {
            self.id = id; number = ClaimNumber.format(year: ref.year, serial: Int(id))
            workerID = ref.workerID; workerName = ref.workerName; kind = storedCode(ref.kind)
        }
    }
    var status: String
    var asOf: String
    var profile: String
    var evaluated: Int
    var eligible: Int
    var seconds: Double
    var failing: [Entry]
    var amountChanged: [Entry]
    var refused: [Entry]
    enum CodingKeys: String, CodingKey {
        case status, asOf = "as_of", profile, evaluated, eligible, seconds, failing, amountChanged = "amount_changed", refused
    }
}

// MARK: funds, notices, payments, calendar

struct FundAccountJSON: Encodable {
    var year: Int
    var source: String
    var allocatedFen: Int64
    var reservedFen: Int64
    var paidFen: Int64
    var recoveredFen: Int64
    var clawbackDueFen: Int64
    var balanceFen: Int64
    enum CodingKeys: String, CodingKey {
        case year, source, allocatedFen = "allocated_fen", reservedFen = "reserved_fen", paidFen = "paid_fen",
             recoveredFen = "recovered_fen", clawbackDueFen = "clawback_due_fen", balanceFen = "balance_fen"
    }
    init(_ a: FundAccount) {
        year = a.year; source = storedCode(a.source); allocatedFen = a.allocatedFen; reservedFen = a.reservedFen
        paidFen = a.paidFen; recoveredFen = a.recoveredFen; clawbackDueFen = a.clawbackDueFen; balanceFen = a.balanceFen
    }
}

struct FundYearJSON: Encodable {
    var year: Int
    var allocatedFen: Int64
    var reservedFen: Int64
    var paidFen: Int64
    var recoveredFen: Int64
    var clawbackDueFen: Int64
    var balanceFen: Int64
    var accounts: [FundAccountJSON]
    enum CodingKeys: String, CodingKey {
        case year, allocatedFen = "allocated_fen", reservedFen = "reserved_fen", paidFen = "paid_fen",
             recoveredFen = "recovered_fen", clawbackDueFen = "clawback_due_fen", balanceFen = "balance_fen", accounts
    }
}

struct NoticeJSON: Encodable {
    var claim: String
    var id: Int64
    var name: String
    var residentID: String
    var kind: String
    var amountFen: Int64
    var publishedOn: String
    var endsOn: String
    enum CodingKeys: String, CodingKey {
        case claim, id, name, residentID = "resident_id", kind, amountFen = "amount_fen", publishedOn = "published_on",
             endsOn = "ends_on"
    }
}

struct PaymentBatchJSON: Encodable {
    struct PerKind: Encodable {
        var kind: String; var count: Int; var totalFen: Int64
        enum CodingKeys: String, CodingKey { case kind, count, totalFen = "total_fen" }
    }
    var batch: String
    var count: Int
    var totalFen: Int64
    var claims: [Int64]
    var perKind: [PerKind]
    var skipped: [IDReasonJSON]
    enum CodingKeys: String, CodingKey { case batch, count, totalFen = "total_fen", claims, perKind = "per_kind", skipped }
}

struct PaymentExportJSON: Encodable { var batch: String; var file: String; var bytes: Int }

struct ReconcileResultJSON: Encodable {
    var batch: String
    var paid: [Int64]
    var failed: [Int64]
    var problems: [String]
    var alreadyReconciled: [Int64]
    enum CodingKeys: String, CodingKey { case batch, paid, failed, problems, alreadyReconciled = "already_reconciled" }
}

struct CalendarDayJSON: Encodable { var date: String; var kind: String; var name: String }

struct CalendarSetJSON: Encodable { var date: String; var kind: String }

struct PayeeJSON: Encodable {
    var code: String
    var name: String
    var bankAccount: String
    enum CodingKeys: String, CodingKey { case code, name, bankAccount = "bank_account" }
}
