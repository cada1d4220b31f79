// Makes arbitrary data safe to show on a terminal: nothing in a name or address may move the
// cursor, recolour the screen, reorder text or hide characters. The rule itself lives in SkillCore
// (`UnsafeText.forDisplay`) so that the command line prints through the very same function.
import SkillCore

public enum Sanitize {
    /// `UnsafeText.forDisplay`: C0 → Control Pictures (ESC → `␛`), DEL → `␡`, C1 and U+2028/2029 →
    /// `�`, bidi and invisible characters removed (ZWJ kept only inside emoji sequences).
    public static func forDisplay(_ s: String) -> String { UnsafeText.forDisplay(s) }

    /// True when `s` would be shown unchanged.
    public static func isClean(_ s: String) -> Bool { UnsafeText.forDisplay(s) == s }

    static func isControl(_ u: Unicode.Scalar) -> Bool { UnsafeText.isControl(u) }
}
