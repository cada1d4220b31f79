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

    /// Names: the FTS gives the matching workers newest first (it walks its own rowid order, so
    /// nothing is sorted); each worker's claims come from `claims_worker`, newest first. Workers are
    /// read in growing chunks until the page is full: one SQL join with this ORDER BY made SQLite
    /// sort every match of a common surname first (a virtual table's order does not carry into
    /// the next loop).
    private func byName(_ f: ClaimSearchFilter, _ text: String, after: ClaimSearchKey?, limit: Int) throws -> [ClaimSearchRow] {
        let tokens = text.lowercased().filter { $0.isLetter || $0.isNumber }
        guard !tokens.isEmpty else { return [] }
        let phrase = "\"" + WorkerSQL.spacedCharacters(String(tokens)) + "\""
        let (cond, condArgs) = Self.searchConditions(f)
        let workersSQL = """
            SELECT w.rowid, w.id, w.name FROM worker_name_fts fts CROSS JOIN workers w ON w.rowid = fts.rowid
            WHERE worker_name_fts MATCH ? AND fts.rowid < ? ORDER BY fts.rowid DESC LIMIT ?
            """
        let claimsSQL = """
            SELECT \(Self.claimListColumnsOfC) FROM claims c INDEXED BY claims_worker WHERE c.worker_id = ?\(cond)
            ORDER BY c.claim_year DESC, c.id DESC LIMIT ?
            """
        let claimsAfterSQL = """
            SELECT \(Self.claimListColumnsOfC) FROM claims c INDEXED BY claims_worker
            WHERE c.worker_id = ? AND (c.claim_year, c.id) < (?, ?)\(cond) ORDER BY c.claim_year DESC, c.id DESC LIMIT ?
            """
        var out: [ClaimSearchRow] = []
        func claims(of rowid: Int64, _ id: String, _ name: String, after key: ClaimSearchKey?) throws {
            let rows: [Row]
            if let key {
                rows = try Row.fetchAll(db.cachedStatement(sql: claimsAfterSQL),
                                        arguments: StatementArguments([id, key.claimYear, key.claimID] + condArgs + [limit - out.count]))
            } else {
                rows = try Row.fetchAll(db.cachedStatement(sql: claimsSQL), arguments: StatementArguments([id] + condArgs + [limit - out.count]))
            }
            for row in rows {
                let c = try Self.claim(row)
                out.append(ClaimSearchRow(claim: c, workerName: name,
                                          key: ClaimSearchKey(workerRowid: rowid, workerID: id, claimYear: c.claimYear, claimID: c.id)))
            }
        }
        // The rest of the worker the last page ended in.
        var cursor = Int64.max
        if let a = after {
            if let name = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM workers WHERE rowid = ?"), arguments: [a.workerRowid]) {
                try claims(of: a.workerRowid, a.workerID, name, after: a)
            }
            cursor = a.workerRowid
        }
        var chunk = 64
        while out.count < limit {
            let workers = try Row.fetchAll(db.cachedStatement(sql: workersSQL), arguments: [phrase, cursor, chunk])
            for w in workers where out.count < limit {
                let rowid: Int64 = w[0]
                try claims(of: rowid, w[1], w[2], after: nil)
            }
            if workers.count < chunk { break }
            cursor = workers.last![0]
            chunk = min(chunk * 4, 4_096)
        }
        return out
    }
}
