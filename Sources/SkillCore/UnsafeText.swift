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
}
