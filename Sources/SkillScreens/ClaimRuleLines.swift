import SkillCore
import SkillDesk
import TermUI

/// How every claim screen shows the engine's rule outcomes (the evaluation and the claim's
/// detail): failures, warnings, passes, then rules that do not apply, the engine's order within
/// each — mark, rule ID, message, clause at the right edge. On the detail a rule's message wraps
/// onto continuation rows under the message column (issue 12: every line a supervisor decides on
/// is readable whole at 80×24); the evaluation keeps one row per rule and F4 shows the whole text.
enum ClaimRuleLines {
    static func ordered(_ outcomes: [RuleOutcome]) -> [RuleOutcome] {
        let rank: [RuleResult: Int] = [.fail: 0, .warn: 1, .pass: 2, .notApplicable: 3]
        return outcomes.enumerated().sorted {
            (rank[$0.element.result] ?? 4, $0.offset) < (rank[$1.element.result] ?? 4, $1.offset)
        }.map(\.element)
    }

    static let clauseWidth = 14
    /// The message column: mark (1) and rule ID (4) with their gaps.
    static let messageX = 8

    static func messageWidth(_ width: Int) -> Int { max(1, width - messageX - clauseWidth - 1) }

    /// The message of `o` cut into rows of the message column (CJK never split: `TextWidth.wrap`).
    static func wrapped(_ o: RuleOutcome, width: Int, _ lang: Lang) -> [String] {
        TextWidth.wrap(Sanitize.forDisplay(lang == .zh ? o.zh : o.en), to: messageWidth(width))
    }

    /// One rule on row `y` from column 1 over `width` columns, reversed when selected: the first
    /// row (`part` 0) with mark, rule ID and clause, or a continuation row of the wrapped message.
    /// With `part` nil the message is cut to one row (the evaluation's list).
    static func draw(_ o: RuleOutcome, into canvas: inout Canvas, y: Int, width: Int, selected: Bool, _ lang: Lang,
                     part: Int? = nil) {
        let (mark, style) = mark(o.result)
        let messageWidth = messageWidth(width)
        let message: String
        if let part {
            message = wrapped(o, width: width, lang)[safe: part] ?? ""
        } else {
            message = lang == .zh ? o.zh : o.en
        }
        if selected { canvas.fill(Rect(x: 1, y: y, width: width, height: 1), style: .reverse) }
        canvas.put(message, x: messageX, y: y, style: selected ? .reverse : (o.result == .notApplicable ? .dim : .plain),
                   maxWidth: messageWidth)
        guard (part ?? 0) == 0 else { return }
        canvas.put(mark, x: 1, y: y, style: selected ? .reverse : style)
        canvas.put(TextWidth.pad(o.rule, to: 4), x: 3, y: y, style: selected ? .reverse : .bold)
        canvas.put(TextWidth.clip(o.clause, to: clauseWidth), x: 1 + width - clauseWidth, y: y,
                   style: selected ? .reverse : .dim)
    }

    static func mark(_ result: RuleResult) -> (String, Style) {
        switch result {
        case .fail: return ("✗", .error)
        case .warn: return ("⚠", .warning)
        case .pass: return ("✓", .ok)
        case .notApplicable: return ("–", .dim)
        }
    }

    /// The clause screen for a rule: its whole message, its clause and the seed passage (issue 12:
    /// Enter/F4 on a rule line, on the evaluation and on the detail alike).
    static func clauseScreen(_ o: RuleOutcome, _ lang: Lang) -> ClauseScreen {
        ClauseScreen(clause: o.clause, rule: o.message(lang), text: o.clause.isEmpty ? nil : ClauseBook.shipped.text(o.clause))
    }
}
