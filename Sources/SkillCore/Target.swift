/// What a target (目标任务) counts (issue 13; POLICY.md "Reports"; 003 一, 001 二).
/// Only what the database can count: person-times trained and the high-skill share of
/// certificates. The seeds' other shares ("skilled workers ≥ 28% of the employed") need the
/// number of employed people in the city, which no table holds: `TargetKind.parse` refuses them
/// with that reason instead of inventing a figure.
public enum TargetKind: String, Sendable, Codable, CaseIterable {
    /// 培训人次: completed enrolments of classes that ended in the span (DECISIONS.md "what counts as trained").
    case personTimes = "person_times"
    /// 高技能人才占比: certificates of 高级工 (L3) and above over all certificates stating a level.
    case highSkillShare = "high_skill_share"

    /// A share is stored in basis points (1/100 of a percent: 3200 = 32.00%); a count as itself.
    public var isShare: Bool { self == .highSkillShare }

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.personTimes, .zh): "培训人次"
        case (.personTimes, .en): "person-times trained"
        case (.highSkillShare, .zh): "高技能人才占比（证书）"
        case (.highSkillShare, .en): "high-skill share of certificates"
        }
    }

    public static var codes: String { "person-times, high-skill-share" }

    /// Kinds the seeds name that the data cannot count, and why (shown instead of a figure).
    public static let notComputable: [String: (en: String, zh: String)] = [
        "skilled-share": ("skilled workers as a share of the employed needs the number of employed people, which SkillDesk does not hold",
                          "技能劳动者占就业人员比例需要就业人员总数，SkillDesk 没有这项数据"),
    ]

    /// `person-times`, `person_times`, `人次`, `high-skill-share`, `高技能`; nil otherwise.
    public static func parse(_ s: String) -> TargetKind? {
        let t = HalfWidth.ascii(s).trimmedWhitespace().lowercased().replacingOccurrences(of: "-", with: "_")
        if let k = TargetKind(rawValue: t) { return k }
        switch t {
        case "人次", "培训人次": return .personTimes
        case "high_skill", "高技能", "高技能人才占比": return .highSkillShare
        default: return nil
        }
    }
}

/// Why a target as typed cannot be recorded. Each says what would be right.
public enum TargetProblem: Error, Equatable, Sendable, UserMessage {
    case unknownKind(String)
    case notComputable(String)
    case badYear(String)
    case spanBackwards(from: Int, to: Int)
    case spanTooLong(from: Int, to: Int)
    case badValue(String, kind: TargetKind)

    public static let maxYears = 10
    public static let maxCount: Int64 = 100_000_000

    public func message(_ lang: Lang) -> String {
        let zh = lang == .zh
        switch self {
        case let .unknownKind(k):
            return zh ? "“\(UnsafeText.forDisplay(k))”不是目标种类；可用：person-times（培训人次）、high-skill-share（高技能人才占比）"
                : "'\(UnsafeText.forDisplay(k))' is not a kind of target; use person-times or high-skill-share"
        case let .notComputable(k):
            let why = TargetKind.notComputable[k] ?? ("", "")
            return zh ? "“\(k)”无法由本系统的数据计算：\(why.zh)；可设的目标：person-times、high-skill-share"
                : "'\(k)' cannot be computed from SkillDesk's data: \(why.en); targets it can follow: person-times, high-skill-share"
        case let .badYear(y):
            return zh ? "“\(UnsafeText.forDisplay(y))”不是年份；应为 2000–2099 之间的四位年份，如 2019"
                : "'\(UnsafeText.forDisplay(y))' is not a year; give a four-digit year 2000–2099, e.g. 2019"
        case let .spanBackwards(f, t):
            return zh ? "起始年 \(f) 晚于结束年 \(t)；请先写起始年（如 2019—2021）" : "the span starts in \(f) after it ends in \(t); give the first year, then the last (e.g. 2019–2021)"
        case let .spanTooLong(f, t):
            return zh ? "\(f)—\(t) 超过 \(Self.maxYears) 年；目标期限最多 \(Self.maxYears) 年" : "\(f)–\(t) is longer than \(Self.maxYears) years; a target spans at most \(Self.maxYears) years"
        case let .badValue(v, kind):
            if kind.isShare {
                return zh ? "“\(UnsafeText.forDisplay(v))”不是比例；应为 0–100 的百分数，最多两位小数，如 32 或 32.5%"
                    : "'\(UnsafeText.forDisplay(v))' is not a share; give a percent 0–100 with at most two decimals, e.g. 32 or 32.5%"
            }
            return zh ? "“\(UnsafeText.forDisplay(v))”不是人次；应为 1–\(Self.maxCount) 的整数，如 600000"
                : "'\(UnsafeText.forDisplay(v))' is not a number of person-times; give a whole number 1–\(Self.maxCount), e.g. 600000"
        }
    }
}

