/// What a Chinese input method types in full-width form (`５００．５０`, `２０２６－１０－０１`, the
/// ideographic space) as the ASCII the parsers expect. Used on the amount, bank account and date
/// prompts, so a clerk with the IME in full-width mode is not told that digits are not digits.
enum HalfWidth {
    static func ascii(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u -> Unicode.Scalar in
            switch u.value {
            case 0xFF01...0xFF5E: return Unicode.Scalar(u.value - 0xFEE0) ?? u
            case 0x3000: return " "
            default: return u
            }
        }))
    }
}
