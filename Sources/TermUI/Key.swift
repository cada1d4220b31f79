// Keystrokes as the toolkit sees them, decoupled from curses key codes.

public enum Key: Equatable, Hashable, Sendable {
    /// A printable character (one grapheme cluster).
    case char(Character)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right
    case home, end, pageUp, pageDown, insert
    /// F1–F12 (the curses backend passes F13–F24, i.e. Shift-F1…F12 on xterm, as 13–24).
    case function(Int)
    /// Ctrl-A … Ctrl-Z as lowercase letters, except those that already are enter (Ctrl-J/M),
    /// tab (Ctrl-I) and backspace (Ctrl-H).
    case ctrl(Character)
    /// The terminal changed size; read the backend's `size` and redraw.
    case resize
    /// Several printable characters at once (e.g. from a paste). Text fields insert it whole.
    /// The curses backend never batches keys into this: type-ahead must stay single keys so
    /// letter and option shortcuts typed while the program was busy still work.
    case paste(String)

    /// The text this key would type into a field, if any.
    public var typedText: String? {
        switch self {
        case .char(let c): return String(c)
        case .paste(let s): return s
        default: return nil
        }
    }
}
