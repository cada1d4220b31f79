import Foundation
import SkillCore
import SkillDesk

// Every `--json` answer of the command line is one of these `Encodable` types (or a snapshot type
// of SkillDesk), written by `Output.printJSON`: sorted keys, snake_case names fixed by `CodingKeys`,
// amounts as integer fen. A key that existed before these types keeps its name, and keeps being
// `null` (`@Null`) or left out (a plain optional) exactly as it was.

/// An optional written as `null` when empty, where a plain optional would leave its key out.
@propertyWrapper
struct Null<Value: Encodable>: Encodable {
    var wrappedValue: Value?
    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }
    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let v = wrappedValue { try c.encode(v) } else { try c.encodeNil() }
    }
}

/// A stored code (status, kind, source…) as its text, whether the row carries it as a string or
/// already as its enum.
func storedCode(_ s: String) -> String { s }
func storedCode<E: RawRepresentable>(_ e: E) -> String where E.RawValue == String { e.rawValue }
func storedCode(_ s: String?) -> String? { s }
func storedCode<E: RawRepresentable>(_ e: E?) -> String? where E.RawValue == String { e?.rawValue }

/// `{"error": {"code", "message"}}`, on stderr.
struct ErrorJSON: Encodable {
    struct Body: Encodable { var code: String; var message: String }
    var error: Body
    init(code: String, message: String) { error = Body(code: code, message: message) }
}

struct CodeMessageJSON: Encodable { var code: String; var message: String }

// MARK: imports

struct ImportJSON: Encodable {
    struct Line: Encodable { var line: Int; var reason: String }
    var imported: Int
    var rejected: Int
    var rejects: [Line]
    var warnings: [Line]
    var rejectsFileError: CodeMessageJSON?
    enum CodingKeys: String, CodingKey {
        case imported, rejected, rejects, warnings, rejectsFileError = "rejects_file_error"
    }
}

// MARK: workers, classes, certificates

struct BankAccountJSON: Encodable {
    var id: String
    var bankAccount: String
    enum CodingKeys: String, CodingKey { case id, bankAccount = "bank_account" }
}

struct EnrolJSON: Encodable {
    var enrolled: [String]
    var alreadyEnrolled: [String]
    enum CodingKeys: String, CodingKey { case enrolled, alreadyEnrolled = "already_enrolled" }
}

struct AttendanceJSON: Encodable {
    var classID: Int64
    var workerID: String
    var date: String
    var classroomHours: Double
    var onlineHours: Double
    var cleared: Bool
    var warnings: [String]
    enum CodingKeys: String, CodingKey {
        case classID = "class_id", workerID = "worker_id", date, classroomHours = "classroom_hours",
             onlineHours = "online_hours", cleared, warnings
    }
}

struct CertificateDetailJSON: Encodable {
    var id: Int64
    var type: String
    var number: String
    var occupationCode: String
    @Null var level: String?
    @Null var issuer: String?
    var issueDate: String
    var workerID: String
    @Null var holderName: String?
    @Null var classID: Int64?
    var warnings: [String]
    enum CodingKeys: String, CodingKey {
        case id, type, number, occupationCode = "occupation_code", level, issuer, issueDate = "issue_date",
             workerID = "worker_id", holderName = "holder_name", classID = "class_id", warnings
    }
}

// MARK: users, administration

struct InitJSON: Encodable { var database: String; var admin: String; var policy: String; var training: Bool }

struct UserAddJSON: Encodable { var name: String; var roles: [String] }

struct UserJSON: Encodable {
    var name: String
    var roles: [String]
    var disabled: Bool
    @Null var lockedUntil: String?
    var createdAt: String
    enum CodingKeys: String, CodingKey { case name, roles, disabled, lockedUntil = "locked_until", createdAt = "created_at" }
}

struct RepairJSON: Encodable {
    struct Item: Encodable { var type: String; var name: String; var problem: String }
    var repaired: [Item]
}

struct AuditEntryJSON: Encodable {
    var seq: Int64
    var at: String
    var user: String
    var action: String
    var entity: String
    var key: String
    @Null var before: String?
    @Null var after: String?
    var hash: String
    init(_ e: AuditEntry) {
        seq = e.seq; at = e.at; user = e.user; action = e.action; entity = e.entity; key = e.key
        before = e.before; after = e.after; hash = e.hash
    }
}

/// A claim's history line (`claim show`): the audit entry without entity, key and hash.
struct ClaimHistoryJSON: Encodable {
    var seq: Int64
    var at: String
    var user: String
    var action: String
    @Null var before: String?
    @Null var after: String?
    init(_ e: AuditEntry) { seq = e.seq; at = e.at; user = e.user; action = e.action; before = e.before; after = e.after }
}

struct AuditCheckJSON: Encodable {
    struct Field: Encodable {
        var field: String
        @Null var audited: String?
        @Null var stored: String?
    }
    struct Finding: Encodable {
        var table: String
        var key: String
        var message: String
        var problem: String
        var fields: [Field]?
    }
    var ok: Bool
    var checked: [String: Int]
    var findings: [Finding]
    var bulkImportedWorkers: Int
    enum CodingKeys: String, CodingKey { case ok, checked, findings, bulkImportedWorkers = "bulk_imported_workers" }
}

struct ChainJSON: Encodable {
    struct AnchorJSON: Encodable {
        var seq: Int64; var hash: String; var at: String; var why: String
        init(_ a: Anchor) { seq = a.seq; hash = a.hash; at = a.at; why = a.why }
    }
    struct SourceJSON: Encodable {
        var name: String; var path: String; var status: String
        @Null var anchors: Int?
    }
    /// One problem; each kind fills the keys it has and leaves the others out.
    struct Problem: Encodable {
        var kind: String
        var seq: Int64? = nil
        var reason: String? = nil
        var detail: String? = nil
        var anchored: String? = nil
        var found: String? = nil
        var source: String? = nil
        var headSeq: Int64? = nil
        var path: String? = nil
        var fails: Bool? = nil
        enum CodingKeys: String, CodingKey {
            case kind, seq, reason, detail, anchored, found, source, headSeq = "head_seq", path, fails
        }
    }
    var ok: Bool
    var entries: Int
    var head: String
    var headSeq: Int64
    var restarted: Bool
    @Null var dbID: String?
    var anchorsChecked: Int
    @Null var firstAnchor: AnchorJSON?
    @Null var lastAnchor: AnchorJSON?
    @Null var anchoredNow: AnchorJSON?
    var sources: [SourceJSON]
    var start: String
    var brokenSeq: Int64?
    var reason: String?
    var problems: [Problem]
    enum CodingKeys: String, CodingKey {
        case ok, entries, head, headSeq = "head_seq", restarted, dbID = "db_id", anchorsChecked = "anchors_checked",
             firstAnchor = "first_anchor", lastAnchor = "last_anchor", anchoredNow = "anchored_now", sources, start,
             brokenSeq = "broken_seq", reason, problems
    }
}
