import Foundation
import GRDB
import SkillCore
import SkillRecords

/// The lists read row by row (a GRDB cursor: each row decoded, handed on and dropped), for the
/// keyset pages of the command line and for CSV exports of a whole filter: a city's 1M workers are
/// never held in memory at once. Each list has one order, on an index, and a key that continues it
/// (docs/DECISIONS.md "A working day (issue 12): paging and CSV exports").
extension StoreReader {
    /// Runs a whole-list scan without the reader's memory map (`Store.readerMapBytes`): every
    /// page of a mapped table a scan touches stays in the process's resident set (a 1M-worker
    /// export read 240 MB of the file through the map and showed it as its own memory), while
    /// plain reads go through SQLite's 2 MiB page cache. SQLite applies the change at once when
    /// no mapped page is in use — at the start of the transaction, before any statement — and the
    /// map is given back to the pooled reader afterwards.
    public func withoutMemoryMap<T>(_ body: () throws -> T) throws -> T {
        guard db.configuration.readonly else { return try body() }
        try db.execute(sql: "PRAGMA mmap_size = 0")
        defer {
            // ignoring is right: a reader left without its map reads correctly, only slower.
            try? db.execute(sql: "PRAGMA mmap_size = \(Store.readerMapBytes)")
        }
        return try body()
    }

    // MARK: workers

    /// Workers matching a search text (the `searchWorkers` rules), in the list's order, after the
    /// worker `after` (keyset: the last row of the previous page), at most `limit` (nil: all).
    /// `body` returns false to stop.
    ///
    /// Orders: everything and a name search newest registration first (rowid DESC); an ID prefix
    /// by ID; a text that could be a phone prefix its ID matches by ID, then its phone matches by
    /// (phone, rowid). Each continues from `after` on its index.
    public func eachWorker(matching text: String, after: WorkerRow? = nil, limit: Int? = nil,
                           _ body: (WorkerRow) throws -> Bool) throws {
        var left = limit ?? Int.max
        func run(_ sql: String, _ args: StatementArguments) throws -> Bool {
            guard left > 0 else { return false }
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql + (limit == nil ? "" : " LIMIT \(left)")), arguments: args)
            while let row = try cursor.next() {
                left -= 1
                if try !body(Self.workerByIndex(row)) { left = 0; return false }
                if left == 0 { return false }
            }
            return true
        }
        let cols = Self.workerColumns, colsOfW = ColumnList.prefixed(Self.workerColumns, "w.")
        switch WorkerSearch(text) {
        case .nothing:
            return
        case .all:
            if let a = after {
                _ = try run("SELECT \(cols) FROM workers WHERE rowid < ? ORDER BY rowid DESC", [a.rowid])
            } else {
                _ = try run("SELECT \(cols) FROM workers ORDER BY rowid DESC", [])
            }
        case let .name(phrase):
            _ = try run("""
                SELECT \(colsOfW) FROM worker_name_fts f JOIN workers w ON w.rowid = f.rowid
                WHERE worker_name_fts MATCH ? AND f.rowid < ? ORDER BY f.rowid DESC
                """, [phrase, after?.rowid ?? Int64.max])
        case let .idPrefix(lo, hi):
            _ = try run("SELECT \(cols) FROM workers WHERE id > ? AND id >= ? AND id < ? ORDER BY id",
                        [after?.id ?? "", lo, hi])
        case let .idOrPhonePrefix(lo, hi):
            let inIDPart = after.map { $0.id >= lo && $0.id < hi } ?? true
            if inIDPart {
                guard try run("SELECT \(cols) FROM workers WHERE id > ? AND id >= ? AND id < ? ORDER BY id",
                              [after?.id ?? "", lo, hi]) else { return }
            }
            let (p, r): (String, Int64) = inIDPart ? ("", 0) : (after?.phone ?? "", after?.rowid ?? 0)
            _ = try run("""
                SELECT \(cols) FROM workers WHERE phone >= ? AND phone < ? AND NOT (id >= ? AND id < ?)
                AND (phone, rowid) > (?, ?) ORDER BY phone, rowid
                """, [lo, hi, lo, hi, p, r])
        }
    }

    // MARK: claims

    /// Claims of a queue filter in the queue's order (status, submitted_at, id — the claims_queue
    /// indexes), after the claim `after`, at most `limit` (nil: all). `body` returns false to stop.
    public func eachQueueClaim(_ f: ClaimQueueFilter, after: ClaimRow? = nil, limit: Int? = nil,
                               _ body: (ClaimQueueRow) throws -> Bool) throws {
        let index = f.kind != nil ? "claims_queue_kind" : f.institution != nil ? "claims_queue_institution" : "claims_queue"
        let (cond, condArgs) = Self.queueCondition(f)
        var sql = "SELECT \(Self.claimColumnsOfC), w.name AS worker_name FROM claims c INDEXED BY \(index) LEFT JOIN workers w ON w.id = c.worker_id WHERE " + cond
        var args = condArgs
        if let a = after {
            if let at = a.submittedAt {
                sql += " AND (c.submitted_at, c.id) > (?, ?)"
                args += [at, a.id]
            } else {
                // Never submitted (a draft): NULL sorts first; the rest of the NULLs by id, then all the others.
                sql += " AND ((c.submitted_at IS NULL AND c.id > ?) OR c.submitted_at IS NOT NULL)"
                args.append(a.id)
            }
        }
        sql += " ORDER BY c.status, c.submitted_at, c.id"
        if let limit { sql += " LIMIT \(max(0, limit))" }
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(args))
        while let row = try cursor.next() {
            if try !body(ClaimQueueRow(claim: try Self.claim(row), workerName: row[Self.claimColumnCount] ?? "")) { return }
        }
    }

    /// Claims on notice (the public list's order: publication, then id), one by one.
    public func eachClaimOnNotice(_ body: (ClaimQueueRow) throws -> Bool) throws {
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT \(Self.claimColumnsOfC), w.name AS worker_name FROM claims c LEFT JOIN workers w ON w.id = c.worker_id
            WHERE c.status = 'on_notice' ORDER BY c.notice_published_on, c.id
            """)
        while let row = try cursor.next() {
            if try !body(ClaimQueueRow(claim: try Self.claim(row), workerName: row[Self.claimColumnCount] ?? "")) { return }
        }
    }

    /// Training classes, newest first, one by one.
    public func eachTrainingClass(_ body: (ClassRow) throws -> Bool) throws {
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: "SELECT \(Self.classColumns) FROM classes ORDER BY id DESC"))
        while let row = try cursor.next() {
            if try !body(try Self.trainingClass(row)) { return }
        }
    }
}
