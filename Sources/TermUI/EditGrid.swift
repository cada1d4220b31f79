// A spreadsheet-like grid for fast keyboard entry: frozen row headers on the left, scrolled
// cells in the middle, caller-supplied summary columns frozen on the right.

/// A cell's place in the grid (zero-based).
public struct GridPosition: Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// One committed change. The caller validates and stores it, or undoes it with `revert(_:)`.
public struct GridEdit: Equatable, Sendable {
    public var position: GridPosition
    public var old: String
    public var new: String

    public init(position: GridPosition, old: String, new: String) {
        self.position = position
        self.old = old
        self.new = new
    }
}

public enum GridOutcome: Equatable, Sendable {
    /// The key was used; nothing was committed and the cursor did not move.
    case none
    /// A cell's text changed; the cursor may also have moved.
    case committed(GridEdit)
    /// The cursor moved (an edit that left the text unchanged also reports this).
    case moved
    /// Not a key the grid uses (F-keys, Escape outside an edit, letters a filter refuses…).
    case unhandled
}

public struct EditGrid: Equatable, Sendable {
    /// Which characters may be typed. An enum (not a closure) keeps the grid Sendable.
    public enum Filter: Equatable, Sendable {
        case any
        /// Digits, "." and "+" (so "4+2" can be typed); the caller judges the value.
        case decimal
    }

    public var rowHeaders: [String]
    public var columnHeaders: [String]
    /// Rows × columns of shown text; "" is an empty cell. Ragged or short arrays read as "".
    public var cells: [[String]]
    public var cornerTitle: String
    public var rowHeaderWidth: Int
    public var cellWidth: Int
    /// Per-cell style overrides (warnings, read-only look); the cursor adds reverse video.
    public var cellStyles: [GridPosition: Style]
    public var readOnly: Set<GridPosition>
    public var summaryHeaders: [String]
    public var summaryWidths: [Int]
    /// Per row, one text per summary column.
    public var summaries: [[String]]
    public var filter: Filter
    /// Enter moves down instead of right (right wraps to the next row's first column).
    public var enterMovesDown: Bool
    /// Shown (dim) in empty cells so a missing value is easy to spot.
    public var placeholder: String

    public var cursor: GridPosition
    public var firstRow: Int
    public var firstColumn: Int
    /// Rows per page for PgUp/PgDn; `layout(in:)` sets it from the rect.
    public var pageRows: Int
    /// Cell columns the last `layout(in:)` showed; 0 = not known yet (no horizontal scrolling).
    public private(set) var pageColumns: Int

    public private(set) var isEditing: Bool
    public private(set) var editText: String
    /// Where the edit in progress began, so a commit lands there even if `cursor` was changed.
    private var editPosition: GridPosition

    public init(rowHeaders: [String], columnHeaders: [String], cells: [[String]]? = nil,
                cornerTitle: String = "", rowHeaderWidth: Int = 14, cellWidth: Int = 5,
                summaryHeaders: [String] = [], summaryWidths: [Int] = [], summaries: [[String]] = [],
                filter: Filter = .any, enterMovesDown: Bool = false) {
        self.rowHeaders = rowHeaders
        self.columnHeaders = columnHeaders
        self.cells = cells ?? Array(repeating: Array(repeating: "", count: columnHeaders.count),
                                    count: rowHeaders.count)
        self.cornerTitle = cornerTitle
        self.rowHeaderWidth = rowHeaderWidth
        self.cellWidth = cellWidth
        self.cellStyles = [:]
        self.readOnly = []
        self.summaryHeaders = summaryHeaders
        self.summaryWidths = summaryWidths
        self.summaries = summaries
        self.filter = filter
        self.enterMovesDown = enterMovesDown
        self.placeholder = "·"
        self.cursor = GridPosition(row: 0, column: 0)
        self.firstRow = 0
        self.firstColumn = 0
        self.pageRows = 10
        self.pageColumns = 0
        self.isEditing = false
        self.editText = ""
        self.editPosition = GridPosition(row: 0, column: 0)
    }

    public var rowCount: Int { rowHeaders.count }
    public var columnCount: Int { columnHeaders.count }

