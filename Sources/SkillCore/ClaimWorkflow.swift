/// What a user (or the bank's result file) does to a claim (POLICY.md "Workflow of a claim"; issue 5).
/// Raw values are the codes the audit trail and the CLI use.
public enum ClaimAction: String, Sendable, Codable, CaseIterable {
    /// draft or returned → submitted (the clerk sends it for review).
    case submit
    /// submitted → approved (the supervisor; reserves the amount in the fund account).
    case approve
    /// submitted → returned (reason required); the clerk corrects it and submits again.
    case returnForCorrection = "return"
    /// submitted → rejected (reason code from `RejectReason` and text required; final).
    case reject
    /// approved → on notice: the claim is published on the public notice list (公示).
    case publishNotice = "publish_notice"
    /// on notice → submitted: an objection recorded during the notice sends it back to review
    /// (reason required: what the objection says; releases the reservation).
    case object
    /// on notice → payable: the notice period ended without objection.
    case endNotice = "end_notice"
    /// payable → paid: the bank's result says the money arrived (reserved → paid in the fund).
    case pay
    /// payable → payable: the bank's result says the payment failed (reason required: the bank's
    /// reason). The claim leaves its batch and waits for the next one; the reservation stays.
    case paymentFailed = "payment_failed"
    /// paid → clawback (追回): fraud or error found after payment (reason required).
    case clawback
    /// clawback → recovered: the money came back.
    case recover
    /// draft or returned → withdrawn (a clerk; reason required; final): the claim was prepared in
    /// error or will not be pursued. It frees the worker's one live claim of the kind on the class.
    case withdraw

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.submit, .zh): "提交"
        case (.approve, .zh): "批准"
        case (.returnForCorrection, .zh): "退回修改"
        case (.reject, .zh): "驳回"
        case (.publishNotice, .zh): "公示"
        case (.object, .zh): "登记公示异议"
        case (.endNotice, .zh): "公示期满"
        case (.pay, .zh): "支付"
        case (.paymentFailed, .zh): "支付失败"
        case (.clawback, .zh): "追回"
        case (.recover, .zh): "登记已追回"
        case (.withdraw, .zh): "撤回"
        case (.submit, .en): "submit"
        case (.approve, .en): "approve"
        case (.returnForCorrection, .en): "return for correction"
        case (.reject, .en): "reject"
        case (.publishNotice, .en): "put on notice"
        case (.object, .en): "record an objection"
        case (.endNotice, .en): "end the notice"
        case (.pay, .en): "pay"
        case (.paymentFailed, .en): "record a failed payment"
        case (.clawback, .en): "claw back"
        case (.recover, .en): "record the recovery"
        case (.withdraw, .en): "withdraw"
        }
    }

    /// What "it can only …" says about this action in a refusal.
    func canOnly(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.submit, .zh): "提交审核"
        case (.approve, .zh): "批准"
        case (.returnForCorrection, .zh): "退回修改"
        case (.reject, .zh): "驳回"
        case (.publishNotice, .zh): "进入公示"
        case (.object, .zh): "因异议退回审核"
        case (.endNotice, .zh): "公示期满转为待支付"
        case (.pay, .zh): "支付"
        case (.paymentFailed, .zh): "登记支付失败"
        case (.clawback, .zh): "追回"
        case (.recover, .zh): "登记已追回"
        case (.withdraw, .zh): "撤回"
        case (.submit, .en): "be submitted"
        case (.approve, .en): "be approved"
        case (.returnForCorrection, .en): "be returned for correction"
        case (.reject, .en): "be rejected"
        case (.publishNotice, .en): "go on notice"
        case (.object, .en): "go back to review on an objection"
        case (.endNotice, .en): "become payable when the notice ends"
        case (.pay, .en): "be paid"
        case (.paymentFailed, .en): "have a failed payment recorded"
        case (.clawback, .en): "be clawed back"
        case (.recover, .en): "have its recovery recorded"
        case (.withdraw, .en): "be withdrawn"
        }
    }

    /// A free-text reason must go with these (the audit trail keeps it).
    public var requiresReason: Bool {
        switch self {
        case .returnForCorrection, .reject, .object, .paymentFailed, .clawback, .withdraw: true
        case .submit, .approve, .publishNotice, .endNotice, .pay, .recover: false
        }
    }

    /// A reviewer's decision on a submitted claim: the decider must not be its preparer
    /// (maker-checker, POLICY.md; `ClaimWorkflow.mayDecide`).
    public var isDecision: Bool { self == .approve || self == .returnForCorrection || self == .reject }

    /// What the action does to the fund account of the claim's approval year (issue 5 §4). The
    /// reservation exists exactly while a claim is approved, on notice or payable.
    public var fundEffect: FundEffect {
        switch self {
        case .approve: .reserve
        case .object: .release
        case .pay: .pay
        case .clawback: .recordClawback
        case .recover: .recover
        case .submit, .returnForCorrection, .reject, .publishNotice, .endNotice, .paymentFailed, .withdraw: .none
        }
    }
}

