/// One claim's clawback arithmetic (the fund account's side is `FundAccount.recordClawback` and
/// `recover`): what is still due, and whether a recovery of an amount may be recorded against it.
/// The use case (`Session.recoverClaim`) and the claim detail's amount prompt both ask it.
public enum ClaimClawback {
    /// Clawed back minus recovered on the claim; nil when stored amounts make it overflow.
    public static func stillDueFen(clawedBackFen: Int64, recoveredFen: Int64) -> Int64? {
        let (open, overflow) = clawedBackFen.subtractingReportingOverflow(recoveredFen)
        return overflow ? nil : open
    }

    /// Why `amountFen` may not be recorded as recovered when `stillDueFen` is due, or nil when it may.
    public static func recoveryProblem(amountFen: Int64, stillDueFen: Int64) -> RecoveryProblem? {
        if amountFen <= 0 { return .notPositive }
        if amountFen > stillDueFen { return .moreThanDue }
        return nil
    }

    public enum RecoveryProblem: Sendable, Equatable {
        /// Zero or less.
        case notPositive
        /// More than is still due on the claim.
        case moreThanDue
    }
}
