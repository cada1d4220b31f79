import Foundation

/// Unified social credit code (统一社会信用代码, GB 32100-2015) of an employer or training institution.
public struct CreditCode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 18 characters from `alphabet`.
    public let value: String

    private init(checked value: String) { self.value = value }

    /// The standard's 31 characters: digits and capitals without I, O, Z, S, V.
    public static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    private static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Nil unless exactly 17 characters of the alphabet.
    public static func checkCharacter(for first17: String) -> Character? {
        let values = first17.map { alphabet.firstIndex(of: $0) }
        guard values.count == 17, values.allSatisfy({ $0 != nil }) else { return nil }
        let sum = zip(values, weights).reduce(0) { $0 + $1.0! * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// Trims and upper-cases, then checks characters, length and the check character.
    public static func parse(_ s: String) -> Result<CreditCode, CreditCodeError> {
        let text = s.trimmedWhitespace().uppercased()
        if text.isEmpty { return .failure(.empty) }
        for (i, c) in text.enumerated() where i < 18 && !alphabet.contains(c) {
            return .failure(.invalidCharacter(position: i + 1, c))
        }
        let chars = Array(text)
        guard chars.count == 18 else { return .failure(.length(chars.count)) }
        let expected = checkCharacter(for: String(chars[0..<17]))!
        guard expected == chars[17] else { return .failure(.checkCharacter(expected: expected, found: chars[17])) }
        return .success(CreditCode(checked: text))
    }

    public var description: String { value }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        switch CreditCode.parse(s) {
        case .success(let code): self = code
        case .failure(let e):
            throw DecodingError.dataCorruptedError(in: c, debugDescription: e.message(.en))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

public enum CreditCodeError: Error, Equatable, Sendable, UserMessage {
    case empty
    case length(Int)
    /// 1-based position and the character found there.
    case invalidCharacter(position: Int, Character)
    case checkCharacter(expected: Character, found: Character)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.empty, .zh): return "请填写统一社会信用代码（18 位）"
        case (.empty, .en): return "enter the unified social credit code (18 characters)"
        case (.length(let n), .zh): return "统一社会信用代码应为 18 位，而不是 \(n) 位"
        case (.length(let n), .en): return "a unified social credit code has 18 characters, not \(n)"
        case (.invalidCharacter(let p, let c), .zh):
            return "第 \(p) 位“\(c)”不允许，应为数字或大写字母（不含 I、O、Z、S、V）"
        case (.invalidCharacter(let p, let c), .en):
            return "character \(p) \"\(c)\" is not allowed; use digits or capital letters other than I, O, Z, S, V"
        case (.checkCharacter(let e, let f), .zh): return "校验码应为 \(e)，而不是 \(f)"
        case (.checkCharacter(let e, let f), .en): return "check character should be \(e), not \(f)"
        }
    }
}
