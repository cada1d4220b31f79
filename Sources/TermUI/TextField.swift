import SkillCore

// A one-line text input edited by grapheme cluster, so a Chinese character or 👍🏽 is one step.

public struct TextField: Equatable, Sendable {
    /// Which characters may be typed. An enum (not a closure) keeps the field Sendable.
    public enum Filter: Equatable, Sendable {
        case any
        /// 0–9 only.
        case digits
        /// 0–9 and X (an `x` is upper-cased), as in identity card numbers.
        case idDigits
        /// 0–9, `+`, `-` and space.
        case phone
    }

    public var text: String {
        didSet { caret = min(caret, text.count) }
    }
    /// Insertion point as a grapheme index, 0...text.count.
    public var caret: Int
    /// Maximum length in graphemes.
    public var maxLength: Int?
    /// Shows one `•` per grapheme instead of the text.
    public var isSecure: Bool
    public var filter: Filter
    /// A prefilled value offered for confirmation (issue 12): the first printable key or paste
    /// replaces it whole, as a 5250 field does; an editing or moving key (arrows, Home, End,
    /// Backspace, Delete, Ctrl-A/E/B/F/K/U) keeps it for editing. Shown reversed while it holds.
    public var replacesOnType = false
    /// How many typed or pasted characters were kept out because they are controls, bidi or
    /// zero-width characters (issue 12): a screen says so beside the field instead of dropping
    /// them silently.
    public var removedInvisible = 0

    public init(text: String = "", maxLength: Int? = nil, isSecure: Bool = false, filter: Filter = .any) {
        self.text = text
        self.caret = text.count
        self.maxLength = maxLength
        self.isSecure = isSecure
        self.filter = filter
    }

    /// A field holding `text` that the first typed character replaces (`replacesOnType`).
    public static func prefilled(_ text: String, maxLength: Int? = nil, filter: Filter = .any) -> TextField {
        var f = TextField(text: text, maxLength: maxLength, filter: filter)
        f.replacesOnType = !text.isEmpty
        return f
    }

    /// Applies an editing key. Returns true if the key belongs to the field: every printable
    /// character and paste counts as consumed even when the filter or `maxLength` rejects it,
    /// so a stray letter never reaches a screen's shortcuts. Enter, Tab, F-keys etc. return false.
    public mutating func handle(_ key: Key) -> Bool {
        if replacesOnType {
            switch key {
            case .char, .paste:
                replacesOnType = false
                text = ""; caret = 0
            case .backspace, .delete, .left, .right, .home, .end,
                 .ctrl("a"), .ctrl("b"), .ctrl("d"), .ctrl("e"), .ctrl("f"), .ctrl("k"), .ctrl("u"):
                replacesOnType = false
            default: break
            }
        }
        var chars = Array(text)
        switch key {
        case .char(let c): insert(String(c))
        case .paste(let s): insert(s)
        case .backspace:
            if caret > 0 { chars.remove(at: caret - 1); caret -= 1; text = String(chars) }
        case .delete, .ctrl("d"):
            if caret < chars.count { chars.remove(at: caret); text = String(chars) }
        case .left, .ctrl("b"): caret = max(0, caret - 1)
        case .right, .ctrl("f"): caret = min(chars.count, caret + 1)
        case .home, .ctrl("a"): caret = 0
        case .end, .ctrl("e"): caret = chars.count
        case .ctrl("u"): text = ""; caret = 0
        case .ctrl("k"): text = String(chars[..<caret])
        default: return false
        }
        return true
    }

    /// Inserts `s` at the caret, keeping only allowed characters and stopping at `maxLength`.
    /// Returns true if anything was inserted.
    @discardableResult
    public mutating func insert(_ s: String) -> Bool {
        var chars = Array(text)
        var accepted: [Character] = []
        for c in s {
            guard let c = accept(c) else { continue }
            if let maxLength, chars.count + accepted.count >= maxLength { break }
            accepted.append(c)
        }
        guard !accepted.isEmpty else { return false }
        let prefix = String(chars[..<caret]) + String(accepted)
        chars = Array(prefix + String(chars[caret...]))
        // A combining mark may merge into the preceding grapheme, so count again.
        text = String(chars)
        caret = min(prefix.count, text.count)
        return true
    }

    private mutating func accept(_ c: Character) -> Character? {
        // Controls, bidi and zero-width characters never enter a field.
        guard Sanitize.isClean(String(c)) else { removedInvisible += 1; return nil }
        // A field of digits or codes reads what an input method types in full-width form (１, Ｘ,
        // －) as its ASCII twin (issue 12): before, the ID field dropped full-width digits silently.
        var c = c
        if filter != .any, let folded = HalfWidth.ascii(String(c)).first { c = folded }
        switch filter {
        case .any: return c
        case .digits: return c.isASCII && c.isNumber ? c : nil
        case .idDigits:
            if c.isASCII && c.isNumber { return c }
            return c == "x" || c == "X" ? "X" : nil
        case .phone:
            return (c.isASCII && c.isNumber) || c == "+" || c == "-" || c == " " ? c : nil
        }
    }

    /// Draws the field on row `rect.y` across `rect.width` columns, scrolled horizontally so
    /// the caret stays visible. When focused, the canvas cursor goes to the caret.
    public func draw(into canvas: inout Canvas, at rect: Rect, focused: Bool, style: Style) {
        guard rect.width > 0 else { return }
        canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
        let shown: [String] = isSecure
            ? Array(repeating: "•", count: text.count)
            : text.map { Sanitize.forDisplay(String($0)) }
        let widths = shown.map { TextWidth.of($0) }
        // First visible grapheme: the smallest start leaving room for the caret (which needs a
        // free column at the right edge when it sits at the end).
        let caretCol = widths[..<caret].reduce(0, +)
        var first = 0
        var before = caretCol
        while before > rect.width - 1, first < caret {
            before -= widths[first]
            first += 1
        }
        var textStyle = style
        if replacesOnType && focused { textStyle.reverse = true }  // typing replaces what is shown
        canvas.put(shown[first...].joined(), x: rect.x, y: rect.y, style: textStyle, maxWidth: rect.width)
        if focused {
            canvas.cursor = CursorPosition(x: rect.x + min(before, rect.width - 1), y: rect.y)
        }
    }
}
