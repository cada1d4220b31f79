/// What the audit trail's browser asks for: entries by user, action (exact, or a prefix written
/// `claim.*`), entity, key and a span of UTC days. The one rule for reading those filters, asked by
/// the CLI (`audit list`) and the screen's filter form (docs/DECISIONS.md "Oversight (issue 13):
/// the audit trail, readable").
public struct AuditQuery: Sendable, Equatable, Codable {
    public var user: String?
    /// The action, exact; or the prefix of the actions wanted when `actionIsPrefix` (`claim.`).
    public var action: String?
    public var actionIsPrefix: Bool
    public var entity: String?
    public var key: String?
    /// First and last UTC day of the span, both included.
    public var from: CalendarDate?
    public var to: CalendarDate?

    public init(user: String? = nil, action: String? = nil, actionIsPrefix: Bool = false, entity: String? = nil,
                key: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil) {
        self.user = user; self.action = action; self.actionIsPrefix = actionIsPrefix; self.entity = entity
        self.key = key; self.from = from; self.to = to
    }

    /// No filter at all: the whole trail.
    public var isEmpty: Bool { self == AuditQuery() }

    /// The span as stored timestamps: entries with `at >= since` and `at < until` (UTC, the trail's
    /// own format `2026-09-30T09:14:02.000Z`, which sorts as text).
    public var since: String? { from.map { "\($0)T00:00:00.000Z" } }
    public var until: String? { to.map { "\($0.adding(days: 1))T00:00:00.000Z" } }

    /// The action filter as typed (`claim.*` for a prefix), empty when none.
    public var actionText: String { action.map { actionIsPrefix ? $0 + "*" : $0 } ?? "" }

    /// Entities the program writes (for messages; an entity outside it is still accepted).
    public static let knownEntities = ["attendance", "calendar", "certificate", "claim", "class", "database", "export",
                                       "fund", "import", "institution", "occupation", "payee", "payment_batch",
                                       "settings", "user", "worker"]

    /// Reads the filters as typed (full-width forms folded, surrounding spaces trimmed, empty or
    /// `*` meaning "any"). A claim's number as the key of entity `claim` is read as the claim's id
    /// (the trail keys claims by id). Every refusal says what is right.
    public static func parse(user: String? = nil, action: String? = nil, entity: String? = nil, key: String? = nil,
                             from: String? = nil, to: String? = nil) -> Result<AuditQuery, AuditQueryError> {
        func clean(_ s: String?) -> String? {
            guard let s else { return nil }
            let t = HalfWidth.ascii(s).trimmedWhitespace()
            return t.isEmpty || t == "*" ? nil : t
        }
        var q = AuditQuery()
        if let u = clean(user) {
            guard u.count <= 64, UnsafeText.isDisplayClean(u), !u.contains(" ") else { return .failure(.user(u)) }
            q.user = u
        }
        if let a = clean(action)?.lowercased() {
            var body = a
            if body.hasSuffix("*") { body.removeLast(); q.actionIsPrefix = true }
            guard !body.isEmpty, body.count <= 64, body.unicodeScalars.allSatisfy(Self.isActionScalar) else {
                return .failure(.action(a))
            }
            q.action = body
        }
        if let e = clean(entity)?.lowercased() {
            guard e.count <= 32, e.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "_" }) else {
                return .failure(.entity(e))
            }
            q.entity = e
        }
        if let k = clean(key) {
            guard k.count <= 128, UnsafeText.isDisplayClean(k) else { return .failure(.key(k)) }
            if q.entity == "claim", let n = ClaimNumber.parse(k) { q.key = String(n.serial) } else { q.key = k }
        }
        for (text, isFrom) in [(clean(from), true), (clean(to), false)] {
            guard let text else { continue }
            let label = isFrom ? FieldLabel(en: "from", zh: "起始日期") : FieldLabel(en: "to", zh: "截止日期")
            switch DateInput.parse(text, field: label) {
            case let .success(d): if isFrom { q.from = d } else { q.to = d }
            case let .failure(e): return .failure(.date(e))
            }
        }
        if let f = q.from, let t = q.to, t < f { return .failure(.span(from: f, to: t)) }
        return .success(q)
    }

    static func isActionScalar(_ u: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(u) || ("0"..."9").contains(u) || u == "_" || u == "."
    }
}

/// Why an audit filter was refused; the messages say what would be right.
public enum AuditQueryError: Error, Equatable, Sendable, UserMessage {
    case user(String)
    case action(String)
    case entity(String)
    case key(String)
    case date(DateInputError)
    case span(from: CalendarDate, to: CalendarDate)

    public func message(_ lang: Lang) -> String {
        let zh = lang == .zh
        switch self {
        case let .user(u):
            let s = UnsafeText.forDisplay(u)
            return zh ? "用户“\(s)”不是有效的用户名（不含空格和控制字符，至多 64 个字符），如 sup1"
                : "user '\(s)' is not a user name (no spaces or control characters, at most 64 characters), e.g. sup1"
        case let .action(a):
            let s = UnsafeText.forDisplay(a)
            return zh ? "操作“\(s)”无效：应为操作名（小写字母、数字、点、下划线），如 claim.approve；以 * 结尾表示前缀，如 claim.*"
                : "action '\(s)' is not valid: give an action name (lower-case letters, digits, '.', '_'), e.g. claim.approve, or a prefix ending in *, e.g. claim.*"
        case let .entity(e):
            let s = UnsafeText.forDisplay(e)
            let known = AuditQuery.knownEntities.joined(separator: ", ")
            return zh ? "对象类型“\(s)”无效，应为以下之一：\(known)" : "entity '\(s)' is not valid; give one of: \(known)"
        case let .key(k):
            let s = UnsafeText.forDisplay(k)
            return zh ? "键“\(s)”无效：不得含控制字符，至多 128 个字符（申请可填编号 SD-2026-000123）"
                : "key '\(s)' is not valid: no control characters, at most 128 characters (a claim may be given by its number, SD-2026-000123)"
        case let .date(e):
            return e.message(lang) + (zh ? "（审计记录按 UTC 日期筛选）" : " (the audit trail is filtered by UTC days)")
        case let .span(f, t):
            return zh ? "截止日期 \(t) 早于起始日期 \(f)；请让起始日期不晚于截止日期"
                : "the span ends (\(t)) before it begins (\(f)); give a from date on or before the to date"
        }
    }
}
