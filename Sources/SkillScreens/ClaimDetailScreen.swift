import SkillCore
import SkillDesk
import TermUI

/// One claim's evidence (issue 5 part 3): worker, class and attendance, certificate, amount and
/// computation, every rule outcome (as on the evaluation screen), status and who did what, the
/// notice, then the history. A supervisor decides a submitted claim here (F8 approve with an
/// optional note, F9 return with a reason, F10 reject with a code and text); a clerk resubmits a
/// draft or returned claim (F10) and records an objection on a claim on notice (F7). On a paid
/// claim a supervisor claws it back (F6: reason, then a confirmation); on a claim in clawback
/// finance records money coming back (F8: yuan, empty = all still due, exact to the fen, then a
/// confirmation). Refusals
/// (maker-checker, a lost race) come back from the use case and are shown; after any action the
/// claim is read again.
public final class ClaimDetailScreen: Screen {
    enum Pending { case approve, returnIt, reject(RejectReason), object, clawback, withdraw }
    let claimID: Int64
    var detail: ClaimDetail?
    var errorText: String?
    var top = 0
    var page = 20
    /// The chosen rule (index into the ordered outcomes): ↑↓ choose, Enter/F4 open its whole text.
    var selected = 0
    /// The text width of the last frame, so keys can find the chosen rule's rows.
    var lastWidth = 78
    /// The one overlay open (keys go to it first; it is drawn last), with what it is for.
    enum Overlay: OverlayCase {
        /// The reason or note for a step.
        case reason(TextPrompt, Pending)
        /// F10's reason code for a rejection (the text follows in `.reason`).
        case rejectCode(PromptList)
        /// F8's amount recovered (empty = all still due).
        case recoverAmount(TextPrompt)
        /// F6's confirmation of a clawback with its reason.
        case confirmClawback(Dialog, reason: String)
        /// F8's confirmation of a recovery (nil = all still due).
        case confirmRecovery(Dialog, amountFen: Int64?)

        var widget: OverlayWidget {
            switch self {
            case let .reason(p, _), let .recoverAmount(p): .prompt(p, width: 70)
            case let .rejectCode(l): .list(l)
            case let .confirmClawback(d, _), let .confirmRecovery(d, _): .dialog(d)
            }
        }
    }
    var overlay: Overlay?

    public init(claimID: Int64, ctx: ScreenContext) {
        self.claimID = claimID
        load(ctx)
    }

    func load(_ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        do {
            detail = try s.claimDetail(claimID)
            errorText = nil
        } catch {
            detail = nil
            errorText = describe(error, ctx.lang)
        }
    }

    var status: ClaimStatus? { detail?.status }

    /// The use case says which steps this user may take (`ClaimDetail.actions`: the state machine,
    /// the roles and four eyes); the screen offers a key for each and re-derives nothing.
    func offers(_ a: ClaimAction) -> Bool { detail?.actions.contains(a) == true }
    func mayDecide(_ ctx: ScreenContext) -> Bool { offers(.approve) }
    func mayReturn(_ ctx: ScreenContext) -> Bool { offers(.returnForCorrection) }
    func mayReject(_ ctx: ScreenContext) -> Bool { offers(.reject) }
    func maySubmit(_ ctx: ScreenContext) -> Bool { offers(.submit) }
    func mayObject(_ ctx: ScreenContext) -> Bool { offers(.object) }
    func mayClawBack(_ ctx: ScreenContext) -> Bool { offers(.clawback) }
    func mayRecover(_ ctx: ScreenContext) -> Bool { offers(.recover) }
    func mayWithdraw(_ ctx: ScreenContext) -> Bool { offers(.withdraw) }
    /// What of the clawback is still to come back.
    var stillDueFen: Int64 { detail.flatMap { ClaimClawback.stillDueFen(clawedBackFen: $0.claim.clawbackDueFen, recoveredFen: $0.claim.recoveredFen) } ?? 0 }

