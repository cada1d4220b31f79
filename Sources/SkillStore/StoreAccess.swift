import Foundation
import GRDB
import SkillCore
import SkillRecords

/// Read access inside one snapshot. Only valid inside the `Store.read`/`write` closure.
public class StoreReader {
    let db: Database
    init(db: Database) { self.db = db }

    public func meta(_ key: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = ?"), arguments: [key])
    }

    // MARK: users

    public func user(named name: String) throws -> UserRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM users WHERE name = ?"), arguments: [name]).map(Self.user)
    }

    public func users() throws -> [UserRow] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM users ORDER BY name")).map(Self.user)
    }

    static func user(_ row: Row) throws -> UserRow {
        let codes: String = row["roles"]
        let name: String = row["name"]
        // Every code must be a Role: an unknown one is an error naming the user, not a role dropped.
        let roles: [Role] = try codes.split(separator: ",").map {
            try Row.decode(String($0).databaseValue, table: "users", key: name, column: "roles")
        }
        return UserRow(id: row["id"], name: name,
                       roles: roles,
                       passwordHash: row["password_hash"], disabled: row["disabled"],
                       failedAttempts: row["failed_attempts"], lockedUntil: row["locked_until"],
                       createdAt: row["created_at"])
    }

    // MARK: workers

    public func worker(id: String) throws -> WorkerRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.workerColumns) FROM workers WHERE id = ?"), arguments: [id])
            .map(Self.workerByIndex)
    }

    public func workerCount() throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM workers")) ?? 0
    }

    /// One page of workers for a search text: an ID prefix (and, for a text that could be a
    /// mobile number, a phone prefix), or any substring of a name. Every branch is an index or
    /// FTS lookup with a LIMIT, never a scan: a city has millions of workers.
    public func searchWorkers(_ text: String, offset: Int, limit: Int) throws -> Page<WorkerRow> {
        let query = WorkerSearch(text)
        let want = limit + 1
        var rows: [Row]
        switch query {
        case .all:
            rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM workers ORDER BY rowid DESC LIMIT ? OFFSET ?"),
                                    arguments: [want, offset])
        case let .name(phrase):
            rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT w.* FROM worker_name_fts f JOIN workers w ON w.rowid = f.rowid
                WHERE worker_name_fts MATCH ? ORDER BY f.rowid DESC LIMIT ? OFFSET ?
                """), arguments: [phrase, want, offset])
        case let .idPrefix(lo, hi):
            rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM workers WHERE id >= ? AND id < ? ORDER BY id LIMIT ? OFFSET ?"),
                                    arguments: [lo, hi, want, offset])
        case let .idOrPhonePrefix(lo, hi):
            // ID matches first (in ID order), then phone matches that are not ID matches. The
            // number of ID matches is only counted up to what this page needs.
            let idCount = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM (SELECT 1 FROM workers WHERE id >= ? AND id < ? LIMIT ?)
                """), arguments: [lo, hi, offset + want]) ?? 0
            rows = []
            if offset < idCount {
                rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM workers WHERE id >= ? AND id < ? ORDER BY id LIMIT ? OFFSET ?"),
                                        arguments: [lo, hi, want, offset])
            }
            if rows.count < want {
                rows += try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT * FROM workers WHERE phone >= ? AND phone < ? AND NOT (id >= ? AND id < ?)
                    ORDER BY phone, rowid LIMIT ? OFFSET ?
                    """), arguments: [lo, hi, lo, hi, want - rows.count, max(0, offset - idCount)])
            }
        case .nothing:
            rows = []
        }
        let hasMore = rows.count > limit
        return Page(rows: rows.prefix(limit).map(Self.worker), hasMore: hasMore)
    }

    /// The columns `workerByIndex` decodes, in its order (by index: name lookups cost more than
    /// the query on the evaluation's hot path).
    static let workerColumns = """
        rowid, id, name, sex, birth_date, phone, hukou_region, rural, residence, employment, employer, employer_code,
        pension, groups, disability, relative_of, unemployment_insured, version, created_at, updated_at, work_region
        """

    static func workerByIndex(_ row: Row) -> WorkerRow {
        let groups: String = row[13]
        return WorkerRow(rowid: row[0], id: row[1], name: row[2], sex: row[3], birthDate: row[4], phone: row[5],
                         hukouRegion: row[6], rural: row[7], residence: row[8], employment: row[9], employer: row[10],
                         employerCode: row[11], pension: row[12], groups: groups.split(separator: ";").map(String.init),
                         disability: row[14], relativeOf: row[15], unemploymentInsured: row[16], version: row[17],
                         createdAt: row[18], updatedAt: row[19], workRegion: row[20])
    }

    static func worker(_ row: Row) -> WorkerRow {
        let groups: String = row["groups"]
        return WorkerRow(rowid: row["rowid"], id: row["id"], name: row["name"], sex: row["sex"],
                         birthDate: row["birth_date"], phone: row["phone"], hukouRegion: row["hukou_region"],
                         rural: row["rural"], residence: row["residence"], employment: row["employment"],
                         employer: row["employer"], employerCode: row["employer_code"], pension: row["pension"],
                         groups: groups.split(separator: ";").map(String.init), disability: row["disability"],
                         relativeOf: row["relative_of"], unemploymentInsured: row["unemployment_insured"],
                         version: row["version"],
                         createdAt: row["created_at"], updatedAt: row["updated_at"], workRegion: row["work_region"])
    }

    // MARK: audit

    /// The history of one record, oldest first.
    public func auditEntries(entity: String, key: String) throws -> [AuditEntry] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM audit WHERE entity = ? AND key = ? ORDER BY seq"),
                         arguments: [entity, key]).map(AuditChain.entry)
    }

    /// The newest audit row of one record with one of `actions` (any action when empty), and
    /// whether it is still what was written: its hash recomputes from its content, and the row
    /// after it (if any) chains to that hash. A whole-chain check is `verifyAudit`; this is the
    /// cheap look a payment takes at the rows it relies on (docs/DECISIONS.md "Seals").
    public func lastAuditEntry(entity: String, key: String, actions: [String] = []) throws -> (entry: AuditEntry, intact: Bool)? {
        let filter = actions.isEmpty ? "" : " AND action IN (\(actions.map { _ in "?" }.joined(separator: ",")))"
        let args = StatementArguments([entity, key]) + StatementArguments(actions)
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM audit WHERE entity = ? AND key = ?\(filter) ORDER BY seq DESC LIMIT 1
            """), arguments: args) else { return nil }
        let e = AuditChain.entry(row)
        var intact = AuditChain.hash(seq: e.seq, at: e.at, user: e.user, action: e.action, entity: e.entity, key: e.key,
                                     before: e.before, after: e.after, prevHash: e.prevHash) == e.hash
        if intact, let next = try String.fetchOne(db.cachedStatement(sql: "SELECT prev_hash FROM audit WHERE seq = ?"),
                                                 arguments: [e.seq + 1]) {
            intact = next == e.hash
        }
        return (e, intact)
    }

    public func auditCount() throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM audit")) ?? 0
    }

    public func verifyAudit(progress: ((Int) -> Void)? = nil) throws -> AuditVerification {
        try AuditChain.verify(db, progress: progress)
    }

    public func auditHead() throws -> String {
        try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1")) ?? AuditChain.genesis
    }

    /// The chain's first entry (its beginning: the database's creation, or a restart).
    public func auditFirst() throws -> AuditEntry? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM audit ORDER BY seq LIMIT 1")).map(AuditChain.entry)
    }

    /// The last entry's sequence number and hash (0 and the genesis when the trail is empty).
    public func auditHeadPosition() throws -> AuditPosition {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"))
        return AuditPosition(seq: row?["seq"] ?? 0, hash: row?["hash"] ?? AuditChain.genesis)
    }

    /// The stored hash of each of these entries that exists (primary-key reads; anchors check them).
    public func auditHashes(at seqs: Set<Int64>) throws -> [Int64: String] {
        var found: [Int64: String] = [:]
        let statement = try db.cachedStatement(sql: "SELECT hash FROM audit WHERE seq = ?")
        for seq in seqs {
            if let h = try String.fetchOne(statement, arguments: [seq]) { found[seq] = h }
        }
        return found
    }
}

