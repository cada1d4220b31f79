import Foundation
import SkillCore

/// What a column of an export holds, so each format writes it right: a spreadsheet shows text as
/// text (an 18-digit resident ID must never become `3.20102E+17`), counts and amounts as numbers.
public enum ExportColumnKind: Sendable, Equatable {
    /// Names, labels, free text.
    case text
    /// Codes made of digits or letters (resident IDs, phones, credit codes, claim numbers, batches):
    /// text in every format.
    case code
    /// Dates and timestamps as stored (`2026-07-01`): text, so no spreadsheet re-reads them in
    /// its own locale.
    case date
    /// A whole number (a count, a class number, hours).
    case integer
    /// An amount, held in fen and written as yuan with two decimals (`150000` → `1500.00`).
    case money

    /// The column's width in an XLSX sheet (characters), at least as wide as its header.
    func width(header: String) -> Int {
        let least: Int
        switch self {
        case .text: least = 16
        case .code: least = 22
        case .date: least = 12
        case .integer: least = 8
        case .money: least = 14
        }
        return min(60, max(least, XLSXText.displayWidth(header) + 2))
    }
}

/// One column of an export: its header (in the user's language) and what it holds.
public struct ExportColumn: Sendable, Equatable {
    public var header: String
    public var kind: ExportColumnKind
    public init(_ header: String, _ kind: ExportColumnKind) {
        self.header = header
        self.kind = kind
    }
}

/// One cell of an export row, typed (see `ExportColumnKind`). The CSV sink writes it with
/// `CSVCell`'s rules, the XLSX sink as an inline string or a number.
public enum ExportCell: Sendable, Equatable {
    case text(String)
    case code(String)
    case date(String)
    case integer(Int64)
    /// Fen.
    case money(Int64)

    /// The cell in a CSV line (quoting, formula neutralising, codes kept as text; `CSVCell`).
    public var csv: String {
        switch self {
        case let .text(s), let .date(s): return CSVCell.text(s)
        case let .code(s): return CSVCell.digits(s)
        case let .integer(n): return CSVCell.number(String(n))
        case let .money(fen): return CSVCell.yuan(fen)
        }
    }

    /// An amount in fen as the decimal text of yuan (`-1234` → `-12.34`), computed on integers:
    /// exact for every `Int64`, never through a `Double`.
    public static func yuanText(_ fen: Int64) -> String {
        let m = fen.magnitude
        let cents = m % 100
        return (fen < 0 ? "-" : "") + "\(m / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }
}

/// The file formats of an export.
public enum ExportFormat: String, Sendable, Equatable, CaseIterable, Codable {
    case csv
    case xlsx

    /// The format a file name's extension names (`.csv`, `.xlsx`, any case), nil for another.
    public static func fromExtension(_ path: String) -> ExportFormat? {
        let ext = (path as NSString).pathExtension.lowercased()
        return ExportFormat(rawValue: ext)
    }
}

/// Where an export's rows go: one implementation per format (`CSVSink`, `XLSXSink`). `header`
/// once, then `row` per row, then `finish`, which writes what is left into the `OutputFile` (the
/// caller commits it).
protocol ExportSink: AnyObject {
    func header(_ columns: [ExportColumn]) throws
    func row(_ cells: [ExportCell]) throws
    func finish() throws
    /// Bytes handed to the output file so far (all of them after `finish`).
    var bytes: Int { get }
}
