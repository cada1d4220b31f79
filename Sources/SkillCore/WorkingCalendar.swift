/// Whether a listed day is off or worked.
public enum CalendarDayKind: String, Sendable, Codable, CaseIterable {
    /// A day off: a public holiday or a day of the holiday span (放假调休), weekends in it included.
    case holiday
    /// A Saturday or Sunday worked in exchange (调休上班).
    case workday

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.holiday, .zh): "放假"
        case (.workday, .zh): "调休上班"
        case (.holiday, .en): "holiday"
        case (.workday, .en): "working day"
        }
    }
}

/// One line of the holiday calendar: `2026-10-01 holiday 国庆节`.
public struct CalendarEntry: Hashable, Sendable, Codable {
    public var date: CalendarDate
    public var kind: CalendarDayKind
    /// What the day is for (`国庆节`, `国庆节调休`); may be empty.
    public var name: String

    public init(date: CalendarDate, kind: CalendarDayKind, name: String = "") {
        self.date = date
        self.kind = kind
        self.name = name
    }
}

/// What is wrong with a line of a holiday calendar file.
public struct CalendarFileError: Error, Equatable, Sendable, UserMessage {
    public enum Problem: Equatable, Sendable {
        /// Not `YYYY-MM-DD holiday|workday [name]`.
        case badLine
        case badDate(String)
        case unknownKind(String)
        case duplicateDate(firstLine: Int)
        /// A `workday` entry on Monday–Friday: those are working days anyway, so the line is a mistake
        /// (most likely a wrong date).
        case workdayOnWeekday(CalendarDate)
        /// The name holds control, bidi or zero-width characters, or is over 30 characters.
        case badName
    }

    public var file: String
    public var line: Int
    public var problem: Problem

    public init(file: String, line: Int, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public func message(_ lang: Lang) -> String {
        let zh = lang == .zh
        let at = zh ? "\(file) 第\(line)行：" : "\(file), line \(line): "
        switch problem {
        case .badLine:
            return at + (zh ? "无法识别；应为“2026-10-01 holiday 国庆节”或“2026-09-20 workday 国庆节调休”"
                : "not understood; expected `2026-10-01 holiday 国庆节` or `2026-09-20 workday 国庆节调休`")
        case .badDate(let s):
            return at + (zh ? "“\(s)”不是有效日期；应为 YYYY-MM-DD，如 2026-10-01" : "\"\(s)\" is not a valid date; expected YYYY-MM-DD like 2026-10-01")
        case .unknownKind(let s):
            return at + (zh ? "“\(s)”不是日子类别；应为 holiday（放假）或 workday（调休上班）"
                : "\"\(s)\" is not a kind of day; expected holiday or workday")
        case .duplicateDate(let first):
            return at + (zh ? "该日期已在第\(first)行出现；每个日期只能写一次" : "this date is already on line \(first); list each date once")
        case .workdayOnWeekday(let d):
            return at + (zh ? "\(d) 是周一至周五，本来就是工作日；workday 只用于调休上班的周六、周日"
                : "\(d) is a Monday to Friday, a working day anyway; workday is only for a Saturday or Sunday worked in exchange")
        case .badName:
            return at + (zh ? "名称含控制字符或超过 30 个字；应如“国庆节”" : "the name has control characters or is over 30 characters; use e.g. 国庆节")
        }
    }
}

/// The text form of the holiday calendar (`Resources/calendar/holidays.txt`), hand-parsed so an
/// error names file and line.
public enum HolidayFile {
    public static let maxNameLength = 30

    /// Lines `YYYY-MM-DD holiday|workday [name]` separated by spaces or tabs; `;` and `#` start a
    /// comment line; blank lines are skipped. The first bad line is the error.
    public static func parse(_ text: String, file: String) throws(CalendarFileError) -> [CalendarEntry] {
        var entries: [CalendarEntry] = []
        var seen: [CalendarDate: Int] = [:]
        var lineNo = 0
        // "\r\n" is one Character in Swift: split on both, or a CRLF file would be one long line.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNo += 1
            var line = String(raw)
            if lineNo == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            line = line.trimmedWhitespace()
            if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("#") { continue }
            let fields = line.split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2 else { throw CalendarFileError(file: file, line: lineNo, problem: .badLine) }
            guard let date = CalendarDate(iso: String(fields[0])) else {
                throw CalendarFileError(file: file, line: lineNo, problem: .badDate(String(fields[0])))
            }
            guard let kind = CalendarDayKind(rawValue: String(fields[1]).lowercased()) else {
                throw CalendarFileError(file: file, line: lineNo, problem: .unknownKind(String(fields[1])))
            }
            let name = fields.count == 3 ? String(fields[2]).trimmedWhitespace() : ""
            guard !name.contains(where: UnsafeText.containsForbidden), name.count <= maxNameLength else {
                throw CalendarFileError(file: file, line: lineNo, problem: .badName)
            }
            if let first = seen[date] { throw CalendarFileError(file: file, line: lineNo, problem: .duplicateDate(firstLine: first)) }
            if kind == .workday && date.weekday <= 5 {
                throw CalendarFileError(file: file, line: lineNo, problem: .workdayOnWeekday(date))
            }
            seen[date] = lineNo
            entries.append(CalendarEntry(date: date, kind: kind, name: name))
        }
        return entries
    }

