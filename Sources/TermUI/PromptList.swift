// The F4 "list of values" overlay: pick one (or several) codes from a filterable list.

public struct PromptList: Equatable, Sendable {
    public struct Item: Equatable, Hashable, Sendable {
        public var code: String
        public var label: String

        public init(code: String, label: String) {
            self.code = code
            self.label = label
        }
    }

    public enum Outcome: Equatable, Sendable {
        case none
        /// Chosen codes, in list order (one code unless `multiSelect`).
        case chosen([String])
        case cancelled
    }

    public var title: String
    public var items: [Item]
    public var multiSelect: Bool
    public var checked: Set<String>
    /// Typed text; items whose label or code contains it (case-insensitively) are shown.
    public var filter: String
    /// Index into `visibleItems`.
    public var cursor: Int
    /// Rows moved by Page Up/Down.
    public var pageSize: Int
    /// Codes wider than this are clipped with "…" (18 keeps a credit code or a resident ID whole).
    public var maxCodeWidth = 12

    public init(title: String, items: [(code: String, label: String)], multiSelect: Bool = false,
                checked: Set<String> = []) {
        self.title = title
        self.items = items.map { Item(code: $0.code, label: $0.label) }
        self.multiSelect = multiSelect
        self.checked = checked
        self.filter = ""
        self.cursor = 0
        self.pageSize = 10
    }

    /// The one lookup every code field and choice field opens (issue 12): the list, already
    /// filtered by what the clerk typed into the field (a name, part of a code), so typing into a
    /// choice field or pressing F4 after a few characters lands on the few entries that match.
    public static func lookup(title: String, items: [(code: String, label: String)], typed: String,
                              multiSelect: Bool = false, checked: Set<String> = []) -> PromptList {
        var p = PromptList(title: title, items: items, multiSelect: multiSelect, checked: checked)
        p.filter = typed
        return p
    }

    public var visibleItems: [Item] {
        guard !filter.isEmpty else { return items }
        let needle = filter.lowercased()
        return items.filter { $0.label.lowercased().contains(needle) || $0.code.lowercased().contains(needle) }
    }

    /// The item under the cursor, if the filter leaves any.
    public var current: Item? {
        let visible = visibleItems
        return visible.indices.contains(cursor) ? visible[cursor] : nil
    }

    /// Arrows/Page/Home/End move; typing filters (Backspace, Ctrl-U edit the filter); Space
    /// toggles in multi-select; Enter chooses; Escape, F3 and F12 cancel.
    public mutating func handle(_ key: Key) -> Outcome {
        let count = visibleItems.count
        switch key {
        case .escape, .function(3), .function(12):
            return .cancelled
        case .enter:
            if multiSelect {
                return .chosen(items.map(\.code).filter { checked.contains($0) })
            }
            return current.map { .chosen([$0.code]) } ?? .none
        case .char(" ") where multiSelect:
            if let code = current?.code {
                if checked.contains(code) { checked.remove(code) } else { checked.insert(code) }
            }
        case .up: cursor -= 1
        case .down: cursor += 1
        case .pageUp: cursor -= max(1, pageSize)
        case .pageDown: cursor += max(1, pageSize)
        case .home: cursor = 0
        case .end: cursor = count - 1
        case .backspace:
            if !filter.isEmpty { filter.removeLast(); cursor = 0 }
        case .ctrl("u"):
            filter = ""; cursor = 0
        case .char, .paste:
            let typed = Sanitize.forDisplay(key.typedText ?? "")
            filter += typed
            cursor = 0
        default:
            break
        }
        cursor = min(max(0, cursor), max(0, visibleItems.count - 1))
        return .none
    }

    /// The overlay's frame when centred in `area`.
    public func boxRect(in area: Rect) -> Rect {
        let codeWidth = min(maxCodeWidth, items.map { TextWidth.of($0.code) }.max() ?? 0)
        let labelWidth = items.map { TextWidth.of($0.label) }.max() ?? 0
        let content = max(TextWidth.of(title) + 4, (multiSelect ? 4 : 0) + codeWidth + 2 + labelWidth, 24)
        let rows = min(max(1, items.count), max(1, area.height - 5))
        return area.centered(width: min(area.width, content + 4), height: min(area.height, rows + 4))
    }

    /// Draws a framed box centred in `area`: the filter line, then the items, the cursor row
    /// reversed. The canvas cursor is left at the end of the filter so an input method can type
    /// Chinese into it.
    public func draw(into canvas: inout Canvas, in area: Rect) {
        let box = boxRect(in: area)
        guard box.width >= 6, box.height >= 4 else { return }
        canvas.drawBox(box, title: title)
        let inner = box.width - 4
        let x = box.x + 2
        let filterLine = "› " + filter
        canvas.put(TextWidth.clip(filterLine, to: inner), x: x, y: box.y + 1, maxWidth: inner)
        let visible = visibleItems
        let rows = box.height - 3
        let first = cursor < rows ? 0 : cursor - rows + 1
        let codeWidth = min(maxCodeWidth, items.map { TextWidth.of($0.code) }.max() ?? 0)
        for i in 0..<rows where first + i < visible.count {
            let item = visible[first + i]
            let mark = multiSelect ? (checked.contains(item.code) ? "[x] " : "[ ] ") : ""
            let text = mark + TextWidth.pad(item.code, to: codeWidth) + "  " + item.label
            let y = box.y + 2 + i
            let style: Style = first + i == cursor ? .reverse : .plain
            canvas.fill(Rect(x: x - 1, y: y, width: inner + 2, height: 1), style: style)
            canvas.put(TextWidth.clip(text, to: inner), x: x, y: y, style: style, maxWidth: inner)
        }
        canvas.cursor = CursorPosition(x: min(x + TextWidth.of(filterLine), box.maxX - 2), y: box.y + 1)
    }
}
