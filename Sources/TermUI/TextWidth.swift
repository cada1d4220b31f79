// Display width of text in terminal columns, measured per grapheme cluster.

public enum TextWidth {
    /// Columns `s` occupies once shown (sum over its grapheme clusters).
    public static func of(_ s: String) -> Int {
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    /// Columns of one grapheme cluster: 2 for East Asian Wide/Fullwidth characters and emoji
    /// shown as emoji (including skin tones, flags and ZWJ sequences), 0 for controls and a lone
    /// combining mark, 1 otherwise. Marks inside a cluster add nothing.
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if Sanitize.isControl(first) { return 0 }
        if isZeroWidth(first) { return 0 }
        if isWide(first.value) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        if scalars.count > 1 {
            // A text-style emoji asked for as emoji (❤️), or given a skin tone / ZWJ partner.
            for u in scalars.dropFirst() {
                if u.value == 0xFE0F || u.value == 0x200D || u.properties.isEmojiModifier {
                    return first.properties.isEmoji ? 2 : 1
                }
            }
        }
        return 1
    }

    /// Cuts `s` to at most `width` columns. When something is cut and `ellipsis` is set, the
    /// last column becomes "…" (width 1). A wide character that would straddle the limit is
    /// dropped whole, so the result may be one column narrower than `width`.
    public static func clip(_ s: String, to width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        let budget = ellipsis ? width - 1 : width
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > budget { break }
            out.append(c)
            used += w
        }
        if ellipsis { out.append("…") }
        return out
    }

    /// Clips `s` (with ellipsis) and pads it with spaces to exactly `width` columns.
    public static func pad(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        let clipped = clip(s, to: width)
        let gap = String(repeating: " ", count: width - of(clipped))
        return alignRight ? gap + clipped : clipped + gap
    }

    /// Greedy word wrap by display width. Latin text breaks at spaces when it can; CJK text
    /// (no spaces) breaks between any two characters. Never returns an empty array.
    public static func wrap(_ s: String, to width: Int) -> [String] {
        guard width > 0 else { return [""] }
        var lines: [String] = []
        for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var line: [Character] = []
            var used = 0
            for c in paragraph {
                let w = of(c)
                if used + w > width, !line.isEmpty {
                    if w == 1, c != " ", let space = line.lastIndex(of: " ") {
                        // Carry the unfinished word over (only for narrow text, so it still fits).
                        lines.append(String(line[..<space]))
                        line = Array(line[(space + 1)...])
                    } else {
                        // A closing mark never starts a line (，。）：): the character before it goes
                        // down with it — and the one before that when it is a closing mark too; an
                        // opening mark (（《“) never ends one.
                        var carry: [Character] = []
                        if noLineStart.contains(c), line.count > 1 {
                            repeat { carry.insert(line.removeLast(), at: 0) }
                                while line.count > 1 && carry.count < 3 && noLineStart.contains(carry[0])
                        }
                        while line.count > 1, carry.count < 3, let last = line.last, noLineEnd.contains(last) {
                            carry.insert(line.removeLast(), at: 0)
                        }
                        lines.append(String(line))
                        line = carry
                    }
                    if c == " " && line.isEmpty { used = 0; continue }
                    used = of(String(line))
                }
                line.append(c)
                used += w
            }
            lines.append(String(line))
        }
        return lines
    }

    /// Full-width punctuation that may not begin a line (Chinese line breaking, 禁则).
    static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "】", "〕", "”", "’", "…", "·"]
    /// Full-width punctuation that may not end a line.
    static let noLineEnd: Set<Character> = ["（", "《", "「", "『", "【", "〔", "“", "‘"]

    private static func isZeroWidth(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        case .format: return u.value != 0x00AD && !(0x0600...0x0605).contains(u.value)
        default: return (0x1160...0x11FF).contains(u.value) // Hangul medial/final jamo
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, as in Unicode's EastAsianWidth.txt,
    /// coarse where a block is wholly wide. Emoji are handled through their properties.
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F,               // Hangul Jamo initials
             0x2329...0x232A,               // angle brackets
             0x2E80...0x303E,               // CJK radicals, Kangxi, CJK symbols & punctuation
             0x3041...0x33FF,               // kana, Bopomofo, Hangul compat jamo, CJK compat
             0x3400...0x4DBF,               // CJK extension A
             0x4E00...0x9FFF,               // CJK unified ideographs
             0xA000...0xA4CF,               // Yi
             0xA960...0xA97F,               // Hangul Jamo extended A
             0xAC00...0xD7A3,               // Hangul syllables
             0xF900...0xFAFF,               // CJK compatibility ideographs
             0xFE10...0xFE19,               // vertical forms
             0xFE30...0xFE6F,               // CJK compatibility forms, small form variants
             0xFF00...0xFF60,               // fullwidth forms (，：（）)
             0xFFE0...0xFFE6,               // fullwidth signs
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, // Tangut, kana supplement
             0x1F200...0x1F2FF,             // enclosed ideographic supplement
             0x20000...0x2FFFD, 0x30000...0x3FFFD: // CJK extensions B and later
            return true
        default:
            return false
        }
    }
}
