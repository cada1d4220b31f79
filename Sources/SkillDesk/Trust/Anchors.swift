import Foundation
import Logging
import SkillCore
import SkillStore
import SkillRecords

/// Where the chain's head is anchored outside the database, and the program's log.
/// Defaults sit beside the database (`<db>.anchors`, `<db>.log`); `SKILLDESK_ANCHOR_FILE`
/// (`--anchor-file`) and `SKILLDESK_LOG_FILE` move them — a bureau points the anchor file at a place
/// the database's Unix account can append to but not rewrite (DECISIONS.md "Trust (issue 10)").
public struct TrustFiles: Sendable, Equatable {
    public var anchorPath: String
    public var logPath: String

    public static let anchorVariable = "SKILLDESK_ANCHOR_FILE"
    public static let logVariable = "SKILLDESK_LOG_FILE"

    public init(anchorPath: String, logPath: String) {
        self.anchorPath = anchorPath
        self.logPath = logPath
    }

    /// The configured places, else the defaults beside the database.
    public static func forDatabase(_ path: String, environment: [String: String] = [:]) -> TrustFiles {
        func configured(_ key: String) -> String? {
            guard let v = environment[key]?.trimmedWhitespace(), !v.isEmpty else { return nil }
            return v
        }
        return TrustFiles(anchorPath: configured(anchorVariable) ?? path + ".anchors",
                          logPath: configured(logVariable) ?? path + ".log")
    }

    /// Files no output the program writes may replace (the shared output writer's protected paths).
    public var paths: [String] { [anchorPath, logPath] }
}

/// The head of the chain at a moment, as written outside the database: one line
/// `<UTC time> anchor db=<id> seq=<n> hash=<64 hex> why=<reason>` in the anchor file and the log.
public struct Anchor: Equatable, Sendable {
    public var at: String
    public var dbID: String
    public var seq: Int64
    public var hash: String
    public var why: String

    public var line: String {
        "\(at) anchor db=\(dbID) seq=\(seq) hash=\(hash) why=\(DeskLog.escape(why).replacingOccurrences(of: " ", with: "_"))"
    }

    /// An anchor line, or nil for any other line (log events, garbage).
    public static func parse(_ line: Substring) -> Anchor? {
        let tokens = line.split(separator: " ", omittingEmptySubsequences: true)
        guard tokens.count >= 5, tokens[1] == "anchor" else { return nil }
        var fields: [Substring: Substring] = [:]
        for t in tokens.dropFirst(2) {
            guard let eq = t.firstIndex(of: "=") else { continue }
            fields[t[..<eq]] = t[t.index(after: eq)...]
        }
        guard let db = fields["db"], !db.isEmpty, let seqText = fields["seq"], let seq = Int64(seqText), seq > 0,
              let hash = fields["hash"], hash.count == 64, hash.allSatisfy(\.isHexDigit) else { return nil }
        return Anchor(at: String(tokens[0]), dbID: String(db), seq: seq, hash: String(hash),
                      why: String(fields["why"] ?? ""))
    }
}

/// Appends whole lines to a file: O_APPEND (a line never overwrites another, several processes may
/// write at once), fsync before returning, created 0600. Nothing here truncates or rewrites.
enum AppendOnlyFile {
    static func append(_ line: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if fd < 0 { throw DeskError.trustFile(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DeskError.trustFile(path: path, reason: String(cString: strerror(errno)))
            }
            done += n
        }
        if fsync(fd) != 0 { throw DeskError.trustFile(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Creates the file (0600) if it does not exist, or checks it can be appended to.
    static func create(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if fd < 0 { throw DeskError.trustFile(path: path, reason: String(cString: strerror(errno))) }
        close(fd)
    }

    /// The file's text, or the reason it cannot be read ("missing" when it does not exist).
    static func read(_ path: String) -> Result<String, ReadFailure> {
        guard FileManager.default.fileExists(atPath: path) else { return .failure(ReadFailure(reason: "missing")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ReadFailure(reason: "unreadable"))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }

    struct ReadFailure: Error { var reason: String }
}

/// The program's log: one line per event (`<UTC time> <event> key=value ...`), appended, 0600, at
/// `TrustFiles.logPath`. Anchors are events too, so the log is a second anchor source.
public struct DeskLog: Sendable {
    public let path: String

    public func event(_ name: String, at: Date, _ fields: KeyValuePairs<String, String> = [:]) throws {
        var line = Timestamp.utc(at) + " " + name
        for (k, v) in fields { line += " \(k)=\(Self.escape(v))" }
        try AppendOnlyFile.append(line, to: path)
    }

    /// Keeps one event on one line: line breaks and other controls, bidi and zero-width characters
    /// and '%' are %-escaped (a value can neither start a line nor hide text); spaces stay readable.
    /// (The event name, the second token, is always the program's own: a value cannot pose as an anchor.)
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if (u.value < 0x20) || u.value == 0x7F || u == "%" || (0x80...0x9F).contains(u.value)
                || u.properties.generalCategory == .format || (u.properties.isWhitespace && u != " ") {
                for b in String(u).utf8 { out += String(format: "%%%02X", b) }
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

extension Desk {
    /// Entries between anchors written after a commit (DECISIONS.md "Trust (issue 10)").
    public static let anchorInterval: Int64 = 100

    public var log: DeskLog? { trust.map { DeskLog(path: $0.logPath) } }

    /// Appends the chain's current head to the anchor file and the log. Backups and filed reports
    /// call this (`why` says which); `audit verify` and every `anchorInterval` entries do too.
    /// Nil for an in-memory database (nowhere outside to anchor).
    @discardableResult
    public func anchor(why: String) throws -> Anchor? {
        guard let trust else { return nil }
        let (head, id) = try read { r in (try r.auditHeadPosition(), try r.meta(Self.databaseIDKey)) }
        guard let id, head.seq > 0 else { return nil }
        let a = Anchor(at: Timestamp.utc(clock()), dbID: id, seq: head.seq, hash: head.hash, why: why)
        try AppendOnlyFile.append(a.line, to: trust.anchorPath)
        try AppendOnlyFile.append(a.line, to: trust.logPath)
        return a
    }

    /// After a commit: anchors the head when the entries just appended cross a multiple of
    /// `anchorInterval`. The action is committed already, so a file that cannot be written is
    /// logged (if the log can be) rather than turned into a failure of the clerk's action.
    func anchorIfDue(_ appended: ClosedRange<Int64>?) {
        guard let appended, trust != nil,
              (appended.lowerBound - 1) / Self.anchorInterval != appended.upperBound / Self.anchorInterval else { return }
        do { try anchor(why: "every-\(Self.anchorInterval)") } catch {
            logger.error("anchor not written", metadata: ["why": "every-\(Self.anchorInterval)", "cause": "\(OperatorLog.cause(of: error))"])
            do { try log?.event("anchor.failed", at: clock(), ["reason": (error as? UserMessage)?.message(.en) ?? "\(error)"]) }
            catch { logger.error("audit event log not written", metadata: ["event": "anchor.failed", "cause": "\(OperatorLog.cause(of: error))"]) }
        }
    }

    static let databaseIDKey = "db_id"
}
