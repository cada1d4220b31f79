extension StringProtocol {
    /// Leading and trailing whitespace (and newlines) removed, like Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` but without bridging to NSString —
    /// imports trim every field of a million rows. Returns the text as it is when there is
    /// nothing to trim.
    public func trimmedWhitespace() -> String {
        trimming { s in
            let v = s.value
            if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
            return v == 0x85 || v == 0x2028 || v == 0x2029 || s.properties.generalCategory == .spaceSeparator
        }
    }

    /// Leading and trailing scalars for which `strip` is true removed.
    public func trimming(_ strip: (Unicode.Scalar) -> Bool) -> String {
        let u = unicodeScalars
        guard let first = u.firstIndex(where: { !strip($0) }) else { return "" }
        let last = u.lastIndex(where: { !strip($0) })!
        if first == u.startIndex && u.index(after: last) == u.endIndex { return String(self) }
        return String(String.UnicodeScalarView(u[first...last]))
    }
}

/// The list screens' search rule, one place for the catalogue lists and the class list (and the
/// class list's CSV export): the code starts with the text, or the name contains it (any case,
/// surrounding whitespace ignored; an empty text matches everything).
public enum ListQuery {
    public static func matches(code: String, name: String, query: String) -> Bool {
        let q = query.trimmedWhitespace().lowercased()
        return q.isEmpty || code.lowercased().hasPrefix(q) || name.lowercased().contains(q)
    }
}