    public func contains(_ p: GridPosition) -> Bool {
        p.row >= 0 && p.row < rowCount && p.column >= 0 && p.column < columnCount
    }

    /// The cell's text; "" outside the grid or past a short row.
    public func cell(_ p: GridPosition) -> String {
        guard p.row >= 0, p.row < cells.count, p.column >= 0, p.column < cells[p.row].count else { return "" }
        return cells[p.row][p.column]
    }

    public func isEditable(_ p: GridPosition) -> Bool { contains(p) && !readOnly.contains(p) }

    /// Sets a cell's text (growing a short row if needed); ignored outside the grid.
    public mutating func setCell(_ p: GridPosition, _ text: String) {
        guard contains(p) else { return }
        while cells.count <= p.row { cells.append([]) }
        while cells[p.row].count <= p.column { cells[p.row].append("") }
        cells[p.row][p.column] = text
    }

    /// Undoes an edit the caller rejected; an edit in progress on that cell is dropped too.
    public mutating func revert(_ edit: GridEdit) {
        if isEditing, editPosition == edit.position { cancelEdit() }
        setCell(edit.position, edit.old)
    }

    // MARK: Keys

    /// Applies a key. Not editing: an allowed character starts an edit with it (replacing the
    /// cell, as in a spreadsheet); Backspace starts an empty edit; navigation keys move.
    /// Editing: characters append, Backspace drops a grapheme, Escape restores, and Enter, Tab,
    /// arrows, Home/End and PgUp/PgDn commit, then move. Delete always commits "".
    /// A character the filter refuses is `.unhandled` outside an edit (so a screen may bind
    /// letter shortcuts) but swallowed during one (so a slip never fires a shortcut mid-entry).
    /// F-keys are `.unhandled` and leave an edit open: call `commitEdit()` before saving.
    public mutating func handle(_ key: Key) -> GridOutcome {
        guard rowCount > 0, columnCount > 0 else { return .unhandled }
        if isEditing { return handleWhileEditing(key) }
        switch key {
        case .char, .paste:
            let typed = accepted(key.typedText ?? "")
            guard !typed.isEmpty else { return .unhandled }
            guard isEditable(cursor) else { return .none }
            beginEdit(typed)
            return .none
        case .backspace:
            if isEditable(cursor) { beginEdit("") }
            return .none
        case .delete:
            return clearCursorCell()
        case .enter:
            return move(to: enterTarget())
        default:
            guard let target = navigationTarget(key) else { return .unhandled }
            return move(to: target)
        }
    }

    private mutating func handleWhileEditing(_ key: Key) -> GridOutcome {
        switch key {
        case .char, .paste:
            editText += accepted(key.typedText ?? "")
            return .none
        case .backspace:
            if !editText.isEmpty { editText.removeLast() } // one grapheme cluster
            return .none
        case .escape:
            cancelEdit()
            return .none
        case .delete:
            cancelEdit()
            return clearCursorCell()
        case .enter:
            return commitThenMove(to: enterTarget())
        default:
            guard let target = navigationTarget(key) else { return .unhandled }
            return commitThenMove(to: target)
        }
    }

    /// Ends the edit in progress, storing its text. Returns the edit if the text changed.
    @discardableResult
    public mutating func commitEdit() -> GridEdit? {
        guard isEditing else { return nil }
        let p = editPosition
        let new = editText
        cancelEdit()
        let old = cell(p)
        guard old != new else { return nil }
        setCell(p, new)
        return GridEdit(position: p, old: old, new: new)
    }

    /// Ends the edit in progress without storing it.
    public mutating func cancelEdit() {
        isEditing = false
        editText = ""
    }

    /// Copies the cell above into the cursor cell and moves down (the "dup" key, which the
    /// screen binds). An edit in progress is dropped. Returns the edit if the text changed.
    public mutating func duplicateFromAbove() -> GridEdit? {
        cancelEdit()
        guard cursor.row > 0, isEditable(cursor) else { return nil }
        let above = cell(GridPosition(row: cursor.row - 1, column: cursor.column))
        let p = cursor
        let old = cell(p)
        setCell(p, above)
        _ = move(to: GridPosition(row: p.row + 1, column: p.column))
        return old == above ? nil : GridEdit(position: p, old: old, new: above)
    }

