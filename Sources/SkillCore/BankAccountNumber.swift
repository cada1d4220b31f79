/// A claim's display number, as the bank file and the notice list show it: `SD-2026-000123`
/// (year of the claim, then its serial, at least 6 digits).
public enum ClaimNumber {
    public static func format(year: Int, serial: Int) -> String {
        let s = String(serial)
        return "SD-\(year)-" + String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    /// The year and serial of `SD-2026-000123` (any case, spaces trimmed); nil for anything else.
    public static func parse(_ s: String) -> (year: Int, serial: Int)? {
        let parts = s.trimmedWhitespace().uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "SD", parts[1].count == 4, parts[2].count >= 6, parts[2].count <= 12,
              (parts[1] + parts[2]).utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let y = Int(parts[1]), let n = Int(parts[2]), n >= 1 else { return nil }
        return (y, n)
    }
}

/// What is wrong with a bank account number.
public enum BankAccountError: Error, Equatable, Sendable, UserMessage {
    case empty
    /// Something other than digits (spaces and `-` between groups are allowed and dropped).
    case notDigits
    /// Fewer than 12 or more than 30 digits (the count as given).
    case length(Int)
    /// A worker's UnionPay card number (16–19 digits starting with 62) whose check digit is wrong.
    case checkDigit

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.empty, .zh): return "银行账号为空；应填写 12–30 位数字"
        case (.empty, .en): return "the bank account is empty; enter 12 to 30 digits"
        case (.notDigits, .zh): return "银行账号只能是数字（可用空格分组）"
        case (.notDigits, .en): return "a bank account has digits only (spaces between groups are fine)"
        case (.length(let n), .zh): return "银行账号有 \(n) 位；应为 12–30 位数字"
        case (.length(let n), .en): return "the bank account has \(n) digits; it should have 12 to 30"
        case (.checkDigit, .zh): return "银行卡号校验位不对（银联卡号以 62 开头、16–19 位），请对照卡面重新输入"
        case (.checkDigit, .en): return "the card number's check digit is wrong (UnionPay cards: 62…, 16–19 digits); retype it from the card"
        }
    }
}

/// A bank account number as the bank file carries it: digits only.
public struct BankAccountNumber: Hashable, Sendable, CustomStringConvertible {
    public let digits: String
    public var description: String { digits }

    /// 12–30 digits after dropping spaces and `-`. For a worker (a personal bank card) a 16–19 digit
    /// number starting with `62` — a UnionPay card, whose numbers follow ISO/IEC 7812 — must pass the
    /// Luhn check; other numbers are not checked: enterprise and institution accounts (对公账户) and
    /// passbook accounts have bank-specific formats with no public check digit.
    public static func parse(_ s: String, payee: Payee) -> Result<BankAccountNumber, BankAccountError> {
        let t = String(s.unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "\u{3000}" }.map(Character.init))
        if t.isEmpty { return .failure(.empty) }
        guard t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return .failure(.notDigits) }
        guard (12...30).contains(t.utf8.count) else { return .failure(.length(t.utf8.count)) }
        if payee == .worker, (16...19).contains(t.utf8.count), t.hasPrefix("62"), !luhn(t) {
            return .failure(.checkDigit)
        }
        return .success(BankAccountNumber(digits: t))
    }

    /// The Luhn (mod 10) check over ASCII digits.
    public static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (i, b) in digits.utf8.reversed().enumerated() {
            guard b >= 48 && b <= 57 else { return false }
            var d = Int(b - 48)
            if i % 2 == 1 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return !digits.isEmpty && sum % 10 == 0
    }
}
