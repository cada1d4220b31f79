import Foundation
import Testing
import TermUI

@Suite struct DialogTests {
    func dialog() -> Dialog {
        Dialog(title: "提示", message: ["Worker exists — open it?"], buttons: ["Open", "Cancel"])
    }

    @Test func enterPressesTheFocusedButton() {
        var d = dialog()
        let r1 = d.handle(.enter)
        #expect(r1 == .button(0))
        let r2 = d.handle(.right)
        #expect(r2 == Dialog.Outcome.none)
        let r3 = d.handle(.enter)
        #expect(r3 == .button(1))
        _ = d.handle(.tab)
        #expect(d.focusedButton == 0)
        _ = d.handle(.backTab)
        #expect(d.focusedButton == 1)
    }

    @Test func escapeAndF12Cancel() {
        var d = dialog()
        let r4 = d.handle(.escape)
        #expect(r4 == .cancelled)
        let r5 = d.handle(.function(12))
        #expect(r5 == .cancelled)
        let r6 = d.handle(.char("x"))
        #expect(r6 == Dialog.Outcome.none)
    }

    @Test func drawsMessageAndButtonsInABox() {
        var canvas = Canvas(width: 60, height: 10)
        var d = dialog()
        _ = d.handle(.right)
        d.draw(into: &canvas, in: canvas.bounds)
        let text = canvas.text()
        #expect(text.contains("┌─ 提示 "))
        #expect(text.contains("│ Worker exists — open it?"))
        #expect(text.contains("[ Open ]  [ Cancel ]"))
        let y = (0..<10).first { canvas.rowText($0).contains("[ Cancel ]") }!
        let row = canvas.rowText(y)
        let open = row.distance(from: row.startIndex, to: row.range(of: "[ Open ]")!.lowerBound)
        let cancel = row.distance(from: row.startIndex, to: row.range(of: "[ Cancel ]")!.lowerBound)
        #expect(!canvas[x: open, y: y].style.reverse)
        #expect(canvas[x: cancel, y: y].style.reverse)
    }
}

@Suite struct FooterFormLayoutTests {
    @Test func footerShowsBoldKeysAndLeavesOutWhatDoesNotFitWhole() {
        var canvas = Canvas(width: 30, height: 1)
        let keys = [(key: "F1", label: "帮助"), (key: "F3", label: "Exit"), (key: "F12", label: "Cancel")]
        #expect(Footer.draw(into: &canvas, y: 0, width: 20, keys: keys))
        // "F12 Cancel" needs 12 more columns: left out, and the footer says so with "…" (issue 12).
        #expect(canvas.rowText(0) == "F1 帮助  F3 Exit  …")
        var wide = Canvas(width: 30, height: 1)
        #expect(!Footer.draw(into: &wide, y: 0, width: 28, keys: keys))
        #expect(wide.rowText(0) == "F1 帮助  F3 Exit  F12 Cancel")
        // The "…" takes its room from the keys: at 17 columns "F3 Exit" goes too.
        var narrow = Canvas(width: 30, height: 1)
        Footer.draw(into: &narrow, y: 0, width: 17, keys: keys)
        #expect(narrow.rowText(0) == "F1 帮助  …")
        var tiny = Canvas(width: 30, height: 1)
        Footer.draw(into: &tiny, y: 0, width: 3, keys: keys)
        #expect(tiny.rowText(0) == "…")
        #expect(canvas[x: 0, y: 0].style.bold)
        #expect(!canvas[x: 3, y: 0].style.bold)
        #expect(Footer.text(keys: keys) == "F1 帮助  F3 Exit  F12 Cancel")
    }

    @Test func labelIsPaddedWithDotsByDisplayWidth() {
        #expect(FormLayout.labelText("姓名", width: 10) == "姓名 .... ")
        #expect(FormLayout.labelText("Name", width: 10) == "Name .... ")
        #expect(TextWidth.of(FormLayout.labelText("很长很长很长的标签", width: 10)) == 10)
    }

    @Test func formRowDrawsLabelFieldAndNote() {
        var canvas = Canvas(width: 50, height: 2)
        FormLayout.drawRow(into: &canvas, y: 0, label: "姓名", labelWidth: 10,
                           field: TextField(text: "张三"), fieldWidth: 8, focused: true,
                           note: "必填", noteStyle: .error)
        #expect(canvas.rowText(0) == "姓名 .... 张三     必填")
        #expect(canvas.cursor == CursorPosition(x: 14, y: 0))
        #expect(canvas[x: 19, y: 0].style.color == .red)
        FormLayout.drawRow(into: &canvas, y: 1, label: "Phone", labelWidth: 10,
                           field: nil, fieldWidth: 8, value: "13800138000")
        #expect(canvas.rowText(1) == "Phone ... 13800138")
    }

    @Test func tooSmallCentresTheMessage() {
        var canvas = Canvas(width: 40, height: 9)
        canvas.put("old", x: 0, y: 0)
        Layout.tooSmall(&canvas, message: "终端太小")
        #expect(canvas.rowText(4) == String(repeating: " ", count: 16) + "终端太小")
        #expect(canvas.rowText(0) == "")
        #expect(Layout.isTooSmall(width: 79, height: 24))
        #expect(!Layout.isTooSmall(width: 80, height: 24))
    }
}

@Suite struct TextPromptTests {
    @Test func requiredEntryRefusesBlankAndTrims() {
        var p = TextPrompt(title: "Reason", hint: "why")
        #expect(p.handle(.char(" ")) == .none)
        #expect(p.handle(.enter, emptyProblem: "required") == .none)
        #expect(p.problem == "required")
        for c in "late " { _ = p.handle(.char(c)) }
        #expect(p.problem == nil)
        #expect(p.handle(.enter) == .entered("late"))
        #expect(p.handle(.function(12)) == .cancelled)
    }

    @Test func optionalEntryMayBeEmptyAndDrawsInABox() {
        var p = TextPrompt(title: "IDs", hint: "spaces or commas", required: false)
        #expect(p.handle(.function(2)) == .entered(""))
        var canvas = Canvas(width: 40, height: 9)
        p.draw(into: &canvas, in: Rect(x: 0, y: 0, width: 40, height: 9))
        #expect(canvas.text().contains("IDs"))
        #expect(canvas.text().contains("spaces or commas"))
    }
}
