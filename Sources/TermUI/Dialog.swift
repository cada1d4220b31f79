// A modal box with a message and buttons ("Worker exists — open it?  [Open] [Cancel]").

public struct Dialog: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable {
        case none
        /// Index into `buttons`.
        case button(Int)
        case cancelled
    }

    public var title: String
    public var message: [String]
    public var buttons: [String]
    public var focusedButton: Int
    public var style: Style

    public init(title: String, message: [String], buttons: [String], focusedButton: Int = 0,
                style: Style = .plain) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.focusedButton = buttons.isEmpty ? 0 : min(max(0, focusedButton), buttons.count - 1)
        self.style = style
    }

    /// Left/Right and Tab/Shift-Tab move between buttons; Enter presses the focused one;
    /// Escape, F3 and F12 cancel.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape, .function(3), .function(12):
            return .cancelled
        case .enter:
            return buttons.isEmpty ? .cancelled : .button(focusedButton)
        case .left, .backTab, .up:
            if !buttons.isEmpty { focusedButton = (focusedButton + buttons.count - 1) % buttons.count }
        case .right, .tab, .down:
            if !buttons.isEmpty { focusedButton = (focusedButton + 1) % buttons.count }
        default:
            break
        }
        return .none
    }

    private func buttonLabels() -> [String] { buttons.map { "[ " + $0 + " ]" } }

    /// The box size wanted in `area`, message lines wrapped to fit.
    private func layout(in area: Rect) -> (box: Rect, lines: [String]) {
        let buttonsWidth = buttonLabels().map { TextWidth.of($0) }.reduce(0, +) + 2 * max(0, buttons.count - 1)
        let widest = max(buttonsWidth, TextWidth.of(title) + 4, message.map { TextWidth.of($0) }.max() ?? 0, 20)
        let inner = min(widest, max(1, area.width - 4))
        let lines = message.flatMap { TextWidth.wrap($0, to: inner) }
        let height = lines.count + 4 // borders, message, a blank line, buttons
        return (area.centered(width: inner + 4, height: height), lines)
    }

    /// Draws the framed box centred in `area`: message lines, a blank line, then the buttons
    /// centred with the focused one reversed. Hides the cursor.
    public func draw(into canvas: inout Canvas, in area: Rect) {
        let (box, lines) = layout(in: area)
        guard box.width >= 6, box.height >= 4 else { return }
        canvas.drawBox(box, style: style, title: title)
        let inner = box.width - 4
        for (i, line) in lines.enumerated() where box.y + 1 + i < box.maxY - 2 {
            canvas.put(line, x: box.x + 2, y: box.y + 1 + i, style: style, maxWidth: inner)
        }
        let labels = buttonLabels()
        let total = labels.map { TextWidth.of($0) }.reduce(0, +) + 2 * max(0, labels.count - 1)
        var x = box.x + 2 + max(0, (inner - total) / 2)
        let y = box.maxY - 2
        for (i, label) in labels.enumerated() {
            let s: Style = i == focusedButton ? style.reversed.emphasised : style
            x += canvas.put(label, x: x, y: y, style: s, maxWidth: max(0, box.maxX - 2 - x)) + 2
        }
        canvas.cursor = nil
    }
}
