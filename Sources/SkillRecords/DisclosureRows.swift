import SkillCore

/// One subsidy paid, as the public disclosure of fund use reads it (issue 13, 003 三(三)): the
/// payment line the bank confirmed (`result = 'paid'`) with its batch's business date, and what
/// the disclosure prints about its claim. The worker's full name and resident ID are here only
/// to be masked by the use case (`PublicMask`); they never leave it unmasked.
public struct DisclosedPaymentRow: Sendable, Equatable {
    public var claimID: Int64
    public var claimYear: Int
    /// The payment batch's business date (YYYY-MM-DD): the day that counts for the period.
    public var paidOn: String
    /// What the line paid (fen), as sent to the bank.
    public var amountFen: Int64
    public var kind: SubsidyKind
    public var occupationCode: String
    /// The occupation's name (its latest catalogue entry; empty when the code is not in the catalogue).
    public var occupationName: String
    public var level: String
    /// The institution's credit code and name (empty when the claim has none).
    public var institutionCode: String
    public var institutionName: String
    /// The claim's status now (paid, or clawback / recovered when it was clawed back since).
    public var status: ClaimStatus
    public var workerID: String
    public var workerName: String

    public init(claimID: Int64, claimYear: Int, paidOn: String, amountFen: Int64, kind: SubsidyKind, occupationCode: String,
                occupationName: String, level: String, institutionCode: String, institutionName: String, status: ClaimStatus,
                workerID: String, workerName: String) {
        self.claimID = claimID; self.claimYear = claimYear; self.paidOn = paidOn; self.amountFen = amountFen; self.kind = kind
        self.occupationCode = occupationCode; self.occupationName = occupationName; self.level = level
        self.institutionCode = institutionCode; self.institutionName = institutionName; self.status = status
        self.workerID = workerID; self.workerName = workerName
    }
}
