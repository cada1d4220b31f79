import Foundation
import GRDB
import SkillCore
import SkillRecords

/// Batch reads for a re-evaluation job: one query per table for a whole batch of claims, each an
/// `IN (...)` list over an existing index, instead of one lookup per claim. Every list is bounded by
/// at most `inListChunk` keys: a longer list is read in chunks (SQLite allows 32,766 parameters, and
/// `recheckClaims` takes up to 100,000 claims). Per worker or key, rows keep their order.
extension StoreReader {
    static let priorClaimColumns = """
        id, worker_id, kind, class_id, occupation_code, level, training_type, claim_year, claim_date, months,
        amount_fen, employer_code, status
        """

    static func priorClaim(_ row: Row) throws -> PriorClaimRow {
        let id = row.integer(0)
        return PriorClaimRow(id: id, workerID: row[1], kind: try row.enumValue(2, table: "claims", key: String(id), column: "kind"), classID: row.optionalInteger(3), occupationCode: row[4], level: row[5],
                      trainingType: try row.optionalEnumValue(6, table: "claims", key: String(id), column: "training_type"), claimYear: row.int(7), claimDate: row[8], months: row.optionalInt(9), amountFen: row.integer(10),
                      employerCode: row[11],
                      status: try row.enumValue(12, table: "claims", key: String(id), column: "status"))
    }

    static let inListChunk = 1_000

    /// `body` over `keys` in chunks of `inListChunk`, results concatenated.
    static func chunked<K, T>(_ keys: [K], _ body: ([K]) throws -> [T]) rethrows -> [T] {
        if keys.count <= inListChunk { return try body(keys) }
        var out: [T] = []
        var i = 0
        while i < keys.count {
            out += try body(Array(keys[i..<min(i + inListChunk, keys.count)]))
            i += inListChunk
        }
        return out
    }

