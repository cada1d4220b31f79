import Testing
import TermUI

@Suite struct EditGridTests {
    static let names = ["张伟", "欧阳娜娜", "阿卜杜拉·艾尼"]
    static let dates = ["03-03", "03-04", "03-05", "03-06", "03-07"]

    func grid(rows: [String] = names, columns: [String] = dates, filter: EditGrid.Filter = .decimal,
              enterMovesDown: Bool = false) -> EditGrid {
        EditGrid(rowHeaders: rows, columnHeaders: columns, cornerTitle: "Trainee",
                 summaryHeaders: ["Counted"], summaryWidths: [7],
                 summaries: rows.map { _ in ["38/120"] }, filter: filter, enterMovesDown: enterMovesDown)
    }

    func pos(_ r: Int, _ c: Int) -> GridPosition { GridPosition(row: r, column: c) }

    /// Feeds keys in order, as type-ahead arrives, and returns every outcome.
    func feed(_ g: inout EditGrid, _ keys: [Key]) -> [GridOutcome] {
        keys.map { g.handle($0) }
    }

    @Test func rendersChineseRowHeadersAlignedWithSummaries() {
        var g = grid()
        g.cells[0] = ["8", "8", "8", "4+2", ""]
        g.cells[1] = ["8", "8", "", "", ""]
        var canvas = Canvas(width: 60, height: 6)
        g.draw(into: &canvas, at: Rect(x: 0, y: 0, width: 60, height: 6), focused: true)
        #expect(canvas.text() == """
            Trainee        03-03 03-04 03-05 03-06 03-07 Counted
            张伟               8     8     8   4+2     ·  38/120
            欧阳娜娜           8     8     ·     ·     ·  38/120
            阿卜杜拉·艾尼      ·     ·     ·     ·     ·  38/120


            """)
        // The first cell's last column and the summary's end line up on every row.
        for y in 1...3 {
            #expect(canvas[x: 19, y: y].text != " ", "row \(y)")
            #expect(canvas[x: 51, y: y].text == "0", "row \(y)")
        }
        #expect(canvas[x: 19, y: 1].style.reverse) // cursor cell, focused
        #expect(!canvas[x: 25, y: 1].style.reverse)
        #expect(canvas[x: 19, y: 3].style.dim) // empty placeholder
        #expect(canvas[x: 0, y: 0].style.bold)
        #expect(canvas.cursor == nil) // not editing
    }

    @Test func unfocusedGridShowsNoCursorCell() {
        var canvas = Canvas(width: 60, height: 6)
        grid().draw(into: &canvas, at: Rect(x: 0, y: 0, width: 60, height: 6), focused: false)
        #expect(!canvas[x: 19, y: 1].style.reverse)
    }

    @Test func typingThenEnterCommitsAndMovesRight() {
        var g = grid()
        let typed = g.handle(.char("8"))
        #expect(typed == .none)
        #expect(g.isEditing && g.editText == "8")
        #expect(g.cell(pos(0, 0)) == "") // not stored before the commit
        let entered = g.handle(.enter)
        #expect(entered == .committed(GridEdit(position: pos(0, 0), old: "", new: "8")))
        #expect(g.cell(pos(0, 0)) == "8")
        #expect(g.cursor == pos(0, 1))
        #expect(!g.isEditing)
    }

    @Test func typeAheadFillsConsecutiveCells() {
        var g = grid()
        let outcomes = feed(&g, [.char("8"), .enter, .char("8"), .enter, .char("4"), .enter])
        #expect(outcomes == [
            .none, .committed(GridEdit(position: pos(0, 0), old: "", new: "8")),
            .none, .committed(GridEdit(position: pos(0, 1), old: "", new: "8")),
            .none, .committed(GridEdit(position: pos(0, 2), old: "", new: "4")),
        ])
        #expect(g.cells[0] == ["8", "8", "4", "", ""])
        #expect(g.cursor == pos(0, 3))
    }

    @Test func typingReplacesTheCellLikeASpreadsheet() {
        var g = grid()
        g.setCell(pos(0, 0), "8")
        let outcomes = feed(&g, [.char("4"), .char("+"), .char("2"), .tab])
        #expect(outcomes.last == .committed(GridEdit(position: pos(0, 0), old: "8", new: "4+2")))
        #expect(g.cursor == pos(0, 1))
    }

    @Test func enterWrapsToNextRowOrMovesDownWhenAsked() {
        var g = grid()
        g.cursor = pos(0, 4)
        _ = feed(&g, [.char("1"), .enter])
        #expect(g.cursor == pos(1, 0))
        var down = grid(enterMovesDown: true)
        _ = feed(&down, [.char("8"), .enter, .char("6"), .enter])
        #expect(down.cell(pos(0, 0)) == "8" && down.cell(pos(1, 0)) == "6")
        #expect(down.cursor == pos(2, 0))
        // Enter on the very last cell commits and stays.
        g.cursor = pos(2, 4)
        let last = feed(&g, [.char("2"), .enter])
        #expect(last.last == .committed(GridEdit(position: pos(2, 4), old: "", new: "2")))
        #expect(g.cursor == pos(2, 4))
    }

    @Test func arrowsCommitAndMove() {
        var g = grid()
        let outcomes = feed(&g, [.char("7"), .down])
        #expect(outcomes.last == .committed(GridEdit(position: pos(0, 0), old: "", new: "7")))
        #expect(g.cursor == pos(1, 0))
        // An unchanged edit just moves.
        let same = feed(&g, [.up, .char("7"), .right])
        #expect(same == [.moved, .none, .moved])
    }

    @Test func escapeCancelsTheEdit() {
        var g = grid()
        g.setCell(pos(0, 0), "8")
        let outcomes = feed(&g, [.char("4"), .escape])
        #expect(outcomes == [.none, .none])
        #expect(g.cell(pos(0, 0)) == "8")
        #expect(!g.isEditing && g.editText == "")
        #expect(g.cursor == pos(0, 0))
        let again = g.handle(.escape) // outside an edit Escape belongs to the screen
        #expect(again == .unhandled)
    }

    @Test func backspaceRemovesOneGrapheme() {
        var g = grid()
        _ = feed(&g, [.char("1"), .char("2"), .backspace])
        #expect(g.editText == "1")
        var any = grid(filter: .any)
        _ = feed(&any, [.char("4"), .char("👍🏽"), .char("张"), .backspace])
        #expect(any.editText == "4👍🏽")
        _ = feed(&any, [.backspace, .backspace, .backspace]) // more than there is
        #expect(any.isEditing && any.editText == "")
        // Backspace on a filled cell starts an empty edit; Enter then clears it.
        var h = grid()
        h.setCell(pos(0, 0), "8")
        let outcomes = feed(&h, [.backspace, .enter])
        #expect(outcomes.last == .committed(GridEdit(position: pos(0, 0), old: "8", new: "")))
    }

    @Test func deleteClearsTheCell() {
        var g = grid()
        g.setCell(pos(0, 0), "8")
        let cleared = g.handle(.delete)
        #expect(cleared == .committed(GridEdit(position: pos(0, 0), old: "8", new: "")))
        #expect(g.cell(pos(0, 0)) == "")
        let empty = g.handle(.delete)
        #expect(empty == .none)
        // Delete during an edit drops the edit and clears the stored value.
        g.setCell(pos(0, 0), "6")
        let mid = feed(&g, [.char("9"), .delete])
        #expect(mid.last == .committed(GridEdit(position: pos(0, 0), old: "6", new: "")))
        #expect(!g.isEditing)
    }

    @Test func duplicateFromAboveCopiesAndMovesDown() {
        var g = grid()
        g.setCell(pos(0, 2), "4+2")
        g.cursor = pos(1, 2)
        let edit = g.duplicateFromAbove()
        #expect(edit == GridEdit(position: pos(1, 2), old: "", new: "4+2"))
        #expect(g.cell(pos(1, 2)) == "4+2")
        #expect(g.cursor == pos(2, 2))
        let again = g.duplicateFromAbove()
        #expect(again == GridEdit(position: pos(2, 2), old: "", new: "4+2"))
        #expect(g.cursor == pos(2, 2)) // last row: stays
        g.cursor = pos(0, 0)
        let top = g.duplicateFromAbove()
        #expect(top == nil)
    }

    @Test func decimalFilterRefusesLetters() {
        var g = grid()
        let letter = g.handle(.char("o"))
        #expect(letter == .unhandled) // free for a screen shortcut
        #expect(!g.isEditing)
        let outcomes = feed(&g, [.char("4"), .char("x"), .char("."), .char("5"), .paste("a+1"), .enter])
        #expect(outcomes[1] == .none) // swallowed mid-edit
        #expect(g.cell(pos(0, 0)) == "4.5+1")
    }

    @Test func readOnlyCellsRefuseEditing() {
        var g = grid()
        g.setCell(pos(1, 0), "8")
        g.readOnly = [pos(1, 1), pos(0, 0)]
        let typed = g.handle(.char("8"))
        #expect(typed == .none)
        #expect(!g.isEditing && g.cell(pos(0, 0)) == "")
        g.setCell(pos(0, 0), "3")
        let deleted = g.handle(.delete)
        #expect(deleted == .none)
        #expect(g.cell(pos(0, 0)) == "3")
        g.cursor = pos(1, 1)
        let backspace = g.handle(.backspace)
        #expect(backspace == .none && !g.isEditing)
        g.cursor = pos(0, 0)
        _ = g.handle(.down) // (1,0) is editable
        let dup = g.duplicateFromAbove()
        #expect(dup == GridEdit(position: pos(1, 0), old: "8", new: "3"))
    }

    @Test func unhandledKeysGoToTheScreen() {
        var g = grid()
        let keys: [Key] = [.function(2), .function(9), .ctrl("d"), .insert]
        #expect(feed(&g, keys) == [.unhandled, .unhandled, .unhandled, .unhandled])
        // An F-key during an edit leaves it open; the screen commits before saving.
        _ = g.handle(.char("8"))
        let save = g.handle(.function(2))
        #expect(save == .unhandled && g.isEditing)
        let edit = g.commitEdit()
        #expect(edit == GridEdit(position: pos(0, 0), old: "", new: "8"))
        #expect(g.cell(pos(0, 0)) == "8" && !g.isEditing)
    }

    @Test func revertRestoresARejectedEdit() {
        var g = grid()
        let outcome = feed(&g, [.char("9"), .char("9"), .enter]).last
        guard case .committed(let edit)? = outcome else {
            Issue.record("expected a commit, got \(String(describing: outcome))")
            return
        }
        g.revert(edit)
        #expect(g.cell(pos(0, 0)) == "")
    }

    @Test func homeEndAndEdgesStayInTheGrid() {
        var g = grid()
        let end = g.handle(.end)
        #expect(end == .moved && g.cursor == pos(0, 4))
        let right = g.handle(.right)
        #expect(right == .none && g.cursor == pos(0, 4))
        let home = g.handle(.home)
        #expect(home == .moved && g.cursor == pos(0, 0))
        let up = g.handle(.up)
        #expect(up == .none)
        let back = g.handle(.backTab)
        #expect(back == .none)
    }

    @Test func editShowsTextAndPutsTheCaretAfterIt() {
        var g = grid()
        _ = feed(&g, [.char("4"), .char("+")])
        var canvas = Canvas(width: 60, height: 6)
        g.draw(into: &canvas, at: Rect(x: 0, y: 0, width: 60, height: 6), focused: true)
        #expect(canvas.rowText(1).hasPrefix("张伟              4+"))
        #expect(canvas.cursor == CursorPosition(x: 20, y: 1))
        // A long edit shows its newest characters within the cell.
        _ = feed(&g, [.char("1"), .char("2"), .char("3"), .char("4"), .char("5")])
        g.draw(into: &canvas, at: Rect(x: 0, y: 0, width: 60, height: 6), focused: true)
        #expect(canvas.rowText(1).hasPrefix("张伟           12345 "))
    }

    @Test func scrollsRightKeepingHeadersAndSummaries() {
        let dates = (1...10).map { "03-\($0 < 10 ? "0" : "")\($0)" }
        var g = grid(columns: dates)
        let rect = Rect(x: 0, y: 0, width: 40, height: 5) // 14 + 3 cells × 6 + 8 = 40
        g.layout(in: rect)
        #expect(g.pageColumns == 3)
        for _ in 0..<5 { _ = g.handle(.right) }
        #expect(g.cursor == pos(0, 5))
        #expect(g.firstColumn == 3)
        g.setCell(pos(0, 5), "6")
        var canvas = Canvas(width: 40, height: 5)
        g.draw(into: &canvas, at: rect, focused: true)
        #expect(canvas.text() == """
            Trainee        03-04 03-05 03-06 Counted
            张伟               ·     ·     6  38/120
            欧阳娜娜           ·     ·     ·  38/120
            阿卜杜拉·艾尼      ·     ·     ·  38/120

            """)
        #expect(canvas[x: 31, y: 1].style.reverse)
        // Scrolling back left moves the window only once the cursor leaves it.
        for _ in 0..<3 { _ = g.handle(.left) }
        #expect(g.cursor == pos(0, 2) && g.firstColumn == 2)
        _ = g.handle(.end)
        #expect(g.firstColumn == 7)
    }

    @Test func drawAloneKeepsTheCursorVisible() {
        var g = grid(columns: (1...10).map { "d\($0)" })
        g.cursor = pos(2, 9) // set directly, no layout
        var canvas = Canvas(width: 40, height: 3)
        g.draw(into: &canvas, at: Rect(x: 0, y: 0, width: 40, height: 3), focused: true)
        #expect(canvas.rowText(0) == "Trainee           d8    d9   d10 Counted")
        #expect(canvas.rowText(2).hasPrefix("阿卜杜拉·艾尼"))
    }

    @Test func pageDownScrollsByVisibleRows() {
        let rows = (1...20).map { "P\($0)" }
        var g = grid(rows: rows)
        let rect = Rect(x: 0, y: 0, width: 60, height: 6) // header + 5 rows
        g.layout(in: rect)
        #expect(g.pageRows == 5)
        let page = g.handle(.pageDown)
        #expect(page == .moved && g.cursor == pos(5, 0))
        #expect(g.firstRow == 1)
        var canvas = Canvas(width: 60, height: 6)
        g.draw(into: &canvas, at: rect, focused: true)
        #expect(canvas.rowText(1).hasPrefix("P2 "))
        #expect(canvas.rowText(5).hasPrefix("P6 "))
        _ = g.handle(.pageDown)
        _ = g.handle(.pageDown)
        _ = g.handle(.pageDown)
        #expect(g.cursor == pos(19, 0) && g.firstRow == 15)
        _ = g.handle(.pageUp)
        #expect(g.cursor == pos(14, 0) && g.firstRow == 14)
    }

    @Test func narrowRectsAndEmptyGridsDoNotCrash() {
        var g = grid()
        g.setCell(pos(0, 0), "8")
        var canvas = Canvas(width: 20, height: 4)
        g.draw(into: &canvas, at: Rect(x: 0, y: 0, width: 20, height: 4), focused: true)
        // Summaries give way so one cell column still fits beside the row header.
        #expect(canvas.rowText(0) == "Trainee        03-03")
        #expect(canvas.rowText(1) == "张伟               8")
        for width in 0..<20 {
            var small = Canvas(width: 20, height: 4)
            g.draw(into: &small, at: Rect(x: 0, y: 0, width: width, height: 4), focused: true)
            for y in 0..<4 { #expect(TextWidth.of(small.rowText(y)) <= width, "width \(width)") }
        }
        var tiny = Canvas(width: 20, height: 4)
        g.draw(into: &tiny, at: Rect(x: 0, y: 0, width: 8, height: 4), focused: true)
        #expect(tiny.rowText(1) == "张伟")
        #expect(tiny.rowText(3) == "阿卜杜…")

        var empty = grid(rows: [])
        let key = empty.handle(.char("8"))
        #expect(key == .unhandled)
        let dup = empty.duplicateFromAbove()
        #expect(dup == nil)
        empty.layout(in: Rect(x: 0, y: 0, width: 20, height: 4))
        empty.draw(into: &canvas, at: Rect(x: 0, y: 0, width: 20, height: 4), focused: true)
        var noColumns = grid(columns: [])
        let arrow = noColumns.handle(.right)
        #expect(arrow == .unhandled)
        var wide = Canvas(width: 30, height: 4)
        noColumns.draw(into: &wide, at: Rect(x: 0, y: 0, width: 30, height: 4), focused: true)
        #expect(wide.rowText(1) == "张伟" + String(repeating: " ", count: 12) + "38/120")
    }

    @Test func cellStylesAndHostileTextStayInTheirCells() {
        var g = grid(rows: ["\u{1B}[2J张伟", "欧阳娜娜"], filter: .any)
        g.cells[0] = ["8", "张三丰", "", "", ""]
        g.cellStyles[pos(0, 0)] = .warning
        var canvas = Canvas(width: 60, height: 4)
        g.draw(into: &canvas, at: Rect(x: 0, y: 0, width: 60, height: 4), focused: false)
        #expect(canvas[x: 19, y: 1].style == .warning)
        // The escape shows as a picture, and a too-wide value is clipped without splitting.
        #expect(canvas.rowText(1) == "␛[2J张伟           8 张三…     ·     ·     ·  38/120")
        #expect(canvas.rowText(2).hasPrefix("欧阳娜娜           ·"))
    }
}
