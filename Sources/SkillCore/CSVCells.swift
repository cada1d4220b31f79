import Foundation

/// Cells of the CSV files SkillDesk writes (list exports): RFC 4180 quoting, CRLF line ends (what
/// Excel writes and expects), and the two things a spreadsheet would otherwise do to our data.
///
/// - **Formula injection**: a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
///   return, OWASP's list) is a formula to Excel and LibreOffice; a name or an employer typed as
///   `=HYPERLINK(...)` would run when a clerk opens the file. Such a cell gets a leading `'`, which
///   both show as text and do not display. The value is otherwise unchanged.
/// - **Numbers as text**: an 18-digit resident ID or an 11-digit phone opened in Excel becomes
///   `3.20102E+17` and loses its last digits. Columns of digit strings (`digits(_:)`) are written
///   with a leading tab inside the quotes, which Excel and WPS read as text and do not show;
///   SkillDesk's own imports trim it.
public enum CSVCell {
    /// The bytes that make a cell a formula when they come first: = + - @ tab CR. (Bytes, not
    /// Characters: no grapheme breaking on the hot path of a 1M-row export.)
    static func startsFormula(_ b: UInt8) -> Bool { b == 61 || b == 43 || b == 45 || b == 64 || b == 9 || b == 13 }

    /// A text cell: neutralised, then quoted when it holds a comma, a quote or a line break.
    public static func text(_ value: String) -> String {
        guard let first = value.utf8.first else { return value }
        return quoted(startsFormula(first) ? "'" + value : value)
    }

    /// A cell that holds a code made of digits (resident ID, phone, credit code): kept as text in
    /// a spreadsheet. Anything that is not a plain code is written as `text(_:)` would.
    public static func digits(_ value: String) -> String {
        guard !value.isEmpty, value.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) }),
              value.utf8.first.map({ $0 >= 48 && $0 <= 57 }) == true else { return text(value) }
        return "\"\t" + value + "\""
    }

    /// A number written by the program (a count, an amount as `1500.00`): never a formula, never quoted.
    public static func number(_ value: String) -> String { text(value) }

    static func quoted(_ v: String) -> String {
        guard v.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line of cells already made by `text`/`digits`/`number`, with its CRLF.
    public static func line(_ cells: [String]) -> String { cells.joined(separator: ",") + "\r\n" }

    /// An amount in fen as yuan with two decimals and no grouping (`150000` → `1500.00`), which a
    /// spreadsheet reads as a number. A negative amount is written as `'-12.00` (formula rule).
    public static func yuan(_ fen: Int64) -> String {
        let neg = fen < 0
        let m = fen.magnitude
        let cents = m % 100
        return text((neg ? "-" : "") + "\(m / 100)." + (cents < 10 ? "0" : "") + "\(cents)")
    }
}