/// The fund-account operation that goes with a claim action (`FundAccount`), for the claim's amount.
public enum FundEffect: String, Sendable, Equatable {
    case none, reserve, release, pay, recordClawback = "record_clawback", recover
}

extension ClaimStatus {
    /// The status after `action`, or nil when the action is not possible in this status.
    public func after(_ action: ClaimAction) -> ClaimStatus? {
        switch (self, action) {
        case (.draft, .submit), (.returned, .submit): .submitted
        case (.submitted, .approve): .approved
        case (.submitted, .returnForCorrection): .returned
        case (.submitted, .reject): .rejected
        case (.approved, .publishNotice): .onNotice
        case (.onNotice, .object): .submitted
        case (.onNotice, .endNotice): .payable
        case (.payable, .pay): .paid
        case (.payable, .paymentFailed): .payable
        case (.paid, .clawback): .clawback
        case (.clawback, .recover): .recovered
        case (.draft, .withdraw), (.returned, .withdraw): .withdrawn
        default: nil
        }
    }

    /// The actions possible in this status, in `ClaimAction` order (empty for a final status).
    public var possibleActions: [ClaimAction] {
        ClaimAction.allCases.filter { after($0) != nil }
    }
}

/// Why a submitted claim is rejected: a code from this list plus free text (issue 5). Each cites the
/// POLICY.md clause it rests on, where one applies.
public enum RejectReason: String, Sendable, Codable, CaseIterable {
    /// Not among the persons or trainings the kind is for (E2, E8, E12, P1, P2).
    case notEligible = "not_eligible"
    /// No certificate obtained after the training, or the claim window passed (E3).
    case noCertificate = "no_certificate"
    /// Already subsidised: yearly cap, same occupation and level, once-per-year kinds (E4–E7, E15).
    case duplicate
    /// Trained outside the household, residence or work place (E10).
    case outOfArea = "out_of_area"
    /// Did not complete the class: hours short or attendance not credible (E14, W2, W5).
    case attendanceDoubt = "attendance_doubt"
    /// The institution is suspended or disqualified (E9, W3).
    case institutionSuspended = "institution_suspended"
    /// Forged or false evidence (套取骗取); the case goes to the anti-fraud follow-up.
    case forgedEvidence = "forged_evidence"
    /// Anything else; the text says what.
    case other

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.notEligible, .zh): "不符合补贴条件"
        case (.noCertificate, .zh): "未取得培训后证书或超过申领期限"
        case (.duplicate, .zh): "重复享受或超过次数限制"
        case (.outOfArea, .zh): "不在户籍地、常住地或求职就业地培训"
        case (.attendanceDoubt, .zh): "未完成学时或考勤存疑"
        case (.institutionSuspended, .zh): "培训机构被暂停或取消培训资格"
        case (.forgedEvidence, .zh): "材料虚假（套取骗取）"
        case (.other, .zh): "其他"
        case (.notEligible, .en): "not eligible"
        case (.noCertificate, .en): "no certificate after the training, or too late"
        case (.duplicate, .en): "already subsidised or over the limit"
        case (.outOfArea, .en): "trained outside household, residence or work place"
        case (.attendanceDoubt, .en): "hours not completed or attendance doubtful"
        case (.institutionSuspended, .en): "institution suspended or disqualified"
        case (.forgedEvidence, .en): "forged or false evidence"
        case (.other, .en): "other"
        }
    }

    /// The clause the reason rests on (POLICY.md), nil for `other`.
    public var clause: String? {
        switch self {
        case .notEligible, .noCertificate, .duplicate, .outOfArea: "003 二(三)10"
        case .attendanceDoubt: "003 二(二)7"
        case .institutionSuspended: "003 二(三)11"
        case .forgedEvidence: "003 三(三)"
        case .other: nil
        }
    }

    /// The rule IDs (POLICY.md) a reviewer would have seen failing or warning.
    public var rules: [String] {
        switch self {
        case .notEligible: ["E2", "E8", "E12", "P1", "P2"]
        case .noCertificate: ["E3"]
        case .duplicate: ["E4", "E5", "E6", "E7", "E15"]
        case .outOfArea: ["E10"]
        case .attendanceDoubt: ["E14", "W2", "W5"]
        case .institutionSuspended: ["E9", "W3"]
        case .forgedEvidence: ["W1"]
        case .other: []
        }
    }

    /// The code (any case, `-` for `_`) or the Chinese label.
    public static func parse(_ s: String) -> RejectReason? {
        let t = s.trimmedWhitespace()
        if let r = RejectReason(rawValue: t.lowercased().replacingDashes()) { return r }
        return allCases.first { $0.label(.zh) == t }
    }

    public static var codes: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Why a workflow step is refused.
