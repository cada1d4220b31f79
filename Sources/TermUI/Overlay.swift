// What a screen shows over itself while it asks something: a one-line prompt, a list of values or
// a dialog. A screen holds at most one (`var overlay: Overlay?`, where its own `Overlay` enum has one
// case per question, each carrying its widget): opening another replaces it, keys go to it first
// and it is drawn last. This is the widget part every such enum hands to the drawing.

/// The widget an open overlay shows.
public enum OverlayWidget {
    /// A text entry drawn `width` columns wide at most.
    case prompt(TextPrompt, width: Int)
    case list(PromptList)
    case dialog(Dialog)
    /// A screen's keys and notes (F1, `?`).
    case keys(KeyList)

    public static func prompt(_ p: TextPrompt) -> OverlayWidget { .prompt(p, width: 76) }

    /// Draws the widget centred in `area` (it places or hides the caret itself).
    public func draw(into canvas: inout Canvas, in area: Rect) {
        switch self {
        case let .prompt(p, width): p.draw(into: &canvas, in: area, width: width)
        case let .list(l): l.draw(into: &canvas, in: area)
        case let .dialog(d): d.draw(into: &canvas, in: area)
        case var .keys(k): k.draw(into: &canvas, in: area)
        }
    }
}

/// A screen's overlay enum: each case is one question the screen can ask and carries its widget
/// (and whatever the answer needs, such as the row it is about).
public protocol OverlayCase {
    var widget: OverlayWidget { get }
}

extension Optional where Wrapped: OverlayCase {
    /// Draws the open overlay, if any, over everything else in `area`.
    public func draw(into canvas: inout Canvas, in area: Rect) {
        if case let .some(o) = self { o.widget.draw(into: &canvas, in: area) }
    }
}
