// Curses key codes and signal set-up: the rest of the ncurses surface, kept apart from drawing.
import CNcursesw

/// Restores the terminal when the process is killed or crashes. The handler itself lives in
/// shim.h, because a signal handler must be a plain C function touching only a static flag.
enum CursesSignals {
    static func install() {
        setActive(true)
        sd_install_signal_handlers()
    }

    static func setActive(_ on: Bool) { sd_set_curses_active(on ? 1 : 0) }
}

/// Maps get_wch results to `Key`.
enum CursesKeys {
    /// A character returned with OK.
    static func key(forChar ch: UInt32) -> Key? {
        switch ch {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(96 + ch))))
        case 0..<32, 0x80..<0xA0: return nil
        default: return Unicode.Scalar(ch).map { .char(Character($0)) }
        }
    }

    /// A key code returned with KEY_CODE_YES.
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case sd_key_resize(): return .resize
        case sd_key_f(1)...sd_key_f(24): return .function(Int(code - sd_key_f(0)))
        default: return nil
        }
    }
}
