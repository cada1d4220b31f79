import SkillCore

/// How the statistics' numbers read on a screen and on the command line (one place, so both agree).
public enum StatsFormat {
    /// `41,236`.
    public static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Basis points as `93.0%` (rounded down to a tenth); `—` for none.
    public static func percent(_ bp: Int?) -> String {
        guard let bp else { return "—" }
        return "\(bp / 100).\((bp % 100) / 10)%"
    }

    /// `▲ 12.0%`, `▼ 3.5%`, `= 0.0%`; empty without a previous figure to compare with.
    public static func change(_ permille: Int?) -> String {
        guard let p = permille else { return "" }
        let mark = p > 0 ? "▲" : p < 0 ? "▼" : "="
        return "\(mark) \(abs(p) / 10).\(abs(p) % 10)%"
    }
}
