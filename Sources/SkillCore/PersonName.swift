import Foundation

/// A worker's name as on the resident ID card: Chinese, or a minority name whose parts are joined
/// by the middle dot `·` (阿卜杜拉·艾尼), or a Latin-script name with spaces.
public struct PersonName: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Normalised: NFC, trimmed, dots unified to U+00B7.
    public let value: String

    private init(checked value: String) { self.value = value }

    public static let maxLength = 30
    public static let dot: Character = "\u{00B7}"

    /// Dot-like characters input methods produce for the name separator.
    static let dotVariants: Set<Character> = [
        "\u{2022}", "\u{30FB}", "\u{2027}", "\u{FF65}", "\u{2219}", "\u{22C5}", "\u{0387}",
    ]

    /// Full stops (`.`, `．`, `。`) are what a clerk types for `·` on a keyboard or an input method
    /// without the middle dot (issue 12). Between two Han characters (阿卜杜拉.艾尼) they can only
    /// be the separator and become `·`; anywhere else (`John F. Smith`, a trailing `.`) they are
    /// still refused: there they are punctuation, which a name on an ID card does not carry.
    static let fullStops: Set<Character> = [".", "\u{FF0E}", "\u{3002}"]

    public static func parse(_ s: String) -> Result<PersonName, PersonNameError> {
        // Trim space-like characters only: a trailing CR or ESC is refused, not silently dropped.
        // NFC only when a combining mark could be present (the costly bridge is rarely needed).
        let composed = s.unicodeScalars.contains { $0.properties.canonicalCombiningClass != .notReordered }
            ? s.precomposedStringWithCanonicalMapping : s
        let trimmed = composed.trimming { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{3000}" }
        if trimmed.isEmpty { return .failure(.empty) }
        var chars = Array(trimmed)
        for (i, c) in chars.enumerated() where UnsafeText.containsForbidden(c) {
            return .failure(.forbiddenCharacter(position: i + 1))
        }
        chars = chars.map { dotVariants.contains($0) ? dot : $0 }
        for i in chars.indices where fullStops.contains(chars[i]) {
            let before = chars[..<i].last { $0 != " " }, after = chars[(i + 1)...].first { $0 != " " }
            if let b = before, let a = after, isHan(b), isHan(a) { chars[i] = dot }
        }
        chars = collapseSpaces(chars)
        if chars.count > maxLength { return .failure(.tooLong(chars.count)) }
        if chars.first == dot || chars.last == dot { return .failure(.misplacedDot) }
        for (i, c) in chars.enumerated() {
            let prev = i > 0 ? chars[i - 1] : nil
            let next = i + 1 < chars.count ? chars[i + 1] : nil
            if c == dot {
                if next == dot { return .failure(.misplacedDot) }
            } else if c == " " {
                // Spaces separate words of alphabetic names, never Han characters (张 伟 is a typo).
                guard let p = prev, let n = next, p.isLetter, n.isLetter, !isHan(p), !isHan(n) else {
                    return .failure(.misplacedSpace(position: i + 1))
                }
            } else if c == "-" || c == "'" || c == "\u{2019}" {
                guard let p = prev, let n = next, p.isLetter, n.isLetter else {
                    return .failure(.invalidCharacter(position: i + 1, c))
                }
            } else if !c.isLetter {
                return .failure(.invalidCharacter(position: i + 1, c))
            }
        }
        return .success(PersonName(checked: String(chars)))
    }

    /// Runs of spaces become one, and spaces around a dot go (阿卜杜拉 · 艾尼 → 阿卜杜拉·艾尼).
    private static func collapseSpaces(_ chars: [Character]) -> [Character] {
        var out: [Character] = []
        for c0 in chars {
            let c: Character = (c0 == "\u{3000}" || c0 == "\u{00A0}") ? " " : c0
            if c == " " && (out.last == " " || out.last == dot) { continue }
            if c == dot && out.last == " " { out.removeLast() }
            out.append(c)
        }
        return out
    }

    /// Han ideographs, kana and hangul: scripts written without spaces between syllables.
    private static func isHan(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xAC00...0xD7AF).contains(v) || (0x20000...0x3FFFF).contains(v)
    }

    public var description: String { value }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        switch PersonName.parse(s) {
        case .success(let n): self = n
        case .failure(let e):
            throw DecodingError.dataCorruptedError(in: c, debugDescription: e.message(.en))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

public enum PersonNameError: Error, Equatable, Sendable, UserMessage {
    case empty
    /// Characters (grapheme clusters) counted; at most 30.
    case tooLong(Int)
    /// 1-based position of a control, bidi or zero-width character.
    case forbiddenCharacter(position: Int)
    /// A visible character that is not a letter, dot, space, hyphen or apostrophe.
    case invalidCharacter(position: Int, Character)
    /// A space between Han characters, or at a word edge.
    case misplacedSpace(position: Int)
    /// Only dots, a dot at the start or end, or two dots in a row.
    case misplacedDot

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.empty, .zh): return "请填写姓名"
        case (.empty, .en): return "enter the name"
        case (.tooLong(let n), .zh): return "姓名最多 30 个字，而不是 \(n) 个"
        case (.tooLong(let n), .en): return "a name has at most 30 characters, not \(n)"
        case (.forbiddenCharacter(let p), .zh): return "姓名第 \(p) 个字符是控制字符或不可见字符，请删除"
        case (.forbiddenCharacter(let p), .en):
            return "contains a control or invisible character at position \(p); remove it"
        case (.invalidCharacter(let p, let c), .zh):
            return "姓名第 \(p) 个字符“\(c)”不允许，姓名只能包含文字、间隔号 · 和空格"
        case (.invalidCharacter(let p, let c), .en):
            return "character \(p) \"\(c)\" is not allowed; a name has letters, the dot · and spaces"
        case (.misplacedSpace(let p), .zh): return "姓名第 \(p) 个字符是多余的空格，汉字之间不应有空格"
        case (.misplacedSpace(let p), .en):
            return "the space at position \(p) is misplaced; spaces only separate words of Latin-script names"
        case (.misplacedDot, .zh): return "间隔号 · 只能用在两段姓名之间，如 阿卜杜拉·艾尼"
        case (.misplacedDot, .en): return "the dot · only goes between two parts of a name, as in 阿卜杜拉·艾尼"
        }
    }
}
