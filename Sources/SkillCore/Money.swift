import Foundation

/// Money is integer fen (分) end to end (DESIGN.md): no floating point touches an amount.
public enum Money {
    /// `¥1,234.50`, negative `-¥5.00`.
    public static func format(fen: Int64) -> String {
        let magnitude = fen.magnitude          // UInt64: Int64.min has no positive Int64
        let yuan = String(magnitude / 100)
        let cents = magnitude % 100
        var grouped = ""
        for (i, c) in yuan.enumerated() {
            if i > 0 && (yuan.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        return (fen < 0 ? "-" : "") + "¥" + grouped + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// Yuan as typed: `1234.5` → 123450. Accepts a leading `-`, `¥`/`￥`, and thousands commas;
    /// refuses more than two decimals (no silent rounding of money), empty input and overflow.
    public static func parse(yuan s: String) -> Int64? {
        var t = s.trimmedWhitespace()
        var negative = false
        if t.hasPrefix("-") { negative = true; t.removeFirst() }
        if t.hasPrefix("¥") || t.hasPrefix("￥") { t.removeFirst() }
        t.removeAll { $0 == "," }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
              whole.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              parts.count == 1 || !fraction.isEmpty else { return nil }
        while fraction.count < 2 { fraction.append("0") }
        guard let y = Int64(whole), let f = Int64(fraction) else { return nil }
        let (scaled, o1) = y.multipliedReportingOverflow(by: 100)
        let (total, o2) = scaled.addingReportingOverflow(f)
        guard !o1, !o2 else { return nil }
        return negative ? -total : total
    }
}
