import Foundation
import SkillCore

/// A payment batch with how many of its lines the bank has answered (the batches screen).
public struct PaymentBatchListRow: Equatable, Sendable {
    public var batch: PaymentBatchRow
    public var paid: Int
    public var failed: Int

    public init(batch: PaymentBatchRow, paid: Int, failed: Int) {
        self.batch = batch; self.paid = paid; self.failed = failed
    }
}

/// Payable claims not yet in a batch, grouped by kind and by whether they could go into one now
/// (paid to the worker, more than 0, the worker's bank account on record), for the batch preview.
public struct PayableGroupRow: Equatable, Sendable {
    public var kind: SubsidyKind
    public var ready: Bool
    public var count: Int
    public var totalFen: Int64

    public init(kind: SubsidyKind, ready: Bool, count: Int, totalFen: Int64) {
        self.kind = kind; self.ready = ready; self.count = count; self.totalFen = totalFen
    }
}
