import Foundation
import GRDB
import SkillCore
import SkillRecords

extension StoreReader {
    /// The subsidies paid between `from` and `to` (YYYY-MM-DD, inclusive), one by one, in the
    /// disclosure's order (paid date, then claim): every payment line the bank confirmed
    /// (`result = 'paid'`) of a batch whose business date lies in the span — whatever happened to
    /// the claim since (a clawback does not unpay it; docs/DECISIONS.md "Oversight (issue 13):
    /// disclosure and XLSX"). The batches of a span are found on `payment_batches_business_date`,
    /// their lines on the lines' primary key (batch, claim).
    public func eachDisclosedPayment(from: String, to: String, _ body: (DisclosedPaymentRow) throws -> Bool) throws {
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT b.business_date, l.claim_id, l.amount_fen, l.kind, c.claim_year, c.occupation_code, c.level,
                   COALESCE(c.institution, ''), c.status, c.worker_id, COALESCE(w.name, ''), COALESCE(i.name, ''),
                   COALESCE((SELECT o.name FROM occupations o WHERE o.code = c.occupation_code ORDER BY o.valid_from DESC LIMIT 1), '')
            FROM payment_batches b
            JOIN payment_lines l ON l.batch_id = b.id
            JOIN claims c ON c.id = l.claim_id
            LEFT JOIN workers w ON w.id = c.worker_id
            LEFT JOIN institutions i ON i.code = c.institution
            WHERE b.business_date >= ? AND b.business_date <= ? AND l.result = 'paid'
            ORDER BY b.business_date, l.claim_id
            """), arguments: [from, to])
        while let row = try cursor.next() {
            let id = row.integer(1)
            let key = "\(id)"
            let r = DisclosedPaymentRow(
                claimID: id, claimYear: row.int(4), paidOn: row[0], amountFen: row.integer(2),
                kind: try row.enumValue(3, table: "payment_lines", key: key, column: "kind"),
                occupationCode: row[5], occupationName: row[12], level: row[6], institutionCode: row[7], institutionName: row[11],
                status: try row.enumValue(8, table: "claims", key: key, column: "status"), workerID: row[9], workerName: row[10])
            if try !body(r) { return }
        }
    }
}
