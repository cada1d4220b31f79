/// JSON string literals as Foundation's JSONEncoder writes them (with `.withoutEscapingSlashes`):
/// `"` and `\` escaped, control characters as `\b \t \n \f \r` or `\u00XX`, everything else —
/// non-ASCII included — as UTF-8 text. For the hand-written snapshots of hot paths.
enum JSONText {
    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        var plainStart = s.unicodeScalars.startIndex
        var i = plainStart
        let scalars = s.unicodeScalars
        while i < scalars.endIndex {
            let c = scalars[i]
            let escape: String?
            switch c {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\u{08}": escape = "\\b"
            case "\t": escape = "\\t"
            case "\n": escape = "\\n"
            case "\u{0C}": escape = "\\f"
            case "\r": escape = "\\r"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16, uppercase: false)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escape = nil
                }
            }
            if let escape {
                out.unicodeScalars.append(contentsOf: scalars[plainStart..<i])
                out += escape
                plainStart = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        out.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        out += "\""
    }
}
