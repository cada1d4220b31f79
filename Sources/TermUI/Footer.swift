// The key legend at the bottom of every screen: "F1 Help  F3 Exit  F5 Refresh".

public enum Footer {
    /// Draws the keys (bold) and their labels on row `y`, two spaces apart, within `width`.
    /// A key whose label does not fit whole is left out with everything after it — a footer
    /// never shows half a key. The caller passes localised labels, most important first.
    public static func draw(into canvas: inout Canvas, y: Int, width: Int, x: Int = 0,
                            keys: [(key: String, label: String)]) {
        canvas.fill(Rect(x: x, y: y, width: width, height: 1))
        var col = x
        let end = x + width
        for (i, item) in keys.enumerated() {
            let gap = i > 0 ? 2 : 0
            let needed = TextWidth.of(item.key) + (item.label.isEmpty ? 0 : 1 + TextWidth.of(item.label))
            guard col + gap + needed <= end else { break }
            col += gap
            col += canvas.put(item.key, x: col, y: y, style: .bold)
            guard !item.label.isEmpty else { continue }
            col += 1
            col += canvas.put(item.label, x: col, y: y)
        }
    }

    /// The footer as plain text (for help screens and tests).
    public static func text(keys: [(key: String, label: String)]) -> String {
        keys.map { $0.label.isEmpty ? $0.key : "\($0.key) \($0.label)" }.joined(separator: "  ")
    }
}
