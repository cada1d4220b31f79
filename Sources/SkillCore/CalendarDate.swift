import Foundation

/// A day on the Gregorian calendar, with no time of day and no time zone: birth dates, class dates,
/// attendance days. Deliberately not `Date`, which is an instant and shifts with the time zone.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Validates the Gregorian calendar; years 1...9999 so every date has a 4-digit ISO form.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`, exactly (no time part, no 1-digit months).
    public init?(iso: String) {
        // On the UTF-8 bytes: a re-evaluation job parses hundreds of thousands of dates.
        var y = 0, m = 0, d = 0, i = 0
        for b in iso.utf8 {
            switch i {
            case 4, 7: guard b == 0x2D else { return nil }                // "-"
            case 0...9:
                guard b >= 0x30 && b <= 0x39 else { return nil }
                let v = Int(b - 0x30)
                if i < 4 { y = y * 10 + v } else if i < 7 { m = m * 10 + v } else { d = d * 10 + v }
            default: return nil                                          // longer than YYYY-MM-DD
            }
            i += 1
        }
        guard i == 10 else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYYMMDD`, as in the birth-date part of a resident ID.
    public init?(compact: String) {
        guard compact.utf8.count == 8 else { return nil }
        let s = Substring(compact)
        guard let y = CalendarDate.number(s.prefix(4)),
              let m = CalendarDate.number(s.dropFirst(4).prefix(2)),
              let d = CalendarDate.number(s.suffix(2)) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ASCII digits only: `Int("+1")` and Unicode digits must not sneak into a date.
    private static func number(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(s)
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `YYYYMMDD`.
    public var compact: String { description.replacingOccurrences(of: "-", with: "") }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    // MARK: Day arithmetic, through a day count since 1970-01-01 (proleptic Gregorian).

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil), exact for any year.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of `daysSinceEpoch`; nil outside years 1...9999.
    public init?(daysSinceEpoch n: Int) {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.init(year: y, month: m, day: d)
    }

    /// Never traps: a result before 0001-01-01 or after 9999-12-31 stops at that end. Dates the
    /// program accepts lie in `supported` (1900–2199) and what is added to them (notice periods,
    /// working days, claim windows, class spans) is bounded far below 7,800 years, so no accepted
    /// date reaches an end; only a row tampered outside the range could, and it then gets a date
    /// that is refused wherever dates are checked, rather than a crash.
    public func adding(days: Int) -> CalendarDate {
        let (n, o) = daysSinceEpoch.addingReportingOverflow(days)
        if !o, let d = CalendarDate(daysSinceEpoch: n) { return d }
        return days < 0 ? CalendarDate.first : CalendarDate.last
    }

    /// The ends of what this type can count (its 4-digit ISO years).
    public static let first = CalendarDate(year: 1, month: 1, day: 1)!
    public static let last = CalendarDate(year: 9999, month: 12, day: 31)!

    /// The dates the bureau's data may hold: 1900-01-01 … 2199-12-31. Birth dates of living
    /// workers start after 1900, and 2199 leaves every plan and period room while keeping any
    /// sum of bounded day counts far from the calendar's ends (DECISIONS.md "Trust (issue 10): values").
    public static let supported = CalendarDate(year: 1900, month: 1, day: 1)!...CalendarDate(year: 2199, month: 12, day: 31)!

    /// True inside `supported`.
    public var isSupported: Bool { CalendarDate.supported.contains(self) }

    /// The refusal for a date outside `supported`, naming the field and the range.
    public static func unsupportedMessage(_ date: CalendarDate, en: String, zh: String) -> (en: String, zh: String) {
        let r = supported
        return ("the \(en) \(date) is outside \(r.lowerBound)…\(r.upperBound), the dates the program can count; check the year",
                "\(zh) \(date) 不在 \(r.lowerBound) 至 \(r.upperBound) 之间（程序可计算的日期范围）；请检查年份")
    }

    /// Signed: positive when `other` is later.
    public func days(to other: CalendarDate) -> Int {
        // Within 1...9999 both day counts are a few million: no overflow.
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int {
        let r = (daysSinceEpoch + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// Full years lived on `date`. A 29 February birthday comes of age on 1 March in common years.
    public func age(on date: CalendarDate) -> Int {
        var a = date.year - year
        if (date.month, date.day) < (month, day) { a -= 1 }
        return a
    }

    // MARK: Today, from an instant the caller supplies (the core owns no clock).

    /// The bureau's zone. Falls back to a fixed UTC+8 where tzdata is missing (China has no DST).
    public static let bureauTimeZone: TimeZone =
        TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    public static func today(in timeZone: TimeZone = CalendarDate.bureauTimeZone, now: Date) -> CalendarDate {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: now)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CalendarDate(daysSinceEpoch: days) ?? (days < 0 ? first : last)
    }

    // MARK: Codable as the ISO string, the form used in JSON and the database.

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = CalendarDate(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a YYYY-MM-DD date: \(s)")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
