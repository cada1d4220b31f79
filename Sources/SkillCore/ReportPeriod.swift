/// The span a report counts (issue 13): a month, a quarter, a year, or any from–to of whole days.
/// One rule for reading it, shared by every report, the disclosure, the anomaly sweep and filing:
/// `2026-07`, `2026-Q3`, `2026`, `2026-07-01..2026-09-30` (full-width digits from an input method
/// are read as ASCII; `2026q3`, `2026 Q3` and `2026年第3季度` as well). Both ends are inclusive.
public enum ReportPeriod: Hashable, Sendable, CustomStringConvertible {
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)
    case year(Int)
    case span(from: CalendarDate, to: CalendarDate)

    /// The first day counted.
    public var first: CalendarDate {
        switch self {
        case let .month(y, m): return CalendarDate(year: y, month: m, day: 1)!
        case let .quarter(y, q): return CalendarDate(year: y, month: (q - 1) * 3 + 1, day: 1)!
        case let .year(y): return CalendarDate(year: y, month: 1, day: 1)!
        case let .span(from, _): return from
        }
    }

    /// The last day counted.
    public var last: CalendarDate {
        switch self {
        case let .month(y, m): return CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y))!
        case let .quarter(y, q): return CalendarDate(year: y, month: q * 3, day: CalendarDate.daysIn(month: q * 3, year: y))!
        case let .year(y): return CalendarDate(year: y, month: 12, day: 31)!
        case let .span(_, to): return to
        }
    }

    /// The canonical text, which `parse` reads back: `2026-07`, `2026-Q3`, `2026`, `2026-07-01..2026-09-30`.
    /// Filed reports and file names use it.
    public var code: String {
        switch self {
        case let .month(y, m): return "\(Self.pad(y, 4))-\(Self.pad(m, 2))"
        case let .quarter(y, q): return "\(Self.pad(y, 4))-Q\(q)"
        case let .year(y): return Self.pad(y, 4)
        case let .span(from, to): return "\(from)..\(to)"
        }
    }

    public var description: String { code }

    /// How a title says it: `2026年第3季度` / `2026 Q3`, `2026年7月` / `July 2026`.
    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.month(y, m), .zh): return "\(y)年\(m)月"
        case let (.month(y, m), .en): return "\(Self.monthNames[m - 1]) \(y)"
        case let (.quarter(y, q), .zh): return "\(y)年第\(q)季度"
        case let (.quarter(y, q), .en): return "\(y) Q\(q)"
        case let (.year(y), .zh): return "\(y)年"
        case let (.year(y), .en): return "\(y)"
        case let (.span(f, t), .zh): return "\(f) 至 \(t)"
        case let (.span(f, t), .en): return "\(f) to \(t)"
        }
    }

    /// The period of the same length just before (Q3 → Q2, 2026-01 → 2025-12, a span of n days →
    /// the n days before it): what "▲ 12% on Q2" compares with. Nil before the supported range.
    public var previous: ReportPeriod? {
        switch self {
        case let .month(y, m): return m == 1 ? Self.month(y - 1, 12) : .month(year: y, month: m - 1)
        case let .quarter(y, q): return q == 1 ? Self.quarter(y - 1, 4) : .quarter(year: y, quarter: q - 1)
        case let .year(y): return y - 1 >= CalendarDate.supported.lowerBound.year ? .year(y - 1) : nil
        case let .span(f, t):
            let n = f.days(to: t) + 1
            let from = f.adding(days: -n), to = f.adding(days: -1)
            return from.isSupported ? .span(from: from, to: to) : nil
        }
    }

    /// Whether `date` is counted (both ends inclusive).
    public func contains(_ date: CalendarDate) -> Bool { first <= date && date <= last }

    /// The calendar months the period touches, in order (a trend's bars): `(year, month)`.
    public var months: [(year: Int, month: Int)] {
        var out: [(Int, Int)] = []
        var y = first.year, m = first.month
        while y < last.year || (y == last.year && m <= last.month) {
            out.append((y, m))
            m += 1
            if m == 13 { m = 1; y += 1 }
        }
        return out
    }

    /// The quarter containing `date` (a report's default: the current quarter).
    public static func quarter(containing date: CalendarDate) -> ReportPeriod {
        .quarter(year: date.year, quarter: (date.month - 1) / 3 + 1)
    }

    /// Reads a period as a user types it. Errors name what was typed and the accepted shapes.
    public static func parse(_ text: String) -> Result<ReportPeriod, ReportPeriodError> {
        var t = HalfWidth.ascii(text).trimmedWhitespace()
        let typed = t
        if t.isEmpty { return .failure(.empty) }
        for sep in ["至", "~", " to ", "—", "–"] { t = t.replacingOccurrences(of: sep, with: "..") }
        t = t.replacingOccurrences(of: " ", with: "")
        if let r = t.range(of: "..") {
            let a = String(t[..<r.lowerBound]), b = String(t[r.upperBound...])
            guard let f = CalendarDate(iso: a), let l = CalendarDate(iso: b) else { return .failure(.notAPeriod(typed)) }
            guard f.isSupported, l.isSupported else { return .failure(.unsupported(typed)) }
            guard f <= l else { return .failure(.endsBeforeStart(typed)) }
            return .success(.span(from: f, to: l))
        }
        // 2026年第3季度, 2026年7月, 2026年
        if t.hasSuffix("年") { t.removeLast() }
        if t.contains("年") {
            t = t.replacingOccurrences(of: "年第", with: "-Q").replacingOccurrences(of: "季度", with: "")
                .replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "")
        }
        let upper = t.uppercased()
        let parts = upper.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func year(_ s: String) -> Int? { s.count == 4 && s.allSatisfy { ("0"..."9").contains($0) } ? Int(s) : nil }
        func inRange(_ y: Int) -> Bool { CalendarDate.supported.lowerBound.year <= y && y <= CalendarDate.supported.upperBound.year }
        if parts.count == 1, let y = year(parts[0]) {
            return inRange(y) ? .success(.year(y)) : .failure(.unsupported(typed))
        }
        // 2026Q3 without the dash
        if parts.count == 1, upper.count == 6, let y = year(String(upper.prefix(4))), upper.dropFirst(4).first == "Q",
           let q = Int(String(upper.suffix(1))), (1...4).contains(q) {
            return inRange(y) ? .success(.quarter(year: y, quarter: q)) : .failure(.unsupported(typed))
        }
        if parts.count == 2, let y = year(parts[0]) {
            let p = parts[1]
            if p.hasPrefix("Q"), p.count == 2, let q = Int(p.dropFirst()), (1...4).contains(q) {
                return inRange(y) ? .success(.quarter(year: y, quarter: q)) : .failure(.unsupported(typed))
            }
            if (1...2).contains(p.count), p.allSatisfy { ("0"..."9").contains($0) }, let m = Int(p), (1...12).contains(m) {
                return inRange(y) ? .success(.month(year: y, month: m)) : .failure(.unsupported(typed))
            }
        }
        if parts.count == 3, let d = CalendarDate(iso: upper) {
            return d.isSupported ? .success(.span(from: d, to: d)) : .failure(.unsupported(typed))
        }
        return .failure(.notAPeriod(typed))
    }

    private static func month(_ y: Int, _ m: Int) -> ReportPeriod? {
        y >= CalendarDate.supported.lowerBound.year ? .month(year: y, month: m) : nil
    }

    private static func quarter(_ y: Int, _ q: Int) -> ReportPeriod? {
        y >= CalendarDate.supported.lowerBound.year ? .quarter(year: y, quarter: q) : nil
    }

    private static func pad(_ n: Int, _ w: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, w - s.count)) + s
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
}

