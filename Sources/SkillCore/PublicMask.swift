/// Masking for what the bureau publishes: the public notice list of approved claims (公示, issue 5)
/// and the public disclosure of fund use (003 三(三)). Pure text in, text out; characters that could
/// forge a screen or a printed list (controls, bidi, zero-width — `UnsafeText`) are dropped first.
public enum PublicMask {
    public static let mask: Character = "*"

    /// Keeps the first 4 characters (the province and city of the region code) and the last 4 (the
    /// end of the sequence number and the check character) and masks the rest, one `*` each:
    /// `320102199003071234` → `3201**********1234`; a 15-digit old ID keeps the same ends
    /// (`3201*******1234`). Anything of 8 characters or fewer is masked whole: with 4 + 4 kept
    /// nothing would be hidden. Spaces are dropped; a lowercase `x` check character becomes `X`.
    public static func residentID(_ id: String) -> String {
        let chars = Array(clean(id).filter { $0 != " " }.uppercased())
        guard chars.count > 8 else { return String(repeating: mask, count: chars.count) }
        return String(chars.prefix(4)) + String(repeating: mask, count: chars.count - 8) + String(chars.suffix(4))
    }

    /// Counting only the letters of the name — not the separators, which stay where they are (the
    /// middle dot `·` and its look-alikes of minority names, and the spaces of Latin-script names):
    /// one letter is shown as it is; two keep the first (`张伟` → `张*`); three or more keep the
    /// first and the last and mask each letter between (`张伟伟` → `张*伟`, `欧阳娜娜` → `欧**娜`,
    /// `阿卜杜拉·艾尼` → `阿***·*尼`, `John Smith` → `J*** ****h`). The mask keeps the length, as
    /// notices in practice do, so a reader sees the shape of a name but not the name.
    public static func name(_ name: String) -> String {
        let chars = Array(clean(name).trimmedWhitespace())
        let letterIndices = chars.indices.filter { !isSeparator(chars[$0]) }
        guard letterIndices.count >= 2 else { return String(chars) }
        var out = chars
        let keep: Set<Int> = letterIndices.count == 2 ? [letterIndices[0]] : [letterIndices.first!, letterIndices.last!]
        for i in letterIndices where !keep.contains(i) { out[i] = mask }
        return String(out)
    }

    /// A bank account on a printed list: only the last 4 digits (`****************1234`, one `*` per
    /// digit hidden); 4 digits or fewer are masked whole.
    public static func bankAccount(_ account: String) -> String {
        let chars = Array(clean(account).filter { $0 != " " })
        guard chars.count > 4 else { return String(repeating: mask, count: chars.count) }
        return String(repeating: mask, count: chars.count - 4) + String(chars.suffix(4))
    }

    static func isSeparator(_ c: Character) -> Bool {
        c == PersonName.dot || PersonName.dotVariants.contains(c) || c == " " || c == "\u{3000}" || c == "\u{00A0}"
    }

    private static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !UnsafeText.isForbidden($0) }))
    }
}
