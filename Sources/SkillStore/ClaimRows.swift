import Foundation
import GRDB
import SkillCore
import SkillRecords

extension StoreReader {
    // MARK: settings

    public func setting(_ key: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM settings WHERE key = ?"), arguments: [key])
    }

    // MARK: claims

    /// Every claim of one worker, any status (index claims_worker), oldest first.
    public func claims(ofWorker workerID: String) throws -> [ClaimRow] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.claimColumns) FROM claims WHERE worker_id = ? ORDER BY id"), arguments: [workerID])
            .map(Self.claim)
    }

    public func claim(id: Int64) throws -> ClaimRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.claimColumns) FROM claims WHERE id = ?"), arguments: [id]).map(Self.claim)
    }

    /// The oldest claims in a status (index claims_status: status, created_at, then rowid), after
    /// the claim `after` in that order: a queue page, or a re-evaluation job's batch.
    public func claims(status: ClaimStatus, after: ClaimRow? = nil, limit: Int) throws -> [ClaimRow] {
        try claims(status: status, after: after.map { ClaimPosition(createdAt: $0.createdAt, id: $0.id) }, limit: limit)
    }

    /// The same, after a position in that order, and up to `through` (inclusive) when given.
    /// `evidence: false` leaves `evidenceJSON` nil (a re-evaluation job does not need the frozen
    /// evidence, a kilobyte or two a submitted claim).
    public func claims(status: ClaimStatus, after: ClaimPosition?, through: ClaimPosition? = nil, limit: Int,
                       evidence: Bool = true) throws -> [ClaimRow] {
        let columns = evidence ? Self.claimColumns : Self.claimColumnsWithoutEvidence
        let bound = through == nil ? "" : " AND (created_at, id) <= (?, ?)"
        var args: [(any DatabaseValueConvertible)?] = [status.rawValue, after?.createdAt ?? "", after?.id ?? 0]
        if let through { args += [through.createdAt, through.id] }
        args.append(limit)
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(columns) FROM claims WHERE status = ? AND (created_at, id) > (?, ?)\(bound) ORDER BY created_at, id LIMIT ?
            """), arguments: StatementArguments(args)).map(Self.claim)
    }

    /// Where each batch of `size` claims in a status starts, in the order of `claims(status:after:limit:)`:
    /// nil (the first), then the position of every `size`-th claim. One walk of the claims_status
    /// index (status, created_at, rowid) without reading a row; the claims' count comes with it.
    public func claimBatchStarts(status: ClaimStatus, size: Int) throws -> (starts: [ClaimPosition?], count: Int) {
        var starts: [ClaimPosition?] = [nil]
        var n = 0
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT created_at, id FROM claims INDEXED BY claims_status WHERE status = ? ORDER BY created_at, id
            """), arguments: [status.rawValue])
        while let row = try cursor.next() {
            n += 1
            if n % size == 0 { starts.append(ClaimPosition(createdAt: row[0], id: row[1])) }
        }
        if n > 0 && n % size == 0 { starts.removeLast() }
        return (n == 0 ? [] : starts, n)
    }

    /// The columns `claim(_:)` decodes, in its order (by index: a re-evaluation job decodes 100,000
    /// claims, and GRDB's name lookups cost more than SQLite's read). Every query that decodes a
    /// claim selects exactly these (`claimColumnsOfC` in a join), extra columns after them.
    static let claimColumns = """
        id, worker_id, kind, class_id, certificate_id, institution, occupation_code, level, training_type, claim_year,
        claim_date, months, prepay_percent, amount_fen, payee, employer_code, status, prepared_by, created_at, version,
        submitted_at, submitted_by, decided_at, decided_by, decision_note, reason, reject_code, notice_published_on,
        notice_end_on, fund_year, fund_source, batch_id, payee_name, bank_account, evidence_json, evidence_sha256,
        warning_count, clawback_due_fen, recovered_fen, evidence_changed, submitted_on
        """
    static let claimColumnsOfC = ColumnList.prefixed(claimColumns, "c.")
    static let claimColumnsWithoutEvidence = claimColumns.replacingOccurrences(of: "evidence_json", with: "NULL AS evidence_json")
    static let claimColumnCount = ColumnList.count(claimColumns)

    static func claim(_ row: Row) throws -> ClaimRow {
        ColumnList.check(row, claimColumns)
        // Numbers through `integer`/`int` (Columns.swift): a REAL planted in one must not trap;
        // codes through `enumValue`: an unknown one is an error naming the claim.
        let id = row.integer(0)
        let key = String(id)
        return ClaimRow(id: id, workerID: row[1], kind: try row.enumValue(2, table: "claims", key: key, column: "kind"), classID: row.optionalInteger(3),
                        certificateID: row.optionalInteger(4), institution: row[5],
                        occupationCode: row[6], level: row[7],
                        trainingType: try row.optionalEnumValue(8, table: "claims", key: key, column: "training_type"), claimYear: row.int(9), claimDate: row[10],
                        months: row.optionalInt(11), prepayPercent: row.optionalInt(12), amountFen: row.integer(13),
                        payee: try row.enumValue(14, table: "claims", key: key, column: "payee"),
                        employerCode: row[15], status: try row.enumValue(16, table: "claims", key: key, column: "status"), preparedBy: row[17], createdAt: row[18], version: row.int(19),
                        submittedAt: row[20], submittedBy: row[21], decidedAt: row[22], decidedBy: row[23],
                        decisionNote: row[24], reason: row[25], rejectCode: row[26], noticePublishedOn: row[27],
                        noticeEndOn: row[28], fundYear: row.optionalInt(29), fundSource: try row.optionalEnumValue(30, table: "claims", key: key, column: "fund_source"), batchID: row[31], payeeName: row[32],
                        bankAccount: row[33], evidenceJSON: row[34], evidenceSHA256: row[35], warningCount: row.int(36),
                        clawbackDueFen: row.integer(37), recoveredFen: row.integer(38), evidenceChanged: row.integer(39) != 0,
                        submittedOn: row[40])
    }

    /// Claims of an institution by status (the trigger-kept counts: one primary-key range read).
    public func institutionClaimCounts(_ code: String) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT status, n FROM institution_claim_counts WHERE institution = ?"),
                                    arguments: [code]) {
            out[row["status"]] = row["n"]
        }
        return out
    }

    // MARK: facts for an evaluation

    /// A worker's attendance in every class between two days (index attendance_worker_date).
    public func attendance(workerID: String, from: String, to: String) throws -> [WorkerDayRow] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.class_id, a.date, a.classroom_minutes, a.online_minutes, c.institution
            FROM attendance a JOIN classes c ON c.id = a.class_id
            WHERE a.worker_id = ? AND a.date >= ? AND a.date <= ?
            """), arguments: [workerID, from, to]).map {
            // By index: a worker has a row a day, and name lookups cost more than the read.
            WorkerDayRow(classID: $0.integer(0), institution: $0[4], date: $0[1], classroomMinutes: $0.int(2), onlineMinutes: $0.int(3))
        }
    }

    /// A worker's certificates with this number (index certificates_worker).
    public func certificates(workerID: String, number: String) throws -> [CertificateRow] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.certificateColumns) FROM certificates WHERE worker_id = ? AND number = ? ORDER BY id"),
                         arguments: [workerID, number]).map(Self.certificate)
    }

    /// Whoever holds a certificate with this number (no index on number alone: used only after the
    /// worker's own lookup failed, to say whose it is).
    public func certificateHolders(number: String, limit: Int) throws -> [CertificateRow] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.certificateColumns) FROM certificates WHERE number = ? ORDER BY id LIMIT ?"),
                         arguments: [number, limit]).map(Self.certificate)
    }

    public func certificate(id: Int64) throws -> CertificateRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.certificateColumns) FROM certificates WHERE id = ?"), arguments: [id]).map(Self.certificate)
    }

    /// The worker's certificates linked to a class (index certificates_worker).
    public func certificates(workerID: String, classID: Int64) throws -> [CertificateRow] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.certificateColumns) FROM certificates WHERE worker_id = ? AND class_id = ? ORDER BY id"),
                         arguments: [workerID, classID]).map(Self.certificate)
    }

    /// The name of an occupation code, from its latest entry (index UNIQUE(code, valid_from)).
    public func occupationName(code: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM occupations WHERE code = ? ORDER BY valid_from DESC LIMIT 1"),
                            arguments: [code])
    }

    /// A worker's name by resident ID (UNIQUE index).
    public func workerName(id: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM workers WHERE id = ?"), arguments: [id])
    }
}

extension StoreWriter {
    public func setSetting(_ key: String, _ value: String) throws {
        try db.execute(sql: """
            INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """, arguments: [key, value])
    }

    /// Inserts a claim row (the caller audits it). A second live claim of the worker, kind and
    /// class (or certificate) is refused by the unique index `claims_one_live` as
    /// `StoreError.conflict(.liveClaim)`, whoever checked first (v10).
    public func insertClaim(_ c: NewClaim, at: Date) throws -> ClaimRow {
        let now = Timestamp.utc(at)
        try refusingLiveDuplicate(workerID: c.workerID, kind: c.kind.rawValue, classID: c.classID, certificateID: c.certificateID) {
            try db.execute(sql: """
                INSERT INTO claims(worker_id, kind, class_id, certificate_id, institution, occupation_code, level,
                    training_type, claim_year, claim_date, months, prepay_percent, amount_fen, payee, employer_code,
                    status, prepared_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [c.workerID, c.kind.rawValue, c.classID, c.certificateID, c.institution, c.occupationCode,
                                 c.level.rawValue, c.trainingType?.rawValue, c.claimYear, c.claimDate.description, c.months,
                                 c.prepayPercent, c.amountFen, c.payee.rawValue, c.employerCode, c.status.rawValue,
                                 c.preparedBy, now, now])
        }
        return try claim(id: db.lastInsertedRowID)!
    }

    /// Runs `body`; a violation of `claims_one_live` comes out as `StoreError.conflict(.liveClaim)`
    /// naming the live claim already there (the failed statement is undone, the transaction goes on).
    func refusingLiveDuplicate(workerID: String, kind: String, classID: Int64?, certificateID: Int64?,
                               _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as DatabaseError where e.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
                    && (e.message ?? "").contains("claims_one_live") {
            let existing = try Int64.fetchOne(db, sql: """
                SELECT id FROM claims WHERE worker_id = ? AND kind = ? AND status NOT IN ('rejected', 'recovered', 'withdrawn')
                    AND (class_id IS NULL) = ? AND COALESCE(class_id, certificate_id) = ? ORDER BY id LIMIT 1
                """, arguments: [workerID, kind, classID == nil, classID ?? certificateID])
            throw StoreError.conflict(.liveClaim(existing: existing, workerID: workerID, kind: kind))
        }
    }
}
