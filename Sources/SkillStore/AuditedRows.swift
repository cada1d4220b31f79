import Foundation
import GRDB
import SkillCore
import SkillRecords

/// Every row of the audited tables, one at a time (cursors, never whole tables in memory), for the
/// check that compares the tables with the audit trail's last after-images (`audit check`).
extension StoreReader {
    /// Every worker with their bank account (the trail keeps the account apart, masked and digested).
    public func eachWorker(_ body: (WorkerRow, _ bankAccount: String?) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(Self.workerColumns), bank_account FROM workers ORDER BY id")
        while let row = try cursor.next() { try body(Self.workerByIndex(row), row[21]) }
    }

    public func eachClaim(_ body: (ClaimRow) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(Self.claimColumns) FROM claims ORDER BY id")
        while let row = try cursor.next() { try body(Self.claim(row)) }
    }

    public func eachClass(_ body: (ClassRow) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(Self.classColumns) FROM classes ORDER BY id")
        while let row = try cursor.next() { try body(Self.trainingClass(row)) }
    }

    public func eachCertificate(_ body: (CertificateRow) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(Self.certificateColumns) FROM certificates ORDER BY id")
        while let row = try cursor.next() { try body(Self.certificate(row)) }
    }

    public func eachInstitution(_ body: (InstitutionRow) throws -> Void) throws {
        // Codes first: `institution(_:)` reads each one's scopes with a statement of its own.
        for code in try String.fetchAll(db, sql: "SELECT code FROM institutions ORDER BY code") {
            if let row = try institution(code: code) { try body(row) }
        }
    }

    public func eachOccupation(_ body: (OccupationRow) throws -> Void) throws {
        for row in try Row.fetchAll(db, sql: "SELECT * FROM occupations ORDER BY code, valid_from") {
            try body(try occupation(row))
        }
    }

    /// The workers enrolled in a class (no counting: the check must read a class whose minutes
    /// were made uncountable).
    public func enrolledWorkers(classID: Int64) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT worker_id FROM enrolments WHERE class_id = ? ORDER BY worker_id"),
                            arguments: [classID])
    }

    /// Every fund account of every year.
    public func allFundAccounts() throws -> [FundAccount] {
        try Row.fetchAll(db, sql: "SELECT * FROM fund_accounts ORDER BY year, source").compactMap(Self.fund)
    }

    /// What the claims say each fund account should hold: reserved = approved, on notice or
    /// payable claims' amounts; paid = paid, clawed back or recovered claims' amounts; due and
    /// recovered = the clawback columns. Keyed `YEAR/source`.
    public func fundFiguresFromClaims() throws -> [String: (reserved: Int64, paid: Int64, due: Int64, recovered: Int64)] {
        var out: [String: (reserved: Int64, paid: Int64, due: Int64, recovered: Int64)] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT fund_year, fund_source,
                   total(CASE WHEN status IN ('approved','on_notice','payable') THEN amount_fen END) AS reserved,
                   total(CASE WHEN status IN ('paid','clawback','recovered') THEN amount_fen END) AS paid,
                   total(clawback_due_fen) AS due, total(recovered_fen) AS recovered
            FROM claims WHERE fund_year IS NOT NULL AND fund_source IS NOT NULL GROUP BY fund_year, fund_source
            """)
        for r in rows {
            // total() is a float sum: it cannot overflow, and a sum past Int64 reads as a mismatch.
            func fen(_ v: Double) -> Int64 { v.magnitude < 9.2e18 ? Int64(v) : Int64.max }
            let year: Int = r["fund_year"], source: String = r["fund_source"]
            out["\(year)/\(source)"] = (fen(r["reserved"]), fen(r["paid"]), fen(r["due"]), fen(r["recovered"]))
        }
        return out
    }

    /// The keys the trail has records for, of one entity (each once, in key order; index audit_entity).
    public func auditKeys(entity: String, _ body: (String) throws -> Void) throws {
        let cursor = try String.fetchCursor(db, sql: "SELECT DISTINCT key FROM audit WHERE entity = ? ORDER BY key", arguments: [entity])
        while let key = try cursor.next() { try body(key) }
    }

    /// Does a row with this key exist? `table` is one of the audited tables (a fixed list).
    public func auditedRowExists(table: AuditedTable, key: String) throws -> Bool {
        let sql: String
        var args: StatementArguments = [key]
        switch table {
        case .workers: sql = "SELECT 1 FROM workers WHERE id = ?"
        case .claims: sql = "SELECT 1 FROM claims WHERE id = CAST(? AS INTEGER)"
        case .classes: sql = "SELECT 1 FROM classes WHERE id = CAST(? AS INTEGER)"
        case .certificates: sql = "SELECT 1 FROM certificates WHERE id = CAST(? AS INTEGER)"
        case .institutions: sql = "SELECT 1 FROM institutions WHERE code = ?"
        case .occupations:
            let parts = key.split(separator: "@", maxSplits: 1).map(String.init)
            sql = "SELECT 1 FROM occupations WHERE code = ? AND valid_from = ?"
            args = [parts.first ?? "", parts.count > 1 ? parts[1] : ""]
        case .users: sql = "SELECT 1 FROM users WHERE name = ?"
        case .payeeAccounts: sql = "SELECT 1 FROM payee_accounts WHERE code = ?"
        }
        return try Int.fetchOne(db.cachedStatement(sql: sql), arguments: args) != nil
    }
}

