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

/// The largest amount a bureau could mean, per kind of amount (DECISIONS.md "Trust (issue 10): values").
/// Anything above is a typing error or a tampered row, refused with the ceiling named. Every ceiling
/// is far below Int64.max, so sums of accepted amounts cannot overflow; sums of stored amounts are
/// still added with `Money.sum` (checked), because a row can be raised behind the program's back.
public enum MoneyCeiling: Sendable, CaseIterable, Equatable {
    /// One `fund allocate`: ¥1,000,000,000 (10 亿元).
    case allocation
    /// All that is ever allocated to one fund account (a year and a source): ¥10,000,000,000 (100 亿元).
    case fundAccount
    /// An occupation's subsidy standard for one level: ¥100,000.
    case standard
    /// One claim: ¥100,000.
    case claim
    /// One clawback or recovery (of one claim): ¥100,000.
    case recovery

    public var fen: Int64 {
        switch self {
        case .allocation: 100_000_000_000
        case .fundAccount: 1_000_000_000_000
        case .standard, .claim, .recovery: 10_000_000
        }
    }

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.allocation, .zh): "单笔拨款"
        case (.allocation, .en): "one allocation"
        case (.fundAccount, .zh): "一个专账（年度、资金来源）的累计拨款"
        case (.fundAccount, .en): "the total allocated to one fund account (year and source)"
        case (.standard, .zh): "职业补贴标准"
        case (.standard, .en): "an occupation's subsidy standard"
        case (.claim, .zh): "单笔补贴申请"
        case (.claim, .en): "one claim"
        case (.recovery, .zh): "单笔追回或收回"
        case (.recovery, .en): "one clawback or recovery"
        }
    }

    /// True when `fen` is within the ceiling (0 and negatives are for the caller's own rule).
    public func allows(_ fen: Int64) -> Bool { fen <= self.fen }
}

/// An amount above its ceiling, or a sum that leaves what can be counted.
public enum MoneyError: Error, Equatable, Sendable, UserMessage {
    case aboveCeiling(MoneyCeiling, amountFen: Int64)
    /// A total of stored amounts does not fit Int64: a row was changed behind the program's back.
    case sumOverflow(what: String, whatZh: String)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.aboveCeiling(c, a), .zh):
            return "金额 \(Money.format(fen: a)) 超过\(c.label(.zh))的上限 \(Money.format(fen: c.fen))；请检查输入（单位是否为分）"
        case let (.aboveCeiling(c, a), .en):
            return "the amount \(Money.format(fen: a)) is above the ceiling for \(c.label(.en)), \(Money.format(fen: c.fen)); check the input (is it in fen?)"
        case let (.sumOverflow(_, zh), .zh):
            return "\(zh)的合计超出可计算的范围：数据库中的金额被改动过；请管理员核查（audit verify）"
        case let (.sumOverflow(en, _), .en):
            return "the total of \(en) is beyond what can be counted: an amount in the database was changed; ask an administrator to check it (audit verify)"
        }
    }
}

extension Money {
    /// Refuses an amount above its ceiling.
    public static func check(_ fen: Int64, _ ceiling: MoneyCeiling) throws(MoneyError) {
        if !ceiling.allows(fen) { throw .aboveCeiling(ceiling, amountFen: fen) }
    }

    /// A checked sum: nil when it would leave Int64 (never a trap, whatever the database holds).
    public static func sum<S: Sequence>(_ amounts: S) -> Int64? where S.Element == Int64 {
        var total: Int64 = 0
        for a in amounts {
            let (t, o) = total.addingReportingOverflow(a)
            if o { return nil }
            total = t
        }
        return total
    }

    /// `sum`, refusing an overflow with a message naming what was added.
    public static func total<S: Sequence>(_ amounts: S, of what: String, zh: String) throws(MoneyError) -> Int64
    where S.Element == Int64 {
        guard let t = sum(amounts) else { throw .sumOverflow(what: what, whatZh: zh) }
        return t
    }
}
