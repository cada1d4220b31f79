import SkillCore
import SkillDesk
import SkillStore
import TermUI

/// A claim evaluation as a clerk reads it (SCREENS.md "Claim evaluation"): the amount and how it
/// was computed, what it rests on, then every rule — failures first, then warnings, passes, and
/// rules that do not apply — each with its clause. ↑↓ choose a rule; F4 shows the clause's text
/// from the seed document; F5 evaluates again (after the evidence changed). Nothing is saved.
public final class ClaimEvaluationScreen: Screen {
    let proposal: ClaimProposal
    var result: ClaimEvaluation?
    var errorText: String?
    /// Index into `ordered` of the chosen rule.
    var selected = 0
    /// The first rule line shown.
    var top = 0
    var visibleRules = 10

    public init(proposal: ClaimProposal, ctx: ScreenContext) {
        self.proposal = proposal
        evaluate(ctx)
    }

    func evaluate(_ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        do {
            result = try s.evaluateClaim(proposal)
            errorText = nil
        } catch {
            result = nil
            errorText = describe(error, ctx.lang)
        }
        selected = min(selected, max(0, ordered.count - 1))
    }

    /// Failures, warnings, passes, then rules that do not apply; the engine's order within each.
    var ordered: [RuleOutcome] {
        guard let r = result else { return [] }
        let rank: [RuleResult: Int] = [.fail: 0, .warn: 1, .pass: 2, .notApplicable: 3]
        return r.outcomes.enumerated().sorted {
            (rank[$0.element.result] ?? 4, $0.offset) < (rank[$1.element.result] ?? 4, $1.offset)
        }.map(\.element)
    }

    public func title(_ ctx: ScreenContext) -> String {
        let lang = ctx.lang
        var parts = [lang[.claimEvaluation]]
        if let r = result { parts.append(r.workerName) }
        parts.append(proposal.kind.label(lang))
        if let id = proposal.classID { parts.append(lang.format(.claimClassNumber, String(id))) }
        return parts.joined(separator: " · ")
    }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyBack]), ("F4", ctx.lang[.keyClause]), ("F5", ctx.lang[.keyReevaluate]),
         ("↑↓", ctx.lang[.keyMove])]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpEvaluation], ctx.lang[.helpOther]] }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        let count = ordered.count
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            evaluate(ctx)
            return [.message(ctx.lang[.evaluatedAgain], .ok)]
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, count - 1), selected + 1)
        case .pageUp: selected = max(0, selected - max(1, visibleRules - 1))
        case .pageDown: selected = min(max(0, count - 1), selected + max(1, visibleRules - 1))
        case .home: selected = 0
        case .end: selected = max(0, count - 1)
        case .function(4), .enter:
            guard let o = ordered[safe: selected] else { return [] }
            guard !o.clause.isEmpty, let text = ClauseBook.shipped.text(o.clause) else {
                return [.message(ctx.lang.format(.noClauseText, o.rule), .warning)]
            }
            return [.push(ClauseScreen(clause: o.clause, rule: o.message(ctx.lang), text: text))]
        default:
            break
        }
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let width = body.width - 2
        var y = body.y + 1
        guard let r = result else {
            canvas.put(errorText ?? "", x: 1, y: y, style: .error, maxWidth: width)
            return
        }
        // The amount, whether it may be submitted, and the computation a supervisor can redo by hand.
        let verdict = r.eligible ? lang[.claimEligible]
            : lang.format(.claimNotEligible, r.evaluation.failures.map(\.rule).joined(separator: " "))
        canvas.put(lang[.claimAmount] + " " + Money.format(fen: r.amountFen), x: 1, y: y, style: .bold)
        let amountWidth = TextWidth.of(lang[.claimAmount] + " " + Money.format(fen: r.amountFen))
        canvas.put("   " + lang.format(.claimPayee, r.evaluation.payee.label(lang)) + "   " + verdict,
                   x: 1 + amountWidth, y: y, style: r.eligible ? .ok : .error, maxWidth: width - amountWidth)
        y += 1
        for line in r.evaluation.computation(lang).split(separator: "\n") {
            canvas.put("  " + line, x: 1, y: y, style: .dim, maxWidth: width)
            y += 1
        }
        var context: [String] = []
        if let c = r.classLabel(lang) { context.append(lang[.claimOnClass] + c) }
        if let c = r.certificateLabel(lang) { context.append(lang[.claimOnCertificate] + c) }
        context.append(lang.format(.claimProfileLine, r.profileName, r.profileTitle, r.asOf.description))
        for line in context {
            canvas.put(line, x: 1, y: y, maxWidth: width)
            y += 1
        }
        y += 1
        // The rules, one line each: mark, rule ID, message, clause at the right edge.
        let rules = ordered
        visibleRules = max(1, body.maxY - y)
        if selected < top { top = selected }
        if selected >= top + visibleRules { top = selected - visibleRules + 1 }
        top = min(top, max(0, rules.count - visibleRules))
        let clauseWidth = 14
        for (i, o) in rules.enumerated().dropFirst(top).prefix(visibleRules) {
            let (mark, style) = Self.mark(o.result)
            let isSelected = i == selected
            let messageWidth = max(1, width - 8 - clauseWidth - 1)
            let message = lang == .zh ? o.zh : o.en
            if isSelected { canvas.fill(Rect(x: 1, y: y, width: width, height: 1), style: .reverse) }
            canvas.put(mark, x: 1, y: y, style: isSelected ? .reverse : style)
            canvas.put(TextWidth.pad(o.rule, to: 4), x: 3, y: y, style: isSelected ? .reverse : .bold)
            canvas.put(message, x: 8, y: y, style: isSelected ? .reverse : (o.result == .notApplicable ? .dim : .plain),
                       maxWidth: messageWidth)
            canvas.put(TextWidth.clip(o.clause, to: clauseWidth), x: 1 + width - clauseWidth, y: y,
                       style: isSelected ? .reverse : .dim)
            y += 1
        }
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

/// The text of one clause from the seed document, wrapped to the screen, scrolling with ↑↓.
public final class ClauseScreen: Screen {
    let clause: String
    let rule: String
    let text: String
    var top = 0
    var page = 20

    public init(clause: String, rule: String, text: String) {
        self.clause = clause
        self.rule = rule
        self.text = text
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang.format(.clauseTitle, clause) }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyBack]), ("↑↓ PgUp/PgDn", ctx.lang[.keyScroll])]
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch key {
        case .function(3), .function(12), .function(4), .char("q"): return [.pop]
        case .up: top -= 1
        case .down: top += 1
        case .pageUp: top -= max(1, page - 1)
        case .pageDown: top += max(1, page - 1)
        case .home: top = 0
        default: break
        }
        top = max(0, top)
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let width = body.width - 4
        canvas.put(rule, x: 2, y: body.y + 1, style: .bold, maxWidth: width)
        let lines = TextWidth.wrap(text, to: width)
        page = max(1, body.height - 3)
        top = min(top, max(0, lines.count - page))
        for (i, line) in lines.dropFirst(top).prefix(page).enumerated() {
            canvas.put(line, x: 2, y: body.y + 3 + i, maxWidth: width)
        }
    }
}
