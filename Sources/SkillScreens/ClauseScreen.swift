import SkillCore
import SkillDesk
import TermUI

/// A rule's whole text, then its policy clause and the clause's passage from the seed document,
/// wrapped to the screen and scrolling with ↑↓ PgUp PgDn (issue 12: nothing a supervisor decides on
/// is cut at the right edge; the rule's own line used to be clipped here, E14 with it).
public final class ClauseScreen: Screen {
    let clause: String
    let rule: String
    let text: String?
    var top = 0
    var page = 20

    public init(clause: String, rule: String, text: String?) {
        self.clause = clause
        self.rule = rule
        self.text = text
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang.format(.clauseTitle, clause.isEmpty ? "—" : clause) }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyBack]), ("↑↓ PgUp/PgDn", ctx.lang[.keyScroll])]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpKeyList], ctx.lang[.helpOther]] }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch key {
        case .function(3), .function(12), .function(4), .char("q"): return [.pop]
        case .up: top -= 1
        case .down: top += 1
        case .pageUp: top -= max(1, page - 1)
        case .pageDown: top += max(1, page - 1)
        case .home: top = 0
        case .end: top = Int.max / 2
        default: break
        }
        top = max(0, top)
        return []
    }

    /// Every line at `width` columns with its style: the rule (heading, then its text wrapped),
    /// a blank line, the clause (heading, then the seed passage wrapped, or why there is none).
    func lines(_ lang: Lang, width: Int) -> [(String, Style)] {
        var out: [(String, Style)] = [(lang[.clauseRuleHeading], .bold)]
        out += TextWidth.wrap(Sanitize.forDisplay(rule), to: width).map { ($0, .plain) }
        out.append(("", .plain))
        if clause.isEmpty {
            out.append((lang[.clauseNone], .dim))
            return out
        }
        out.append((lang.format(.clauseHeading, clause), .bold))
        if let text {
            out += TextWidth.wrap(Sanitize.forDisplay(text), to: width).map { ($0, .plain) }
        } else {
            out.append((lang.format(.clauseNoPassage, clause), .dim))
        }
        return out
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let width = max(1, body.width - 4)
        let all = lines(ctx.lang, width: width)
        page = max(1, body.height - 1)
        top = min(top, max(0, all.count - page))
        for (i, line) in all.dropFirst(top).prefix(page).enumerated() {
            canvas.put(line.0, x: 2, y: body.y + 1 + i, style: line.1, maxWidth: width)
        }
    }
}
