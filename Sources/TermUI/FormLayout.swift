// One row of an entry form: "Label . . . . . " then the field, then an error or hint.

/// A labelled field, bundled for forms that draw many rows the same way.
public struct FormField: Equatable, Sendable {
    public var label: String
    public var field: TextField
    /// Shown after the field, e.g. a validation error.
    public var note: String?
    public var noteStyle: Style

    public init(label: String, field: TextField = TextField(), note: String? = nil, noteStyle: Style = .error) {
        self.label = label
        self.field = field
        self.note = note
        self.noteStyle = noteStyle
    }
}

public enum FormLayout {
    /// The label, a space, then dots up to `width - 1` columns (by display width), then a space:
    /// "姓名 ........ ". Dots lead the eye from a short label to its field.
    public static func labelText(_ label: String, width: Int) -> String {
        guard width > 1 else { return TextWidth.clip(label, to: width) }
        var text = TextWidth.clip(label, to: width - 1)
        if TextWidth.of(text) < width - 1 { text += " " }
        text += String(repeating: ".", count: width - 1 - TextWidth.of(text))
        return text + " "
    }

    /// Draws a form row at `x`, `y`: label area `labelWidth` wide, then either the editable
    /// `field` (`fieldWidth` columns, underlined) or the read-only `value`, then `note` in
    /// `noteStyle` one column after the field, clipped to the canvas.
    public static func drawRow(into canvas: inout Canvas, x: Int = 0, y: Int, label: String,
                               labelWidth: Int, field: TextField?, fieldWidth: Int = 20,
                               value: String? = nil, focused: Bool = false,
                               note: String? = nil, noteStyle: Style = .error,
                               fieldStyle: Style = .underline) {
        canvas.put(labelText(label, width: labelWidth), x: x, y: y, style: focused ? .bold : .plain)
        let fieldX = x + labelWidth
        let fieldRect = Rect(x: fieldX, y: y, width: fieldWidth, height: 1)
        if let field {
            field.draw(into: &canvas, at: fieldRect, focused: focused, style: fieldStyle)
        } else if let value {
            canvas.put(value, x: fieldX, y: y, maxWidth: fieldWidth)
        }
        if let note, !note.isEmpty {
            let noteX = fieldX + fieldWidth + 1
            canvas.put(note, x: noteX, y: y, style: noteStyle, maxWidth: max(0, canvas.width - noteX))
        }
    }

    /// Draws a `FormField` row.
    public static func draw(_ item: FormField, into canvas: inout Canvas, x: Int = 0, y: Int,
                            labelWidth: Int, fieldWidth: Int, focused: Bool) {
        drawRow(into: &canvas, x: x, y: y, label: item.label, labelWidth: labelWidth,
                field: item.field, fieldWidth: fieldWidth, focused: focused,
                note: item.note, noteStyle: item.noteStyle)
    }
}
