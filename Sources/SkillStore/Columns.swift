import GRDB
import SkillCore
import SkillRecords

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

/// Integer columns read without trapping on what only an insider could have stored. SQLite keeps
/// whatever type a value was written with: `UPDATE claims SET amount_fen = 1e30` stores a REAL
/// that passes the `>= 0` CHECK, and GRDB's `Int64` conversion of it is a fatal error — every
/// claim list and total would die. Read through these, a REAL saturates to the Int64 range (the
/// checked sums and ceilings then refuse it, and the seal and `audit check` name the field), text
/// that is not a number and a blob read as 0. The money, minutes and sums are read this way.
extension Row {
    func integer(_ value: DatabaseValue) -> Int64 {
        switch value.storage {
        case let .int64(n): return n
        case let .double(d):
            if d.isNaN { return 0 }
            if d >= 9_223_372_036_854_775_807 { return .max }
            if d <= -9_223_372_036_854_775_808 { return .min }
            return Int64(d)
        case let .string(s): return Int64(s.trimmedWhitespace()) ?? 0
        case .blob, .null: return 0
        }
    }

    func integer(_ index: Int) -> Int64 { integer(self[index] as DatabaseValue) }
    func integer(_ name: String) -> Int64 { integer(self[name] as DatabaseValue) }
    func int(_ index: Int) -> Int { Int(clamping: integer(index)) }
    func int(_ name: String) -> Int { Int(clamping: integer(name)) }

    func optionalInteger(_ index: Int) -> Int64? {
        let v: DatabaseValue = self[index]
        return v.isNull ? nil : integer(v)
    }

    func optionalInt(_ index: Int) -> Int? { optionalInteger(index).map { Int(clamping: $0) } }
}

/// Stored codes (statuses, kinds, payees, fund sources, roles, …) read as their SkillCore enums.
/// A value no case knows is `StoreError.unknownValue` naming the table, the row's key, the column
/// and the value — never a guessed default (DECISIONS.md "Foundations (issue 11): stored codes as
/// enums"). The one place that turns a stored code into an enum.
extension Row {
    func enumValue<E: RawRepresentable>(_ index: Int, table: String, key: @autoclosure () -> String,
                                        column: String) throws -> E where E.RawValue == String {
        try Self.decode(self[index] as DatabaseValue, table: table, key: key(), column: column)
    }

    func enumValue<E: RawRepresentable>(_ name: String, table: String, key: @autoclosure () -> String) throws -> E
    where E.RawValue == String {
        try Self.decode(self[name] as DatabaseValue, table: table, key: key(), column: name)
    }

    func optionalEnumValue<E: RawRepresentable>(_ index: Int, table: String, key: @autoclosure () -> String,
                                                column: String) throws -> E? where E.RawValue == String {
        let v: DatabaseValue = self[index]
        return v.isNull ? nil : try Self.decode(v, table: table, key: key(), column: column) as E
    }

    func optionalEnumValue<E: RawRepresentable>(_ name: String, table: String, key: @autoclosure () -> String) throws -> E?
    where E.RawValue == String {
        let v: DatabaseValue = self[name]
        return v.isNull ? nil : try Self.decode(v, table: table, key: key(), column: name) as E
    }

    static func decode<E: RawRepresentable>(_ value: DatabaseValue, table: String, key: @autoclosure () -> String,
                                            column: String) throws -> E where E.RawValue == String {
        if case let .string(s) = value.storage, let e = E(rawValue: s) { return e }
        throw StoreError.unknownValue(table: table, key: key(), column: column, value: Self.shown(value))
    }

    /// A stored value as the error shows it (NULL, a number or text).
    static func shown(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case let .int64(n): return String(n)
        case let .double(d): return String(d)
        case let .string(s): return s
        case let .blob(b): return "<\(b.count) bytes>"
        }
    }
}
