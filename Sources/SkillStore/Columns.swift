import GRDB
import SkillCore

/// Explicit column lists for rows decoded by index. GRDB's lookup by name lower-cases and
/// compares the name for every value read; a re-evaluation job decodes hundreds of thousands of
/// rows, where that cost more than SQLite's own work. So a decoder reads positions 0, 1, … of a
/// list its queries select exactly, and `check` (debug builds: every test) verifies that each
/// row it is given starts with those columns — a query that selects `*`, or another order,
/// fails its tests instead of decoding the wrong fields.
enum ColumnList {
    /// "a, b" → "c.a, c.b".
    static func prefixed(_ list: String, _ prefix: String) -> String {
        names(list).map { prefix + $0 }.joined(separator: ", ")
    }

    static func count(_ list: String) -> Int { names(list).count }

    static func names(_ list: String) -> [String] {
        list.split(separator: ",").map { String($0).trimmedWhitespace() }
    }

    /// Debug builds only: `row` begins with exactly the columns of `list`.
    static func check(_ row: Row, _ list: String) {
        assert(Array(row.columnNames.prefix(count(list))) == names(list),
               "row columns \(Array(row.columnNames)) do not begin with \(list)")
    }
}
