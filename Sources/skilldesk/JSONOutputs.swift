import Foundation
import SkillCore
import SkillDesk

// Every `--json` answer of the command line is one of these `Encodable` types (or a snapshot type
// of SkillDesk), written by `Output.printJSON`: sorted keys, snake_case names fixed by `CodingKeys`,
// amounts as integer fen. A key that existed before these types keeps its name, and keeps being
// `null` (`@Null`) or left out (a plain optional) exactly as it was.

/// An optional written as `null` when empty, where a plain optional would leave its key out.
@propertyWrapper
struct Null<Value: Encodable>: Encodable {
    var wrappedValue: Value?
    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }
    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let v = wrappedValue { try c.encode(v) } else { try c.encodeNil() }
    }
}

/// A stored code (status, kind, source…) as its text, whether the row carries it as a string or
/// already as its enum.
func storedCode(_ s: String) -> String { s }
func storedCode<E: RawRepresentable>(_ e: E) -> String where E.RawValue == String { e.rawValue }
func storedCode(_ s: String?) -> String? { s }
func storedCode<E: RawRepresentable>(_ e: E?) -> String? where E.RawValue == String { e?.rawValue }

/// `{"error": {"code", "message"}}`, on stderr.
struct ErrorJSON: Encodable {
    struct Body: Encodable { var code: String; var message: String }
    var error: Body
    init(code: String, message: String) { error = Body(code: code, message: message) }
}

struct CodeMessageJSON: Encodable { var code: String; var message: String }

// MARK: imports

struct ImportJSON: Encodable {
    struct Line: Encodable { var line: Int; var reason: String }
    var imported: Int
    var rejected: Int
    var rejects: [Line]
    var warnings: [Line]
    var rejectsFileError: CodeMessageJSON?
    enum CodingKeys: String, CodingKey {
        case imported, rejected, rejects, warnings, rejectsFileError = "rejects_file_error"
    }
}

// MARK: workers, classes, certificates

struct BankAccountJSON: Encodable {
    var id: String
    var bankAccount: String
    enum CodingKeys: String, CodingKey { case id, bankAccount = "bank_account" }
}

struct EnrolJSON: Encodable {
    var enrolled: [String]
    var alreadyEnrolled: [String]
    enum CodingKeys: String, CodingKey { case enrolled, alreadyEnrolled = "already_enrolled" }
}

struct AttendanceJSON: Encodable {
    var classID: Int64
    var workerID: String
    var date: String
    var classroomHours: Double
    var onlineHours: Double
    var cleared: Bool
    var warnings: [String]
    enum CodingKeys: String, CodingKey {
        case classID = "class_id", workerID = "worker_id", date, classroomHours = "classroom_hours",
             onlineHours = "online_hours", cleared, warnings
    }
}

struct CertificateDetailJSON: Encodable {
    var id: Int64
    var type: String
    var number: String
    var occupationCode: String
    @Null var level: String?
    @Null var issuer: String?
    var issueDate: String
    var workerID: String
    @Null var holderName: String?
    @Null var classID: Int64?
    var warnings: [String]
    enum CodingKeys: String, CodingKey {
        case id, type, number, occupationCode = "occupation_code", level, issuer, issueDate = "issue_date",
             workerID = "worker_id", holderName = "holder_name", classID = "class_id", warnings
    }
}

// MARK: users, administration

struct InitJSON: Encodable { var database: String; var admin: String; var policy: String; var training: Bool }

struct UserAddJSON: Encodable { var name: String; var roles: [String] }

struct UserJSON: Encodable {
    var name: String
    var roles: [String]
    var disabled: Bool
    @Null var lockedUntil: String?
    var createdAt: String
    enum CodingKeys: String, CodingKey { case name, roles, disabled, lockedUntil = "locked_until", createdAt = "created_at" }
}

struct RepairJSON: Encodable {
    struct Item: Encodable { var type: String; var name: String; var problem: String }
    var repaired: [Item]
}

struct AuditEntryJSON: Encodable {
    var seq: Int64
    var at: String
    var user: String
    var action: String
    var entity: String
    var key: String
    @Null var before: String?
    @Null var after: String?
    var hash: String
    init(_ e: AuditEntry) {
        seq = e.seq; at = e.at; user = e.user; action = e.action; entity = e.entity; key = e.key
        before = e.before; after = e.after; hash = e.hash
    }
}

/// A claim's history line (`claim show`): the audit entry without entity, key and hash.
struct ClaimHistoryJSON: Encodable {
    var seq: Int64
    var at: String
    var user: String
    var action: String
    @Null var before: String?
    @Null var after: String?
    init(_ e: AuditEntry) { seq = e.seq; at = e.at; user = e.user; action = e.action; before = e.before; after = e.after }
}

struct AuditCheckJSON: Encodable {
    struct Field: Encodable {
        var field: String
        @Null var audited: String?
        @Null var stored: String?
    }
    struct Finding: Encodable {
        var table: String
        var key: String
        var message: String
        var problem: String
        var fields: [Field]?
    }
    var ok: Bool
    var checked: [String: Int]
    var findings: [Finding]
    var bulkImportedWorkers: Int
    enum CodingKeys: String, CodingKey { case ok, checked, findings, bulkImportedWorkers = "bulk_imported_workers" }
}

struct ChainJSON: Encodable {
    struct AnchorJSON: Encodable {
        var seq: Int64; var hash: String; var at: String; var why: String
        init(_ a: Anchor) { seq = a.seq; hash = a.hash; at = a.at; why = a.why }
    }
    struct SourceJSON: Encodable {
        var name: String; var path: String; var status: String
        @Null var anchors: Int?
    }
    /// One problem; each kind fills the keys it has and leaves the others out.
    struct Problem: Encodable {
        var kind: String
        var seq: Int64? = nil
        var reason: String? = nil
        var detail: String? = nil
        var anchored: String? = nil
        var found: String? = nil
        var source: String? = nil
        var headSeq: Int64? = nil
        var path: String? = nil
        var fails: Bool? = nil
        enum CodingKeys: String, CodingKey {
            case kind, seq, reason, detail, anchored, found, source, headSeq = "head_seq", path, fails
        }
    }
    var ok: Bool
    var entries: Int
    var head: String
    var headSeq: Int64
    var restarted: Bool
    @Null var dbID: String?
    var anchorsChecked: Int
    @Null var firstAnchor: AnchorJSON?
    @Null var lastAnchor: AnchorJSON?
    @Null var anchoredNow: AnchorJSON?
    var sources: [SourceJSON]
    var start: String
    var brokenSeq: Int64?
    var reason: String?
    var problems: [Problem]
    enum CodingKeys: String, CodingKey {
        case ok, entries, head, headSeq = "head_seq", restarted, dbID = "db_id", anchorsChecked = "anchors_checked",
             firstAnchor = "first_anchor", lastAnchor = "last_anchor", anchoredNow = "anchored_now", sources, start,
             brokenSeq = "broken_seq", reason, problems
    }
}

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

struct IDReasonJSON: Encodable { var id: Int64; var reason: String }

struct BatchDecisionJSON: Encodable { var done: [Int64]; var skipped: [IDReasonJSON] }

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
