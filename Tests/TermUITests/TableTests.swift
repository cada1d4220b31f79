import Testing
import TermUI

@Suite struct TableTests {
    static let names = [["1", "张伟", "北京"], ["2", "欧阳娜娜", "上海"], ["3", "阿卜杜拉·艾尼", "乌鲁木齐"], ["4", "Bob", "London"]]

    func table(selected: Int? = nil) -> Table {
        Table(columns: [TableColumn(title: "No.", width: 3, alignRight: true),
                        TableColumn(title: "Name", width: 10),
                        TableColumn(title: "City", width: 0)],
              rows: Self.names, selected: selected)
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
        table(selected: 1).draw(into: &canvas, at: Rect(x: 0, y: 0, width: 40, height: 6))
        #expect(canvas[x: 4, y: 2].style.reverse)
        #expect(canvas[x: 39, y: 2].style.reverse)
        #expect(!canvas[x: 4, y: 1].style.reverse)
        #expect(!canvas[x: 4, y: 3].style.reverse)
        #expect(canvas[x: 0, y: 0].style.bold)
    }

    @Test func scrollsToKeepSelectionVisible() {
        var t = table(selected: 0)
        var canvas = Canvas(width: 40, height: 3)
        let rect = Rect(x: 0, y: 0, width: 40, height: 3) // header + 2 rows
        let r13 = t.handle(.end, visibleRows: 2)
        #expect(r13)
        #expect(t.selected == 3)
        t.draw(into: &canvas, at: rect)
        #expect(canvas.rowText(1).hasPrefix("  3 阿卜杜拉"))
        #expect(canvas.rowText(2).hasPrefix("  4 Bob"))
        let r14 = t.handle(.up, visibleRows: 2)
        #expect(r14)
        let r15 = t.handle(.up, visibleRows: 2)
        #expect(r15)
        #expect(t.selected == 1)
        t.draw(into: &canvas, at: rect)
        #expect(canvas.rowText(1).hasPrefix("  2 欧阳娜娜"))
        let r104 = t.handle(.enter, visibleRows: 2)
        #expect(!r104)
        let r16 = t.handle(.pageUp, visibleRows: 2)
        #expect(r16)
        #expect(t.selected == 0)
    }

    @Test func clipsToANarrowRect() {
        var canvas = Canvas(width: 40, height: 2)
        table().draw(into: &canvas, at: Rect(x: 2, y: 0, width: 9, height: 2))
        #expect(canvas.rowText(1) == "    1 张伟")
        #expect(canvas[x: 11, y: 1].text == " ")
    }
}
