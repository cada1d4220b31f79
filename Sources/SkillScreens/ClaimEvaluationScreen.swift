import SkillCore
import SkillDesk
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
    /// The claim saved from this evaluation (F6 draft, F10 submit), and its status.
    var savedID: Int64?
    var savedStatus: ClaimStatus?

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
    var ordered: [RuleOutcome] { ClaimRuleLines.ordered(result?.outcomes ?? []) }

    public func title(_ ctx: ScreenContext) -> String {
        let lang = ctx.lang
        var parts = [lang[.claimEvaluation]]
        if let r = result { parts.append(r.workerName) }
        parts.append(proposal.kind.label(lang))
        if let id = proposal.classID { parts.append(lang.format(.claimClassNumber, String(id))) }
        return parts.joined(separator: " · ")
    }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        var keys: [(key: String, label: String)] = [("F3", ctx.lang[.keyBack]), ("F4", ctx.lang[.keyClause]),
                                                    ("F5", ctx.lang[.keyReevaluate])]
        if ctx.session?.can(.prepareClaims) == true && savedStatus != .submitted {
            if savedID == nil { keys.append(("F6", ctx.lang[.keySaveDraft])) }
            if let block = submitBlock(ctx.lang) {
                keys.append(("F10", ctx.lang.format(.keySubmitDisabled, block)))
            } else {
                keys.append(("F10", ctx.lang[.keySubmit]))
            }
        }
        return keys + [("↑↓", ctx.lang[.keyMove])]
    }

    /// Why F10 cannot submit now (the failing rules), or nil.
    func submitBlock(_ lang: Lang) -> String? {
        guard let r = result else { return errorText == nil ? nil : "—" }
        let failed = r.evaluation.failures.map(\.rule)
        return failed.isEmpty ? nil : lang.format(.claimRulesFail, failed.joined(separator: " "))
    }

    /// F6: the evaluated claim saved as a draft (once).
    func saveDraft(_ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        if let id = savedID { return [.message(ctx.lang.format(.claimAlreadySaved, ClaimText.number(id, year: result?.claimYear)), .warning)] }
        do {
            let d = try s.newClaim(proposal)
            savedID = d.claim.id
            savedStatus = d.status
            return [.message(ctx.lang.format(.claimDraftSaved, ClaimText.number(d.claim), Money.format(fen: d.claim.amountFen)), .ok)]
        } catch {
            return [.message(describe(error, ctx.lang), .error)]
        }
    }

    /// F10: saved if not yet, then submitted; refused on the screen while any rule fails.
    func submit(_ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        if savedStatus == .submitted { return [.message(ctx.lang[.claimAlreadySubmitted], .warning)] }
        if let block = submitBlock(ctx.lang) {
            return [.message(ctx.lang.format(.claimSubmitRefused, block), .error)]
        }
        do {
            if savedID == nil {
                let d = try s.newClaim(proposal)
                savedID = d.claim.id
                savedStatus = d.status
            }
            let c = try s.submitClaim(savedID!)
            savedStatus = c.status
            return [.message(ctx.lang.format(.claimSubmitted, ClaimText.number(c), Money.format(fen: c.amountFen)), .ok)]
        } catch {
            return [.message(describe(error, ctx.lang), .error)]
        }
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
        case .function(6) where ctx.session?.can(.prepareClaims) == true:
            return saveDraft(ctx)
        case .function(10) where ctx.session?.can(.prepareClaims) == true:
            return submit(ctx)
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
        for (i, o) in rules.enumerated().dropFirst(top).prefix(visibleRules) {
            ClaimRuleLines.draw(o, into: &canvas, y: y, width: width, selected: i == selected, lang)
            y += 1
        }
    }
}
