/// A horizontal bar for a part of a whole, in block characters that read on a monochrome
/// terminal too: `█` filled, `▌` a half cell, `░` the rest. No domain words; integers only.
public enum Bar {
    /// `width` cells showing `part / whole` (clamped to 0…1), rounded down to half cells.
    public static func text(part: Int64, of whole: Int64, width: Int) -> String {
        guard width > 0 else { return "" }
        let halves = whole <= 0 ? 0 : Int(min(max(part, 0), whole) * Int64(width * 2) / whole)
        let full = halves / 2, half = halves % 2
        return String(repeating: "█", count: full) + (half == 1 ? "▌" : "") + String(repeating: "░", count: width - full - half)
    }
}
