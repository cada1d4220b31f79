import Testing
import TermUI

@Suite struct CanvasTests {
    @Test func putWritesCellsAndReturnsColumns() {
        var c = Canvas(width: 10, height: 2)
        #expect(c.put("ab张", x: 1, y: 0) == 4)
        #expect(c[x: 1, y: 0].text == "a")
        #expect(c[x: 3, y: 0].text == "张")
        #expect(c[x: 4, y: 0].text == "")
        #expect(c.rowText(0) == " ab张")
        #expect(c.text() == " ab张\n")
    }

    @Test func wideCharAtLastColumnIsDroppedAndPadded() {
        var c = Canvas(width: 5, height: 1)
        c.put("xxxxx", x: 0, y: 0)
        let written = c.put("ab张三", x: 0, y: 0)
        #expect(written == 5)
        #expect(c.rowText(0) == "ab张")
        #expect(c[x: 4, y: 0].text == " ")
    }

    @Test func maxWidthClipsWithoutSplitting() {
        var c = Canvas(width: 20, height: 1)
        c.put("..........", x: 0, y: 0)
        c.put("张三丰", x: 0, y: 0, maxWidth: 5)
        #expect(c.rowText(0) == "张三 .....")
    }

    @Test func putSanitises() {
        var c = Canvas(width: 20, height: 1)
        c.put("张三\u{1B}[2J", x: 0, y: 0)
        #expect(c.rowText(0) == "张三␛[2J")
    }

    @Test func overwritingHalfAWideCharBlanksTheOtherHalf() {
        var c = Canvas(width: 6, height: 1)
        c.put("张三", x: 0, y: 0)
        c.put("x", x: 1, y: 0)
        #expect(c[x: 0, y: 0].text == " ")
        #expect(c.rowText(0) == " x三")
        c.put("y", x: 2, y: 0)
        #expect(c[x: 3, y: 0].text == " ")
        #expect(c.rowText(0) == " xy")
    }

    @Test func outOfRangeIsIgnored() {
        var c = Canvas(width: 3, height: 1)
        #expect(c.put("abc", x: 0, y: 5) == 0)
        #expect(c.put("张abc", x: -1, y: 0) == 3)
        #expect(c.rowText(0) == " ab")
        #expect(c[x: 9, y: 9] == Cell.blank)
    }

    @Test func fillAndClearRow() {
        var c = Canvas(width: 4, height: 2)
        c.put("abcd", x: 0, y: 0)
        c.put("efgh", x: 0, y: 1)
        c.fill(Rect(x: 1, y: 0, width: 2, height: 2), style: .reverse)
        #expect(c.text() == "a  d\ne  h")
        #expect(c[x: 1, y: 1].style == .reverse)
        c.clearRow(0)
        #expect(c.rowText(0) == "")
        #expect(c[x: 1, y: 0].style == .plain)
    }

    @Test func boxUsesLineDrawingCharacters() {
        var c = Canvas(width: 12, height: 3)
        c.drawBox(Rect(x: 0, y: 0, width: 12, height: 3), title: "标题")
        #expect(c.text() == "┌─ 标题 ───┐\n│          │\n└──────────┘")
    }

    @Test func canvasesCompareByContentAndCursor() {
        var a = Canvas(width: 3, height: 1)
        var b = Canvas(width: 3, height: 1)
        #expect(a == b)
        a.cursor = CursorPosition(x: 1, y: 0)
        #expect(a != b)
        b.cursor = CursorPosition(x: 1, y: 0)
        b.put("x", x: 0, y: 0, style: .bold)
        a.put("x", x: 0, y: 0)
        #expect(a != b)
    }
}
