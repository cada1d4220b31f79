// A list of rows in fixed columns, aligned by display width so Chinese names line up.

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

public struct Table: Equatable, Sendable {
    public var columns: [TableColumn]
    public var rows: [[String]]
    public var selected: Int?
    /// Index of the first row shown; `draw` adjusts it (without storing) to keep `selected` visible.
    public var scrollOffset: Int

    public init(columns: [TableColumn], rows: [[String]] = [], selected: Int? = nil) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.scrollOffset = 0
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

    /// The first row index shown when `visibleRows` data rows fit.
    public func firstVisibleRow(visibleRows: Int) -> Int {
        guard visibleRows > 0 else { return 0 }
        var first = min(max(0, scrollOffset), max(0, rows.count - visibleRows))
        if let selected {
            if selected < first { first = selected }
            if selected >= first + visibleRows { first = selected - visibleRows + 1 }
        }
        return max(0, first)
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

    /// Draws the header on `rect.y` and as many rows as fit below it; the selected row is reversed.
    public func draw(into canvas: inout Canvas, at rect: Rect, headerStyle: Style = .bold) {
        guard rect.height > 0, rect.width > 0 else { return }
        canvas.fill(rect)
        let widths = resolvedWidths(totalWidth: rect.width)
        canvas.put(line(columns.map(\.title), widths: widths), x: rect.x, y: rect.y,
                   style: headerStyle, maxWidth: rect.width)
        let visible = rect.height - 1
        let first = firstVisibleRow(visibleRows: visible)
        for i in 0..<visible where first + i < rows.count {
            let index = first + i
            let y = rect.y + 1 + i
            let style: Style = index == selected ? .reverse : .plain
            if index == selected { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style) }
            canvas.put(line(rows[index], widths: widths), x: rect.x, y: y, style: style, maxWidth: rect.width)
        }
    }

    /// Moves the selection with arrows, Page Up/Down, Home/End. Returns true if the key was one
    /// of those (even at an edge). `visibleRows` is the page size.
    public mutating func handle(_ key: Key, visibleRows: Int) -> Bool {
        guard !rows.isEmpty else {
            return [.up, .down, .pageUp, .pageDown, .home, .end].contains(key)
        }
        let current = selected ?? -1
        let page = max(1, visibleRows)
        let target: Int
        switch key {
        case .up: target = current - 1
        case .down: target = current + 1
        case .pageUp: target = current - page
        case .pageDown: target = current + page
        case .home: target = 0
        case .end: target = rows.count - 1
        default: return false
        }
        selected = min(max(0, target), rows.count - 1)
        scrollOffset = firstVisibleRow(visibleRows: page)
        return true
    }
}
