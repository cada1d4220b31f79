/// What a Chinese input method types in full-width form (`５００．５０`, `２０２６－１０－０１`, the
/// ideographic space) as the ASCII the parsers expect, so a clerk with the IME in full-width mode
/// is not told that digits are not digits. The screens apply it to what a clerk types before it is
/// parsed (amounts, bank accounts, dates, credit codes); the parsers themselves stay strict, as the
/// CLI and imports expect. In SkillCore so any front end can fold input the same way.
public enum HalfWidth {
    public static func ascii(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u -> Unicode.Scalar in
            switch u.value {
            case 0xFF01...0xFF5E: return Unicode.Scalar(u.value - 0xFEE0) ?? u
            case 0x3000: return " "
            default: return u
            }
        }))
    }
}
