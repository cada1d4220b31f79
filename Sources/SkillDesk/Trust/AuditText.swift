import Foundation
import SkillCore
import SkillRecords

/// An entry's before- and after-images compared field by field. Nested objects are flattened to
/// dotted paths (`seal.amount_fen`), arrays shown as one value; changed fields first (by path),
/// then the unchanged ones. Every value is neutralised for display (an insider can write anything
/// into the trail). An image that is not a JSON object is shown whole as one field `(text)`.
public struct AuditDiff: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// No before-image: the record was created (or the entry is an event, e.g. a login).
        case created
        /// No after-image: the record was deleted.
        case deleted
        case changed
        /// Neither image.
        case none
    }

    public struct Field: Sendable, Equatable {
        public var path: String
        /// As before and after (nil: absent from that image).
        public var before: String?
        public var after: String?
        public var changed: Bool
    }

    public var kind: Kind
    public var fields: [Field]
    public var changed: [Field] { fields.filter(\.changed) }

    public init(before: String?, after: String?) {
        switch (before, after) {
        case (nil, nil): kind = .none
        case (nil, _): kind = .created
        case (_, nil): kind = .deleted
        default: kind = .changed
        }
        let b = before.map(Self.flatten) ?? [:]
        let a = after.map(Self.flatten) ?? [:]
        var out: [Field] = []
        for path in Set(b.keys).union(a.keys) {
            let x = b[path], y = a[path]
            // Created and deleted records: every field is what changed.
            out.append(Field(path: UnsafeText.forDisplay(path), before: x.map(UnsafeText.forDisplay), after: y.map(UnsafeText.forDisplay),
                             changed: x != y))
        }
        fields = out.sorted { ($0.changed ? 0 : 1, $0.path) < ($1.changed ? 0 : 1, $1.path) }
    }

    /// Path → rendered value; a text that is not a JSON object is one field, `(text)`.
    static func flatten(_ json: String) -> [String: String] {
        guard let o = JSONValue.object(json) else { return ["(text)": json] }
        var out: [String: String] = [:]
        func walk(_ prefix: String, _ v: JSONValue) {
            if case let .object(m) = v, !m.isEmpty {
                for (k, x) in m { walk(prefix.isEmpty ? k : prefix + "." + k, x) }
            } else {
                out[prefix] = render(v)
            }
        }
        for (k, v) in o { walk(k, v) }
        return out
    }

    /// A value in full (strings unquoted at the top, quoted inside arrays and objects).
    static func render(_ v: JSONValue, nested: Bool = false) -> String {
        switch v {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .double(d): return String(d)
        case let .string(s): return nested ? "\"" + s + "\"" : s
        case let .array(a): return "[" + a.map { render($0, nested: true) }.joined(separator: ", ") + "]"
        case let .object(m): return "{" + m.keys.sorted().map { "\($0): " + render(m[$0]!, nested: true) }.joined(separator: ", ") + "}"
        }
    }
}

/// The texts made from audit entries: the one-line summary in the list (and the CSV), the words
/// that say why a chain is broken.
public enum AuditText {
    /// Longest summary, in characters.
    static let summaryLength = 80

    /// One line a person reads in the list: `submitted → approved, ¥1,500.00`, `reason: …`,
    /// `created: 张伟`, `changed: phone, name`, `deleted`. Neutralised and cut to 80 characters.
    public static func summary(_ e: AuditEntry, _ lang: Lang) -> String {
        let zh = lang == .zh
        let before = e.before.flatMap(JSONValue.object), after = e.after.flatMap(JSONValue.object)
        var parts: [String] = []
        if e.after != nil && after == nil {   // an image that is not a JSON object: shown as it is
            return cut(UnsafeText.forDisplay(e.after ?? ""))
        }
        func text(_ v: JSONValue?) -> String? {
            switch v {
            case let .string(s)?: return s
            case let .int(i)?: return String(i)
            default: return nil
            }
        }
        func status(_ v: JSONValue?) -> String? {
            guard let s = text(v) else { return nil }
            return ClaimStatus(rawValue: s)?.label(lang) ?? s
        }
        let amount = after?["amount_fen"] ?? before?["amount_fen"]
        switch (before, after) {
        case let (b?, a?):
            if let s0 = status(b["status"]), let s1 = status(a["status"]), s0 != s1 {
                parts.append("\(s0) → \(s1)")
                if case let .int(fen)? = amount { parts.append(Money.format(fen: fen)) }
            } else {
                let changed = Set(b.keys).union(a.keys).filter { b[$0] != a[$0] }.sorted()
                if !changed.isEmpty {
                    let shown = changed.prefix(4).joined(separator: zh ? "、" : ", ") + (changed.count > 4 ? "…" : "")
                    parts.append((zh ? "修改：" : "changed: ") + shown)
                }
            }
            if let r = text(a["reason"]), !r.isEmpty, a["reason"] != b["reason"] {
                parts.append((zh ? "理由：" : "reason: ") + r)
            }
        case let (nil, a?):
            let name = text(a["name"]) ?? text(a["status"]).map { ClaimStatus(rawValue: $0)?.label(lang) ?? $0 }
            parts.append((zh ? "新建" : "created") + (name.map { (zh ? "：" : ": ") + $0 } ?? ""))
            if case let .int(fen)? = amount { parts.append(Money.format(fen: fen)) }
            if let r = text(a["reason"]), !r.isEmpty { parts.append((zh ? "理由：" : "reason: ") + r) }
        case (_?, nil):
            parts.append(zh ? "删除" : "deleted")
        case (nil, nil):
            break
        }
        return cut(UnsafeText.forDisplay(parts.joined(separator: zh ? "，" : ", ")))
    }

    static func cut(_ s: String) -> String { s.count > summaryLength ? String(s.prefix(summaryLength - 1)) + "…" : s }

    /// Why the chain breaks at `seq`, in words an auditor who is not an engineer understands, and
    /// what to do.
    public static func breakExplanation(seq: Int64, reason: AuditBreak, _ lang: Lang) -> String {
        let zh = lang == .zh
        switch reason {
        case .hashMismatch:
            return zh ? "审计链在第 \(seq) 条断开：这条记录的内容在写入后被改动过（与当时计算的校验值不符）。请保全数据库副本并报告系统管理员。"
                : "The audit trail is broken at entry \(seq): this entry was changed after it was written (it no longer matches the check value computed then). Keep a copy of the database and report it to the administrator."
        case .chainMismatch:
            return zh ? "审计链在第 \(seq) 条断开：这条记录与上一条接不上，前面的记录被替换、插入或改写过。请保全数据库副本并报告系统管理员。"
                : "The audit trail is broken at entry \(seq): it does not follow on from the entry before it, so earlier entries were replaced, inserted or rewritten. Keep a copy of the database and report it to the administrator."
        case .gap:
            return zh ? "审计链在第 \(seq) 条断开：在它之前有记录被删除（序号不连续）。请保全数据库副本并报告系统管理员。"
                : "The audit trail is broken at entry \(seq): entries before it were deleted (the numbers skip). Keep a copy of the database and report it to the administrator."
        }
    }
}
