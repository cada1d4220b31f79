import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// A payment batch as the batches screen lists it.
public struct PaymentBatchInfo: Sendable, Equatable {
    public var id: String
    public var businessDate: String
    public var createdAt: String
    public var createdBy: String
    public var count: Int
    public var totalFen: Int64
    /// Lines the bank paid / failed (0 and 0 until a result file is reconciled).
    public var paid: Int
    public var failed: Int
    /// Set when every line has a result.
    public var reconciledAt: String?
    /// Lines still with the bank.
    public var pending: Int { max(0, count - paid - failed) }
}

/// Where one line of a batch stands.
public enum PaymentLineState: String, Sendable, Equatable {
    case pending, paid, failed
}

/// One line of a batch as the batch detail shows it (the account masked but for its last 4 digits).
public struct PaymentLineInfo: Sendable, Equatable {
    public var claimID: Int64
    public var claimNumber: String
    public var payeeName: String
    public var maskedAccount: String
    public var amountFen: Int64
    public var kind: SubsidyKind?
    public var state: PaymentLineState
    /// The bank's reason for a failed line.
    public var bankReason: String?
}

/// What a new batch would hold now: the payable claims that can go into one (per kind), and how
/// many payable claims would be left out (no bank account on record, not paid to the worker, 0).
public struct PaymentPreview: Sendable, Equatable {
    public struct KindTotal: Sendable, Equatable {
        public var kind: SubsidyKind?
        public var rawKind: String
        public var count: Int
        public var totalFen: Int64
    }
    public var perKind: [KindTotal]
    public var leftOut: Int
    public var count: Int { perKind.reduce(0) { $0 + $1.count } }
    /// Checked: nil when the kinds' totals do not add up within Int64 (`paymentPreview` refuses that).
    public var totalFen: Int64 { Money.sum(perKind.map(\.totalFen)) ?? 0 }
}

extension Session {
    /// Who may read payment batches: finance, supervisors and auditors (names and bank accounts
    /// are in the lines, so not clerks).
    static let paymentReaders: [Permission] = [.payClaims, .decideClaims, .readAudit]

    func requirePaymentReader() throws {
        guard Self.paymentReaders.contains(where: can) else { throw DeskError.notPermitted(.payClaims) }
    }

    /// The newest payment batches first, with their paid and failed counts.
    public func paymentBatches(limit: Int = 200) throws -> [PaymentBatchInfo] {
        try requirePaymentReader()
        return try read(anyOf: Self.paymentReaders) { try $0.paymentBatches(limit: max(1, min(limit, 10_000))) }.map(Self.info)
    }

    /// One batch with its counts; an unknown batch is refused.
    public func paymentBatch(_ batch: String) throws -> PaymentBatchInfo {
        try requirePaymentReader()
        guard let row = try read(anyOf: Self.paymentReaders, { try $0.paymentBatchListRow(id: batch) }) else {
            throw DeskError.invalidInput("no payment batch \(batch)", zh: "没有支付批次 \(batch)")
        }
        return Self.info(row)
    }

    static func info(_ r: PaymentBatchListRow) -> PaymentBatchInfo {
        PaymentBatchInfo(id: r.batch.id, businessDate: r.batch.businessDate, createdAt: r.batch.createdAt,
                         createdBy: r.batch.createdBy, count: r.batch.count, totalFen: r.batch.totalFen,
                         paid: r.paid, failed: r.failed, reconciledAt: r.batch.reconciledAt)
    }

    /// The lines of a batch, in claim order; an unknown batch is refused.
    public func paymentBatchLines(_ batch: String) throws -> [PaymentLineInfo] {
        try requirePaymentReader()
        return try read(anyOf: Self.paymentReaders) { r in
            guard try r.paymentBatch(id: batch) != nil else {
                throw DeskError.invalidInput("no payment batch \(batch)", zh: "没有支付批次 \(batch)")
            }
            let years = try r.paymentLineClaimYears(batchID: batch)
            return try r.paymentLines(batchID: batch).map { l in
                PaymentLineInfo(claimID: l.claimID, claimNumber: Self.number(of: l, year: years[l.claimID] ?? 0),
                                payeeName: l.payeeName, maskedAccount: PublicMask.bankAccount(l.bankAccount),
                                amountFen: l.amountFen, kind: l.kind,
                                state: l.result.flatMap { PaymentLineState(rawValue: $0.rawValue) } ?? .pending, bankReason: l.bankReason)
            }
        }
    }

    /// What `createPaymentBatch` would put into a batch now (finance). Ends due notices first, as
    /// the batch does, so the preview and the batch count the same claims.
    public func paymentPreview() throws -> PaymentPreview {
        try require(.payClaims)
        try sweepNotices()
        let groups = try read(.payClaims) { try $0.payableUnbatchedGroups() }
        var perKind: [PaymentPreview.KindTotal] = []
        for g in groups where g.ready {
            perKind.append(.init(kind: g.kind, rawKind: g.kind.rawValue, count: g.count, totalFen: g.totalFen))
        }
        // SubsidyKind order, as the batch summary lists them.
        let order = SubsidyKind.allCases.map(\.rawValue)
        perKind.sort { (order.firstIndex(of: $0.rawKind) ?? order.count, $0.rawKind) < (order.firstIndex(of: $1.rawKind) ?? order.count, $1.rawKind) }
        guard Money.sum(perKind.map(\.totalFen)) != nil else {
            throw DeskError.money(.sumOverflow(what: "the payable claims", whatZh: "待支付申请"))
        }
        return PaymentPreview(perKind: perKind, leftOut: groups.filter { !$0.ready }.reduce(0) { $0 + $1.count })
    }
}
