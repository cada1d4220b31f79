// Frames drawn with box-drawing characters (width 1) through the canvas, not curses ACS.

extension Canvas {
    /// Clears `rect` and draws a single-line frame around its edge, with an optional title
    /// set into the top border ("┌─ Title ───┐").
    public mutating func drawBox(_ rect: Rect, style: Style = .plain, title: String? = nil,
                                 titleStyle: Style = .bold) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect, style: style)
        let inner = rect.width - 2
        let line = String(repeating: "─", count: inner)
        put("┌" + line + "┐", x: rect.x, y: rect.y, style: style)
        put("└" + line + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put("│", x: rect.x, y: y, style: style)
            put("│", x: rect.maxX - 1, y: y, style: style)
        }
        if let title, !title.isEmpty, inner >= 5 {
            let text = " " + TextWidth.clip(title, to: inner - 4) + " "
            put(text, x: rect.x + 2, y: rect.y, style: titleStyle)
        }
    }
}
