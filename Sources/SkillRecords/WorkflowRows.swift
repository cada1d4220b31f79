import Foundation
import SkillCore

/// One row of the supervisor's queue: the claim with its worker's name (one indexed query).
public struct ClaimQueueRow: Equatable, Sendable {
    public var claim: ClaimRow
    public var workerName: String

    public init(claim: ClaimRow, workerName: String) {
        self.claim = claim; self.workerName = workerName
    }
}

/// The queue's filter (every field optional). Amounts in fen, both ends inclusive.
public struct ClaimQueueFilter: Equatable, Sendable {
    public var status: ClaimStatus
    public var kind: SubsidyKind?
    public var institution: String?
    /// true: only claims with warnings; false: only claims without; nil: all.
    public var hasWarnings: Bool?
    public var minAmountFen: Int64?
    public var maxAmountFen: Int64?
    /// Only claims this user prepared (a clerk's own claims).
    public var preparedBy: String?

    public init(status: ClaimStatus = .submitted, kind: SubsidyKind? = nil, institution: String? = nil,
                hasWarnings: Bool? = nil, minAmountFen: Int64? = nil, maxAmountFen: Int64? = nil,
                preparedBy: String? = nil) {
        self.status = status; self.kind = kind; self.institution = institution; self.hasWarnings = hasWarnings
        self.minAmountFen = minAmountFen; self.maxAmountFen = maxAmountFen; self.preparedBy = preparedBy
    }
}

/// A payment batch as stored.
public struct PaymentBatchRow: Equatable, Sendable {
    public var id: String
    public var createdAt: String
    public var createdBy: String
    public var businessDate: String
    public var count: Int
    public var totalFen: Int64
    public var reconciledAt: String?

    public init(id: String, createdAt: String, createdBy: String, businessDate: String, count: Int, totalFen: Int64,
                reconciledAt: String? = nil) {
        self.id = id; self.createdAt = createdAt; self.createdBy = createdBy; self.businessDate = businessDate
        self.count = count; self.totalFen = totalFen; self.reconciledAt = reconciledAt
    }
}

/// A fund account with the version it was read at: `StoreWriter.saveFund` saves it only while the
/// stored row still has that version (optimistic concurrency, as claims and workers have).
public struct StoredFundAccount: Equatable, Sendable {
    public var account: FundAccount
    public var version: Int64

    public init(account: FundAccount, version: Int64) {
        self.account = account; self.version = version
    }
}

/// An organisation's bank account as stored (`payee_accounts`).
public struct PayeeAccountRow: Equatable, Sendable {
    public var code: String
    public var name: String
    public var bankAccount: String
    public var updatedAt: String

    public init(code: String, name: String, bankAccount: String, updatedAt: String) {
        self.code = code; self.name = name; self.bankAccount = bankAccount; self.updatedAt = updatedAt
    }
}

/// One line of a payment batch as stored.
public struct PaymentLineRow: Equatable, Sendable {
    public var batchID: String
    public var claimID: Int64
    public var amountFen: Int64
    public var payeeName: String
    public var bankAccount: String
    public var kind: SubsidyKind
    public var payee: Payee
    public var result: BankResultLine.Outcome?
    public var bankReason: String?

    public init(batchID: String, claimID: Int64, amountFen: Int64, payeeName: String, bankAccount: String,
                kind: SubsidyKind, payee: Payee, result: BankResultLine.Outcome? = nil, bankReason: String? = nil) {
        self.batchID = batchID; self.claimID = claimID; self.amountFen = amountFen; self.payeeName = payeeName
        self.bankAccount = bankAccount; self.kind = kind; self.payee = payee; self.result = result; self.bankReason = bankReason
    }
}
