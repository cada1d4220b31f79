import Foundation
import GRDB
import SkillCore
import SkillRecords

extension StoreReader {
    /// The newest batches first (created_at, then number), each with its paid and failed line counts.
    public func paymentBatches(limit: Int) throws -> [PaymentBatchListRow] {
        try Row.fetchAll(db, sql: Self.batchListSQL + " ORDER BY b.created_at DESC, b.id DESC LIMIT ?",
                         arguments: [limit]).map(Self.batchListRow)
    }

    /// One batch with its paid and failed line counts; nil for an unknown number.
    public func paymentBatchListRow(id: String) throws -> PaymentBatchListRow? {
        try Row.fetchOne(db, sql: Self.batchListSQL + " WHERE b.id = ?", arguments: [id]).map(Self.batchListRow)
    }

    static let batchListSQL = """
        SELECT b.*,
            (SELECT count(*) FROM payment_lines l WHERE l.batch_id = b.id AND l.result = 'paid') AS paid_count,
            (SELECT count(*) FROM payment_lines l WHERE l.batch_id = b.id AND l.result = 'failed') AS failed_count
        FROM payment_batches b
        """

    static func batchListRow(_ r: Row) -> PaymentBatchListRow {
        PaymentBatchListRow(batch: PaymentBatchRow(id: r["id"], createdAt: r["created_at"], createdBy: r["created_by"],
                                                   businessDate: r["business_date"], count: r["count"],
                                                   totalFen: r.integer("total_fen"), reconciledAt: r["reconciled_at"]),
                            paid: r["paid_count"], failed: r["failed_count"])
    }

    /// Payable claims in no batch, counted and summed per kind and readiness (the same conditions
    /// `createPaymentBatch` applies line by line).
    /// Which organisation a claim `c` is paid to, as SQL — the same rule as `ClaimRow.payeeCode`:
    /// the class's institution for an institution payee, the employer (else the institution, an
    /// enterprise running its own class) for an enterprise payee.
    static let payeeCodeSQL = "CASE c.payee WHEN 'institution' THEN c.institution WHEN 'enterprise' THEN COALESCE(c.employer_code, c.institution) END"

    public func payableUnbatchedGroups() throws -> [PayableGroupRow] {
        try Row.fetchAll(db, sql: """
            SELECT c.kind AS kind,
                (c.amount_fen > 0 AND CASE c.payee
                    WHEN 'worker' THEN w.bank_account IS NOT NULL AND w.name IS NOT NULL
                    ELSE o.code IS NOT NULL END) AS ready,
                count(*) AS n, COALESCE(sum(c.amount_fen), 0) AS total
            FROM claims c LEFT JOIN workers w ON w.id = c.worker_id
                LEFT JOIN payee_accounts o ON o.code = \(Self.payeeCodeSQL)
            WHERE c.status = 'payable' AND c.batch_id IS NULL
            GROUP BY 1, 2 ORDER BY 1, 2
            """).map { PayableGroupRow(kind: try $0.enumValue("kind", table: "claims", key: "(payable claims)"), ready: $0.integer("ready") != 0, count: $0.int("n"), totalFen: $0.integer("total")) }
    }
}
