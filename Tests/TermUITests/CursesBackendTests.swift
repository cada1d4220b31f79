import Testing
import CNcursesw
#if canImport(Glibc)
import Glibc
#endif
@testable import TermUI

/// ncurses has process-wide state, so every test touching it runs in this one serialised suite.
@Suite(.serialized) struct CursesBackendTests {
    func sampleCanvas() -> Canvas {
        var c = Canvas(width: 40, height: 10)
        c.put("Hello, SkillDesk", x: 0, y: 0)
        c.put("张三丰 阿卜杜拉·艾尼", x: 2, y: 1)
        c.put("OK", x: 30, y: 1, style: .reverse)
        c.put("bold", x: 0, y: 2, style: .bold)
        c.put("error", x: 10, y: 2, style: .error)
        c.put("e\u{301}", x: 20, y: 2)
        c.put("ab张三", x: 37, y: 3) // the wide 张 does not fit in the last column
        c.put("张三\u{1B}[2J", x: 0, y: 4)
        c.cursor = CursorPosition(x: 5, y: 6)
        return c
    }

    func expectMatches(_ backend: CursesBackend, _ canvas: Canvas) {
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x: x, y: y]
                if cell.isContinuation { continue }
                #expect(backend.cellText(x: x, y: y) == cell.text, "cell \(x),\(y)")
                let style = backend.cellStyle(x: x, y: y)
                #expect(style.reverse == cell.style.reverse && style.bold == cell.style.bold, "style \(x),\(y)")
            }
        }
    }

    @Test func presentWritesCellsNcursesCanReadBack() throws {
        let backend = try CursesBackend.forTesting(width: 40, height: 10, term: "xterm")
        defer { backend.stop() }
        #expect(backend.size.width == 40 && backend.size.height == 10)
        let canvas = sampleCanvas()
        backend.present(canvas)
        expectMatches(backend, canvas)
        #expect(backend.cellText(x: 2, y: 1) == "张")
        #expect(backend.cellText(x: 4, y: 1) == "三")
        #expect(backend.cellText(x: 2, y: 4) == "三")
        #expect(backend.cellText(x: 4, y: 4) == "␛")
        #expect(backend.cellText(x: 39, y: 3) == " ")
        #expect(backend.cellStyle(x: 30, y: 1).reverse)
        #expect(backend.cellStyle(x: 10, y: 2).color == (has_colors() ? .red : nil))
    }

    @Test func laterFramesUpdateChangedRows() throws {
        let backend = try CursesBackend.forTesting(width: 40, height: 10, term: "xterm")
        defer { backend.stop() }
        var canvas = sampleCanvas()
        backend.present(canvas)
        canvas.clearRow(1)
        canvas.put("李四", x: 0, y: 1, style: .reverse)
        canvas.put("Bob", x: 3, y: 0) // overwrite part of row 0
        backend.present(canvas)
        expectMatches(backend, canvas)
        #expect(backend.cellText(x: 2, y: 1) == "四")
        #expect(backend.cellText(x: 30, y: 1) == " ")
        backend.invalidate()
        backend.present(canvas)
        expectMatches(backend, canvas)
    }

    @Test func emojiWithModifierDegradesWithoutShiftingTheRow() throws {
        let backend = try CursesBackend.forTesting(width: 20, height: 3, term: "xterm-256color")
        defer { backend.stop() }
        var canvas = Canvas(width: 20, height: 3)
        canvas.put("a👍🏽b", x: 0, y: 0)
        backend.present(canvas)
        #expect(backend.cellText(x: 0, y: 0) == "a")
        #expect(backend.cellText(x: 1, y: 0).hasPrefix("👍"))
        #expect(backend.cellText(x: 3, y: 0) == "b")
    }

    @Test func readKeyTimesOutWithoutInputAndStopIsIdempotent() throws {
        let backend = try CursesBackend.forTesting(width: 20, height: 5, term: "xterm")
        #expect(backend.readKey(timeoutMilliseconds: 0) == nil)
        backend.stop()
        backend.stop()
        #expect(backend.readKey(timeoutMilliseconds: 0) == nil)
    }

    @Test func unknownTerminalTypeIsAClearError() {
        #expect(throws: TerminalError.cannotInitialise(term: "no-such-terminal-xyz")) {
            _ = try CursesBackend.forTesting(term: "no-such-terminal-xyz")
        }
        #expect(TerminalError.notUTF8(codeset: "ANSI_X3.4-1968").description.contains("LANG=C.UTF-8"))
    }

    /// Only where there is no TTY (CI): on a real terminal this would take it over.
    @Test(.enabled(if: isatty(0) == 0 || isatty(1) == 0))
    func startRefusesWithoutATerminal() {
        do {
            let backend = try CursesBackend.start()
            backend.stop()
            Issue.record("start() succeeded without a TTY")
        } catch let error as TerminalError {
            #expect(error == .notATerminal || error.description.contains("UTF-8"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func keyDecoding() {
        #expect(CursesKeys.key(forChar: 13) == .enter)
        #expect(CursesKeys.key(forChar: 10) == .enter)
        #expect(CursesKeys.key(forChar: 9) == .tab)
        #expect(CursesKeys.key(forChar: 127) == .backspace)
        #expect(CursesKeys.key(forChar: 8) == .backspace)
        #expect(CursesKeys.key(forChar: 27) == .escape)
        #expect(CursesKeys.key(forChar: 1) == .ctrl("a"))
        #expect(CursesKeys.key(forChar: 19) == .ctrl("s"))
        #expect(CursesKeys.key(forChar: 0x5F20) == .char("张"))
        #expect(CursesKeys.key(forChar: 0x9B) == nil)
        #expect(CursesKeys.key(forCode: sd_key_f(1)) == .function(1))
        #expect(CursesKeys.key(forCode: sd_key_f(12)) == .function(12))
        #expect(CursesKeys.key(forCode: sd_key_resize()) == .resize)
        #expect(CursesKeys.key(forCode: Int32(KEY_BTAB)) == .backTab)
        #expect(CursesKeys.key(forCode: Int32(KEY_DC)) == .delete)
        #expect(CursesKeys.key(forCode: Int32(KEY_NPAGE)) == .pageDown)
    }
}
