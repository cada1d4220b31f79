/// Attendance arithmetic in whole minutes, so that online hours at a ratio (50% of 0.1 h is
/// 3 minutes) stay exact and no rounding happens until display.
public struct AttendanceRule: Sendable, Equatable, Codable {
    /// Share of online time that counts, in percent (001 四(二)4; 003 二(二)7). Demo default 50.
    public var onlinePercent: Int
    /// Share of planned hours that completes a class, in percent. Demo default 80.
    public var completionPercent: Int

    public init(onlinePercent: Int = 50, completionPercent: Int = 80) {
        self.onlinePercent = onlinePercent
        self.completionPercent = completionPercent
    }

    /// The rule the program applies until a policy profile sets one: online time counts at 50%,
    /// a trainee completes at 80% of planned hours (POLICY.md "Attendance", demo default). The one
    /// place these numbers live; the store's roster query is given `onlinePercent` from here.
    public static let demo = AttendanceRule(onlinePercent: 50, completionPercent: 80)

    /// The most a person can attend in one day.
    public static let maxMinutesPerDay = 24 * 60

    /// Classroom minutes plus online minutes at the ratio (rounded down to the minute).
    /// Saturating (issue 10): minutes come from the database, where a row may have been raised
    /// behind the program's back; a count that large is absurd, never a trap.
    public func countedMinutes(classroom: Int, online: Int) -> Int {
        let (scaled, o) = online.multipliedReportingOverflow(by: onlinePercent)
        return Self.saturatingSum([classroom, o ? (online < 0 ? Int.min : Int.max) : scaled / 100])
    }

    /// A sum of stored minutes that stops at Int's ends instead of trapping.
    public static func saturatingSum<S: Sequence>(_ values: S) -> Int where S.Element == Int {
        var total = 0
        for v in values {
            let (t, o) = total.addingReportingOverflow(v)
            if o { return v < 0 ? Int.min : Int.max }
            total = t
        }
        return total
    }

    /// Counted minutes a trainee needs to complete a class of `plannedHours`.
    public func minutesToComplete(plannedHours: Int) -> Int {
        // Rounded up: 80% of 1 h 15 min is 60 minutes exactly; of 1 h 1 min it is 48.8 → 49.
        let (a, o1) = plannedHours.multipliedReportingOverflow(by: 60 * completionPercent)
        let (b, o2) = a.addingReportingOverflow(99)
        return o1 || o2 ? Int.max / 100 : b / 100
    }

    public func isComplete(countedMinutes: Int, plannedHours: Int) -> Bool {
        countedMinutes >= minutesToComplete(plannedHours: plannedHours)
    }
}

/// Hours as a clerk types and reads them: "8", "7.5", "0.25". Parsed to whole minutes.
public enum Hours {
    /// Minutes for a typed number of hours; nil if it is not a number or not a whole minute.
    public static func minutes(_ text: String) -> Int? {
        let t = text.trimmedWhitespace()
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              t.filter({ $0 == "." }).count <= 1, t != "." else { return nil }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int(parts[0].isEmpty ? "0" : parts[0]), whole <= 10_000 else { return nil }
        var minutes = whole * 60
        if parts.count == 2, !parts[1].isEmpty {
            let frac = String(parts[1].prefix(6))
            guard let n = Int(frac) else { return nil }
            var scale = 1
            for _ in frac { scale *= 10 }
            guard (n * 60) % scale == 0 else { return nil }  // 0.01 h is 36 s: not a whole minute
            minutes += n * 60 / scale
        }
        return minutes
    }

    /// "7.5", "8", "0.05" — the shortest exact decimal of hours for whole minutes when one
    /// exists within two places, else hours and minutes ("1:07").
    public static func text(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        if m == 0 { return "\(h)" }
        if (m * 100) % 60 == 0 {
            let hundredths = m * 100 / 60
            return hundredths % 10 == 0 ? "\(h).\(hundredths / 10)" : "\(h).\(hundredths < 10 ? "0" : "")\(hundredths)"
        }
        return "\(h):\(m < 10 ? "0" : "")\(m)"
    }
}

/// One day's attendance as a clerk types it in a grid cell: "8" (classroom), "4+2" (classroom
/// plus online), "" (nothing).
public enum DayHours {
    /// (classroom, online) minutes; nil if either part is not hours.
    public static func parse(_ text: String) -> (classroom: Int, online: Int)? {
        let t = text.trimmedWhitespace()
        if t.isEmpty { return (0, 0) }
        let parts = t.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, let classroom = Hours.minutes(parts[0].isEmpty ? "0" : parts[0]) else { return nil }
        if parts.count == 1 { return (classroom, 0) }
        guard let online = Hours.minutes(parts[1]) else { return nil }
        return (classroom, online)
    }

    /// The cell text for a day: "" for nothing, "8", or "4+2" with online time.
    public static func text(classroom: Int, online: Int) -> String {
        if classroom == 0 && online == 0 { return "" }
        return online > 0 ? Hours.text(classroom) + "+" + Hours.text(online) : Hours.text(classroom)
    }
}