/// Why a typed period was refused.
public enum ReportPeriodError: Error, Equatable, Sendable, UserMessage {
    case empty
    case notAPeriod(String)
    case unsupported(String)
    case endsBeforeStart(String)

    public func message(_ lang: Lang) -> String {
        let shapes = lang == .zh ? "例如 2026-07（月）、2026-Q3（季度）、2026（年）或 2026-07-01..2026-09-30"
                                 : "e.g. 2026-07 (month), 2026-Q3 (quarter), 2026 (year) or 2026-07-01..2026-09-30"
        switch (self, lang) {
        case (.empty, .zh): return "请填写统计期间：" + shapes
        case (.empty, .en): return "Give the period: " + shapes
        case let (.notAPeriod(t), .zh): return "“\(UnsafeText.forDisplay(t))”不是统计期间；" + shapes
        case let (.notAPeriod(t), .en): return "'\(UnsafeText.forDisplay(t))' is not a period; " + shapes
        case let (.unsupported(t), .zh):
            return "“\(UnsafeText.forDisplay(t))”超出可计算的日期范围（\(CalendarDate.supported.lowerBound) 至 \(CalendarDate.supported.upperBound)）"
        case let (.unsupported(t), .en):
            return "'\(UnsafeText.forDisplay(t))' is outside the dates the program counts (\(CalendarDate.supported.lowerBound) to \(CalendarDate.supported.upperBound))"
        case let (.endsBeforeStart(t), .zh): return "“\(UnsafeText.forDisplay(t))”的结束日早于开始日；请先写开始日，再写结束日"
        case let (.endsBeforeStart(t), .en): return "'\(UnsafeText.forDisplay(t))' ends before it starts; give the first day, then the last"
        }
    }
}