public enum WorkflowError: Error, Equatable, Sendable, UserMessage {
    /// The action is not possible in this status.
    case notAllowed(ClaimStatus, ClaimAction)
    /// The action needs a reason and none (or only blanks and control characters) was given.
    case reasonRequired(ClaimAction)
    case reasonTooLong(max: Int)
    /// A rejection needs a code from `RejectReason`.
    case rejectCodeRequired
    /// A reason code was given with an action other than a rejection.
    case codeOnlyForReject(ClaimAction)
    /// Maker-checker: the user who prepared the claim cannot decide on it.
    case sameUser(String)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.notAllowed(let s, let a), .zh):
            let possible = s.possibleActions
            let what = possible.isEmpty ? "这是最终状态，不能再做任何操作"
                : "只能" + possible.map { $0.canOnly(.zh) }.joined(separator: "或")
            return "申请处于“\(s.label(.zh))”状态，不能\(a.label(.zh))：\(what)"
        case (.notAllowed(let s, let a), .en):
            let possible = s.possibleActions
            let what = possible.isEmpty ? "that is final, nothing more can be done"
                : "it can only " + possible.map { $0.canOnly(.en) }.joined(separator: " or ")
            return "claim is \(s.label(.en)), so it cannot \(a.label(.en)): \(what)"
        case (.reasonRequired(let a), .zh): return "“\(a.label(.zh))”必须填写原因"
        case (.reasonRequired(let a), .en): return "\(a.label(.en)) needs a reason; enter one"
        case (.reasonTooLong(let m), .zh): return "原因最多 \(m) 个字，请缩短"
        case (.reasonTooLong(let m), .en): return "the reason is at most \(m) characters; shorten it"
        case (.rejectCodeRequired, .zh): return "驳回须选择原因代码：\(RejectReason.codes)"
        case (.rejectCodeRequired, .en): return "a rejection needs a reason code: \(RejectReason.codes)"
        case (.codeOnlyForReject(let a), .zh): return "原因代码只用于驳回，“\(a.label(.zh))”不需要"
        case (.codeOnlyForReject(let a), .en): return "a reason code goes only with a rejection, not with \(a.label(.en))"
        case (.sameUser(let u), .zh): return "用户“\(u)”经办了这份申请，不能自己审核；应由另一名审核人员决定"
        case (.sameUser(let u), .en): return "user \"\(u)\" prepared this claim and cannot decide on it; another reviewer must"
        }
    }
}

