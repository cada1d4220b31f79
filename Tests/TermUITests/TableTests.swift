import Testing
import TermUI

@Suite struct TableTests {
    static let names = [["1", "张伟", "北京"], ["2", "欧阳娜娜", "上海"], ["3", "阿卜杜拉·艾尼", "乌鲁木齐"], ["4", "Bob", "London"]]

    func table() -> Table {
        Table(columns: [TableColumn(title: "No.", width: 3, alignRight: true),
                        TableColumn(title: "Name", width: 10),
                        TableColumn(title: "City", width: 0)],
              rows: Self.names)
    }

    @Test func chineseNamesAlignByDisplayWidth() {
        var canvas = Canvas(width: 40, height: 6)
        table().draw(into: &canvas, at: Rect(x: 0, y: 0, width: 40, height: 6))
        #expect(canvas.text() == """
            No. Name       City
              1 张伟       北京
              2 欧阳娜娜   上海
              3 阿卜杜拉·… 乌鲁木齐
              4 Bob        London

            """)
        // The third column starts at display column 15 on every row.
        for y in 0...4 {
            #expect(canvas[x: 15, y: y].text != " " && canvas[x: 15, y: y].text != "", "row \(y)")
            #expect(canvas[x: 14, y: y].text == " ", "row \(y)")
        }
    }

    @Test func flexibleColumnTakesTheRest() {
        #expect(table().resolvedWidths(totalWidth: 40) == [3, 10, 25])
        let two = Table(columns: [TableColumn(title: "A", width: 0), TableColumn(title: "B", width: 0)])
        #expect(two.resolvedWidths(totalWidth: 10) == [5, 4])
    }

    @Test func selectedRowIsReversedAcrossTheWidth() {
        var canvas = Canvas(width: 40, height: 6)
        table().draw(into: &canvas, at: Rect(x: 0, y: 0, width: 40, height: 6), state: TableState(selected: 1))
        #expect(canvas[x: 4, y: 2].style.reverse)
        #expect(canvas[x: 39, y: 2].style.reverse)
        #expect(!canvas[x: 4, y: 1].style.reverse)
        #expect(!canvas[x: 4, y: 3].style.reverse)
        #expect(canvas[x: 0, y: 0].style.bold)
    }

    @Test func scrollsToKeepSelectionVisible() {
        let t = table()
        var state = TableState(selected: 0)
        var canvas = Canvas(width: 40, height: 3)
        let rect = Rect(x: 0, y: 0, width: 40, height: 3) // header + 2 rows
        let r13 = state.handle(.end, rowCount: t.rows.count, visibleRows: 2)
        #expect(r13)
        #expect(state.selected == 3)
        t.draw(into: &canvas, at: rect, state: state)
        #expect(canvas.rowText(1).hasPrefix("  3 阿卜杜拉"))
        #expect(canvas.rowText(2).hasPrefix("  4 Bob"))
        let r14 = state.handle(.up, rowCount: t.rows.count, visibleRows: 2)
        #expect(r14)
        let r15 = state.handle(.up, rowCount: t.rows.count, visibleRows: 2)
        #expect(r15)
        #expect(state.selected == 1)
        t.draw(into: &canvas, at: rect, state: state)
        #expect(canvas.rowText(1).hasPrefix("  2 欧阳娜娜"))
        let r104 = state.handle(.enter, rowCount: t.rows.count, visibleRows: 2)
        #expect(!r104)
        let r16 = state.handle(.pageUp, rowCount: t.rows.count, visibleRows: 2)
        #expect(r16)
        #expect(state.selected == 0)
    }

    @Test func stateMovesWithoutATableAndSurvivesAReload() {
        var state = TableState()
        // No rows: a movement key is still the table's, and nothing is selected.
        let moved = state.handle(.down, rowCount: 0, visibleRows: 2)
        #expect(moved)
        #expect(state.selected == nil)
        // Rows arrive (a reload): the state keeps pointing inside them.
        state.clamp(rowCount: 4)
        #expect(state.selected == 0)
        _ = state.handle(.end, rowCount: 4, visibleRows: 2)
        #expect(state == TableState(selected: 3, offset: 2))
        // The same rows again: nothing moves.
        state.clamp(rowCount: 4)
        #expect(state == TableState(selected: 3, offset: 2))
        var canvas = Canvas(width: 40, height: 3)
        table().draw(into: &canvas, at: Rect(x: 0, y: 0, width: 40, height: 3), state: state)
        #expect(canvas.rowText(2).hasPrefix("  4 Bob") && canvas[x: 4, y: 2].style.reverse)
        // Fewer rows after the reload: the selection and the offset move onto the last row.
        state.clamp(rowCount: 2)
        #expect(state == TableState(selected: 1, offset: 1))
        let two = Table(columns: table().columns, rows: Array(Self.names.prefix(2)))
        two.draw(into: &canvas, at: Rect(x: 0, y: 0, width: 40, height: 3), state: state)
        #expect(canvas.rowText(1).hasPrefix("  1 张伟") && canvas.rowText(2).hasPrefix("  2 欧阳娜娜"))
        #expect(canvas[x: 4, y: 2].style.reverse && !canvas[x: 4, y: 1].style.reverse)
        // No rows at all: nothing selected; rows again: the first.
        state.clamp(rowCount: 0)
        #expect(state == TableState(selected: nil, offset: 0))
        state.clamp(rowCount: 3)
        #expect(state.selected == 0)
    }

    @Test func aStaleSelectionPastTheRowsSelectsNothing() {
        var canvas = Canvas(width: 40, height: 6)
        table().draw(into: &canvas, at: Rect(x: 0, y: 0, width: 40, height: 6), state: TableState(selected: 9))
        #expect((1...4).allSatisfy { !canvas[x: 4, y: $0].style.reverse })
        #expect(canvas.rowText(1).hasPrefix("  1 张伟"))
    }

    @Test func clipsToANarrowRect() {
        var canvas = Canvas(width: 40, height: 2)
        table().draw(into: &canvas, at: Rect(x: 2, y: 0, width: 9, height: 2))
        #expect(canvas.rowText(1) == "    1 张伟")
        #expect(canvas[x: 11, y: 1].text == " ")
    }
}