    public func title(_ ctx: ScreenContext) -> String {
        guard let d = detail else { return ctx.lang[.claimDetail] }
        return ctx.lang[.claimDetail] + " · " + ClaimText.number(d.claim) + " · " + d.workerName
    }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        let lang = ctx.lang
        var keys: [(key: String, label: String)] = [("F3", lang[.keyBack]), ("F5", lang[.keyRefresh])]
        if mayClawBack(ctx) { keys.append(("F6", lang[.keyClawback])) }
        // Withdraw (draft or returned) and clawback (paid) never meet on one claim: both are F6.
        if mayWithdraw(ctx) { keys.append(("F6", lang[.keyWithdraw])) }
        if mayObject(ctx) { keys.append(("F7", lang[.keyObject])) }
        if mayRecover(ctx) { keys.append(("F8", lang[.keyRecover])) }
        if mayDecide(ctx) { keys.append(("F8", lang[.keyApprove])) }
        if mayReturn(ctx) { keys.append(("F9", lang[.keyReturn])) }
        if mayReject(ctx) {
            keys.append(("F10", lang[.keyReject]))
        } else if maySubmit(ctx) {
            keys.append(("F10", lang[.keySubmit]))
        }
        if ctx.session?.can(.readAudit) == true { keys.append(("t", lang[.keyClaimAudit])) }
        return keys + [("F4", lang[.keyWholeText]), ("↑↓", lang[.keyChooseLine]), ("PgUp/PgDn", lang[.keyScroll]),
                       ("Enter", lang[.keyWholeText])]
    }

    public func help(_ ctx: ScreenContext) -> [String] {
        [ctx.lang[.helpClaimDetail], ctx.lang[.helpClaimDetailMoney], ctx.lang[.helpKeyList], ctx.lang[.helpOther]]
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        let lang = ctx.lang
        if let effects = handleMoney(key, ctx) { return effects }
        if case var .rejectCode(l)? = overlay {
            switch l.handle(key) {
            case .none: overlay = .rejectCode(l)
            case .cancelled: overlay = nil
            case let .chosen(codes):
                overlay = nil
                guard let code = codes.first.flatMap({ RejectReason(rawValue: $0) }) else { return [] }
                overlay = .reason(TextPrompt(title: lang.format(.rejectReasonTitle, 1), hint: lang[.reasonHint], maxLength: 500),
                                  .reject(code))
            }
            return []
        }
        if case .reason(var p, let what)? = overlay {
            switch p.handle(key, emptyProblem: lang[.reasonRequired]) {
            case .none: overlay = .reason(p, what); return []
            case .cancelled: overlay = nil; return []
            case let .entered(text):
                overlay = nil
                if case .clawback = what {
                    overlay = .confirmClawback(clawbackDialog(lang, reason: text), reason: text)
                    return []
                }
                return act(what, text: text, ctx)
            }
        }
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .char("t") where ctx.session?.can(.readAudit) == true:
            // The claim's history in the audit trail (the trail keys claims by id).
            return [.push(AuditTrailScreen(ctx, query: AuditQuery(entity: "claim", key: String(claimID))))]
        case .function(5), .char("r"):
            load(ctx)
        case .up: choose(-1, ctx)
        case .down: choose(1, ctx)
        case .function(4), .enter:
            guard let o = rules[safe: selected] else { return [] }
            return [.push(ClaimRuleLines.clauseScreen(o, lang))]
        case .pageUp: top = max(0, top - max(1, page - 1))
        case .pageDown: top += max(1, page - 1)
        case .home: top = 0
        case .end: top = Int.max / 2
        case .function(6) where mayClawBack(ctx):
            overlay = .reason(TextPrompt(title: lang[.clawbackTitle], hint: lang[.reasonHint], maxLength: 500), .clawback)
        case .function(6) where mayWithdraw(ctx):
            overlay = .reason(TextPrompt(title: lang[.withdrawTitle], hint: lang[.withdrawHint], maxLength: 500), .withdraw)
        case .function(8) where mayRecover(ctx):
            overlay = .recoverAmount(TextPrompt(title: lang[.recoverTitle], hint: lang.format(.recoverHint, Money.format(fen: stillDueFen)),
                                                maxLength: 20, required: false))
        case .function(7) where mayObject(ctx):
            overlay = .reason(TextPrompt(title: lang[.objectionTitle], hint: lang[.reasonHint], maxLength: 500), .object)
        case .function(8) where mayDecide(ctx):
            overlay = .reason(TextPrompt(title: lang[.approveNoteTitle], hint: lang[.approveNoteHint], maxLength: 500, required: false),
                              .approve)
        case .function(9) where mayReturn(ctx):
            overlay = .reason(TextPrompt(title: lang[.returnTitle], hint: lang[.reasonHint], maxLength: 500), .returnIt)
        case .function(10) where mayReject(ctx):
            var l = PromptList(title: lang.format(.rejectCodeTitle, 1), items: RejectReason.allCases.map { ($0.rawValue, $0.label(lang)) })
            l.maxCodeWidth = 22
            overlay = .rejectCode(l)
        case .function(10) where maySubmit(ctx):
            return act(nil, text: "", ctx)
        default:
            break
        }
        return []
    }

    /// The rule outcomes in the order shown.
    var rules: [RuleOutcome] { ClaimRuleLines.ordered(detail?.outcomes ?? []) }

    /// ↑↓: a chosen rule not wholly on the page is first scrolled into view; otherwise the choice
    /// moves one rule and the page follows it.
    func choose(_ step: Int, _ ctx: ScreenContext) {
        let all = lines(ctx.lang, width: lastWidth)
        func rows(_ i: Int) -> ClosedRange<Int>? {
            let r = all.indices.filter { if case let .rule(_, index, _) = all[$0] { return index == i }; return false }
            guard let first = r.first, let last = r.last else { return nil }
            return first...last
        }
        guard !rules.isEmpty, let current = rows(selected) else {
            top = max(0, top + step)
            return
        }
        let visible = top...(top + max(1, page) - 1)
        if visible.contains(current.lowerBound) && visible.contains(current.upperBound) {
            selected = min(max(0, selected + step), rules.count - 1)
        }
        guard let want = rows(selected) else { return }
        if want.lowerBound < top { top = want.lowerBound }
        if want.upperBound > top + page - 1 { top = want.upperBound - page + 1 }
        top = max(0, top)
    }

    /// Runs one step (nil = submit), reads the claim again and says what happened.
    func act(_ what: Pending?, text: String, _ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        let lang = ctx.lang
        do {
            let c: ClaimRow
            switch what {
            case .approve: c = try s.approveClaim(claimID, note: text.isEmpty ? nil : text)
            case .returnIt: c = try s.returnClaim(claimID, reason: text)
            case let .reject(code): c = try s.rejectClaim(claimID, code: code, reason: text)
            case .object: c = try s.objectToClaim(claimID, reason: text)
            case .clawback: c = try s.clawbackClaim(claimID, reason: text)
            case .withdraw: c = try s.withdrawClaim(claimID, reason: text)
            case nil: c = try s.submitClaim(claimID)
            }
            load(ctx)
            return [.message(lang.format(.claimNowStatus, ClaimText.number(c), ClaimText.status(c.status, lang)), .ok)]
        } catch {
            load(ctx)
            return [.message(describe(error, lang), .error)]
        }
    }

    /// Keys while the recovery amount prompt or a clawback/recovery confirmation is open; nil when
    /// neither is.
    func handleMoney(_ key: Key, _ ctx: ScreenContext) -> [Effect]? {
        let lang = ctx.lang
        switch overlay {
        case var .recoverAmount(p)?:
            switch p.handle(key) {
            case .none: overlay = .recoverAmount(p)
            case .cancelled: overlay = nil
            case let .entered(typed):
                let text = HalfWidth.ascii(typed)
                let due = stillDueFen
                let recovery: Int64?
                if text.isEmpty {
                    recovery = nil
                } else if let fen = Money.parse(yuan: text) {
                    switch ClaimClawback.recoveryProblem(amountFen: fen, stillDueFen: due) {
                    case nil: break
                    case .notPositive?: p.problem = lang[.recoverNotPositive]; overlay = .recoverAmount(p); return []
                    case .moreThanDue?:
                        p.problem = lang.format(.recoverTooMuch, Money.format(fen: fen), Money.format(fen: due))
                        overlay = .recoverAmount(p)
                        return []
                    }
                    recovery = fen
                } else {
                    p.problem = lang[.recoverInvalid]
                    overlay = .recoverAmount(p)
                    return []
                }
                let amount = recovery ?? due
                overlay = .confirmRecovery(Dialog(title: lang[.recoverConfirmTitle],
                                                  message: [lang.format(.recoverConfirm, Money.format(fen: amount), Money.format(fen: due),
                                                                        Money.format(fen: due - amount))],
                                                  buttons: [lang[.recoverButton], lang[.keyCancel]], focusedButton: 0),
                                           amountFen: recovery)
            }
            return []
        case var .confirmClawback(d, reason)?:
            switch d.handle(key) {
            case .none: overlay = .confirmClawback(d, reason: reason); return []
            case .button(0): overlay = nil; return act(.clawback, text: reason, ctx)
            default: overlay = nil; return [.message(lang[.cancelledNothing], .warning)]
            }
        case var .confirmRecovery(d, amount)?:
            switch d.handle(key) {
            case .none: overlay = .confirmRecovery(d, amountFen: amount); return []
            case .button(0): overlay = nil; return recover(amount, ctx)
            default: overlay = nil; return [.message(lang[.cancelledNothing], .warning)]
            }
        default:
            return nil
        }
    }

    func clawbackDialog(_ lang: Lang, reason: String) -> Dialog {
        let number = detail.map { ClaimText.number($0.claim) } ?? "#\(claimID)"
        let amount = Money.format(fen: detail?.claim.amountFen ?? 0)
        return Dialog(title: lang[.clawbackConfirmTitle],
                      message: [lang.format(.clawbackConfirm, number, detail?.workerName ?? "", amount), lang[.claimReason] + reason],
                      buttons: [lang[.clawbackButton], lang[.keyCancel]], focusedButton: 1)
    }

    /// Records a recovery (nil = all still due) and says what is left.
    func recover(_ amountFen: Int64?, _ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        let lang = ctx.lang
        do {
            let c = try s.recoverClaim(claimID, amountFen: amountFen)
            load(ctx)
            if c.status == .recovered {
                return [.message(lang.format(.claimNowStatus, ClaimText.number(c), ClaimText.status(c.status, lang)), .ok)]
            }
            let amount = amountFen ?? 0
            let due = ClaimClawback.stillDueFen(clawedBackFen: c.clawbackDueFen, recoveredFen: c.recoveredFen) ?? 0
            return [.message(lang.format(.recoverPartDone, ClaimText.number(c), Money.format(fen: amount),
                                         Money.format(fen: due)), .ok)]
        } catch {
            load(ctx)
            return [.message(describe(error, lang), .error)]
        }
    }

    /// The text lines above the rules, then the rules, then the history.
    enum Line { case text(String, Style), rule(RuleOutcome, index: Int, part: Int), blank }

    /// Every row at `width` columns: text lines wrapped (continuation rows indented two more
    /// columns than their line), each rule's message wrapped under its message column (issue 12).
    func lines(_ lang: Lang, width: Int = 98) -> [Line] {
        var out: [Line] = []
        for line in unwrappedLines(lang, width: width) {
            switch line {
            case let .text(t, style):
                let shown = Sanitize.forDisplay(t)
                let indent = shown.prefix { $0 == " " }.count + 2
                let first = TextWidth.wrap(shown, to: max(1, width))[0]
                out.append(.text(first, style))
                // The rest of the line (the break's space dropped), wrapped under the indent.
                var rest = Substring(shown).dropFirst(first.count)
                while rest.first == " " { rest = rest.dropFirst() }
                if !rest.isEmpty {
                    let pad = String(repeating: " ", count: min(indent, max(0, width - 10)))
                    for piece in TextWidth.wrap(String(rest), to: max(1, width - pad.count)) { out.append(.text(pad + piece, style)) }
                }
            case let .rule(o, index, _):
                for part in ClaimRuleLines.wrapped(o, width: width, lang).indices { out.append(.rule(o, index: index, part: part)) }
            case .blank:
                out.append(.blank)
            }
        }
        return out
    }

    func unwrappedLines(_ lang: Lang, width: Int) -> [Line] {
        guard let d = detail else { return [] }
        let c = d.claim
        var out: [Line] = []
        out.append(.text(ClaimText.number(c) + "  " + ClaimText.status(c.status, lang) + "  "
                         + ClaimText.kind(c.kind, lang) + "  " + lang[.claimAmount] + " " + Money.format(fen: c.amountFen), .bold))
        // Edited outside the program: said before anything else on the page is trusted.
        if let p = d.auditProblem {
            for piece in TextWidth.wrap("⚠ " + p.message(lang), to: width - 2) { out.append(.text(piece, .error)) }
        }
        out.append(.text(lang[.claimWorker] + d.workerName + "  " + c.workerID, .plain))
        if let e = d.evaluation {
            for line in e.evaluation.computation(lang).split(separator: "\n") { out.append(.text("  " + line, .dim)) }
            if let k = e.classLabel(lang) {
                out.append(.text(lang[.claimOnClass] + k, .plain))
                if let f = e.facts.klass {
                    let hours = Double(f.countedMinutes) / 60
                    out.append(.text("  " + lang.format(.claimAttendanceLine, Self.hours(hours), String(f.plannedHours), f.attendedDays), .plain))
                }
                // Each day: date and hours (classroom+online), a day edited since submission marked ⚠.
                let days = d.attendance.map { day -> String in
                    let mark = d.changedDays.contains(day.date) ? "⚠" : ""
                    let online = day.onlineMinutes > 0 ? "+" + Self.hours(Double(day.onlineMinutes) / 60) : ""
                    return mark + String(day.date.dropFirst(5)) + " " + Self.hours(Double(day.classroomMinutes) / 60) + online
                }
                var line = "  " + lang[.claimDaysLabel]
                for (i, text) in days.enumerated() {
                    let piece = (i == 0 ? "" : " · ") + text
                    if TextWidth.of(line + piece) > width - 2 && i > 0 {
                        out.append(.text(line, .plain))
                        line = "    " + text
                    } else {
                        line += piece
                    }
                }
                if !days.isEmpty { out.append(.text(line, d.changedDays.isEmpty ? .plain : .warning)) }
            }
            if let cert = e.certificateLabel(lang) { out.append(.text(lang[.claimOnCertificate] + cert, .plain)) }
        }
        var who = lang.format(.claimPreparedBy, c.preparedBy, WorkerDetailScreen.localTime(c.createdAt))
        if let by = c.submittedBy, let at = c.submittedAt { who += "  " + lang.format(.claimSubmittedBy, by, WorkerDetailScreen.localTime(at)) }
        out.append(.text(who, .plain))
        if let by = c.decidedBy, let at = c.decidedAt {
            out.append(.text(lang.format(.claimDecidedBy, by, WorkerDetailScreen.localTime(at)), .plain))
        }
        if c.status == .withdrawn, let e = d.history.last(where: { $0.action == "claim.withdraw" }) {
            out.append(.text(lang.format(.claimWithdrawnBy, e.user, WorkerDetailScreen.localTime(e.at)), .warning))
        }
        if let n = c.decisionNote, !n.isEmpty { out.append(.text(lang[.claimNote] + n, .plain)) }
        if let code = c.rejectCode { out.append(.text(lang[.claimRejectCode] + (RejectReason(rawValue: code)?.label(lang) ?? code), .warning)) }
        if let r = c.reason, !r.isEmpty { out.append(.text(lang[.claimReason] + r, .warning)) }
        if let p = c.noticePublishedOn, let e = c.noticeEndOn { out.append(.text(lang.format(.claimNoticeLine, p, e), .plain)) }
        if c.clawbackDueFen > 0 || c.recoveredFen > 0 {
            let due = ClaimClawback.stillDueFen(clawedBackFen: c.clawbackDueFen, recoveredFen: c.recoveredFen) ?? 0
            out.append(.text(lang.format(.claimClawbackLine, Money.format(fen: c.clawbackDueFen), Money.format(fen: c.recoveredFen),
                                         Money.format(fen: due)), .warning))
        }
        out.append(.blank)
        for (i, o) in ClaimRuleLines.ordered(d.outcomes).enumerated() { out.append(.rule(o, index: i, part: 0)) }
        out.append(.blank)
        out.append(.text(lang[.history], .bold))
        for e in d.history {
            let action = e.action.hasPrefix("claim.") ? String(e.action.dropFirst(6)) : e.action
            let label = action == "create" ? lang[.claimCreated]
                : action == "recover_part" ? lang[.actionRecoverPart] : action == "batch" ? lang[.actionBatch]
                : (ClaimAction(rawValue: action)?.label(lang) ?? action)
            out.append(.text("  " + WorkerDetailScreen.localTime(e.at) + "  " + e.user + "  " + label, .plain))
        }
        return out
    }

    static func hours(_ h: Double) -> String {
        h == h.rounded() ? String(Int(h)) : String(format: "%.1f", h)
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let width = body.width - 2
        guard detail != nil else {
            canvas.put(errorText ?? "", x: 1, y: body.y + 1, style: .error, maxWidth: width)
            return
        }
        lastWidth = width
        selected = min(selected, max(0, rules.count - 1))
        let all = lines(lang, width: width)
        page = max(1, body.height - 1)
        top = min(top, max(0, all.count - page))
        var y = body.y + 1
        for line in all.dropFirst(top).prefix(page) {
            switch line {
            case let .text(t, style): canvas.put(t, x: 1, y: y, style: style, maxWidth: width)
            case let .rule(o, index, part):
                ClaimRuleLines.draw(o, into: &canvas, y: y, width: width, selected: index == selected, lang, part: part)
            case .blank: break
            }
            y += 1
        }
        overlay.draw(into: &canvas, in: body)
    }
}
