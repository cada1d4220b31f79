import Testing
import TermUI

@Suite struct TextFieldTests {
    @Test func insertsChineseAtTheCaret() {
        var f = TextField()
        let r7 = f.handle(.char("张"))
        #expect(r7)
        let r8 = f.handle(.char("三"))
        #expect(r8)
        #expect(f.text == "张三" && f.caret == 2)
        let r9 = f.handle(.left)
        #expect(r9)
        #expect(f.caret == 1)
        _ = f.handle(.char("丰"))
        #expect(f.text == "张丰三" && f.caret == 2)
    }

    @Test func backspaceAndDeleteRemoveWholeGraphemes() {
        var f = TextField(text: "a👍🏽e\u{301}b")
        #expect(f.caret == 4)
        _ = f.handle(.left)
        _ = f.handle(.backspace)
        #expect(f.text == "a👍🏽b")
        _ = f.handle(.backspace)
        #expect(f.text == "ab" && f.caret == 1)
        _ = f.handle(.home)
        _ = f.handle(.delete)
        #expect(f.text == "b" && f.caret == 0)
        _ = f.handle(.backspace)
        #expect(f.text == "b")
    }

    @Test func caretMovementAndEmacsKeys() {
        var f = TextField(text: "张三丰")
        _ = f.handle(.ctrl("a"))
        #expect(f.caret == 0)
        _ = f.handle(.left)
        #expect(f.caret == 0)
        _ = f.handle(.right)
        _ = f.handle(.ctrl("k"))
        #expect(f.text == "张" && f.caret == 1)
        _ = f.handle(.ctrl("e"))
        _ = f.handle(.ctrl("u"))
        #expect(f.text.isEmpty && f.caret == 0)
        let r101 = f.handle(.enter)
        #expect(!r101)
        let r102 = f.handle(.tab)
        #expect(!r102)
        let r103 = f.handle(.function(4))
        #expect(!r103)
    }

    @Test func pasteInsertsAStringAndDropsControls() {
        var f = TextField(text: "张")
        let r10 = f.handle(.paste("三\u{1B}[2J丰"))
        #expect(r10)
        #expect(f.text == "张三[2J丰")
        #expect(f.caret == 6)
    }

    @Test func maxLengthCountsGraphemes() {
        var f = TextField(maxLength: 3)
        _ = f.handle(.paste("欧阳娜娜"))
        #expect(f.text == "欧阳娜")
        let r11 = f.handle(.char("x"))
        #expect(r11)
        #expect(f.text == "欧阳娜")
    }

    @Test func filtersRestrictInput() {
        var digits = TextField(filter: .digits)
        _ = digits.handle(.paste("138-0013 8000"))
        #expect(digits.text == "13800138000")
        let r12 = digits.handle(.char("a"))
        #expect(r12)
        #expect(digits.text == "13800138000")
        var id = TextField(maxLength: 18, filter: .idDigits)
        _ = id.handle(.paste("11010519491231002x"))
        #expect(id.text == "11010519491231002X")
        var phone = TextField(filter: .phone)
        _ = phone.handle(.paste("+86 138-0013a"))
        #expect(phone.text == "+86 138-0013")
    }

    @Test func secureFieldDrawsBullets() {
        var canvas = Canvas(width: 20, height: 1)
        let f = TextField(text: "密码abc", isSecure: true)
        f.draw(into: &canvas, at: Rect(x: 2, y: 0, width: 10, height: 1), focused: true, style: .underline)
        #expect(canvas.rowText(0) == "  •••••")
        #expect(canvas.cursor == CursorPosition(x: 7, y: 0))
        #expect(canvas[x: 11, y: 0].style == .underline)
        #expect(canvas[x: 12, y: 0].style == .plain)
    }

    @Test func scrollsHorizontallyToKeepCaretVisible() {
        var canvas = Canvas(width: 10, height: 1)
        var f = TextField(text: "张三丰李四")
        let rect = Rect(x: 0, y: 0, width: 5, height: 1)
        f.draw(into: &canvas, at: rect, focused: true, style: .plain)
        #expect(canvas.rowText(0) == "李四")
        #expect(canvas.cursor == CursorPosition(x: 4, y: 0))
        _ = f.handle(.home)
        canvas = Canvas(width: 10, height: 1)
        f.draw(into: &canvas, at: rect, focused: true, style: .plain)
        #expect(canvas.rowText(0) == "张三")
        #expect(canvas.cursor == CursorPosition(x: 0, y: 0))
        canvas = Canvas(width: 10, height: 1)
        f.draw(into: &canvas, at: rect, focused: false, style: .plain)
        #expect(canvas.cursor == nil)
    }

    /// Issue 12: a prefilled field is replaced by the first printable key or paste, kept by an
    /// editing or moving key; a field merely given text at init is edited as before.
    @Test func prefilledFieldIsReplacedByTypingAndKeptByEditing() {
        var f = TextField.prefilled("2026-01-01", maxLength: 10)
        #expect(f.handle(.char("2")) && f.text == "2" && !f.replacesOnType)
        var g = TextField.prefilled("2026-01-01", maxLength: 10)
        _ = g.handle(.paste("2026-12-24"))
        #expect(g.text == "2026-12-24")
        var h = TextField.prefilled("元旦", maxLength: 20)
        _ = h.handle(.end)
        _ = h.handle(.char("节"))
        #expect(h.text == "元旦节")
        var k = TextField.prefilled("元旦", maxLength: 20)
        _ = k.handle(.backspace)
        #expect(k.text == "元")
        var m = TextField.prefilled("2026", maxLength: 4, filter: .digits)
        _ = m.handle(.tab)                 // not the field's key: the value still waits
        #expect(m.replacesOnType && m.text == "2026")
        var plain = TextField(text: "元旦", maxLength: 20)
        _ = plain.handle(.char("节"))
        #expect(plain.text == "元旦节")
        #expect(!TextField.prefilled("").replacesOnType)
    }

    /// Issue 12, defect 4: a field of digits or codes reads full-width input as ASCII instead of
    /// dropping it (the ID field dropped ３２０１… silently).
    @Test func fullWidthDigitsAreReadAsHalfWidth() {
        var id = TextField(maxLength: 18, filter: .idDigits)
        _ = id.handle(.paste("３２０１０２１９９００３０７１２３ｘ"))
        #expect(id.text == "32010219900307123X")
        var n = TextField(maxLength: 4, filter: .digits)
        for c in "２０２６" { _ = n.handle(.char(c)) }
        #expect(n.text == "2026")
        var phone = TextField(maxLength: 20, filter: .phone)
        _ = phone.handle(.paste("＋８６　１３８"))
        #expect(phone.text == "+86 138")
        var any = TextField(maxLength: 20)
        _ = any.handle(.paste("张伟１"))
        #expect(any.text == "张伟１")        // a free-text field keeps what was typed
    }
}

