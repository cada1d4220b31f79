import Testing
import TermUI

@Suite struct PromptListTests {
    func list(multi: Bool = false) -> PromptList {
        PromptList(title: "工种", items: [(code: "01", label: "木工 Carpenter"),
                                         (code: "02", label: "电工 Electrician"),
                                         (code: "03", label: "焊工 Welder")],
                   multiSelect: multi)
    }

    @Test func typingFiltersByLabelOrCode() {
        var p = list()
        _ = p.handle(.char("工"))
        #expect(p.visibleItems.count == 3)
        _ = p.handle(.char("焊"))
        #expect(p.filter == "工焊")
        #expect(p.visibleItems.isEmpty)
        _ = p.handle(.ctrl("u"))
        _ = p.handle(.paste("WELD"))
        #expect(p.visibleItems.map(\.code) == ["03"])
        let r17 = p.handle(.enter)
        #expect(r17 == .chosen(["03"]))
        var q = list()
        _ = q.handle(.char("2"))
        #expect(q.visibleItems.map(\.code) == ["02"])
        _ = q.handle(.backspace)
        #expect(q.visibleItems.count == 3)
    }

    @Test func arrowsMoveAndEnterChoosesOne() {
        var p = list()
        _ = p.handle(.down)
        _ = p.handle(.down)
        _ = p.handle(.down)
        #expect(p.cursor == 2)
        _ = p.handle(.up)
        let r18 = p.handle(.enter)
        #expect(r18 == .chosen(["02"]))
    }

    @Test func enterWithNothingVisibleDoesNothing() {
        var p = list()
        _ = p.handle(.paste("zzz"))
        let r19 = p.handle(.enter)
        #expect(r19 == PromptList.Outcome.none)
    }

    @Test func multiSelectTogglesWithSpaceAndConfirmsInListOrder() {
        var p = list(multi: true)
        _ = p.handle(.end)
        _ = p.handle(.char(" "))
        _ = p.handle(.home)
        _ = p.handle(.char(" "))
        _ = p.handle(.down)
        _ = p.handle(.char(" "))
        _ = p.handle(.char(" "))
        #expect(p.checked == ["01", "03"])
        #expect(p.filter.isEmpty)
        let r20 = p.handle(.enter)
        #expect(r20 == .chosen(["01", "03"]))
    }

    @Test func cancelKeys() {
        for key in [Key.escape, .function(3), .function(12)] {
            var p = list()
            let r21 = p.handle(key)
            #expect(r21 == .cancelled)
        }
    }

    @Test func drawsACentredBoxWithReversedCursorRow() {
        var canvas = Canvas(width: 60, height: 12)
        var p = list(multi: true)
        _ = p.handle(.char(" "))
        _ = p.handle(.down)
        p.draw(into: &canvas, in: canvas.bounds)
        let text = canvas.text()
        #expect(text.contains("┌─ 工种 "))
        #expect(text.contains("[x] 01  木工 Carpenter"))
        #expect(text.contains("[ ] 02  电工 Electrician"))
        let row = (0..<12).first { canvas.rowText($0).contains("02  电工") }!
        let col = canvas.rowText(row).firstIndex(of: "[")!.utf16Offset(in: canvas.rowText(row))
        #expect(canvas[x: col, y: row].style.reverse)
        #expect(canvas.cursor != nil)
    }
}