    /// Records the page size `rect` gives (rows for PgUp/PgDn, visible cell columns) and
    /// scrolls to keep the cursor visible. Call it when the rect changes; `draw` alone keeps
    /// the cursor visible too, but does not store the scroll position.
    public mutating func layout(in rect: Rect) {
        let v = viewport(for: rect)
        pageRows = max(1, rect.height - 1)
        pageColumns = v.columns
        firstRow = v.firstRow
        firstColumn = v.firstColumn
    }

    private mutating func beginEdit(_ text: String) {
        isEditing = true
        editText = text
        editPosition = cursor
    }

    private mutating func clearCursorCell() -> GridOutcome {
        guard isEditable(cursor) else { return .none }
        let old = cell(cursor)
        guard !old.isEmpty else { return .none }
        setCell(cursor, "")
        return .committed(GridEdit(position: cursor, old: old, new: ""))
    }

    private mutating func commitThenMove(to target: GridPosition) -> GridOutcome {
        let edit = commitEdit()
        let moved = move(to: target)
        if let edit { return .committed(edit) }
        return moved == .moved ? .moved : .none
    }

    /// Moves the cursor (clamped to the grid) and scrolls to keep it visible.
    private mutating func move(to target: GridPosition) -> GridOutcome {
        let p = GridPosition(row: min(max(0, target.row), rowCount - 1),
                             column: min(max(0, target.column), columnCount - 1))
        guard p != cursor else { return .none }
        cursor = p
        if pageRows > 0 {
            firstRow = Self.firstVisible(firstRow, keeping: p.row, visible: pageRows, total: rowCount)
        }
        if pageColumns > 0 {
            firstColumn = Self.firstVisible(firstColumn, keeping: p.column, visible: pageColumns,
                                            total: columnCount)
        }
        return .moved
    }

    /// Enter goes right and wraps to the next row's first column (or down, if so configured).
    private func enterTarget() -> GridPosition {
        enterMovesDown ? GridPosition(row: cursor.row + 1, column: cursor.column) : stepped(by: 1)
    }

    /// The cell `delta` steps along reading order, stopping at the grid's ends.
    private func stepped(by delta: Int) -> GridPosition {
        let last = rowCount * columnCount - 1
        let index = min(max(0, cursor.row * columnCount + cursor.column + delta), last)
        return GridPosition(row: index / columnCount, column: index % columnCount)
    }

    private func navigationTarget(_ key: Key) -> GridPosition? {
        let r = cursor.row, c = cursor.column
        switch key {
        case .up: return GridPosition(row: r - 1, column: c)
        case .down: return GridPosition(row: r + 1, column: c)
        case .left: return GridPosition(row: r, column: c - 1)
        case .right: return GridPosition(row: r, column: c + 1)
        case .home: return GridPosition(row: r, column: 0)
        case .end: return GridPosition(row: r, column: columnCount - 1)
        case .pageUp: return GridPosition(row: r - max(1, pageRows), column: c)
        case .pageDown: return GridPosition(row: r + max(1, pageRows), column: c)
        case .tab: return stepped(by: 1)
        case .backTab: return stepped(by: -1)
        default: return nil
        }
    }

    private func accepted(_ s: String) -> String {
        String(s.filter { c in
            // Controls, bidi and zero-width characters never enter a cell.
            guard Sanitize.isClean(String(c)) else { return false }
            switch filter {
            case .any: return true
            case .decimal: return "0123456789.+".contains(c)
            }
        })
    }

    /// The first index to show so that `keeping` is among `visible` items, moving `first` as
    /// little as possible and never leaving blank space after the last item.
    static func firstVisible(_ first: Int, keeping index: Int, visible: Int, total: Int) -> Int {
        guard visible > 0 else { return max(0, min(index, total - 1)) }
        var f = min(max(0, first), max(0, total - visible))
        if index < f { f = index }
        if index >= f + visible { f = index - visible + 1 }
        return max(0, f)
    }
}
