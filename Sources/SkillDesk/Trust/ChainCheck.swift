import Foundation
import Logging
import SkillCore
import SkillStore
import SkillRecords

/// What `audit verify` checked and found: the chain's own walk, how it begins, and the anchors
/// kept outside the database (DECISIONS.md "Trust (issue 10): the audit chain").
public struct ChainReport: Sendable {
    /// How the chain begins.
    public enum Start: Equatable, Sendable {
        /// With the database's creation (`database.create` by system, carrying the database id).
        case creation(dbID: String, at: String)
        /// The shape databases made before issue 10 begin with: `policy.use` by system at `meta.created_at`.
        case legacy(at: String)
        /// Anything else (an empty chain too): rows were removed and the chain begun again.
        case restarted(en: String, zh: String)
    }

    /// One place anchors are read from.
    public struct Source: Sendable {
        public var name: String      // "anchor file" or "log"
        public var path: String
        /// Anchors of this database read from it; nil when it could not be read.
        public var anchors: Int?
        /// "missing" or "unreadable" when it could not be read.
        public var failure: String?
    }

    public enum AnchorProblem: Equatable, Sendable {
        /// The entry at an anchored seq has another hash: rows up to it were rewritten.
        case mismatch(seq: Int64, anchored: String, found: String, source: String)
        /// An anchored seq beyond the head: rows were cut off the end.
        case beyondHead(seq: Int64, head: Int64, source: String)
    }

    public var chain: AuditVerification
    public var entries: Int
    public var head: AuditPosition
    public var start: Start
    public var dbID: String?
    public var sources: [Source]
    public var anchorsChecked: Int
    public var firstAnchor: Anchor?
    public var lastAnchor: Anchor?
    public var problems: [AnchorProblem]
    /// A source that cannot be read fails the check once anchoring has begun for this database
    /// (always for a database made with a creation entry; for an older one once any anchor exists).
    public var missingFails: Bool
    /// The anchor this verify wrote (nil when the check failed).
    public var anchoredNow: Anchor?

    public var restarted: Bool { if case .restarted = start { return true } else { return false } }
    public var missingSources: [Source] { sources.filter { $0.failure != nil } }

    public var ok: Bool {
        chain == .intact(entries: entries) && !restarted && problems.isEmpty && (missingSources.isEmpty || !missingFails)
    }

    /// Lines saying what was checked (stdout of `audit verify`, the TUI's message).
    public func summary(_ lang: Lang) -> [String] {
        let zh = lang == .zh
        var lines: [String] = []
        if case .intact = chain {
            lines.append(zh ? "审计链逐条校验完整：共 \(entries) 条，末条 \(head.seq) 哈希 \(head.hash)"
                            : "\(entries) entries, chain intact, head \(head.seq) \(head.hash)")
        }
        switch start {
        case let .creation(id, at):
            lines.append(zh ? "链首为数据库创建记录（数据库编号 \(id)，\(at)）" : "begins with the database's creation (database id \(id), \(at))")
        case let .legacy(at):
            lines.append(zh ? "链首为旧版本数据库的初始记录（\(at) 的 policy.use）" : "begins the way databases made before anchoring do (policy.use by system at \(at))")
        case .restarted: break
        }
        let range = firstAnchor.map { f in
            let l = lastAnchor ?? f
            return zh ? "（最早：第 \(f.seq) 条，\(f.at)；最新：第 \(l.seq) 条，\(l.at)）"
                      : " (first: seq \(f.seq) at \(f.at); last: seq \(l.seq) at \(l.at))"
        } ?? ""
        lines.append(zh ? "已核对外部锚点 \(anchorsChecked) 个\(range)" : "anchors checked: \(anchorsChecked)\(range)")
        for s in sources {
            if let n = s.anchors {
                lines.append(zh ? "  \(s.name == "log" ? "日志" : "锚点文件") \(s.path)：\(n) 个锚点" : "  \(s.name) \(s.path): \(n) anchors")
            } else {
                lines.append(zh ? "  \(s.name == "log" ? "日志" : "锚点文件") \(s.path)：缺失（\(s.failure ?? "")）" : "  \(s.name) \(s.path): missing (\(s.failure ?? ""))")
            }
        }
        if let a = anchoredNow {
            lines.append(zh ? "本次已锚定：第 \(a.seq) 条" : "anchored now: seq \(a.seq)")
        }
        return lines
    }

