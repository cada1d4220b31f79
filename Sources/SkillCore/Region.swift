/// One row of the GB/T 2260 table: a code and the name it carried over a span of years.
/// A code can appear more than once when a county became a district under the same code.
public struct Region: Sendable, Hashable {
    public let code: String
    public let name: String
    public let fullName: String
    /// First year in force; nil = before the table begins (in force since the standard's start).
    public let fromYear: Int?
    /// Last year in force, inclusive; nil = still in force. See `RegionTable` for why inclusive.
    public let toYear: Int?

    public init(code: String, name: String, fullName: String, fromYear: Int?, toYear: Int?) {
        self.code = code
        self.name = name
        self.fullName = fullName
        self.fromYear = fromYear
        self.toYear = toYear
    }

    /// `fromYear ≤ year ≤ toYear`, open ends unbounded.
    public func isInForce(year: Int) -> Bool {
        (fromYear.map { $0 <= year } ?? true) && (toYear.map { year <= $0 } ?? true)
    }

    /// Whether the span of this row meets the span `first...last`.
    public func overlaps(_ first: Int, _ last: Int) -> Bool {
        (fromYear.map { $0 <= last } ?? true) && (toYear.map { first <= $0 } ?? true)
    }
}
