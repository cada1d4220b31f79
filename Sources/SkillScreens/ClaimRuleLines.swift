import SkillCore
import SkillDesk
import TermUI

/// How every claim screen shows the engine's rule outcomes (the evaluation and the claim's
/// detail): failures, warnings, passes, then rules that do not apply, the engine's order within
/// each; one line each — mark, rule ID, message, clause at the right edge.
enum ClaimRuleLines {
    static func ordered(_ outcomes: [RuleOutcome]) -> [RuleOutcome] {
        let rank: [RuleResult: Int] = [.fail: 0, .warn: 1, .pass: 2, .notApplicable: 3]
        return outcomes.enumerated().sorted {
            (rank[$0.element.result] ?? 4, $0.offset) < (rank[$1.element.result] ?? 4, $1.offset)
        }.map(\.element)
    }

    static let clauseWidth = 14

    /// One rule on row `y` from column 1 over `width` columns, reversed when selected.
    static func draw(_ o: RuleOutcome, into canvas: inout Canvas, y: Int, width: Int, selected: Bool, _ lang: Lang) {
        let (mark, style) = mark(o.result)
        let messageWidth = max(1, width - 8 - clauseWidth - 1)
        let message = lang == .zh ? o.zh : o.en
        if selected { canvas.fill(Rect(x: 1, y: y, width: width, height: 1), style: .reverse) }
        canvas.put(mark, x: 1, y: y, style: selected ? .reverse : style)
        canvas.put(TextWidth.pad(o.rule, to: 4), x: 3, y: y, style: selected ? .reverse : .bold)
        canvas.put(message, x: 8, y: y, style: selected ? .reverse : (o.result == .notApplicable ? .dim : .plain),
                   maxWidth: messageWidth)
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
}
