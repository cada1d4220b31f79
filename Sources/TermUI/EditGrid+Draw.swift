// Drawing for EditGrid: header row, frozen row headers and summaries, scrolled cells.

extension EditGrid {
    /// What part of the grid a rect shows and where.
    struct Viewport: Equatable {
        var headerWidth: Int
        /// Columns per cell including the one-space separator before it.
        var step: Int
        var columns: Int
        var firstColumn: Int
        var rows: Int
        var firstRow: Int
        var showSummaries: Bool

        func cellX(_ k: Int, in rect: Rect) -> Int { rect.x + headerWidth + k * step + 1 }
        func summaryX(in rect: Rect) -> Int { rect.x + headerWidth + columns * step }
    }

    /// The row header is kept first; summaries give way when not even one cell column would
    /// fit beside them, so a narrow terminal still shows the cell under the cursor.
    func viewport(for rect: Rect) -> Viewport {
        let header = min(max(0, rowHeaderWidth), max(0, rect.width))
        let step = max(1, cellWidth) + 1
        let summaryTotal = summaryWidths.reduce(0) { $0 + max(0, $1) + 1 }
        var available = rect.width - header - summaryTotal
        var showSummaries = !summaryWidths.isEmpty
        if showSummaries, columnCount > 0, available < step, rect.width - header >= step {
            showSummaries = false
            available = rect.width - header
        }
        let columns = min(max(0, available / step), columnCount)
        let rows = min(max(0, rect.height - 1), rowCount)
        return Viewport(
            headerWidth: header, step: step, columns: columns,
            firstColumn: Self.firstVisible(firstColumn, keeping: cursor.column, visible: columns,
                                           total: columnCount),
            rows: rows,
            firstRow: Self.firstVisible(firstRow, keeping: cursor.row, visible: rows, total: rowCount),
            showSummaries: showSummaries)
    }

    /// Draws the header row on `rect.y` and the rows below it, everything clipped to `rect`.
    /// When focused the cursor cell is reversed; while editing it shows the edit text and the
    /// terminal cursor sits just after it (where an input method pops up its window).
    public func draw(into canvas: inout Canvas, at rect: Rect, focused: Bool) {
        guard rect.width > 0, rect.height > 0 else { return }
        canvas.fill(rect)
        let v = viewport(for: rect)
        let width = max(1, cellWidth)

        // Header row.
        put(cornerTitle, into: &canvas, rect: rect, x: rect.x, y: rect.y, width: v.headerWidth, style: .bold)
        for k in 0..<v.columns {
            let c = v.firstColumn + k
            put(columnHeaders[c], into: &canvas, rect: rect, x: v.cellX(k, in: rect), y: rect.y,
                width: width, style: .bold, alignRight: true)
        }
        if v.showSummaries {
            drawSummaries(summaryHeaders, into: &canvas, rect: rect, viewport: v, y: rect.y, style: .bold)
        }

        for i in 0..<v.rows {
            let r = v.firstRow + i
            let y = rect.y + 1 + i
            put(rowHeaders[r], into: &canvas, rect: rect, x: rect.x, y: y, width: v.headerWidth, style: .plain)
            for k in 0..<v.columns {
                let p = GridPosition(row: r, column: v.firstColumn + k)
                drawCell(p, into: &canvas, rect: rect, x: v.cellX(k, in: rect), y: y, focused: focused)
            }
            if v.showSummaries {
                drawSummaries(r < summaries.count ? summaries[r] : [], into: &canvas, rect: rect,
                              viewport: v, y: y, style: .plain)
            }
        }
    }

    private func drawCell(_ p: GridPosition, into canvas: inout Canvas, rect: Rect, x: Int, y: Int,
                          focused: Bool) {
        let width = max(1, cellWidth)
        let atCursor = p == cursor
        let editingHere = atCursor && isEditing
        let text = editingHere ? Self.tail(Sanitize.forDisplay(editText), width: width) : cell(p)
        var style = cellStyles[p] ?? .plain
        var shown = text
        if text.isEmpty, !editingHere {
            shown = placeholder
            if cellStyles[p] == nil { style = .dim }
        }
        if atCursor, focused { style = style.reversed }
        put(shown, into: &canvas, rect: rect, x: x, y: y, width: width, style: style, alignRight: true)
        if editingHere, focused {
            // The caret follows the right-aligned text: the column just after the cell.
            canvas.cursor = CursorPosition(x: min(x + width, rect.maxX - 1), y: y)
        }
    }

    private func drawSummaries(_ values: [String], into canvas: inout Canvas, rect: Rect,
                               viewport v: Viewport, y: Int, style: Style) {
        var x = v.summaryX(in: rect)
        for (j, w) in summaryWidths.enumerated() {
            let w = max(0, w)
            put(j < values.count ? values[j] : "", into: &canvas, rect: rect, x: x + 1, y: y,
                width: w, style: style, alignRight: true)
            x += w + 1
        }
    }

    /// Writes `text` sanitised, clipped with "…" and padded to `width`, and never past `rect`.
    private func put(_ text: String, into canvas: inout Canvas, rect: Rect, x: Int, y: Int, width: Int,
                     style: Style, alignRight: Bool = false) {
        let room = min(width, rect.maxX - x)
        guard room > 0, y >= rect.y, y < rect.maxY else { return }
        // Measure what will be shown: a control character is drawn as a visible picture.
        let padded = TextWidth.pad(Sanitize.forDisplay(text), to: width, alignRight: alignRight)
        canvas.put(padded, x: x, y: y, style: style, maxWidth: room)
    }

    /// The end of `s` that fits in `width` columns (an edit shows its newest characters).
    static func tail(_ s: String, width: Int) -> String {
        var chars = Array(s)
        var used = TextWidth.of(s)
        while used > width, !chars.isEmpty {
            used -= TextWidth.of(chars.removeFirst())
        }
        return String(chars)
    }
}
