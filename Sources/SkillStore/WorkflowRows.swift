import Foundation
import GRDB
import SkillCore
import SkillRecords

extension StoreReader {
    // MARK: queue

    /// A page of claims in a status, oldest submission first (index claims_queue: status,
    /// submitted_at, id; with a kind claims_queue_kind, with an institution claims_queue_institution,
    /// each ending in submitted_at, id), with the filter's conditions on the same rows.
    public func claimQueue(_ f: ClaimQueueFilter, offset: Int, limit: Int) throws -> Page<ClaimQueueRow> {
        // The index is named, not left to the planner: with statistics for some of the claims
        // indexes but not others (an ANALYZE before v6), SQLite took a filter index for the plain
        // queue and sorted every pending claim (1.4 s for 100k instead of 3 ms).
        let index = f.kind != nil ? "claims_queue_kind" : f.institution != nil ? "claims_queue_institution" : "claims_queue"
        let (cond, condArgs) = Self.queueCondition(f)
        var sql = "SELECT \(Self.claimColumnsOfC), w.name AS worker_name FROM claims c INDEXED BY \(index) LEFT JOIN workers w ON w.id = c.worker_id WHERE " + cond
        var args = condArgs
        sql += " ORDER BY c.status, c.submitted_at, c.id LIMIT ? OFFSET ?"
        args.append(limit + 1)
        args.append(offset)
        let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args))
        let out = try rows.prefix(limit).map { ClaimQueueRow(claim: try Self.claim($0), workerName: $0[Self.claimColumnCount] ?? "") }
        return Page(rows: Array(out), hasMore: rows.count > limit)
    }

    /// How many claims match the queue filter, and their total amount (home screen lines).
    public func claimQueueTotals(_ f: ClaimQueueFilter) throws -> (count: Int, totalFen: Int64) {
        let (cond, args) = Self.queueCondition(f)
        let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(SUM(c.amount_fen), 0) FROM claims c WHERE " + cond,
                                   arguments: StatementArguments(args))
        // A sum that includes a REAL planted in amount_fen is itself REAL: read without trapping.
        return (row?.int(0) ?? 0, row?.integer(1) ?? 0)
    }

    static func queueCondition(_ f: ClaimQueueFilter) -> (String, [(any DatabaseValueConvertible)?]) {
        var sql = "c.status = ?"
        var args: [(any DatabaseValueConvertible)?] = [f.status.rawValue]
        if let k = f.kind { sql += " AND c.kind = ?"; args.append(k.rawValue) }
        if let i = f.institution { sql += " AND c.institution = ?"; args.append(i) }
        if let h = f.hasWarnings {
            sql += h ? " AND (c.warning_count > 0 OR c.evidence_changed = 1)" : " AND c.warning_count = 0 AND c.evidence_changed = 0"
        }
        if let lo = f.minAmountFen { sql += " AND c.amount_fen >= ?"; args.append(lo) }
        if let hi = f.maxAmountFen { sql += " AND c.amount_fen <= ?"; args.append(hi) }
        if let p = f.preparedBy { sql += " AND c.prepared_by = ?"; args.append(p) }
        return (sql, args)
    }

    /// Claims on notice whose notice ended before `day` (index claims_notice).
    public func claimsWithNoticeEnded(before day: String, limit: Int) throws -> [ClaimRow] {
        try Row.fetchAll(db, sql: """
            SELECT \(Self.claimColumns) FROM claims WHERE status = 'on_notice' AND notice_end_on < ? ORDER BY notice_end_on, id LIMIT ?
            """, arguments: [day, limit]).map(Self.claim)
    }

    /// Claims on notice (the public list), earliest publication first.
    public func claimsOnNotice(limit: Int) throws -> [ClaimQueueRow] {
        try Row.fetchAll(db, sql: """
            SELECT \(Self.claimColumnsOfC), w.name AS worker_name FROM claims c LEFT JOIN workers w ON w.id = c.worker_id
            WHERE c.status = 'on_notice' ORDER BY c.notice_published_on, c.id LIMIT ?
            """, arguments: [limit]).map { ClaimQueueRow(claim: try Self.claim($0), workerName: $0[Self.claimColumnCount] ?? "") }
    }

    /// Payable claims in no batch (index claims_queue on status).
    public func payableUnbatched(limit: Int) throws -> [ClaimRow] {
        try Row.fetchAll(db, sql: """
            SELECT \(Self.claimColumns) FROM claims WHERE status = 'payable' AND batch_id IS NULL ORDER BY submitted_at, id LIMIT ?
            """, arguments: [limit]).map(Self.claim)
    }

    // MARK: fund accounts

    /// An account as read for a change, with the version a save must find unchanged.
    public func storedFundAccount(year: Int, source: FundSource) throws -> StoredFundAccount? {
        try Row.fetchOne(db, sql: "SELECT * FROM fund_accounts WHERE year = ? AND source = ?",
                         arguments: [year, source.rawValue]).flatMap(Self.storedFund)
    }

    /// Every account of a year with its version, in `FundSource` order.
    public func storedFundAccounts(year: Int) throws -> [StoredFundAccount] {
        let all = try Row.fetchAll(db, sql: "SELECT * FROM fund_accounts WHERE year = ?", arguments: [year]).compactMap(Self.storedFund)
        return FundSource.allCases.compactMap { s in all.first { $0.account.source == s } }
    }

    static func storedFund(_ row: Row) throws -> StoredFundAccount? {
        try fund(row).map { StoredFundAccount(account: $0, version: row.integer("version")) }
    }

    public func fundAccount(year: Int, source: FundSource) throws -> FundAccount? {
        try Row.fetchOne(db, sql: "SELECT * FROM fund_accounts WHERE year = ? AND source = ?",
                         arguments: [year, source.rawValue]).flatMap(Self.fund)
    }

    /// Every account of a year, in `FundSource` order.
    public func fundAccounts(year: Int) throws -> [FundAccount] {
        let all = try Row.fetchAll(db, sql: "SELECT * FROM fund_accounts WHERE year = ?", arguments: [year]).compactMap(Self.fund)
        return FundSource.allCases.compactMap { s in all.first { $0.source == s } }
    }

    static func fund(_ row: Row) throws -> FundAccount? {
        let year = row.int("year")
        let source: FundSource = try row.enumValue("source", table: "fund_accounts",
                                                   key: "\(year)/\(Row.shown(row["source"] as DatabaseValue))")
        return FundAccount(year: year, source: source, allocatedFen: row.integer("allocated_fen"),
                           reservedFen: row.integer("reserved_fen"), paidFen: row.integer("paid_fen"),
                           recoveredFen: row.integer("recovered_fen"), clawbackDueFen: row.integer("clawback_due_fen"))
    }

    // MARK: calendar

    public func calendarEntries() throws -> [CalendarEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM holidays ORDER BY date").compactMap { row in
            guard let d = CalendarDate(iso: row["date"]) else { return nil }
            let k: CalendarDayKind = try row.enumValue("kind", table: "holidays", key: row["date"] as String)
            return CalendarEntry(date: d, kind: k, name: row["name"])
        }
    }

    // MARK: workers' bank accounts

    public func bankAccount(workerID: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT bank_account FROM workers WHERE id = ?", arguments: [workerID])
    }

    // MARK: organisations' bank accounts

    /// The account an organisation (by credit code) is paid into, with its holder's name.
    public func payeeAccount(code: String) throws -> PayeeAccountRow? {
        try Row.fetchOne(db, sql: "SELECT code, name, bank_account, updated_at FROM payee_accounts WHERE code = ?",
                         arguments: [code]).map(Self.payeeAccount)
    }

    /// Every organisation account, by holder name.
    public func payeeAccounts(limit: Int) throws -> [PayeeAccountRow] {
        try Row.fetchAll(db, sql: "SELECT code, name, bank_account, updated_at FROM payee_accounts ORDER BY name, code LIMIT ?",
                         arguments: [limit]).map(Self.payeeAccount)
    }

    static func payeeAccount(_ row: Row) -> PayeeAccountRow {
        PayeeAccountRow(code: row[0], name: row[1], bankAccount: row[2], updatedAt: row[3])
    }

    // MARK: payments

    public func paymentBatch(id: String) throws -> PaymentBatchRow? {
        try Row.fetchOne(db, sql: "SELECT * FROM payment_batches WHERE id = ?", arguments: [id]).map {
            PaymentBatchRow(id: $0["id"], createdAt: $0["created_at"], createdBy: $0["created_by"],
                            businessDate: $0["business_date"], count: $0.int("count"), totalFen: $0.integer("total_fen"),
                            reconciledAt: $0["reconciled_at"])
        }
    }

    public func paymentLines(batchID: String) throws -> [PaymentLineRow] {
        try Row.fetchAll(db, sql: "SELECT * FROM payment_lines WHERE batch_id = ? ORDER BY claim_id", arguments: [batchID]).map {
            PaymentLineRow(batchID: $0["batch_id"], claimID: $0.integer("claim_id"), amountFen: $0.integer("amount_fen"),
                           payeeName: $0["payee_name"], bankAccount: $0["bank_account"],
                           kind: try $0.enumValue("kind", table: "payment_lines", key: "\(batchID)/\($0.integer("claim_id"))"),
                           payee: try $0.enumValue("payee", table: "payment_lines", key: "\(batchID)/\($0.integer("claim_id"))"),
                           result: try $0.optionalEnumValue("result", table: "payment_lines", key: "\(batchID)/\($0.integer("claim_id"))"), bankReason: $0["bank_reason"])
        }
    }

    /// The claim year of every line of a batch (claim id → year: the claim number's year), in one
    /// query instead of one claim read per line.
    public func paymentLineClaimYears(batchID: String) throws -> [Int64: Int] {
        var out: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT l.claim_id, c.claim_year FROM payment_lines l JOIN claims c ON c.id = l.claim_id WHERE l.batch_id = ?
            """, arguments: [batchID]) {
            out[row[0]] = row[1]
        }
        return out
    }

    /// Batches whose number starts with `prefix`.
    public func paymentBatchCount(prefix: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM payment_batches WHERE id >= ? AND id < ?",
                         arguments: [prefix, prefix + "\u{10FFFF}"]) ?? 0
    }

    /// The next number of the day: one past the highest number after `prefix` (not the count, which
    /// repeats a number once any is missing), at least three digits ("PB20260115-001"). Read in the
    /// writer's transaction; a writer that raced it to the same number is refused by the primary key.
    public func nextPaymentBatchNumber(prefix: String) throws -> String {
        // Numerically, not as text: "…-1000" sorts before "…-999". A suffix that is not a number
        // (written behind the program's back) counts as 0.
        let highest = try Int64.fetchOne(db, sql: """
            SELECT max(CAST(substr(id, ?) AS INTEGER)) FROM payment_batches WHERE id >= ? AND id < ?
            """, arguments: [prefix.count + 1, prefix, prefix + "\u{10FFFF}"]) ?? 0
        return prefix + String(format: "%03lld", max(0, highest) + 1)
    }
}

extension StoreWriter {
    /// Writes a claim's status, amount and workflow columns if its version is still `expectedVersion`
    /// (the row's own `version`); false when another transaction changed it first.
    public func saveClaim(_ c: ClaimRow, at: Date) throws -> Bool {
        try refusingLiveDuplicate(workerID: c.workerID, kind: c.kind.rawValue, classID: c.classID, certificateID: c.certificateID) {
            try db.execute(sql: """
                UPDATE claims SET status = ?, amount_fen = ?, submitted_at = ?, submitted_by = ?, decided_at = ?,
                    decided_by = ?, decision_note = ?, reason = ?, reject_code = ?, notice_published_on = ?,
                    notice_end_on = ?, fund_year = ?, fund_source = ?, batch_id = ?, payee_name = ?, bank_account = ?,
                    evidence_json = ?, evidence_sha256 = ?, warning_count = ?, clawback_due_fen = ?, recovered_fen = ?,
                    certificate_id = ?, evidence_changed = ?, submitted_on = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND version = ?
                """, arguments: [c.status.rawValue, c.amountFen, c.submittedAt, c.submittedBy, c.decidedAt, c.decidedBy,
                                 c.decisionNote, c.reason, c.rejectCode, c.noticePublishedOn, c.noticeEndOn, c.fundYear,
                                 c.fundSource?.rawValue, c.batchID, c.payeeName, c.bankAccount, c.evidenceJSON, c.evidenceSHA256,
                                 c.warningCount, c.clawbackDueFen, c.recoveredFen, c.certificateID, c.evidenceChanged, c.submittedOn, Timestamp.utc(at),
                                 c.id, c.version])
        }
        return db.changesCount == 1
    }

    /// Saves a fund account's figures only over the version that was read: `readVersion` nil
    /// creates the account (refused if it exists by then), otherwise the row must still carry
    /// `readVersion` (`UPDATE … WHERE version = ?`, one row changed). Anything else is
    /// `StoreError.conflict(.fundAccount)` and nothing is written: two writers that read the same
    /// figures cannot both save over them, whatever lock the database takes.
    public func saveFund(_ a: FundAccount, readVersion: Int64?) throws {
        if let readVersion {
            try db.execute(sql: """
                UPDATE fund_accounts SET allocated_fen = ?, reserved_fen = ?, paid_fen = ?, recovered_fen = ?,
                    clawback_due_fen = ?, version = version + 1
                WHERE year = ? AND source = ? AND version = ?
                """, arguments: [a.allocatedFen, a.reservedFen, a.paidFen, a.recoveredFen, a.clawbackDueFen,
                                 a.year, a.source.rawValue, readVersion])
        } else {
            try db.execute(sql: """
                INSERT INTO fund_accounts(year, source, allocated_fen, reserved_fen, paid_fen, recovered_fen, clawback_due_fen)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(year, source) DO NOTHING
                """, arguments: [a.year, a.source.rawValue, a.allocatedFen, a.reservedFen, a.paidFen, a.recoveredFen,
                                 a.clawbackDueFen])
        }
        guard db.changesCount == 1 else { throw StoreError.conflict(.fundAccount(year: a.year, source: a.source.rawValue)) }
    }

    /// Saves the account read as `read` (its figures changed by the caller since).
    public func saveFund(_ read: StoredFundAccount) throws {
        try saveFund(read.account, readVersion: read.version)
    }

    /// Records or replaces an organisation's account.
    public func setPayeeAccount(code: String, name: String, account: String, at: Date) throws {
        try db.execute(sql: """
            INSERT INTO payee_accounts(code, name, bank_account, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, bank_account = excluded.bank_account, updated_at = excluded.updated_at
            """, arguments: [code, name, account, Timestamp.utc(at)])
    }

    public func setBankAccount(workerID: String, _ account: String?) throws -> Bool {
        try db.execute(sql: "UPDATE workers SET bank_account = ? WHERE id = ?", arguments: [account, workerID])
        return db.changesCount == 1
    }

    /// Inserts a batch and its lines. A number already taken is refused by the primary key as
    /// `StoreError.conflict(.batchNumber)`: two batches never share a number, however they were numbered.
    public func insertPaymentBatch(_ b: PaymentBatchRow, lines: [PaymentLineRow]) throws {
        do {
            try db.execute(sql: """
                INSERT INTO payment_batches(id, created_at, created_by, business_date, count, total_fen) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [b.id, b.createdAt, b.createdBy, b.businessDate, b.count, b.totalFen])
        } catch let e as DatabaseError where e.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
            throw StoreError.conflict(.batchNumber(b.id))
        }
        for l in lines {
            try db.execute(sql: """
                INSERT INTO payment_lines(batch_id, claim_id, amount_fen, payee_name, bank_account, kind, payee)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [l.batchID, l.claimID, l.amountFen, l.payeeName, l.bankAccount, l.kind.rawValue, l.payee.rawValue])
        }
    }

    public func setPaymentResult(batchID: String, claimID: Int64, result: String, reason: String?) throws {
        try db.execute(sql: "UPDATE payment_lines SET result = ?, bank_reason = ? WHERE batch_id = ? AND claim_id = ?",
                       arguments: [result, reason, batchID, claimID])
    }

    public func markReconciled(batchID: String, at: Date) throws {
        try db.execute(sql: "UPDATE payment_batches SET reconciled_at = ? WHERE id = ?", arguments: [Timestamp.utc(at), batchID])
    }
}

extension StoreWriter {
    /// Sets or clears (kind nil) one day of the working-day calendar.
    public func setCalendarDay(_ date: String, kind: CalendarDayKind?, name: String) throws {
        if let kind {
            try db.execute(sql: """
                INSERT INTO holidays(date, kind, name) VALUES (?, ?, ?)
                ON CONFLICT(date) DO UPDATE SET kind = excluded.kind, name = excluded.name
                """, arguments: [date, kind.rawValue, name])
        } else {
            try db.execute(sql: "DELETE FROM holidays WHERE date = ?", arguments: [date])
        }
    }
}
