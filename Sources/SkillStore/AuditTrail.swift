import Foundation
import GRDB
import SkillCore
import SkillRecords

/// The tamper-evident chain: each row's hash covers its content and the previous row's hash,
/// so editing, inserting or deleting a row behind the program's back breaks verification from
/// that row on. Cutting rows off the end, or rewriting rows and recomputing every hash after them,
/// is found against the anchors kept outside the database, and a chain that does not start with
/// the database's creation is reported as restarted (SkillDesk's `ChainCheck`; DECISIONS.md
/// "Trust (issue 10): the audit chain").
enum AuditChain {
    static let genesis = String(repeating: "0", count: 64)

    static func hash(seq: Int64, at: String, user: String, action: String, entity: String, key: String,
                     before: String?, after: String?, prevHash: String) -> String {
        // Unit separators cannot appear in sanitised fields; NULL and "" differ by a marker.
        let sep = "\u{1F}"
        let parts = ["\(seq)", at, user, action, entity, key, before.map { "=" + $0 } ?? "\u{0}",
                     after.map { "=" + $0 } ?? "\u{0}", prevHash]
        return SHA256.hex(parts.joined(separator: sep))
    }

    /// The chain's last entry (seq 0 and `genesis` for an empty trail).
    static func head(_ db: Database) throws -> (seq: Int64, hash: String) {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        return (last?["seq"] ?? 0, last?["hash"] ?? genesis)
    }

    /// Appends after the head as this transaction reads it.
    @discardableResult
    static func append(_ db: Database, at: String, user: String, action: String, entity: String,
                       key: String, before: String?, after: String?) throws -> (seq: Int64, hash: String) {
        // The head is read in the writer's own transaction; the constraints (seq's primary key, the
        // unique prev_hash, v10) refuse a writer that read the same head instead of letting it fork.
        guard db.isInsideTransaction else { throw StoreError.failure("an audit entry is written only inside a write transaction") }
        return try append(db, after: try head(db), at: at, user: user, action: action, entity: entity, key: key,
                          before: before, after: after)
    }

    /// Appends after `head`; if another entry already follows it (a writer that read the same
    /// head committed first), `StoreError.conflict(.auditHead)` and nothing is written.
    @discardableResult
    static func append(_ db: Database, after head: (seq: Int64, hash: String), at: String, user: String, action: String,
                       entity: String, key: String, before: String?, after: String?) throws -> (seq: Int64, hash: String) {
        let seq = head.seq + 1
        let prev = head.hash
        let h = hash(seq: seq, at: at, user: user, action: action, entity: entity, key: key,
                     before: before, after: after, prevHash: prev)
        do {
            try db.execute(sql: """
                INSERT INTO audit(seq, at, user, action, entity, key, before, after, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [seq, at, user, action, entity, key, before, after, prev, h])
        } catch let e as DatabaseError where e.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
                    || e.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StoreError.conflict(.auditHead(seq: seq))
        }
        return (seq, h)
    }

    static func entry(_ row: Row) -> AuditEntry {
        AuditEntry(seq: row["seq"], at: row["at"], user: row["user"], action: row["action"],
                   entity: row["entity"], key: row["key"], before: row["before"], after: row["after"],
                   prevHash: row["prev_hash"], hash: row["hash"])
    }

    /// `progress` is told the number of entries checked every 100,000 (a city's trail takes minutes).
    static func verify(_ db: Database, progress: ((Int) -> Void)? = nil) throws -> AuditVerification {
        var expectedPrev = genesis
        var expectedSeq: Int64 = 1
        var count = 0
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY seq")
        while let row = try cursor.next() {
            let e = entry(row)
            if e.seq != expectedSeq { return .broken(seq: e.seq, reason: .gap) }
            if e.prevHash != expectedPrev { return .broken(seq: e.seq, reason: .chainMismatch) }
            let h = hash(seq: e.seq, at: e.at, user: e.user, action: e.action, entity: e.entity, key: e.key,
                         before: e.before, after: e.after, prevHash: e.prevHash)
            if h != e.hash { return .broken(seq: e.seq, reason: .hashMismatch) }
            expectedPrev = e.hash
            expectedSeq += 1
            count += 1
            if count % 100_000 == 0 { progress?(count) }
        }
        return .intact(entries: count)
    }
}

