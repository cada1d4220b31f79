// An in-memory screen of cells. Widgets draw here; a backend shows it. Tests read it as text.

/// One terminal column. `text` is a single grapheme cluster; the column right of a wide
/// (2-column) grapheme holds `""` (a continuation cell). A blank cell is `" "`.
public struct Cell: Equatable, Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell(text: " ")
    public var isContinuation: Bool { text.isEmpty }
}

public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]
    /// Where the real terminal cursor goes after presenting; nil hides it.
    public var cursor: CursorPosition?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Out-of-range reads give a blank cell, so callers need no bounds checks.
    public subscript(x x: Int, y y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Writes `text` (always sanitised) from column `x` on row `y`, clipped to the canvas and to
    /// `maxWidth` columns. A wide character that does not fit whole is dropped and its space
    /// padded with blanks. Returns the number of columns covered, padding included.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain,
                             maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var col = x
        for c in Sanitize.forDisplay(text) {
            guard col < limit else { break }
            let w = TextWidth.of(c)
            if w == 0 { continue } // a lone combining mark has nothing to attach to
            if col + w > limit {
                while col < limit { setCell(col, y, Cell(text: " ", style: style)); col += 1 }
                break
            }
            if col < 0 {
                // Partly left of the canvas: show blanks for the visible part.
                for i in 0..<w where col + i >= 0 { setCell(col + i, y, Cell(text: " ", style: style)) }
                col += w
                continue
            }
            setCell(col, y, Cell(text: String(c), style: style))
            if w == 2 { setCell(col + 1, y, Cell(text: "", style: style)) }
            col += w
        }
        return max(0, col - max(x, 0))
    }

    /// Blanks the cells of `rect` (clipped to the canvas) in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { setCell(x, y, Cell(text: " ", style: style)) }
        }
    }

    public mutating func clearRow(_ y: Int) {
        fill(Rect(x: 0, y: y, width: width, height: 1))
    }

    public mutating func clear() {
        cells = Array(repeating: .blank, count: width * height)
        cursor = nil
    }

    /// Changes only the style of the cells in `rect` (e.g. to highlight an existing row).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * width + x].style = transform(cells[y * width + x].style) }
        }
    }

    /// The row as plain text: continuation cells skipped, trailing spaces trimmed.
    public func rowText(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var s = ""
        for x in 0..<width {
            s += cells[y * width + x].text
        }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// All rows (each trimmed) joined by "\n".
    public func text() -> String {
        (0..<height).map(rowText).joined(separator: "\n")
    }

    /// The cells of one row, for backends that draw whole rows.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < height else { return [] }
        return cells[(y * width)..<((y + 1) * width)]
    }

    /// Stores a cell and repairs any wide character it half-overwrites, so the canvas never
    /// holds an orphaned half (which would shift the rest of the row on a real terminal).
    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        if cells[i].isContinuation, !cell.isContinuation, x > 0 {
            cells[i - 1].text = " " // we overwrite the right half of a wide char
        }
        if !cells[i].isContinuation, TextWidth.of(cells[i].text) == 2, x + 1 < width,
           cells[i + 1].isContinuation, TextWidth.of(cell.text) != 2 {
            cells[i + 1].text = " " // we overwrite the left half of a wide char
        }
        cells[i] = cell
    }
}
