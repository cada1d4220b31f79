import SkillCore

/// A worker as stored. Plain values: rows read back are shown and exported, not re-validated
/// (a region code retired since registration must not make an old record unreadable).
public struct WorkerRow: Equatable, Sendable {
    public var rowid: Int64
    public var id: String
    public var name: String
    public var sex: String
    public var birthDate: String
    public var phone: String?
    public var hukouRegion: String?
    public var rural: Bool
    public var residence: String?
    public var employment: String
    public var employer: String?
    public var employerCode: String?
    public var pension: Bool
    public var groups: [String]
    public var disability: String
    public var relativeOf: String?
    /// Insured in unemployment insurance (v4; P2 for the insured-employee upgrading subsidy).
    public var unemploymentInsured: Bool
    public var version: Int
    public var createdAt: String
    public var updatedAt: String
}

public struct UserRow: Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var roles: [Role]
    public var passwordHash: String
    public var disabled: Bool
    public var failedAttempts: Int
    public var lockedUntil: String?
    public var createdAt: String
}

/// One row of the audit trail.
public struct AuditEntry: Equatable, Sendable {
    public var seq: Int64
    public var at: String
    public var user: String
    public var action: String
    public var entity: String
    public var key: String
    public var before: String?
    public var after: String?
    public var prevHash: String
    public var hash: String
}

/// A place in the chain: an entry's sequence number and hash (what an anchor records).
public struct AuditPosition: Equatable, Sendable {
    public var seq: Int64
    public var hash: String
    public init(seq: Int64, hash: String) { self.seq = seq; self.hash = hash }
}

/// What `audit verify` found.
public enum AuditVerification: Equatable, Sendable {
    case intact(entries: Int)
    case broken(seq: Int64, reason: AuditBreak)
}

public enum AuditBreak: String, Equatable, Sendable {
    case hashMismatch = "hash_mismatch"        // the row's content no longer matches its hash
    case chainMismatch = "chain_mismatch"      // prev_hash is not the hash of the row before
    case gap = "gap"                           // a row is missing (sequence numbers skip)
}

/// A page of a list read from the database.
public struct Page<Row: Sendable>: Sendable {
    public var rows: [Row]
    /// True when at least one more row exists after this page.
    public var hasMore: Bool
}