    /// One line per thing found wrong (stderr of `audit verify`).
    public func problemLines(_ lang: Lang) -> [String] {
        let zh = lang == .zh
        var lines: [String] = []
        if case let .broken(seq, reason) = chain {
            let why: String
            switch reason {
            case .hashMismatch: why = zh ? "内容与其哈希不符（被改动）" : "its content no longer matches its hash (edited)"
            case .chainMismatch: why = zh ? "与上一条的哈希不衔接" : "it does not chain to the entry before it"
            case .gap: why = zh ? "之前有记录缺失" : "entries before it are missing"
            }
            lines.append((zh ? "审计链断裂：第 \(seq) 条 " : "audit chain broken at entry \(seq): ") + why)
        }
        if case let .restarted(en, zhText) = start {
            lines.append(zh ? "审计链被重新开始：\(zhText)" : "audit chain restarted: \(en)")
        }
        for p in problems {
            switch p {
            case let .mismatch(seq, anchored, found, source):
                lines.append(zh ? "与外部锚点不符：\(source) 记录第 \(seq) 条哈希为 \(anchored)，数据库中为 \(found)（此前的记录被改写、删除或替换）"
                                : "anchor mismatch: \(source) anchored seq \(seq) with hash \(anchored); the database has \(found) (the chain up to it is not the one anchored: entries were rewritten, removed or replaced)")
            case let .beyondHead(seq, head, source):
                lines.append(zh ? "外部锚点超出链尾：\(source) 锚定了第 \(seq) 条，数据库只到第 \(head) 条（末尾记录被删除）"
                                : "anchor beyond the head: \(source) anchored seq \(seq), the chain ends at \(head) (entries were cut off)")
            }
        }
        for s in missingSources {
            let note = missingFails ? "" : (zh ? "（此数据库早于锚点功能，现开始锚定）" : " (this database predates anchoring; anchoring starts now)")
            lines.append(zh ? "无法读取外部锚点来源：\(s.path)（\(s.failure ?? "missing")）\(note)"
                            : "anchor source missing: \(s.name) \(s.path) (\(s.failure ?? "missing"))\(note)")
        }
        return lines
    }
}

/// The checks behind `ChainReport`, pure over what was read.
enum ChainCheck {
    static let creationAction = "database.create"

    static func creationAfter(dbID: String, createdAt: String) -> String {
        #"{"created_at":"\#(createdAt)","db_id":"\#(dbID)"}"#
    }

    /// How the chain begins, judged by its first entry and the database's identity in `meta`.
    static func start(first: AuditEntry?, dbID: String?, createdAt: String?, legacyHead: String?) -> ChainReport.Start {
        guard let first else {
            return .restarted(en: "the chain is empty; a database's chain begins with its creation",
                              zh: "审计链为空；数据库的审计链应以创建记录开头")
        }
        let where_ = "entry \(first.seq) is \(first.action) by \(first.user) at \(first.at)"
        let whereZh = "第 \(first.seq) 条是 \(first.user) 于 \(first.at) 的 \(first.action)"
        if first.seq != 1 {
            return .restarted(en: "the chain begins at \(where_)", zh: "审计链起始于\(whereZh)")
        }
        if first.action == creationAction && first.user == "system" && first.entity == "database" && first.before == nil {
            guard let dbID, first.key == dbID, let createdAt, first.at == createdAt,
                  first.after == creationAfter(dbID: dbID, createdAt: createdAt) else {
                return .restarted(en: "the creation entry does not match the database's id and creation time (\(dbID ?? "no id"), \(createdAt ?? "no time"))",
                                  zh: "创建记录与数据库编号或创建时间不符（\(dbID ?? "无编号")，\(createdAt ?? "无时间")）")
            }
            return .creation(dbID: dbID, at: first.at)
        }
        // Databases made before issue 10: the first row bootstrap wrote was the policy choice, by
        // system, at exactly meta.created_at. Accepted only in that shape, and only for a database
        // that had a trail when it was upgraded (meta.legacy_head, written by the v9 migration).
        if first.action == "policy.use" && first.user == "system" && first.entity == "settings"
            && first.key == "policy" && first.before == nil, let createdAt, first.at == createdAt, legacyHead != nil {
            return .legacy(at: first.at)
        }
        return .restarted(en: "it begins with \(where_), not with the database's creation",
                          zh: "审计链以\(whereZh)开头，而不是数据库创建记录")
    }
}