/// One accepted step: what the use case writes (new status, audit row) and does to the fund.
public struct ClaimTransition: Equatable, Sendable {
    public let from: ClaimStatus
    public let to: ClaimStatus
    public let action: ClaimAction
    /// The reason as it will be stored (sanitised: no control characters, whitespace collapsed);
    /// nil when the action takes none and none was given.
    public let reason: String?
    public let code: RejectReason?
    public var fundEffect: FundEffect { action.fundEffect }
}

/// The claim workflow as pure checks; the use-case layer supplies the stored status and the users.
public enum ClaimWorkflow {
    /// The longest reason kept (characters).
    public static let maxReasonLength = 500

    /// Checks `action` on a claim in `status` and returns the step to record. A reason given with an
    /// action that needs none is kept (e.g. a note on an approval); a reject code only goes with
    /// `.reject`, which requires one.
    public static func apply(_ action: ClaimAction, to status: ClaimStatus, reason: String? = nil,
                             code: RejectReason? = nil) throws(WorkflowError) -> ClaimTransition {
        guard let next = status.after(action) else { throw .notAllowed(status, action) }
        let cleaned = reason.map(UnsafeText.sanitise).flatMap { $0.isEmpty ? nil : $0 }
        if action.requiresReason && cleaned == nil { throw .reasonRequired(action) }
        if let c = cleaned, c.count > maxReasonLength { throw .reasonTooLong(max: maxReasonLength) }
        if action == .reject && code == nil { throw .rejectCodeRequired }
        if action != .reject && code != nil { throw .codeOnlyForReject(action) }
        return ClaimTransition(from: status, to: next, action: action, reason: cleaned, code: code)
    }

    /// Maker-checker (POLICY.md): the reviewer deciding on a claim (approve, return, reject) must not
    /// be the user who prepared it. User names compare exactly, after trimming.
    public static func mayDecide(preparedBy: String, decider: String) throws(WorkflowError) {
        let p = preparedBy.trimmedWhitespace(), d = decider.trimmedWhitespace()
        if p == d { throw .sameUser(d) }
    }
}

/// What a user did to a claim that keeps them from a later step (four eyes, POLICY.md; issue 10):
/// whoever prepared, submitted (or resubmitted) or objected to a claim does not decide it, and
/// whoever approved it does not put it in a payment batch.
public enum ClaimHand: String, Sendable, CaseIterable {
    case prepared
    case submitted
    case objected
    case approved

    /// The audit action that records this hand (the use cases write them; the trail is read back).
    public var auditAction: String {
        switch self {
        case .prepared: "claim.create"
        case .submitted: "claim.submit"
        case .objected: "claim.object"
        case .approved: "claim.approve"
        }
    }

    public init?(auditAction: String) {
        guard let h = Self.allCases.first(where: { $0.auditAction == auditAction }) else { return nil }
        self = h
    }

    /// "prepared", "submitted", "objected to", "approved" (English, for messages).
    public var verb: String { self == .objected ? "objected to" : rawValue }

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.prepared, .zh): "经办"
        case (.submitted, .zh): "提交（或重新提交）"
        case (.objected, .zh): "登记异议"
        case (.approved, .zh): "批准"
        case (_, .en): verb
        }
    }
}

extension ClaimWorkflow {
    /// Four eyes for a decision (approve, return, reject): the first hand — prepared, submitted,
    /// objected, in that order — that `decider` had in the claim, or nil when they had none.
    /// `hands` are (user, hand) pairs from the claim's trail; names compare exactly, after trimming.
    public static func handBarringDecision(_ hands: [(user: String, hand: ClaimHand)], decider: String) -> ClaimHand? {
        let d = decider.trimmedWhitespace()
        let mine = Set(hands.filter { $0.user.trimmedWhitespace() == d }.map(\.hand))
        return [ClaimHand.prepared, .submitted, .objected].first { mine.contains($0) }
    }

    /// Four eyes for payment: true when `payer` approved the claim (at any time).
    public static func approvedBy(_ hands: [(user: String, hand: ClaimHand)], payer: String) -> Bool {
        let p = payer.trimmedWhitespace()
        return hands.contains { $0.hand == .approved && $0.user.trimmedWhitespace() == p }
    }
}
