/// A one-line text entry in a box over the screen: a title, a hint line and a field.
/// Enter or F2 submits (an empty entry is refused when `required`), F12/F3/Escape cancel.
/// Used for reasons (suspending an institution, returning a claim) and lists of IDs.
public struct TextPrompt: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable {
        case none
        case cancelled
        case entered(String)
    }

    public var title: String
    public var hint: String
    public var field: TextField
    public var required: Bool
    /// Shown under the field after an empty submission of a required entry.
    public var problem: String?

    public init(title: String, hint: String, maxLength: Int? = 200, required: Bool = true) {
        self.title = title
        self.hint = hint
        self.field = TextField(maxLength: maxLength)
        self.required = required
    }

    /// The entry with surrounding white space removed.
    public var text: String {
        let t = field.text
        guard let first = t.firstIndex(where: { !$0.isWhitespace }),
              let last = t.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(t[first...last])
    }

    public mutating func handle(_ key: Key, emptyProblem: String = "") -> Outcome {
        switch key {
        case .function(3), .function(12), .escape:
            return .cancelled
        case .enter, .function(2):
            if required && text.isEmpty {
                problem = emptyProblem
                return .none
            }
            return .entered(text)
        default:
            if field.handle(key) { problem = nil }
            return .none
        }
    }

    /// The problem is wrapped (at most three lines): a refusal that says what would be right is
    /// read whole, not cut at the box's edge.
    public func draw(into canvas: inout Canvas, in area: Rect, width: Int = 76) {
        let w = min(area.width - 2, width)
        let problemLines = problem.map { Array(TextWidth.wrap($0, to: max(1, w - 4)).prefix(3)) } ?? []
        let box = area.centered(width: w, height: 5 + problemLines.count)
        guard box.width >= 10, box.height >= 4 else { return }
        canvas.drawBox(box, title: title)
        let inner = box.width - 4
        canvas.put(hint, x: box.x + 2, y: box.y + 1, style: .dim, maxWidth: inner)
        field.draw(into: &canvas, at: Rect(x: box.x + 2, y: box.y + 2, width: inner, height: 1), focused: true,
                   style: .underline)
        for (i, line) in problemLines.enumerated() where box.y + 3 + i < box.y + box.height - 1 {
            canvas.put(line, x: box.x + 2, y: box.y + 3 + i, style: .error, maxWidth: inner)
        }
    }
}
