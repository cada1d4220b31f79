/// Where a target stands on a business date (issue 13, item 2): achieved against the target, the
/// share of the span gone by days, and ahead or behind. Integer arithmetic throughout: shares in
/// basis points, rounded down; the expected count rounded down.
public struct TargetProgress: Sendable, Equatable, Codable {
    public enum Standing: String, Sendable, Codable {
        /// The target is reached (a count at or past it; a share at or above it).
        case met
        /// Achieved share of the target at or above the share of the span gone.
        case ahead
        case behind
        /// The span has not begun on the date.
        case notStarted = "not_started"

        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.met, .zh): "已完成"
            case (.met, .en): "met"
            case (.ahead, .zh): "超前"
            case (.ahead, .en): "ahead"
            case (.behind, .zh): "落后"
            case (.behind, .en): "behind"
            case (.notStarted, .zh): "未开始"
            case (.notStarted, .en): "not started"
            }
        }
    }

    public var kind: TargetKind
    public var target: Int64
    /// Person-times, or the achieved share in basis points.
    public var achieved: Int64
    /// For a share: the certificates over which it is taken (numerator, denominator).
    public var shareOf: ShareCounts?
    public var daysInSpan: Int
    public var daysGone: Int
    /// daysGone / daysInSpan, basis points.
    public var timeShareBP: Int64
    /// achieved / target, basis points (for a share target: achieved share / target share).
    public var achievedShareBP: Int64
    /// A count target: what an even pace would have reached by the date (target × days gone ÷ days).
    public var expected: Int64?
    /// achieved − expected (count) or achieved − target (share, basis points): > 0 ahead, < 0 behind.
    public var difference: Int64
    public var standing: Standing

    public struct ShareCounts: Sendable, Equatable, Codable {
        public var part: Int64
        public var whole: Int64
        public init(part: Int64, whole: Int64) { self.part = part; self.whole = whole }
        /// part / whole in basis points, rounded down; 0 when nothing is counted.
        public var basisPoints: Int64 { whole == 0 ? 0 : part * 10_000 / whole }
    }

    /// A count target (person-times) over `first...last` on `asOf`.
    public static func count(target: Int64, achieved: Int64, first: CalendarDate, last: CalendarDate, asOf: CalendarDate) -> TargetProgress {
        let (days, gone) = Self.days(first: first, last: last, asOf: asOf)
        let timeBP = Int64(gone) * 10_000 / Int64(days)
        let expected = target * Int64(gone) / Int64(days)
        let achievedBP = target == 0 ? 10_000 : achieved * 10_000 / target
        let standing: Standing
        if achieved >= target { standing = .met }
        else if gone == 0 { standing = .notStarted }
        else { standing = achieved >= expected ? .ahead : .behind }
        return TargetProgress(kind: .personTimes, target: target, achieved: achieved, shareOf: nil, daysInSpan: days,
                              daysGone: gone, timeShareBP: timeBP, achievedShareBP: achievedBP, expected: expected,
                              difference: achieved - expected, standing: standing)
    }

    /// A share target (basis points) over `first...last` on `asOf`: a share is judged against the
    /// target share itself, whatever part of the span is gone.
    public static func share(targetBP: Int64, counts: ShareCounts, first: CalendarDate, last: CalendarDate, asOf: CalendarDate) -> TargetProgress {
        let (days, gone) = Self.days(first: first, last: last, asOf: asOf)
        let achieved = counts.basisPoints
        let standing: Standing = gone == 0 ? .notStarted : (achieved >= targetBP ? .met : .behind)
        return TargetProgress(kind: .highSkillShare, target: targetBP, achieved: achieved, shareOf: counts, daysInSpan: days,
                              daysGone: gone, timeShareBP: Int64(gone) * 10_000 / Int64(days),
                              achievedShareBP: targetBP == 0 ? 10_000 : achieved * 10_000 / targetBP, expected: nil,
                              difference: achieved - targetBP, standing: standing)
    }

    /// Days in the span (both ends counted) and days gone on `asOf` (the date itself counted):
    /// before the span 0, after it all.
    public static func days(first: CalendarDate, last: CalendarDate, asOf: CalendarDate) -> (days: Int, gone: Int) {
        let days = first.days(to: last) + 1
        if asOf < first { return (days, 0) }
        if asOf > last { return (days, days) }
        return (days, first.days(to: asOf) + 1)
    }
}
