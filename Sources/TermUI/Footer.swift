// The key legend at the bottom of every screen: "F1 Help  F3 Exit  F5 Refresh".

public enum Footer {
    /// Draws the keys (bold) and their labels on row `y`, two spaces apart, within `width`.
    /// A key whose label does not fit whole is left out with everything after it — a footer
    /// never shows half a key — and then the footer ends with "…" (issue 12: it says that more
    /// keys exist, which F1 lists). The caller passes localised labels, most important first.
    /// Returns whether keys were left out.
    @discardableResult
    public static func draw(into canvas: inout Canvas, y: Int, width: Int, x: Int = 0,
                            keys: [(key: String, label: String)]) -> Bool {
        canvas.fill(Rect(x: x, y: y, width: width, height: 1))
        let widths = keys.enumerated().map { i, item in
            (i > 0 ? 2 : 0) + TextWidth.of(item.key) + (item.label.isEmpty ? 0 : 1 + TextWidth.of(item.label))
        }
        var shown = keys.count
        if widths.reduce(0, +) > width {
            // Room for "  …" after the keys that fit.
            shown = 0
            var used = 0
            while shown < keys.count, used + widths[shown] + (shown == 0 ? 1 : 3) <= width {
                used += widths[shown]
                shown += 1
            }
        }
        var col = x
        for (i, item) in keys.prefix(shown).enumerated() {
            if i > 0 { col += 2 }
            col += canvas.put(item.key, x: col, y: y, style: .bold)
            guard !item.label.isEmpty else { continue }
            col += 1
            col += canvas.put(item.label, x: col, y: y)
        }
        guard shown < keys.count else { return false }
        if shown > 0 { col += 2 }
        if col < x + width { canvas.put("…", x: col, y: y, style: .bold) }
        return true
    }

    /// The footer as plain text (for help screens and tests).
    public static func text(keys: [(key: String, label: String)]) -> String {
        keys.map { $0.label.isEmpty ? $0.key : "\($0.key) \($0.label)" }.joined(separator: "  ")
    }
}
