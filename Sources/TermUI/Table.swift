// A list of rows in fixed columns, aligned by display width so Chinese names line up.
// As ratatui's `Table`/`TableState`: the table is data and rendering (columns, rows), the state
// (selection, first row shown) belongs to the screen and survives reloads of the rows.

public struct TableColumn: Equatable, Sendable {
    public var title: String
    /// Width in columns; 0 means flexible: flexible columns share what the fixed ones leave.
    public var width: Int
    public var alignRight: Bool

    public init(title: String, width: Int, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}

/// Where a table's selection is and which row it shows first. A screen keeps one per table;
/// moving the selection needs only the number of rows, never a `Table`.
public struct TableState: Equatable, Sendable {
    /// The selected row, or nil for none (an empty table, or the focus elsewhere).
    public var selected: Int?
    /// Index of the first row shown; `Table.draw` adjusts it (without storing) to keep `selected` visible.
    public var offset: Int

    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// The selected row, or 0 when there is none (for screens that always point at a row).
    public var row: Int { selected ?? 0 }

    /// Keeps the state inside `rowCount` rows after the rows changed (a reload, a filter): the
    /// selection moves to the last row when it was past it, becomes nil when there are no rows and
    /// 0 when there were none before; the offset never points past the rows.
    public mutating func clamp(rowCount: Int) {
        guard rowCount > 0 else { selected = nil; offset = 0; return }
        selected = min(max(0, selected ?? 0), rowCount - 1)
        offset = min(max(0, offset), rowCount - 1)
    }

    /// The first row index shown when `visibleRows` data rows fit and there are `rowCount` rows.
    public func firstVisibleRow(rowCount: Int, visibleRows: Int) -> Int {
        guard visibleRows > 0 else { return 0 }
        var first = min(max(0, offset), max(0, rowCount - visibleRows))
        if let selected {
            if selected < first { first = selected }
            if selected >= first + visibleRows { first = selected - visibleRows + 1 }
        }
        return max(0, first)
    }

    /// Moves the selection over `rowCount` rows with arrows, Page Up/Down, Home/End. Returns true
    /// if the key was one of those (even at an edge or with no rows). `visibleRows` is the page size.
    public mutating func handle(_ key: Key, rowCount: Int, visibleRows: Int) -> Bool {
        guard [.up, .down, .pageUp, .pageDown, .home, .end].contains(key) else { return false }
        guard rowCount > 0 else { return true }
        let current = selected ?? -1
        let page = max(1, visibleRows)
        let target: Int
        switch key {
        case .up: target = current - 1
        case .down: target = current + 1
        case .pageUp: target = current - page
        case .pageDown: target = current + page
        case .home: target = 0
        default: target = rowCount - 1
        }
        selected = min(max(0, target), rowCount - 1)
        offset = firstVisibleRow(rowCount: rowCount, visibleRows: page)
        return true
    }
}

public struct Table: Equatable, Sendable {
    public var columns: [TableColumn]
    public var rows: [[String]]

    public init(columns: [TableColumn], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// Column widths for a table `totalWidth` wide (one space between columns).
    public func resolvedWidths(totalWidth: Int) -> [Int] {
        let fixed = columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1)
        let flexible = columns.filter { $0.width == 0 }.count
        guard flexible > 0 else { return columns.map(\.width) }
        let spare = max(0, totalWidth - fixed)
        var extra = spare % flexible
        return columns.map { column in
            guard column.width == 0 else { return column.width }
            let w = spare / flexible + (extra > 0 ? 1 : 0)
            extra -= 1
            return w
        }
    }

    /// One line of the table as text: each value clipped with "…" and padded to its column.
    public func line(_ values: [String], widths: [Int]) -> String {
        zip(columns, widths).enumerated().map { i, pair in
            // Pad what will be shown: a control character is drawn as a visible picture (␛),
            // so measuring the raw text would push the following columns out of line.
            TextWidth.pad(Sanitize.forDisplay(i < values.count ? values[i] : ""), to: pair.1,
                          alignRight: pair.0.alignRight)
        }.joined(separator: " ")
    }

    /// The first row shown in a `rect`-high drawing with `state` (header on the first line).
    public func firstVisibleRow(_ state: TableState, height: Int) -> Int {
        state.firstVisibleRow(rowCount: rows.count, visibleRows: height - 1)
    }

    /// Draws the header on `rect.y` and as many rows as fit below it, from the state's first
    /// visible row; the selected row (clamped to the rows: a stale index selects nothing) is reversed.
    public func draw(into canvas: inout Canvas, at rect: Rect, state: TableState = TableState(),
                     headerStyle: Style = .bold) {
        guard rect.height > 0, rect.width > 0 else { return }
        canvas.fill(rect)
        var state = state
        if let s = state.selected, !rows.indices.contains(s) { state.selected = nil }
        let widths = resolvedWidths(totalWidth: rect.width)
        canvas.put(line(columns.map(\.title), widths: widths), x: rect.x, y: rect.y,
                   style: headerStyle, maxWidth: rect.width)
        let visible = rect.height - 1
        let first = state.firstVisibleRow(rowCount: rows.count, visibleRows: visible)
        for i in 0..<visible where first + i < rows.count {
            let index = first + i
            let y = rect.y + 1 + i
            let style: Style = index == state.selected ? .reverse : .plain
            if index == state.selected { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style) }
            canvas.put(line(rows[index], widths: widths), x: rect.x, y: y, style: style, maxWidth: rect.width)
        }
    }
}