extension Desk {
    /// Walks the chain, checks how it begins and checks it against every anchor it can read;
    /// when all is well (`ok`, or only sources missing before anchoring began) the head is anchored.
    /// Every verify is logged.
    func checkChain(by user: String, progress: ((Int) -> Void)? = nil) throws -> ChainReport {
        var read: [(name: String, path: String, result: Result<String, AppendOnlyFile.ReadFailure>)] = []
        if let trust {
            read.append(("anchor file", trust.anchorPath, AppendOnlyFile.read(trust.anchorPath)))
            read.append(("log", trust.logPath, AppendOnlyFile.read(trust.logPath)))
        }
        var report: ChainReport = try self.read { r in
            let chain = try r.verifyAudit(progress: progress)
            let entries = try r.auditCount()
            let head = try r.auditHeadPosition()
            let dbID = try r.meta(Self.databaseIDKey)
            let start = ChainCheck.start(first: try r.auditFirst(), dbID: dbID, createdAt: try r.meta("created_at"),
                                            legacyHead: try r.meta("legacy_head"))
            var sources: [ChainReport.Source] = []
            var anchors: [(Anchor, String)] = []
            for s in read {
                switch s.result {
                case let .success(text):
                    let mine = text.split(separator: "\n").compactMap(Anchor.parse).filter { $0.dbID == dbID }
                    anchors += mine.map { ($0, s.path) }
                    sources.append(.init(name: s.name, path: s.path, anchors: mine.count, failure: nil))
                case let .failure(f):
                    sources.append(.init(name: s.name, path: s.path, anchors: nil, failure: f.reason))
                }
            }
            let hashes = try r.auditHashes(at: Set(anchors.map(\.0.seq).filter { $0 <= head.seq }))
            var problems: [ChainReport.AnchorProblem] = []
            for (a, source) in anchors {
                if a.seq > head.seq {
                    problems.append(.beyondHead(seq: a.seq, head: head.seq, source: source))
                } else if hashes[a.seq] != a.hash {
                    problems.append(.mismatch(seq: a.seq, anchored: a.hash, found: hashes[a.seq] ?? "(none)", source: source))
                }
            }
            var seen = Set<String>()
            problems = problems.filter { seen.insert("\($0)").inserted }
            let bySeq = anchors.map(\.0).sorted { $0.seq < $1.seq }
            var missingFails = !anchors.isEmpty
            if case .creation = start { missingFails = true }
            return ChainReport(chain: chain, entries: entries, head: head, start: start, dbID: dbID, sources: sources,
                               anchorsChecked: anchors.count, firstAnchor: bySeq.first, lastAnchor: bySeq.last,
                               problems: problems, missingFails: missingFails, anchoredNow: nil)
        }
        let allWell = report.chain == .intact(entries: report.entries) && !report.restarted && report.problems.isEmpty
        if allWell {
            // A missing source is written again from here on (the failure above is reported and logged).
            report.anchoredNow = try anchor(why: "verify")
        }
        // The verification's report is the answer; the log line is a record of it (logged if lost).
        do { try log?.event("audit.verify", at: clock(), [
            "by": user, "ok": report.ok ? "yes" : "no", "entries": "\(report.entries)",
            "anchors": "\(report.anchorsChecked)",
            "problems": report.problemLines(.en).joined(separator: " | ")]) }
        catch { logger.error("audit event log not written", metadata: ["event": "audit.verify", "cause": "\(OperatorLog.cause(of: error))"]) }
        if !report.ok {
            logger.error("audit verify found problems", metadata: ["by": "\(user)", "problems": "\(report.problemLines(.en).joined(separator: " | "))"])
        }
        return report
    }
}
