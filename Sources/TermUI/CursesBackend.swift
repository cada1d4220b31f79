// The only file that talks to ncursesw (with CursesSignals.swift). ncurses is used as a cell
// sink: no curses windows or forms, just whole rows written where the canvas changed.
// Not Sendable: every curses call must happen on the thread that created the backend.
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public final class CursesBackend: TerminalBackend {
    private let screen: OpaquePointer
    private let openedFiles: [UnsafeMutablePointer<FILE>]
    private let ownsTerminal: Bool
    private var previous: Canvas?
    private var stopped = false
    private var cursorVisible: Bool?
    private var colorPairs: [TermColor: Int16] = [:]

    private init(screen: OpaquePointer, openedFiles: [UnsafeMutablePointer<FILE>], ownsTerminal: Bool) {
        self.screen = screen
        self.openedFiles = openedFiles
        self.ownsTerminal = ownsTerminal
        configure()
    }

    deinit { stop() }

    /// Takes over the user's terminal (stdin/stdout). Call `stop()` before printing anything.
    public static func start() throws -> CursesBackend {
        try ensureUTF8Locale()
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw TerminalError.noTermType
        }
        // newterm instead of initscr: initscr exits the process on failure, newterm reports it.
        guard let screen = newterm(nil, sd_stdout(), sd_stdin()) else {
            throw TerminalError.cannotInitialise(term: term)
        }
        let backend = CursesBackend(screen: screen, openedFiles: [], ownsTerminal: true)
        CursesSignals.install()
        return backend
    }

    /// A backend drawing into /dev/null with a fixed size, for tests: it needs no TTY, and
    /// `cellText`/`cellStyle` read back what ncurses would have shown.
    public static func forTesting(width: Int = 80, height: Int = 24,
                                  term: String = "xterm-256color") throws -> CursesBackend {
        try ensureUTF8Locale()
        guard let out = fopen("/dev/null", "w") else { throw TerminalError.notATerminal }
        guard let inp = fopen("/dev/null", "r") else { fclose(out); throw TerminalError.notATerminal }
        guard let screen = newterm(term, out, inp) else {
            fclose(out); fclose(inp)
            throw TerminalError.cannotInitialise(term: term)
        }
        let backend = CursesBackend(screen: screen, openedFiles: [out, inp], ownsTerminal: false)
        resizeterm(Int32(height), Int32(width))
        // resizeterm queues a KEY_RESIZE; a test starts from a quiet input queue.
        while backend.readKey(timeoutMilliseconds: 0) != nil {}
        return backend
    }

    /// Gives the terminal back (endwin). Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if ownsTerminal { CursesSignals.setActive(false) }
        endwin()
        delscreen(screen)
        for file in openedFiles { fclose(file) }
    }

    public var size: (width: Int, height: Int) {
        (Int(sd_cols()), Int(sd_lines()))
    }

    public func invalidate() {
        previous = nil
        clearok(sd_stdscr(), true) // next refresh repaints the physical screen from scratch
    }

    public func present(_ canvas: Canvas) {
        guard !stopped else { return }
        let win = sd_stdscr()
        let rows = min(canvas.height, Int(sd_lines()))
        let cols = min(canvas.width, Int(sd_cols()))
        let full = previous.map { $0.width != canvas.width || $0.height != canvas.height } ?? true
        if full { werase(win) }
        for y in 0..<max(0, rows) {
            if !full, let prev = previous, prev.row(y) == canvas.row(y) { continue }
            drawRow(canvas.row(y), y: y, columns: cols)
        }
        if let c = canvas.cursor, c.x >= 0, c.x < cols, c.y >= 0, c.y < rows {
            setCursorVisible(true)
            wmove(win, Int32(c.y), Int32(c.x))
        } else {
            setCursorVisible(false)
        }
        wrefresh(win)
        previous = canvas
    }

    public func readKey(timeoutMilliseconds: Int?) -> Key? {
        guard !stopped else { return nil }
        let win = sd_stdscr()
        wtimeout(win, Int32(clamping: timeoutMilliseconds.map { max(0, $0) } ?? -1))
        while true {
            var ch: wint_t = 0
            let result = wget_wch(win, &ch)
            if result == sd_key_code_yes() {
                guard let key = CursesKeys.key(forCode: Int32(ch)) else { continue }
                if key == .resize { previous = nil }
                return key
            } else if result == sd_ok() {
                if let key = CursesKeys.key(forChar: UInt32(ch)) { return key }
                // Unmapped control characters are skipped; the next key is still waited for.
            } else {
                return nil
            }
        }
    }

    // MARK: Read-back (tests)

    /// The grapheme ncurses holds at (x, y): base character plus combining marks.
    public func cellText(x: Int, y: Int) -> String {
        var cc = cchar_t()
        guard mvwin_wch(sd_stdscr(), Int32(y), Int32(x), &cc) != sd_err() else { return "" }
        var buf = [wchar_t](repeating: 0, count: 8)
        var attrs: attr_t = 0
        var pair: Int16 = 0
        _ = sd_getcchar(&cc, &buf, &attrs, &pair)
        var s = String.UnicodeScalarView()
        for w in buf {
            guard w != 0, let u = Unicode.Scalar(UInt32(w)) else { break }
            s.append(u)
        }
        return String(s)
    }

    /// The attributes ncurses holds at (x, y), mapped back to a `Style`.
    public func cellStyle(x: Int, y: Int) -> Style {
        var cc = cchar_t()
        guard mvwin_wch(sd_stdscr(), Int32(y), Int32(x), &cc) != sd_err() else { return .plain }
        var buf = [wchar_t](repeating: 0, count: 8)
        var attrs: attr_t = 0
        var pair: Int16 = 0
        _ = sd_getcchar(&cc, &buf, &attrs, &pair)
        return Style(bold: attrs & sd_a_bold() != 0, reverse: attrs & sd_a_reverse() != 0,
                     underline: attrs & sd_a_underline() != 0, dim: attrs & sd_a_dim() != 0,
                     color: colorPairs.first { $0.value == pair }?.key)
    }

    // MARK: Setup

    /// UTF-8 is required for Chinese text. If the user's locale is missing (a server with only
    /// C.UTF-8 installed), fall back to C.UTF-8 for character handling; the language the UI
    /// speaks is the caller's decision, taken from LANG, not from this.
    static func ensureUTF8Locale() throws {
        setlocale(LC_ALL, "")
        let original = codeset()
        if isUTF8(original) { return }
        for fallback in ["C.UTF-8", "UTF-8"] where setlocale(LC_CTYPE, fallback) != nil {
            if isUTF8(codeset()) { return }
        }
        throw TerminalError.notUTF8(codeset: original)
    }

    private static func codeset() -> String {
        sd_codeset().map { String(cString: $0) } ?? "unknown"
    }

    private static func isUTF8(_ codeset: String) -> Bool {
        codeset.uppercased().filter { $0 != "-" } == "UTF8"
    }

    private func configure() {
        let win = sd_stdscr()
        raw()            // Ctrl-C/S/Q/Z arrive as keys; flow control off
        noecho()
        nonl()
        keypad(win, true)
        intrflush(win, false)
        set_escdelay(25) // Esc alone answers quickly; F-keys still decode
        if has_colors() {
            start_color()
            let background: Int16 = use_default_colors() == sd_ok() ? -1 : Int16(COLOR_BLACK)
            let palette: [(TermColor, Int32)] = [
                (.red, COLOR_RED), (.green, COLOR_GREEN), (.yellow, COLOR_YELLOW),
                (.blue, COLOR_BLUE), (.cyan, COLOR_CYAN), (.magenta, COLOR_MAGENTA),
            ]
            for (i, (color, fg)) in palette.enumerated() {
                let pair = Int16(i + 1)
                if init_pair(pair, Int16(fg), background) == sd_ok() { colorPairs[color] = pair }
            }
        }
    }

    // MARK: Drawing

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
    }

    private func drawRow(_ row: ArraySlice<Cell>, y: Int, columns: Int) {
        let cells = Array(row)
        var x = 0
        while x < columns {
            let cell = cells[x]
            let width = cell.isContinuation ? 0 : TextWidth.of(cell.text)
            if width == 2, x + 1 < columns {
                writeCell(cell.text, style: cell.style, width: 2, x: x, y: y)
                x += 2
            } else if width == 2 || width == 0 {
                // A wide char cut by the terminal's edge, or a stray continuation: a blank.
                writeCell(" ", style: cell.style, width: 1, x: x, y: y)
                x += 1
            } else {
                writeCell(cell.text, style: cell.style, width: 1, x: x, y: y)
                x += 1
            }
        }
    }

    /// Writes one grapheme so that ncurses' idea of its width (wcwidth) matches ours; where the
    /// C library disagrees, a narrower rendering plus a blank keeps the row aligned.
    private func writeCell(_ text: String, style: Style, width: Int, x: Int, y: Int) {
        let scalars = Array(text.unicodeScalars)
        guard let base = scalars.first else { return }
        let baseWidth = Int(sd_wcwidth(wchar_t(base.value)))
        var chars: [wchar_t]
        var padAfter = false
        if baseWidth == width || (baseWidth == 1 && width == 2) {
            padAfter = baseWidth < width
            // Keep combining marks; drop skin tones, ZWJ partners and (if narrowed) FE0F, which
            // ncurses cannot hold in one cell.
            let marks = scalars.dropFirst().filter { u in
                sd_wcwidth(wchar_t(u.value)) == 0 && u.value != 0x200D && !(padAfter && u.value == 0xFE0F)
            }
            chars = [wchar_t(base.value)] + marks.prefix(4).map { wchar_t($0.value) }
        } else {
            chars = [0xFFFD]
            padAfter = width == 2
        }
        put(chars, style: style, x: x, y: y)
        if padAfter { put([0x20], style: style, x: x + 1, y: y) }
    }

    private func put(_ chars: [wchar_t], style: Style, x: Int, y: Int) {
        var attrs = sd_a_normal()
        if style.bold { attrs |= sd_a_bold() }
        if style.reverse { attrs |= sd_a_reverse() }
        if style.underline { attrs |= sd_a_underline() }
        if style.dim { attrs |= sd_a_dim() }
        let pair = style.color.flatMap { colorPairs[$0] } ?? 0
        var cc = cchar_t()
        var wstr = chars + [0]
        if sd_setcchar(&cc, &wstr, attrs, pair) != sd_ok() {
            wstr = [0xFFFD, 0]
            _ = sd_setcchar(&cc, &wstr, attrs, pair)
        }
        // Writing the bottom-right cell reports an error (the cursor cannot advance) but draws.
        _ = mvwadd_wch(sd_stdscr(), Int32(y), Int32(x), &cc)
    }
}
