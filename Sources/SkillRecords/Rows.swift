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
    /// Place of job-seeking or work (求职就业地), a region code (v13; E10).
    public var workRegion: String?
    public var version: Int
    public var createdAt: String
    public var updatedAt: String

    public init(rowid: Int64, id: String, name: String, sex: String, birthDate: String, phone: String? = nil,
                hukouRegion: String? = nil, rural: Bool, residence: String? = nil, employment: String,
                employer: String? = nil, employerCode: String? = nil, pension: Bool, groups: [String],
                disability: String, relativeOf: String? = nil, unemploymentInsured: Bool, version: Int,
                createdAt: String, updatedAt: String, workRegion: String? = nil) {
        self.workRegion = workRegion
        self.rowid = rowid; self.id = id; self.name = name; self.sex = sex; self.birthDate = birthDate
        self.phone = phone; self.hukouRegion = hukouRegion; self.rural = rural; self.residence = residence
        self.employment = employment; self.employer = employer; self.employerCode = employerCode
        self.pension = pension; self.groups = groups; self.disability = disability; self.relativeOf = relativeOf
        self.unemploymentInsured = unemploymentInsured; self.version = version; self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
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

    public init(id: Int64, name: String, roles: [Role], passwordHash: String, disabled: Bool, failedAttempts: Int,
                lockedUntil: String? = nil, createdAt: String) {
        self.id = id; self.name = name; self.roles = roles; self.passwordHash = passwordHash
        self.disabled = disabled; self.failedAttempts = failedAttempts; self.lockedUntil = lockedUntil
        self.createdAt = createdAt
    }
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

    public init(seq: Int64, at: String, user: String, action: String, entity: String, key: String,
                before: String? = nil, after: String? = nil, prevHash: String, hash: String) {
        self.seq = seq; self.at = at; self.user = user; self.action = action; self.entity = entity; self.key = key
        self.before = before; self.after = after; self.prevHash = prevHash; self.hash = hash
    }
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

    public init(rows: [Row], hasMore: Bool) {
        self.rows = rows; self.hasMore = hasMore
    }
}