/// Write access inside one IMMEDIATE transaction. Every method that changes a record is paired
/// by the caller with `audit(...)` in the same transaction.
public final class StoreWriter: StoreReader {
    public func setMeta(_ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
    }

    /// Runs `body` in a savepoint: when it throws, its writes alone are rolled back and the error
    /// is rethrown; the enclosing transaction goes on (a batch decides many claims in one
    /// transaction, each all or nothing).
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body()
            return .commit
        }
        return result!
    }

    /// SQLite's page cache for this connection, in KiB (the default is 2,000).
    public func setCacheSize(kibibytes: Int) throws {
        try db.execute(sql: "PRAGMA cache_size = -\(kibibytes)")
    }

    /// The entries this transaction appended so far (first and last): the use-case layer anchors
    /// the head after commit when the range crosses a multiple of its anchor interval. A rolled-back
    /// savepoint may leave it overstated; it only says an anchor may be due.
    public private(set) var appendedRange: ClosedRange<Int64>?

    public func audit(at: Date, user: String, action: String, entity: String, key: String,
                      before: String?, after: String?) throws {
        let (seq, _) = try AuditChain.append(db, at: Timestamp.utc(at), user: user, action: action, entity: entity,
                                             key: key, before: before, after: after)
        appendedRange = min(seq, appendedRange?.lowerBound ?? seq)...max(seq, appendedRange?.upperBound ?? seq)
    }

    // MARK: users

    /// Inserts a user; false if the name is taken.
    public func insertUser(name: String, roles: [Role], passwordHash: String, at: Date) throws -> Bool {
        try db.execute(sql: """
            INSERT INTO users(name, roles, password_hash, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(name) DO NOTHING
            """, arguments: [name, roles.map(\.rawValue).joined(separator: ","), passwordHash, Timestamp.utc(at)])
        return db.changesCount == 1
    }

    public func updateUser(_ user: UserRow) throws {
        try db.execute(sql: """
            UPDATE users SET roles = ?, password_hash = ?, disabled = ?, failed_attempts = ?, locked_until = ?
            WHERE id = ?
            """, arguments: [user.roles.map(\.rawValue).joined(separator: ","), user.passwordHash, user.disabled,
                             user.failedAttempts, user.lockedUntil, user.id])
    }

    // MARK: workers

    /// Inserts a worker; nil when the resident ID is already registered (nothing written).
    public func insertWorker(_ w: Worker, at: Date) throws -> WorkerRow? {
        let now = Timestamp.utc(at)
        let statement = try db.cachedStatement(sql: WorkerSQL.insert)
        try statement.execute(arguments: WorkerSQL.arguments(w, createdAt: now))
        guard db.changesCount == 1 else { return nil }
        let rowid = db.lastInsertedRowID
        try db.cachedStatement(sql: WorkerSQL.ftsInsert)
            .execute(arguments: [rowid, WorkerSQL.spacedCharacters(w.name.value)])
        return try worker(id: w.id.value)
    }

    /// The bulk-import path: inserts without reading the row back. `createdAt` is a
    /// preformatted timestamp (one per import). False when the ID is already registered.
    public func insertWorkerForImport(_ w: Worker, createdAt: String) throws -> Bool {
        try db.cachedStatement(sql: WorkerSQL.insert).execute(arguments: WorkerSQL.arguments(w, createdAt: createdAt))
        guard db.changesCount == 1 else { return false }
        try db.cachedStatement(sql: WorkerSQL.ftsInsert)
            .execute(arguments: [db.lastInsertedRowID, WorkerSQL.spacedCharacters(w.name.value)])
        return true
    }

    /// Replaces a worker's fields if its version is still `expectedVersion` (optimistic lock:
    /// two clerks editing one worker — the second save is refused, not silently lost).
    /// Returns the new row, or nil on a version mismatch.
    public func updateWorker(_ w: Worker, expectedVersion: Int, at: Date) throws -> WorkerRow? {
        guard let old = try worker(id: w.id.value), old.version == expectedVersion else { return nil }
        try db.execute(sql: """
            UPDATE workers SET name = ?, phone = ?, hukou_region = ?, rural = ?, residence = ?, employment = ?,
                employer = ?, employer_code = ?, pension = ?, groups = ?, disability = ?, relative_of = ?,
                unemployment_insured = ?, work_region = ?, version = version + 1, updated_at = ?
            WHERE id = ? AND version = ?
            """, arguments: [w.name.value, w.phone?.value, w.hukouRegion, w.rural, w.residence,
                             w.employment.rawValue, w.employer, w.employerCode?.value, w.pension,
                             w.groups.map(\.rawValue).joined(separator: ";"), w.disability.rawValue,
                             w.relativeOf?.value, w.unemploymentInsured, w.workRegion, Timestamp.utc(at), w.id.value, expectedVersion])
        guard db.changesCount == 1 else { return nil }
        if old.name != w.name.value {
            try db.execute(sql: "INSERT INTO worker_name_fts(worker_name_fts, rowid, chars) VALUES ('delete', ?, ?)",
                           arguments: [old.rowid, WorkerSQL.spacedCharacters(old.name)])
            try db.execute(sql: WorkerSQL.ftsInsert, arguments: [old.rowid, WorkerSQL.spacedCharacters(w.name.value)])
        }
        return try worker(id: w.id.value)
    }
}