/// A target as an administrator types it, checked: the kind, the span of whole years, the value
/// (a count, or a share in basis points), and the clause it comes from.
public struct TargetDraft: Sendable, Equatable {
    public var kind: TargetKind
    public var fromYear: Int
    public var toYear: Int
    /// Person-times, or basis points (3200 = 32%).
    public var value: Int64
    public var clause: String

    public init(kind: TargetKind, fromYear: Int, toYear: Int, value: Int64, clause: String) {
        self.kind = kind; self.fromYear = fromYear; self.toYear = toYear; self.value = value; self.clause = clause
    }

    public var first: CalendarDate { CalendarDate(year: fromYear, month: 1, day: 1)! }
    public var last: CalendarDate { CalendarDate(year: toYear, month: 12, day: 31)! }

    /// Reads the typed fields (full-width digits too). `to` empty means the one year `from`.
    public static func parse(kind: String, from: String, to: String, value: String, clause: String) -> Result<TargetDraft, TargetProblem> {
        let kt = HalfWidth.ascii(kind).trimmedWhitespace().lowercased().replacingOccurrences(of: "_", with: "-")
        if TargetKind.notComputable[kt] != nil { return .failure(.notComputable(kt)) }
        guard let k = TargetKind.parse(kind) else { return .failure(.unknownKind(kind)) }
        func year(_ s: String) -> Int? {
            let t = HalfWidth.ascii(s).trimmedWhitespace().replacingOccurrences(of: "年", with: "")
            guard t.count == 4, t.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(t), (2000...2099).contains(y) else { return nil }
            return y
        }
        guard let f = year(from) else { return .failure(.badYear(from)) }
        let toText = to.trimmedWhitespace()
        guard let t = toText.isEmpty ? f : year(toText) else { return .failure(.badYear(to)) }
        guard f <= t else { return .failure(.spanBackwards(from: f, to: t)) }
        guard t - f < TargetProblem.maxYears else { return .failure(.spanTooLong(from: f, to: t)) }
        guard let v = k.isShare ? parseShare(value) : parseCount(value) else { return .failure(.badValue(value, kind: k)) }
        return .success(TargetDraft(kind: k, fromYear: f, toYear: t, value: v, clause: UnsafeText.sanitise(clause).trimmedWhitespace()))
    }

    /// `600000`, `600,000`, `60万`.
    static func parseCount(_ s: String) -> Int64? {
        var t = HalfWidth.ascii(s).trimmedWhitespace().replacingOccurrences(of: ",", with: "")
        var factor: Int64 = 1
        if t.hasSuffix("万") { t.removeLast(); factor = 10_000 }
        guard !t.isEmpty, t.count <= 9, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int64(t) else { return nil }
        let v = n * factor
        return (1...TargetProblem.maxCount).contains(v) ? v : nil
    }

    /// `32`, `32%`, `32.5`, `32.25%` → basis points, exactly (no floating point).
    static func parseShare(_ s: String) -> Int64? {
        var t = HalfWidth.ascii(s).trimmedWhitespace()
        if t.hasSuffix("%") { t.removeLast() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 3,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let whole = Int64(parts[0]) else { return nil }
        var frac: Int64 = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.count), let n = Int64(f) else { return nil }
            frac = f.count == 1 ? n * 10 : n
        }
        let bp = whole * 100 + frac
        return (0...10_000).contains(bp) ? bp : nil
    }
}

/// Basis points as a percent with two decimals, exactly: 3250 → "32.50%".
public func formatBasisPoints(_ bp: Int64) -> String {
    let sign = bp < 0 ? "-" : ""
    let a = bp.magnitude
    let frac = a % 100
    return "\(sign)\(a / 100).\(frac < 10 ? "0" : "")\(frac)%"
}

/// A count with thousands separators: 600000 → "600,000".
public func formatCount(_ v: Int64) -> String {
    let s = String(v.magnitude)
    var out = ""
    for (i, ch) in s.enumerated() {
        if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
        out.append(ch)
    }
    return (v < 0 ? "-" : "") + out
}
