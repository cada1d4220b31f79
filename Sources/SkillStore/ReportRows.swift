import Foundation
import GRDB
import SkillCore
import SkillRecords

/// Targets and institution performance (issue 13): reads and writes of the `targets` table, the
/// high-skill share, and the claim counts per institution for a period.
extension StoreReader {
    public func targets() throws -> [TargetRow] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM targets ORDER BY from_year, to_year, kind, id")).map(target)
    }

    public func target(id: Int64) throws -> TargetRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM targets WHERE id = ?"), arguments: [id]).map(target)
    }

    func target(_ r: Row) throws -> TargetRow {
        let id: Int64 = r["id"]
        return TargetRow(id: id, kind: try r.enumValue("kind", table: "targets", key: String(id)), fromYear: r["from_year"],
                         toYear: r["to_year"], value: r["value"], clause: r["clause"], createdBy: r["created_by"],
                         createdAt: r["created_at"], updatedBy: r["updated_by"], updatedAt: r["updated_at"], version: r["version"])
    }

    /// THE high-skill share (issue 13; the statistics use it too): certificates not voided, issued in
    /// `first...last`, that state a skill level; `part` those of 高级工 (L3) and above (L3, L2, L1,
    /// special, chief — `SkillLevel.isHighSkill`), `whole` all of them.
    public func highSkillCertificates(from first: CalendarDate, to last: CalendarDate) throws -> TargetProgress.ShareCounts {
        let high = SkillLevel.allCases.filter(\.isHighSkill).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) AS whole, COALESCE(SUM(level IN (\(high))), 0) AS part FROM certificates
            WHERE issue_date BETWEEN ? AND ? AND voided_at IS NULL AND level IS NOT NULL AND level <> ''
            """), arguments: [first.description, last.description])!
        return TargetProgress.ShareCounts(part: row["part"], whole: row["whole"])
    }

    /// Per institution (credit code), the classes that ended in the span (as `enrolmentOutcomesSQL`
    /// finds them), rosters or not.
    public func endedClassesByInstitution(from first: CalendarDate, to last: CalendarDate) throws -> [String: Int] {
        var out: [String: Int] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT institution, count(*) AS n FROM classes INDEXED BY classes_end
            WHERE end_date BETWEEN ? AND ? AND status IN ('completed', 'closed') GROUP BY institution
            """), arguments: [first.description, last.description])
        while let r = try rows.next() { out[r["institution"]] = r["n"] }
        return out
    }

    /// Per institution (credit code), the certified enrolments of the classes that ended in the
    /// span (the classes `enrolmentOutcomesSQL` reads): distinct (class, worker) with a certificate
    /// not voided whose class_id is that class.
    public func certifiedByInstitution(from first: CalendarDate, to last: CalendarDate) throws -> [String: Int] {
        var out: [String: Int] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT c.institution AS institution, count(DISTINCT ce.class_id || '/' || ce.worker_id) AS n
            FROM classes c INDEXED BY classes_end
            JOIN certificates ce ON ce.class_id = c.id AND ce.voided_at IS NULL
            WHERE c.end_date BETWEEN ? AND ? AND c.status IN ('completed', 'closed')
            GROUP BY c.institution
            """), arguments: [first.description, last.description])
        while let r = try rows.next() { out[r["institution"]] = r["n"] }
        return out
    }

    /// Per institution (credit code): claims submitted in the span (business date of submission),
    /// approved and rejected in it (the decision's day in the bureau's time zone, UTC+8), the
    /// amount paid in it (payment lines the bank confirmed, by the batch's business date), and the
    /// warnings raised at submission by rule.
    public func claimCountsByInstitution(from first: CalendarDate, to last: CalendarDate) throws -> [String: InstitutionClaimCounts] {
        var out: [String: InstitutionClaimCounts] = [:]
        let args: StatementArguments = [first.description, last.description]
        let decided = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT institution,
                   SUM(COALESCE(submitted_on, date(submitted_at, '+8 hours')) BETWEEN ?1 AND ?2) AS submitted,
                   SUM(status IN ('approved', 'on_notice', 'payable', 'paid', 'clawback', 'recovered')
                       AND date(decided_at, '+8 hours') BETWEEN ?1 AND ?2) AS approved,
                   SUM(status = 'rejected' AND date(decided_at, '+8 hours') BETWEEN ?1 AND ?2) AS rejected
            FROM claims WHERE institution IS NOT NULL AND submitted_at IS NOT NULL
            GROUP BY institution
            """), arguments: args)
        while let r = try decided.next() {
            var c = InstitutionClaimCounts()
            c.submitted = r["submitted"] ?? 0; c.approved = r["approved"] ?? 0; c.rejected = r["rejected"] ?? 0
            if c.submitted + c.approved + c.rejected > 0 { out[r["institution"]] = c }
        }
        let paid = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT c.institution AS institution, SUM(l.amount_fen) AS fen
            FROM payment_batches b JOIN payment_lines l ON l.batch_id = b.id AND l.result = 'paid'
            JOIN claims c ON c.id = l.claim_id
            WHERE b.business_date BETWEEN ?1 AND ?2 AND c.institution IS NOT NULL
            GROUP BY c.institution
            """), arguments: args)
        while let r = try paid.next() { out[r["institution"], default: InstitutionClaimCounts()].paidFen = r["fen"] ?? 0 }
        let warned = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT c.institution AS institution, w.rule AS rule, count(*) AS n
            FROM claims c JOIN claim_warnings w ON w.claim_id = c.id
            WHERE c.institution IS NOT NULL AND COALESCE(c.submitted_on, date(c.submitted_at, '+8 hours')) BETWEEN ?1 AND ?2
            GROUP BY c.institution, w.rule
            """), arguments: args)
        while let r = try warned.next() { out[r["institution"], default: InstitutionClaimCounts()].warnings[r["rule"]] = r["n"] }
        let unrecorded = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT institution, SUM(warning_count) AS n FROM claims
            WHERE institution IS NOT NULL AND warning_count > 0
              AND COALESCE(submitted_on, date(submitted_at, '+8 hours')) BETWEEN ?1 AND ?2
              AND NOT EXISTS (SELECT 1 FROM claim_warnings w WHERE w.claim_id = claims.id)
            GROUP BY institution
            """), arguments: args)
        while let r = try unrecorded.next() { out[r["institution"], default: InstitutionClaimCounts()].warningsUnrecorded = r["n"] ?? 0 }
        return out
    }
}

extension StoreWriter {
    /// Inserts a target; nil when one of the same kind and span exists (UNIQUE).
    public func insertTarget(_ d: TargetDraft, user: String, at: Date) throws -> TargetRow? {
        let now = Timestamp.utc(at)
        try db.execute(sql: """
            INSERT INTO targets(kind, from_year, to_year, value, clause, created_by, created_at, updated_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kind, from_year, to_year) DO NOTHING
            """, arguments: [d.kind.rawValue, d.fromYear, d.toYear, d.value, d.clause, user, now, user, now])
        guard db.changesCount == 1 else { return nil }
        return try target(id: db.lastInsertedRowID)
    }

    /// Changes a target's value and clause if it is still at `version`; false when it changed meanwhile.
    public func updateTarget(id: Int64, value: Int64, clause: String, version: Int, user: String, at: Date) throws -> Bool {
        try db.execute(sql: """
            UPDATE targets SET value = ?, clause = ?, updated_by = ?, updated_at = ?, version = version + 1
            WHERE id = ? AND version = ?
            """, arguments: [value, clause, user, Timestamp.utc(at), id, version])
        return db.changesCount == 1
    }

    public func deleteTarget(id: Int64, version: Int) throws -> Bool {
        try db.execute(sql: "DELETE FROM targets WHERE id = ? AND version = ?", arguments: [id, version])
        return db.changesCount == 1
    }

    /// Records which warning rules a claim raised at its submission (replacing those of an earlier one).
    public func setClaimWarnings(claimID: Int64, rules: [String]) throws {
        try db.execute(sql: "DELETE FROM claim_warnings WHERE claim_id = ?", arguments: [claimID])
        for r in Set(rules) {
            try db.execute(sql: "INSERT INTO claim_warnings(claim_id, rule) VALUES (?, ?)", arguments: [claimID, r])
        }
    }

    public func setInstitutionGrade(code: String, grade: CreditGrade?, at: Date) throws {
        try db.execute(sql: "UPDATE institutions SET grade = ?, updated_at = ? WHERE code = ?",
                       arguments: [grade?.rawValue, Timestamp.utc(at), code])
    }
}
