/// How a person names a claim: by its number `SD-2026-000123` (what every screen, notice and bank
/// file shows) or by its bare serial `123` (what the CLI took before issue 12; `#123` too). The
/// serial is the claim's id, so both forms name one claim; a number also names the claim's year,
/// which must match (`Session.claimID(_:)` checks it). Full-width forms an input method types are
/// read as ASCII.
public struct ClaimRef: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The claim's id (its serial).
    public var id: Int64
    /// The year as written in a number (`SD-2026-…`); nil for a bare serial.
    public var year: Int?

    public init(id: Int64, year: Int? = nil) {
        self.id = id; self.year = year
    }

    /// `SD-2026-000123` (any case, spaces trimmed), `123` or `#123`; nil for anything else.
    public static func parse(_ text: String) -> ClaimRef? {
        let t = HalfWidth.ascii(text).trimmedWhitespace()
        if let n = ClaimNumber.parse(t) { return ClaimRef(id: Int64(n.serial), year: n.year) }
        let digits = t.hasPrefix("#") ? String(t.dropFirst()) : t
        guard !digits.isEmpty, digits.count <= 12, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let n = Int64(digits), n >= 1 else { return nil }
        return ClaimRef(id: n)
    }

    /// What a wrong form is told: the two forms that are right.
    public static func refusal(_ text: String, _ lang: Lang) -> String {
        let shown = UnsafeText.forDisplay(text)
        return lang == .zh
            ? "“\(shown)”不是申请编号：应为 SD-年份-序号（如 SD-2026-000123）或序号（如 123）"
            : "'\(shown)' is not a claim number: use SD-year-serial (e.g. SD-2026-000123) or the serial (e.g. 123)"
    }

    /// The number when the year is known, else `#123`.
    public var description: String { year.map { ClaimNumber.format(year: $0, serial: Int(id)) } ?? "#\(id)" }
}

/// What a `/` search on a claim list looks for (issue 12): a claim by its number or the number's
/// tail, the claims of workers whose name contains the text, or of workers whose resident ID starts
/// with it. One rule, in one place: the store runs it, screens and the CLI only pass the text.
public enum ClaimSearchTerm: Equatable, Hashable, Sendable {
    /// `SD-2026-000123`: that claim (the year must match).
    case number(id: Int64, year: Int)
    /// Digits only, at most 6 (`123`, `000123`): the claim with that serial first, then the claims of
    /// workers whose resident ID starts with the digits (a 6-digit region code is both).
    case serialOrIDPrefix(id: Int64, prefix: String)
    /// Digits with an optional final X, 7 to 18 characters: resident-ID prefix.
    case idPrefix(String)
    /// Anything else with a letter in it: a substring of the worker's name.
    case name(String)

    /// nil when the text holds nothing to look for (empty, or punctuation only).
    public static func parse(_ raw: String) -> ClaimSearchTerm? {
        let text = HalfWidth.ascii(raw).filter { !$0.isWhitespace }.uppercased()
        if text.isEmpty { return nil }
        if let n = ClaimNumber.parse(text) { return .number(id: Int64(n.serial), year: n.year) }
        let bare = text.hasPrefix("#") ? String(text.dropFirst()) : text
        let isDigits = !bare.isEmpty && bare.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        if isDigits, bare.count <= 6, let n = Int64(bare) {
            return n >= 1 ? .serialOrIDPrefix(id: n, prefix: bare) : .idPrefix(bare)
        }
        let idLike = !text.isEmpty && text.count <= 18 && text.dropLast().utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
            && (text.last!.isASCII && (text.last!.isNumber || text.last! == "X"))
        if idLike { return .idPrefix(text) }
        let letters = String(HalfWidth.ascii(raw).filter { $0.isLetter || $0.isNumber })
        return letters.isEmpty ? nil : .name(letters)
    }
}
