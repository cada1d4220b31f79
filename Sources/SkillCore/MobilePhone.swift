import Foundation

/// A mainland mobile number (11 digits, `1[3-9]` then 9 digits): the worker's contact for
/// class notices and subsidy payment messages.
public struct MobilePhone: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 11 digits, no separators, no country code.
    public let value: String

    private init(checked value: String) { self.value = value }

    /// Accepts spaces and hyphens between digits and a leading `+86` or `86`, as people write them.
    public static func parse(_ s: String) -> Result<MobilePhone, MobilePhoneError> {
        var text = s.trimmedWhitespace()
        text.removeAll { $0 == " " || $0 == "-" || $0 == "\u{3000}" }
        if text.hasPrefix("+86") { text.removeFirst(3) }
        else if text.hasPrefix("86"), text.count == 13 { text.removeFirst(2) }
        if let i = text.firstIndex(where: { !($0.asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false) }) {
            return .failure(.invalidCharacter(position: text.distance(from: text.startIndex, to: i) + 1))
        }
        guard text.count == 11 else { return .failure(.length(text.count)) }
        let prefix = String(text.prefix(2))
        guard text.first == "1", let second = text.dropFirst().first, ("3"..."9").contains(second) else {
            return .failure(.invalidPrefix(prefix))
        }
        return .success(MobilePhone(checked: text))
    }

    /// `139****5678`.
    public var masked: String { String(value.prefix(3)) + "****" + String(value.suffix(4)) }

    /// `139 1234 5678`, the way numbers are read aloud.
    public var grouped: String {
        let c = Array(value)
        return String(c[0..<3]) + " " + String(c[3..<7]) + " " + String(c[7..<11])
    }

    public var description: String { value }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        switch MobilePhone.parse(s) {
        case .success(let p): self = p
        case .failure(let e):
            throw DecodingError.dataCorruptedError(in: c, debugDescription: e.message(.en))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

public enum MobilePhoneError: Error, Equatable, Sendable, UserMessage {
    /// Digits counted after removing separators and the country code.
    case length(Int)
    /// 1-based position, counted after removing separators and the country code.
    case invalidCharacter(position: Int)
    /// The first two digits, when they are not 13–19.
    case invalidPrefix(String)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.length(let n), .zh): return "手机号码应为 11 位数字，而不是 \(n) 位"
        case (.length(let n), .en): return "a mobile number has 11 digits, not \(n)"
        case (.invalidCharacter(let p), .zh): return "手机号码第 \(p) 位应为数字"
        case (.invalidCharacter(let p), .en): return "character \(p) of the mobile number should be a digit"
        case (.invalidPrefix(let p), .zh): return "手机号码应以 13–19 开头，而不是 \(p)"
        case (.invalidPrefix(let p), .en): return "a mobile number starts with 13 to 19, not \(p)"
        }
    }
}
