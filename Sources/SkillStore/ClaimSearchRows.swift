import Foundation
import GRDB
import SkillCore
import SkillRecords

extension StoreReader {
    /// The claim columns without the frozen evidence (a list never shows it; it is the claim's
    /// largest column).
    static let claimListColumnsOfC = ColumnList.prefixed(claimColumns, "c.")
        .replacingOccurrences(of: "c.evidence_json", with: "NULL AS evidence_json")

    /// One page of a `/` claim search (issue 12), after `after` (nil: the first page). Every branch is
    /// an index or FTS lookup in the order of its index, with a LIMIT, never a scan or a sort of
    /// every match: a city has five million claims.
    /// - number: the primary key;
    /// - name: the workers' name FTS (`worker_name_fts`, newest worker first), then each worker's
    ///   claims on `claims_worker` (worker_id, claim_year, id);
    /// - ID prefix: a range on `claims_worker` itself, in ID order.
    /// A serial of up to six digits finds that claim first, then the ID-prefix matches after it.
    /// The status and preparer are checked on the rows the index gives (a rare status behind a
    /// common name reads more rows before a page is full; see docs/PERFORMANCE.md).
    public func claimSearch(_ f: ClaimSearchFilter, after: ClaimSearchKey?, limit: Int) throws -> Page<ClaimSearchRow> {
        let want = limit + 1
        var rows: [ClaimSearchRow]
        switch f.term {
        case let .number(id, year):
            rows = after == nil ? try byNumber(f, id: id, year: year) : []
        case let .serialOrIDPrefix(id, prefix):
            let first = after == nil ? try byNumber(f, id: id, year: nil) : []
            rows = first + (try byIDPrefix(f, prefix, after: after, limit: want - first.count, excluding: first.first?.claim.id))
        case let .idPrefix(prefix):
            rows = try byIDPrefix(f, prefix, after: after, limit: want, excluding: nil)
        case let .name(text):
            rows = try byName(f, text, after: after, limit: want)
        }
        return Page(rows: Array(rows.prefix(limit)), hasMore: rows.count > limit)
    }

    /// `AND c.status = ? AND c.prepared_by = ?`, as the filter asks.
    static func searchConditions(_ f: ClaimSearchFilter) -> (String, [(any DatabaseValueConvertible)?]) {
        var sql = ""
        var args: [(any DatabaseValueConvertible)?] = []
        if let s = f.status { sql += " AND c.status = ?"; args.append(s.rawValue) }
        if let p = f.preparedBy { sql += " AND c.prepared_by = ?"; args.append(p) }
        return (sql, args)
    }

    private func searchRows(_ sql: String, _ args: [(any DatabaseValueConvertible)?]) throws -> [ClaimSearchRow] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(args)).map { row in
            let c = try Self.claim(row)
            let n = Self.claimColumnCount
            let rowid: Int64 = row[n + 1] ?? 0
            return ClaimSearchRow(claim: c, workerName: row[n] ?? "",
                                  key: ClaimSearchKey(workerRowid: rowid, workerID: c.workerID, claimYear: c.claimYear, claimID: c.id))
        }
    }

    private func byNumber(_ f: ClaimSearchFilter, id: Int64, year: Int?) throws -> [ClaimSearchRow] {
        let (cond, condArgs) = Self.searchConditions(f)
        var sql = "SELECT \(Self.claimListColumnsOfC), w.name, w.rowid FROM claims c LEFT JOIN workers w ON w.id = c.worker_id WHERE c.id = ?"
        var args: [(any DatabaseValueConvertible)?] = [id]
        if let year { sql += " AND c.claim_year = ?"; args.append(year) }
        return try searchRows(sql + cond, args + condArgs)
    }

    private func byIDPrefix(_ f: ClaimSearchFilter, _ prefix: String, after: ClaimSearchKey?, limit: Int,
                            excluding: Int64?) throws -> [ClaimSearchRow] {
        guard limit > 0 else { return [] }
        let (cond, condArgs) = Self.searchConditions(f)
        var sql = """
            SELECT \(Self.claimListColumnsOfC), w.name, w.rowid FROM claims c INDEXED BY claims_worker
            LEFT JOIN workers w ON w.id = c.worker_id WHERE c.worker_id >= ? AND c.worker_id < ?
            """
        var args: [(any DatabaseValueConvertible)?] = [prefix, WorkerSearch.successor(prefix)]
        if let a = after {
            sql += " AND (c.worker_id, c.claim_year, c.id) > (?, ?, ?)"
            args += [a.workerID, a.claimYear, a.claimID]
        }
        if let x = excluding { sql += " AND c.id <> ?"; args.append(x) }
        sql += cond + " ORDER BY c.worker_id, c.claim_year, c.id LIMIT ?"
        return try searchRows(sql, args + condArgs + [limit])
    }

    private func byName(_ f: ClaimSearchFilter, _ text: String, after: ClaimSearchKey?, limit: Int) throws -> [ClaimSearchRow] {
        let tokens = text.lowercased().filter { $0.isLetter || $0.isNumber }
        guard !tokens.isEmpty else { return [] }
        let phrase = "\"" + WorkerSQL.spacedCharacters(String(tokens)) + "\""
        let (cond, condArgs) = Self.searchConditions(f)
        // CROSS JOIN keeps SQLite's loop order (names, then their workers, then their claims), so the
        // ORDER BY is the order the loops produce and nothing is sorted.
        var sql = """
            SELECT \(Self.claimListColumnsOfC), w.name, w.rowid FROM worker_name_fts fts
            CROSS JOIN workers w ON w.rowid = fts.rowid CROSS JOIN claims c INDEXED BY claims_worker ON c.worker_id = w.id
            WHERE worker_name_fts MATCH ?
            """
        var args: [(any DatabaseValueConvertible)?] = [phrase]
        if let a = after {
            sql += " AND fts.rowid <= ? AND (fts.rowid < ? OR (c.claim_year, c.id) < (?, ?))"
            args += [a.workerRowid, a.workerRowid, a.claimYear, a.claimID]
        }
        sql += cond + " ORDER BY fts.rowid DESC, c.claim_year DESC, c.id DESC LIMIT ?"
        return try searchRows(sql, args + condArgs + [limit])
    }
}