    static func marks(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ",") }

    /// Decodes each row in place from the statement (a cursor): no copied `Row` per result row,
    /// which on batches of thousands of rows cost more than SQLite's work.
    func decodeEach<T>(_ sql: String, _ arguments: StatementArguments, _ decode: (Row) throws -> T) throws -> [T] {
        var out: [T] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() { out.append(try decode(row)) }
        return out
    }

    /// Every claim of one worker, any status, oldest first (index claims_worker).
    public func priorClaims(ofWorker workerID: String) throws -> [PriorClaimRow] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.priorClaimColumns) FROM claims WHERE worker_id = ? ORDER BY id"),
                         arguments: [workerID]).map(Self.priorClaim)
    }

    /// Every claim of these workers, any status, oldest first (index claims_worker).
    public func priorClaims(ofWorkers ids: [String]) throws -> [PriorClaimRow] {
        guard !ids.isEmpty else { return [] }
        if ids.count > Self.inListChunk { return try Self.chunked(ids) { try priorClaims(ofWorkers: $0) } }
        return try decodeEach("SELECT \(Self.priorClaimColumns) FROM claims WHERE worker_id IN (\(Self.marks(ids.count))) ORDER BY id", StatementArguments(ids), Self.priorClaim)
    }

    /// These workers (UNIQUE index on id); unknown IDs are left out.
    public func workers(ids: [String]) throws -> [WorkerRow] {
        guard !ids.isEmpty else { return [] }
        if ids.count > Self.inListChunk { return try Self.chunked(ids) { try workers(ids: $0) } }
        return try decodeEach("SELECT \(Self.workerColumns) FROM workers WHERE id IN (\(Self.marks(ids.count)))", StatementArguments(ids), Self.workerByIndex)
    }

    /// Names of these workers by resident ID.
    public func workerNames(ids: [String]) throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        if ids.count > Self.inListChunk {
            var all: [String: String] = [:]
            for chunk in Self.chunked(ids, { [$0] }) { all.merge(try workerNames(ids: chunk)) { a, _ in a } }
            return all
        }
        var out: [String: String] = [:]
        for (id, name) in try decodeEach("SELECT id, name FROM workers WHERE id IN (\(Self.marks(ids.count)))",
                                         StatementArguments(ids), { (id: $0[0] as String, name: $0[1] as String) }) {
            out[id] = name
        }
        return out
    }

    /// (class, worker) enrolments of these workers (index enrolments_worker).
    public func enrolments(ofWorkers ids: [String]) throws -> [(classID: Int64, workerID: String)] {
        guard !ids.isEmpty else { return [] }
        if ids.count > Self.inListChunk { return try Self.chunked(ids) { try enrolments(ofWorkers: $0) } }
        return try decodeEach("SELECT class_id, worker_id FROM enrolments WHERE worker_id IN (\(Self.marks(ids.count)))",
                              StatementArguments(ids)) { (classID: $0[0] as Int64, workerID: $0[1] as String) }
    }

    /// These classes (primary key).
    public func trainingClasses(ids: [Int64]) throws -> [ClassRow] {
        guard !ids.isEmpty else { return [] }
        if ids.count > Self.inListChunk { return try Self.chunked(ids) { try trainingClasses(ids: $0) } }
        return try decodeEach("SELECT \(Self.classColumns) FROM classes WHERE id IN (\(Self.marks(ids.count)))", StatementArguments(ids), Self.trainingClass)
    }

    /// These workers' attendance in every class between two days (index attendance_worker_date, one
    /// range per worker), without the class's institution: the caller fills it from the classes
    /// it reads once each (a join would look a class up again for every day).
    public func attendance(workerIDs ids: [String], from: String, to: String) throws -> [BatchDayRow] {
        guard !ids.isEmpty else { return [] }
        if ids.count > Self.inListChunk { return try Self.chunked(ids) { try attendance(workerIDs: $0, from: from, to: to) } }
        return try decodeEach("""
            SELECT worker_id, class_id, date, classroom_minutes, online_minutes FROM attendance
            WHERE worker_id IN (\(Self.marks(ids.count))) AND date >= ? AND date <= ?
            """, StatementArguments(ids + [from, to])) {
            BatchDayRow(workerID: $0[0], day: WorkerDayRow(classID: $0.integer(1), institution: "", date: $0[2],
                                                           classroomMinutes: $0.int(3), onlineMinutes: $0.int(4)))
        }
    }

    /// These workers' certificates, by id (index certificates_worker).
    public func certificates(ofWorkers ids: [String]) throws -> [CertificateRow] {
        guard !ids.isEmpty else { return [] }
        if ids.count > Self.inListChunk { return try Self.chunked(ids) { try certificates(ofWorkers: $0) } }
        return try decodeEach("SELECT \(Self.certificateColumns) FROM certificates WHERE worker_id IN (\(Self.marks(ids.count))) ORDER BY id", StatementArguments(ids), Self.certificate)
    }

    /// These certificates (primary key).
    public func certificates(ids: [Int64]) throws -> [CertificateRow] {
        guard !ids.isEmpty else { return [] }
        if ids.count > Self.inListChunk { return try Self.chunked(ids) { try certificates(ids: $0) } }
        return try decodeEach("SELECT \(Self.certificateColumns) FROM certificates WHERE id IN (\(Self.marks(ids.count))) ORDER BY id", StatementArguments(ids), Self.certificate)
    }

    /// Every holder of each (type, number) (the UNIQUE(type, number, worker_id) index), by id.
    public func certificateHolders(_ keys: [(type: String, number: String)]) throws -> [CertificateRow] {
        guard !keys.isEmpty else { return [] }
        if keys.count > Self.inListChunk { return try Self.chunked(keys) { try certificateHolders($0) } }
        let pairs = Array(repeating: "(?,?)", count: keys.count).joined(separator: ",")
        var args: [String] = []
        args.reserveCapacity(keys.count * 2)
        for k in keys { args.append(k.type); args.append(k.number) }
        // A join with the list, not `(type, number) IN (VALUES …)`: SQLite 3.40 scans the table for that.
        return try decodeEach("""
            SELECT \(Self.certificateColumnsOfC) FROM (VALUES \(pairs)) k JOIN certificates c ON c.type = k.column1 AND c.number = k.column2
            ORDER BY c.id
            """, StatementArguments(args), Self.certificate)
    }
}
