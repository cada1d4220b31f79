import Foundation
import GRDB
import SkillCore
import SkillRecords

/// Correcting and voiding certificates (issue 12): the claims resting on one, and the two writes,
/// each guarded by the row's version (optimistic, as claims and workers are).
extension StoreReader {
    /// The claims that rest on a certificate (index claims_certificate).
    public func claims(certificateID: Int64) throws -> [ClaimRow] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.claimColumns) FROM claims WHERE certificate_id = ? ORDER BY id"),
                         arguments: [certificateID]).map(Self.claim)
    }
}

extension StoreWriter {
    /// Writes the corrected fields of `c` when its stored version is still `c.version`; false (nothing
    /// written) when another user changed it meanwhile. The holder and the void are not changed here.
    public func updateCertificate(_ c: CertificateRow) throws -> Bool {
        try db.execute(sql: """
            UPDATE certificates SET type = ?, number = ?, occupation_code = ?, level = ?, issuer = ?, issue_date = ?,
                class_id = ?, version = version + 1
            WHERE id = ? AND version = ? AND voided_at IS NULL
            """, arguments: [c.type.rawValue, c.number, c.occupationCode, c.level, c.issuer, c.issueDate, c.classID,
                             c.id, c.version])
        return db.changesCount == 1
    }

    /// Voids a standing certificate at `version`; false when it changed meanwhile or is already void.
    public func voidCertificate(id: Int64, version: Int, by user: String, reason: String, at: Date) throws -> Bool {
        try db.execute(sql: """
            UPDATE certificates SET voided_at = ?, voided_by = ?, void_reason = ?, version = version + 1
            WHERE id = ? AND version = ? AND voided_at IS NULL
            """, arguments: [Timestamp.utc(at), user, reason, id, version])
        return db.changesCount == 1
    }
}
