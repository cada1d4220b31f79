// What screens need from a terminal: its size, a way to show a canvas, and keys.

public protocol TerminalBackend: AnyObject {
    /// Current size in columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Shows `canvas`: writes only rows that changed since the last call, then places the real
    /// cursor at `canvas.cursor` (or hides it).
    func present(_ canvas: Canvas)
    /// The next key, waiting at most `timeoutMilliseconds` (nil waits forever). Nil on timeout.
    func readKey(timeoutMilliseconds: Int?) -> Key?
    /// Forgets the previous frame so the next `present` redraws everything.
    func invalidate()
}

public enum TerminalError: Error, CustomStringConvertible, Equatable, Sendable {
    case notATerminal
    case noTermType
    case notUTF8(codeset: String)
    case cannotInitialise(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "SkillDesk needs an interactive terminal: standard input and output must be a TTY."
        case .noTermType:
            return "The TERM environment variable is not set; set it to your terminal type (for example TERM=xterm-256color)."
        case .notUTF8(let codeset):
            return "The terminal character set is \(codeset), not UTF-8, and the C.UTF-8 locale is not available. "
                + "Set LANG=C.UTF-8 or LANG=zh_CN.UTF-8 (and install that locale) and start again."
        case .cannotInitialise(let term):
            return "Could not initialise the terminal of type '\(term)'. Check that TERM is correct and its terminfo entry is installed."
        }
    }
}
