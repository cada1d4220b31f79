/// Which steps a user may take on a claim: the state machine (`ClaimStatus.after`), the permission
/// each step needs, and four eyes (`ClaimWorkflow.handBarringDecision`, `approvedBy`). The claim
/// detail offers exactly these keys; the use cases enforce the same rules when a step is taken.
extension ClaimAction {
    /// The permission a user needs to take this step.
    public var permission: Permission {
        switch self {
        case .submit, .object, .withdraw: .prepareClaims
        case .approve, .returnForCorrection, .reject, .clawback, .publishNotice: .decideClaims
        case .pay, .paymentFailed, .recover: .payClaims
        case .endNotice: .decideClaims
        }
    }

    /// Taken by the program as part of another step (publishing follows approval at once; a notice
    /// ends on its date), never on a user's request.
    public var isAutomatic: Bool { self == .publishNotice || self == .endNotice }
}

extension ClaimWorkflow {
    /// The steps `user` may take on a claim in `status`, in `ClaimAction` order: those the state
    /// machine allows from `status`, that `user`'s roles permit (`may`), and that four eyes does not
    /// bar — no decision by whoever prepared, submitted or objected to it, no payment by whoever
    /// approved it (`hands`: who did what on the claim so far).
    public static func possibleActions(status: ClaimStatus, user: String, hands: [(user: String, hand: ClaimHand)],
                                       may: (Permission) -> Bool) -> [ClaimAction] {
        ClaimAction.allCases.filter { a in
            guard !a.isAutomatic, status.after(a) != nil, may(a.permission) else { return false }
            if a.isDecision && handBarringDecision(hands, decider: user) != nil { return false }
            if a == .pay && approvedBy(hands, payer: user) { return false }
            return true
        }
    }
}
