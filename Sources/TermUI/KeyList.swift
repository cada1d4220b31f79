// The list of every key of a screen (F1, or `?` where no caret is shown): key and what it does,
// one per line, then the screen's notes; a framed box that scrolls when it is taller than the
// terminal. It is built from the same declaration as the footer (`Footer.Item`s), so the footer
// and the list never disagree.

/// A key and what it does, as a screen declares it once for its footer and its key list.
public struct KeyItem: Equatable, Sendable {
    public var key: String
    public var label: String
    public init(_ key: String, _ label: String) { self.key = key; self.label = label }
}

public struct KeyList: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable { case none, closed }

    public var title: String
    public var keys: [KeyItem]
    /// Paragraphs under the keys (the screen's help text), wrapped to the box.
    public var notes: [String]
    public var closeLabel: String
    /// What the last line says when more is below ("↓ more").
    public var moreLabel: String
    /// The first line shown.
    public private(set) var top = 0
    /// Lines that fit, from the last draw (for PgUp/PgDn); a guess until then.
    private var page = 10

    public init(title: String, keys: [KeyItem], notes: [String] = [], closeLabel: String, moreLabel: String = "↓") {
        self.title = title
        self.keys = keys
        self.notes = notes
        self.closeLabel = closeLabel
        self.moreLabel = moreLabel
    }

    /// ↑↓ PgUp PgDn Home End scroll; Enter, Escape, F1, F3, F12 and `?` close.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter, .escape, .function(1), .function(3), .function(12), .char("?"): return .closed
        case .up: top = max(0, top - 1)
        case .down: top += 1
        case .pageUp: top = max(0, top - max(1, page - 1))
        case .pageDown: top += max(1, page - 1)
        case .home: top = 0
        case .end: top = Int.max / 2
        default: break
        }
        return .none
    }

    /// The key column's width: the widest key, at most 16 columns.
    var keyWidth: Int { min(16, keys.map { TextWidth.of($0.key) }.max() ?? 0) }

    /// Every line of the box's inside at `inner` columns: each key padded to the key column with
    /// its label wrapped beside it (continuation lines under the label), a blank line, the notes.
    public func lines(inner: Int) -> [(text: String, bold: Int)] {
        var out: [(text: String, bold: Int)] = []
        let kw = keyWidth
        let labelWidth = max(1, inner - kw - 2)
        for k in keys {
            let key = TextWidth.clip(k.key, to: kw)
            let pieces = TextWidth.wrap(k.label, to: labelWidth)
            for (i, piece) in pieces.enumerated() {
                let head = i == 0 ? TextWidth.pad(key, to: kw) : String(repeating: " ", count: kw)
                out.append((head + "  " + piece, i == 0 ? TextWidth.of(key) : 0))
            }
        }
        if !notes.isEmpty {
            out.append(("", 0))
            for n in notes { out += TextWidth.wrap(n, to: max(1, inner)).map { ($0, 0) } }
        }
        return out
    }

    /// Draws the framed box centred in `area`: as wide as its widest line allows, as tall as fits;
    /// the last line says "↓" when more is below. Hides the cursor.
    public mutating func draw(into canvas: inout Canvas, in area: Rect) {
        let natural = keys.map { keyWidth + 2 + TextWidth.of($0.label) }.max() ?? 0
        let noteWidth = notes.map { TextWidth.of($0) }.max() ?? 0
        let inner = max(1, min(max(natural, min(noteWidth, 70), TextWidth.of(title) + 4, 24), area.width - 4))
        var all = lines(inner: inner)
        let room = max(1, area.height - 4)   // borders, a blank line, the button
        page = room
        top = min(top, max(0, all.count - room))
        let shown = min(all.count, room)
        let box = area.centered(width: inner + 4, height: shown + 4)
        guard box.width >= 6, box.height >= 4 else { return }
        canvas.drawBox(box, title: title)
        all = Array(all.dropFirst(top).prefix(shown))
        for (i, line) in all.enumerated() {
            let y = box.y + 1 + i
            canvas.put(line.text, x: box.x + 2, y: y, maxWidth: inner)
            if line.bold > 0 { canvas.put(line.text.prefixColumns(line.bold), x: box.x + 2, y: y, style: .bold) }
        }
        let below = top + shown < lines(inner: inner).count
        let button = "[ " + closeLabel + " ]"
        canvas.put(button, x: box.x + 2 + max(0, (inner - TextWidth.of(button)) / 2), y: box.maxY - 2, style: Style.plain.reversed.emphasised,
                   maxWidth: inner)
        // On the frame, so no text is covered: more below, more above.
        if below { canvas.put(moreLabel, x: box.maxX - 2 - TextWidth.of(moreLabel), y: box.maxY - 1, style: .bold) }
        if top > 0 { canvas.put("↑", x: box.maxX - 3, y: box.y, style: .bold) }
        canvas.cursor = nil
    }
}

extension String {
    /// The leading characters that fill `columns` display columns (a wide character that would
    /// straddle the limit is left out).
    func prefixColumns(_ columns: Int) -> String { TextWidth.clip(self, to: columns, ellipsis: false) }
}
