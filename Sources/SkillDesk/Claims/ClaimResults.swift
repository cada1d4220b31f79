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
    /// Each stored claim's number (`SD-2026-000004`) by id, for reports that name claims as users
    /// know them (issue 12); a serial that names no claim has none.
    public var numbers: [Int64: String] = [:]

    public init(done: [Int64], skipped: [(id: Int64, reason: SkipReason)], numbers: [Int64: String] = [:]) {
        self.done = done; self.skipped = skipped; self.numbers = numbers
    }

    /// The claim's number, or "serial N" when no claim has the serial.
    public func name(_ id: Int64, _ lang: Lang) -> String { ClaimNames.name(id, numbers, lang) }
}

/// How batch reports name a claim: its number when known, else its serial, said as one.
enum ClaimNames {
    static func name(_ id: Int64, _ numbers: [Int64: String], _ lang: Lang) -> String {
        numbers[id] ?? (lang == .zh ? "序号 \(id)" : "serial \(id)")
    }
}
