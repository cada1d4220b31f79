/// The administrative division codes (GB/T 2260) with the years each name was in force.
///
/// Year semantics: `to_year` is read as the **last** year a row was in force (inclusive). The data
/// supports it — 天津 120110 东郊区 ends 1991 and 东丽区 starts 1992 under the same code — and where
/// the list instead repeats the changeover year (北京 房山县 ends 1986, 房山区 starts 1986) an
/// inclusive reading only makes us more lenient, never refuses a real ID.
///
/// Resident IDs: the region is the household registration at the time the number was first
/// assigned, which is at birth or later (first issue in 1984–1990s for people born earlier). So an
/// ID's region must have been in force in some year from the birth year up to today
/// (`isInForce(_:anyYearIn:)`). That still refuses a code abolished before the holder was born or
/// created after today — the forgeries and typos this check exists for.
public struct RegionTable: Sendable {
    /// Rows by code, in table order (oldest first as listed).
    private let rows: [String: [Region]]

    /// The table compiled into the module from `data/regions.tsv`; parsed on first use.
    public static let shared = RegionTable(tsv: shippedRegionTSV)

    /// Tab separated, `#` comment lines, a header line starting `code`, empty year = open.
    /// Malformed lines are skipped: the table is data we ship, tested in SkillCoreTests.
    public init(tsv: String) {
        var rows: [String: [Region]] = [:]
        for line in tsv.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("#") || line.hasPrefix("code\t") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 3, f[0].count == 6, f[0].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { continue }
            let from = f.count > 3 ? Int(f[3]) : nil
            let to = f.count > 4 ? Int(f[4]) : nil
            rows[f[0], default: []].append(
                Region(code: f[0], name: f[1], fullName: f[2], fromYear: from, toYear: to))
        }
        self.rows = rows
    }

    /// Number of distinct codes.
    public var count: Int { rows.count }

    /// Every code, sorted; for pickers and tests.
    public var codes: [String] { rows.keys.sorted() }

    /// Every row for a code (usually one).
    public func regions(_ code: String) -> [Region] { rows[code] ?? [] }

    /// The current (or, if abolished, the last) name for a code.
    public func region(_ code: String) -> Region? {
        rows[code]?.max { ($0.toYear ?? Int.max, $0.fromYear ?? Int.min) < ($1.toYear ?? Int.max, $1.fromYear ?? Int.min) }
    }

    /// The row in force in `year`, for showing a birthplace by the name it had then.
    public func region(_ code: String, year: Int) -> Region? {
        rows[code]?.last { $0.isInForce(year: year) }
    }

    /// Whether some row for `code` was in force in `year` (inclusive at both ends).
    public func isInForce(_ code: String, year: Int) -> Bool {
        rows[code]?.contains { $0.isInForce(year: year) } ?? false
    }

    /// Whether `code` was in force in at least one year of `years` — the resident-ID rule above.
    public func isInForce(_ code: String, anyYearIn years: ClosedRange<Int>) -> Bool {
        rows[code]?.contains { $0.overlaps(years.lowerBound, years.upperBound) } ?? false
    }

    /// Full name (e.g. 江苏省南京市玄武区), current or last.
    public func name(_ code: String) -> String? { region(code)?.fullName }
}
