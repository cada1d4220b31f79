/// The one rule for every free-text field that is not a person's name (names: `PersonName`),
/// DECISIONS.md "Trust (issue 10): values and text". Two kinds:
/// - identifiers and names of things (certificate numbers, institution and occupation names,
///   payee account holders, calendar day names) are **refused** when they hold a forbidden character
///   (`UnsafeText.isForbidden`: NUL, C0/C1, DEL, bidi, zero-width): silently changing an identifier
///   would record something other than what is on the paper;
/// - pasted prose (reasons, notes, issuers) is **cleaned** (`UnsafeText.sanitise`: controls dropped,
///   line breaks and tabs to spaces, whitespace collapsed), because it is often copied from another
///   system and its exact bytes carry no meaning.
/// Both are trimmed and bounded in characters, so nothing of 100,000 characters is stored.
public enum FieldText {
    /// An identifier or a name: trimmed; refused when empty (if `required`), too long, or holding
    /// a forbidden character (the message gives its position).
    public static func identifier(_ s: String, field: FieldLabel, max: Int, required: Bool = true)
        throws(FieldTextError) -> String {
        if s.utf8.count > max * 8 { throw .tooLong(field, count: s.count, max: max) }
        let t = s.trimmedWhitespace()
        if t.isEmpty { if required { throw .empty(field, max: max) } else { return "" } }
        for (i, c) in t.enumerated() where UnsafeText.containsForbidden(c) {
            throw .forbidden(field, position: i + 1)
        }
        let n = t.count
        if n > max { throw .tooLong(field, count: n, max: max) }
        return t
    }

    /// Prose: cleaned (`UnsafeText.sanitise`), then refused when empty (if `required`) or too long.
    public static func cleaned(_ s: String, field: FieldLabel, max: Int, required: Bool = false)
        throws(FieldTextError) -> String {
        // Bound before cleaning too: a 100 MB argument is refused without walking all of it twice.
        if s.utf8.count > max * 8 { throw .tooLong(field, count: s.count, max: max) }
        let t = UnsafeText.sanitise(s)
        if t.isEmpty && required { throw .empty(field, max: max) }
        let n = t.count
        if n > max { throw .tooLong(field, count: n, max: max) }
        return t
    }

    /// Length bounds (characters), chosen so a real value always fits.
    public static let maxName = 100          // institution, occupation, payee holder, issuer
    public static let maxIdentifier = 64     // certificate number
    public static let maxReason = 500        // as `ClaimWorkflow.maxReasonLength`
    public static let maxDayName = 50        // a calendar day's name (国庆节)
}

/// A field's name in both languages, for the messages.
public struct FieldLabel: Sendable, Equatable {
    public let en: String
    public let zh: String
    public init(en: String, zh: String) { self.en = en; self.zh = zh }
}

public enum FieldTextError: Error, Equatable, Sendable, UserMessage {
    case empty(FieldLabel, max: Int)
    case tooLong(FieldLabel, count: Int, max: Int)
    case forbidden(FieldLabel, position: Int)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.empty(f, m), .zh): return "请填写\(f.zh)（1–\(m) 个字符）"
        case let (.empty(f, m), .en): return "enter the \(f.en) (1–\(m) characters)"
        case let (.tooLong(f, n, m), .zh): return "\(f.zh)有 \(n) 个字符，最多 \(m) 个；请缩短"
        case let (.tooLong(f, n, m), .en): return "the \(f.en) has \(n) characters, at most \(m) are allowed; shorten it"
        case let (.forbidden(f, p), .zh):
            return "\(f.zh)第 \(p) 个字符是控制字符或不可见字符（如换行、制表、ESC、方向控制、零宽字符）；请删除后重新输入"
        case let (.forbidden(f, p), .en):
            return "the \(f.en) has a control or invisible character at position \(p) (line break, tab, ESC, bidi or zero-width); remove it and type it again"
        }
    }
}