enum WorkerSQL {
    static let insert = """
        INSERT INTO workers(id, name, sex, birth_date, phone, hukou_region, rural, residence, employment,
            employer, employer_code, pension, groups, disability, relative_of, unemployment_insured, created_at, updated_at,
            work_region)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO NOTHING
        """
    static let ftsInsert = "INSERT INTO worker_name_fts(rowid, chars) VALUES (?, ?)"

    static func arguments(_ w: Worker, createdAt: String) -> StatementArguments {
        [w.id.value, w.name.value, w.sex.rawValue, w.birthDate.description, w.phone?.value, w.hukouRegion,
         w.rural, w.residence, w.employment.rawValue, w.employer, w.employerCode?.value, w.pension,
         w.groups.map(\.rawValue).joined(separator: ";"), w.disability.rawValue, w.relativeOf?.value,
         w.unemploymentInsured, createdAt, createdAt, w.workRegion]
    }

    /// "张桂兰" → "张 桂 兰": one token per character for the FTS index (whitespace dropped).
    static func spacedCharacters(_ name: String) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count * 2)
        for ch in name where !ch.isWhitespace {
            if !out.isEmpty { out.append(" ") }
            out.append(ch)
        }
        return out
    }
}

/// How a search text is looked up.
enum WorkerSearch: Equatable {
    case all
    case nothing
    case name(phrase: String)
    case idPrefix(lo: String, hi: String)
    case idOrPhonePrefix(lo: String, hi: String)

    init(_ raw: String) {
        let text = raw.filter { !$0.isWhitespace }.uppercased()
        if text.isEmpty { self = .all; return }
        let isIDLike = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "X") }
        if isIDLike {
            let hi = WorkerSearch.successor(text)
            let phoneLike = text.first == "1" && text.count <= 11 && !text.contains("X")
            self = phoneLike ? .idOrPhonePrefix(lo: text, hi: hi) : .idPrefix(lo: text, hi: hi)
            return
        }
        // Keep letters and digits only: quotes and FTS operators never reach MATCH.
        let tokens = raw.lowercased().filter { $0.isLetter || $0.isNumber }
        if tokens.isEmpty { self = .nothing; return }
        self = .name(phrase: "\"" + WorkerSQL.spacedCharacters(String(tokens)) + "\"")
    }

    /// The smallest string greater than every string with this prefix (for a range scan).
    static func successor(_ prefix: String) -> String {
        var scalars = Array(prefix.unicodeScalars)
        let last = scalars.removeLast()
        return String(String.UnicodeScalarView(scalars)) + String(UnicodeScalar(last.value + 1)!)
    }
}
