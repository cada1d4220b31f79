import Foundation

/// Characters that must never reach a record or a terminal: they can move the cursor, reorder
/// what is shown (bidi overrides) or hide text (zero-width), so a name could forge a screen.
public enum UnsafeText {
    /// C0 controls, DEL, C1 controls, bidi marks/embeddings/overrides/isolates, zero-width characters.
    public static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true          // C0, DEL, C1 (incl. ESC, CR, TAB)
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true  // bidi
        case 0x200B...0x200D, 0x2060, 0xFEFF: return true          // zero-width
        default: return false
        }
    }

    public static func containsForbidden(_ c: Character) -> Bool {
        c.unicodeScalars.contains(where: isForbidden)
    }

    /// How many characters `sanitise` drops from `s` (controls, bidi and zero-width characters; not
    /// the whitespace it turns into spaces), so the front ends can say so instead of dropping them
    /// silently (issue 12, defect 4).
    public static func removedBySanitising(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (!$1.properties.isWhitespace && isForbidden($1) ? 1 : 0) }
    }

    /// For free text (residence, employer name): tabs and line breaks become spaces, other forbidden
    /// characters are dropped, runs of whitespace collapse to one space, ends are trimmed. Free text
    /// is sanitised rather than refused because it is often pasted from other systems.
    public static func sanitise(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            let isSpace = u.properties.isWhitespace
            if isSpace { pendingSpace = !out.isEmpty; continue }
            if isForbidden(u) { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(u)
        }
        return String(out)
    }

    // MARK: Display: the one neutralising every front end applies on the way out (the TUI's lists
    // through TermUI.Sanitize, every line the CLI prints through Output), so a clerk learns one set
    // of symbols. Stored data is not changed by it; it only decides what reaches a terminal.

    /// Replacement policy (one rule everywhere, so a clerk learns what the symbols mean):
    /// - C0 controls U+0000–U+001F (ESC, CR, LF, TAB…) become their Control Pictures glyph
    ///   U+2400–U+241F (ESC → `␛`, CR → `␍`, LF → `␊`, TAB → `␉`); DEL U+007F becomes `␡`.
    /// - C1 controls U+0080–U+009F (no Control Picture exists) and the line/paragraph
    ///   separators U+2028/U+2029 become U+FFFD `�`.
    /// - Bidi controls (U+061C, U+200E/F, U+202A–202E, U+2066–2069) and invisible characters
    ///   (U+00AD, U+180E, U+200B, U+200C, U+2060–2064, U+206A–206F, U+FEFF, U+FFF9–FFFB) are
    ///   removed. U+200D (ZWJ) is removed too, except between two emoji, where it only glues
    ///   an emoji sequence such as 👨‍👩‍👧 together.
    public static func forDisplay(_ s: String) -> String {
        // Fast path: most data is clean.
        if !s.unicodeScalars.contains(where: needsWork) { return s }
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, u) in scalars.enumerated() {
            if let picture = replacement(for: u) {
                out.append(picture)
            } else if u.value == 0x200D {
                let prev = i > 0 ? scalars[i - 1] : nil
                let next = i + 1 < scalars.count ? scalars[i + 1] : nil
                if let prev, let next, isEmojiGlue(before: prev), isPictographic(next) {
                    out.append(u)
                }
            } else if isRemoved(u) {
                continue
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// True for a scalar `forDisplay` replaces or removes (ZWJ included: JSON output escapes it
    /// wherever it stands, which changes nothing of the data).
    public static func isNeutralised(_ u: Unicode.Scalar) -> Bool { needsWork(u) }

    /// True when `s` would be shown unchanged.
    public static func isDisplayClean(_ s: String) -> Bool { forDisplay(s) == s }

    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (u.value >= 0x7F && u.value <= 0x9F)
    }

    private static func needsWork(_ u: Unicode.Scalar) -> Bool {
        isControl(u) || isRemoved(u) || u.value == 0x200D || u.value == 0x2028 || u.value == 0x2029
    }

    private static func replacement(for u: Unicode.Scalar) -> Unicode.Scalar? {
        switch u.value {
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + u.value)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F, 0x2028, 0x2029: return "\u{FFFD}"
        default: return nil
        }
    }

    private static func isRemoved(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200E, 0x200F,
             0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0x206A...0x206F,
             0xFEFF, 0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }

    private static func isPictographic(_ u: Unicode.Scalar) -> Bool {
        u.value > 0x7F && u.properties.isEmoji
    }

    /// What may precede a ZWJ inside an emoji sequence: an emoji, a variation selector, or a
    /// skin-tone modifier.
    private static func isEmojiGlue(before u: Unicode.Scalar) -> Bool {
        isPictographic(u) || u.value == 0xFE0F || u.properties.isEmojiModifier
    }
}
