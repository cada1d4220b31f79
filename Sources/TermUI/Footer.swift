// The key legend at the bottom of every screen: "F1 Help  F3 Exit  F5 Refresh".

public enum Footer {
    /// Draws the keys (bold) and their labels on row `y`, two spaces apart, clipped to `width`.
    /// The caller passes localised labels.
    public static func draw(into canvas: inout Canvas, y: Int, width: Int, x: Int = 0,
                            keys: [(key: String, label: String)]) {
        canvas.fill(Rect(x: x, y: y, width: width, height: 1))
        var col = x
        let end = x + width
        for (i, item) in keys.enumerated() {
            if i > 0 { col += 2 }
            guard col < end else { break }
            col += canvas.put(item.key, x: col, y: y, style: .bold, maxWidth: end - col)
            guard !item.label.isEmpty, col + 1 < end else { continue }
            col += 1
            col += canvas.put(item.label, x: col, y: y, maxWidth: end - col)
        }
    }

    /// The footer as plain text (for help screens and tests).
    public static func text(keys: [(key: String, label: String)]) -> String {
        keys.map { $0.label.isEmpty ? $0.key : "\($0.key) \($0.label)" }.joined(separator: "  ")
    }
}