    /// The file text for `entries`, sorted by date (what an administrator's export writes; parses
    /// back to the same entries).
    public static func format(_ entries: [CalendarEntry]) -> String {
        entries.sorted { $0.date < $1.date }
            .map { "\($0.date) \($0.kind.rawValue)" + ($0.name.isEmpty ? "" : " \($0.name)") + "\n" }
            .joined()
    }
}

/// Working days on China's calendar: Monday to Friday, except the listed holidays, plus the listed
/// weekend working days (调休). Built from entries: the shipped file is only the default; the
/// administrator's edits come from the database.
public struct WorkingCalendar: Sendable {
    public let entries: [CalendarDate: CalendarEntry]
    /// The years with at least one entry. A year without any is computed as plain Monday–Friday,
    /// which is wrong around its holidays: `NoticePeriod.uncoveredYears` lets the caller warn.
    public let years: Set<Int>

    /// When two entries share a date the later one wins (the database has one row per date).
    public init(entries: [CalendarEntry]) {
        var map: [CalendarDate: CalendarEntry] = [:]
        for e in entries { map[e.date] = e }
        self.entries = map
        self.years = Set(map.keys.map(\.year))
    }

    public func isWorkingDay(_ d: CalendarDate) -> Bool {
        switch entries[d]?.kind {
        case .holiday: false
        case .workday: true
        case nil: d.weekday <= 5
        }
    }

    public func covers(year: Int) -> Bool { years.contains(year) }

    /// The date `n` working days after `date`, not counting `date` itself: 1 is the next working day
    /// after it (whether or not `date` is one), 0 is `date` unchanged; a negative `n` counts back.
    public func addingWorkingDays(_ n: Int, to date: CalendarDate) -> CalendarDate {
        var d = date, left = n.magnitude
        let step = n < 0 ? -1 : 1
        while left > 0 {
            // At the calendar's ends `adding` stops: stop counting too rather than loop forever.
            if d == (step < 0 ? CalendarDate.first : CalendarDate.last) { break }
            d = d.adding(days: step)
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }

    /// The working days from `from` to `to`, both included; 0 when `to` is before `from`.
    public func workingDays(from: CalendarDate, to: CalendarDate) -> Int {
        guard from <= to else { return 0 }
        var count = 0, d = from
        while d <= to {
            if isWorkingDay(d) { count += 1 }
            if d == CalendarDate.last { break }
            d = d.adding(days: 1)
        }
        return count
    }

    /// `date` if it is a working day, else the next one.
    public func workingDay(onOrAfter date: CalendarDate) -> CalendarDate {
        isWorkingDay(date) ? date : addingWorkingDays(1, to: date)
    }

    /// The shipped calendar file parsed (`Resources/calendar/holidays.txt`, compiled in). A shipped
    /// file that does not parse is a build defect the tests catch; then this is empty and the error
    /// is in `shippedProblem`.
    public static let shippedLoad: (entries: [CalendarEntry], problem: CalendarFileError?) = {
        let text = String(decoding: PackageResources.holidays_txt, as: UTF8.self)
        do throws(CalendarFileError) { return (try HolidayFile.parse(text, file: "Resources/calendar/holidays.txt"), nil) }
        catch { return ([], error) }
    }()

    public static var shippedEntries: [CalendarEntry] { shippedLoad.entries }
    public static var shippedProblem: CalendarFileError? { shippedLoad.problem }
    public static let shipped = WorkingCalendar(entries: shippedLoad.entries)
}

/// The public notice (公示) of an approved claim: `workingDays` working days on a calendar.
///
/// **The publication day counts** when it is a working day: published on Monday 2026-03-02 for 5
/// working days, the notice runs 03-02 to Friday 03-06 (`start` … `end`, both included, exactly
/// `workingDays` working days). Published on a day off, it starts on the next working day. An
/// objection is accepted on any day from the publication day to `end` (`isOpen`); the claim becomes
/// payable from the day after `end` (`hasEnded(on:)`).
public struct NoticePeriod: Equatable, Sendable {
    /// The day the notice was put up.
    public let publishedOn: CalendarDate
    /// Its first counted working day (`publishedOn`, or the next working day).
    public let start: CalendarDate
    /// Its last counted working day.
    public let end: CalendarDate
    public let workingDays: Int
    /// Years the period touches that the calendar has no entries for (ascending): the end date is
    /// then counted on plain weekdays and should be checked by a person.
    public let uncoveredYears: [Int]

    /// nil when `workingDays` is less than 1.
    public init?(publishedOn: CalendarDate, workingDays: Int, calendar: WorkingCalendar) {
        guard workingDays >= 1 else { return nil }
        self.publishedOn = publishedOn
        self.workingDays = workingDays
        start = calendar.workingDay(onOrAfter: publishedOn)
        end = calendar.addingWorkingDays(workingDays - 1, to: start)
        uncoveredYears = (publishedOn.year...end.year).filter { !calendar.covers(year: $0) }
    }

    /// The last working day of a notice published on `start` (see the type's rule); nil when
    /// `workingDays` is less than 1.
    public static func end(start: CalendarDate, workingDays: Int, calendar: WorkingCalendar) -> CalendarDate? {
        NoticePeriod(publishedOn: start, workingDays: workingDays, calendar: calendar)?.end
    }

    /// Whether an objection on `date` falls within the notice.
    public func isOpen(on date: CalendarDate) -> Bool { publishedOn <= date && date <= end }

    /// Whether the notice is over on `today`, so the claim may become payable.
    public func hasEnded(on today: CalendarDate) -> Bool { today > end }
}
