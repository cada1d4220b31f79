// Screen-size rules shared by all screens.

public enum Layout {
    /// Below this size screens are not drawn; a "terminal too small" message is shown instead.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public static func isTooSmall(width: Int, height: Int) -> Bool {
        width < minimumWidth || height < minimumHeight
    }

    /// Clears the canvas and centres `message` (localised by the caller), wrapped to fit.
    public static func tooSmall(_ canvas: inout Canvas, message: String) {
        canvas.clear()
        let lines = TextWidth.wrap(message, to: max(1, canvas.width))
        let top = max(0, (canvas.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < canvas.height {
            let w = TextWidth.of(line)
            canvas.put(line, x: max(0, (canvas.width - w) / 2), y: top + i, style: .bold)
        }
    }
}
