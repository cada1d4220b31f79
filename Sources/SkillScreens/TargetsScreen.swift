import SkillCore
import SkillDesk
import TermUI

/// 目标进度 / Targets (issue 13 item 2): every target's achieved figure against the target, the
/// share of the span gone and ahead/behind, with a bar for the selected one. Administrators
/// (`.manageReports`) add one with F7 (kind, years, value, clause), change the selected one's value
/// and clause with Enter, and remove it with F8 after a confirmation; all audited by the use cases.
public final class TargetsScreen: Screen {
    var report: TargetReport?
    var tableState = TableState()
    var visibleRows = 10
    var errorText: String?
    var needsQuery = true

    enum Overlay: OverlayCase {
        case kind(PromptList)
        case years(TextPrompt, TargetKind)
        case value(TextPrompt, TargetKind, String)
        case clause(TextPrompt, TargetKind, String, String)
        case editValue(TextPrompt, TargetRow)
        case editClause(TextPrompt, TargetRow, Int64)
        case remove(Dialog, TargetRow)

        var widget: OverlayWidget {
            switch self {
            case let .kind(l): .list(l)
            case let .years(p, _), let .value(p, _, _), let .clause(p, _, _, _), let .editValue(p, _), let .editClause(p, _, _):
                .prompt(p, width: 64)
            case let .remove(d, _): .dialog(d)
            }
        }
    }
    var overlay: Overlay?

    public init(_ ctx: ScreenContext) {}

    var lines: [TargetLine] { report?.lines ?? [] }
    func mayManage(_ ctx: ScreenContext) -> Bool { ctx.session?.can(.manageReports) == true }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.targetsTitle] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        let lang = ctx.lang
        var keys: [(key: String, label: String)] = [("F3", lang[.keyBack]), ("F5", lang[.keyRefresh])]
        if mayManage(ctx) { keys += [("F7", lang[.keyNew]), ("Enter", lang[.keyEdit]), ("F8", lang[.targetKeyRemove])] }
        return keys + [("↑↓", "")]
    }

    public func help(_ ctx: ScreenContext) -> [String] {
        [ctx.lang[.helpTargets]] + (mayManage(ctx) ? [ctx.lang[.helpTargetsManage]] : []) + [ctx.lang[.helpOther]]
    }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        visibleRows = max(1, body.height - 8)
        if needsQuery, let s = ctx.session {
            needsQuery = false
            do { report = try s.targetReport(); errorText = nil } catch { report = nil; errorText = describe(error, ctx.lang) }
        }
        tableState.clamp(rowCount: lines.count)
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = handleModal(key, ctx) { return effects }
        let lang = ctx.lang
        switch key {
        case .function(3), .function(12), .char("q"): return [.pop]
        case .function(5), .char("r"): needsQuery = true
        case .function(7) where mayManage(ctx):
            overlay = .kind(PromptList(title: lang[.targetKindTitle], items: TargetKind.allCases.map { ($0.rawValue, $0.label(lang)) }))
        case .enter where mayManage(ctx):
            guard let t = lines[safe: tableState.row]?.target else { return [.message(lang[.targetNoneSelected], .warning)] }
            var p = TextPrompt(title: lang.format(.targetValueTitle, t.kind.label(lang), t.spanText), hint: lang[t.kind.isShare ? .targetShareHint : .targetCountHint], maxLength: 16)
            p.field = .prefilled(t.kind.isShare ? formatBasisPoints(t.value) : String(t.value), maxLength: 16)
            overlay = .editValue(p, t)
        case .function(8) where mayManage(ctx):
            guard let t = lines[safe: tableState.row]?.target else { return [.message(lang[.targetNoneSelected], .warning)] }
            overlay = .remove(Dialog(title: lang[.targetRemoveTitle],
                                     message: [lang.format(.targetRemoveConfirm, t.kind.label(lang), t.spanText, Self.value(t.kind, t.value))],
                                     buttons: [lang[.targetKeyRemove], lang[.keyCancel]], focusedButton: 1), t)
        case .function(7), .function(8):
            return [.message(DeskError.notPermitted(.manageReports).message(lang), .error)]
        default:
            _ = tableState.handle(key, rowCount: lines.count, visibleRows: visibleRows)
        }
        return []
    }

    func handleModal(_ key: Key, _ ctx: ScreenContext) -> [Effect]? {
        let lang = ctx.lang
        guard let open = overlay else { return nil }
        switch open {
        case var .kind(l):
            switch l.handle(key) {
            case .none: overlay = .kind(l)
            case .cancelled: overlay = nil
            case let .chosen(codes):
                guard let k = codes.first.flatMap(TargetKind.init(rawValue:)) else { overlay = nil; return [] }
                overlay = .years(TextPrompt(title: lang[.targetYearsTitle], hint: lang[.targetYearsHint], maxLength: 12), k)
            }
        case let .years(p0, k):
            var p = p0
            switch p.handle(key) {
            case .none: overlay = .years(p, k)
            case .cancelled: overlay = nil
            case let .entered(text):
                // The years are checked here, so a mistake is fixed where it was typed.
                if case let .failure(problem) = Self.draft(k, text, k.isShare ? "0" : "1", "") {
                    p.problem = problem.message(lang); overlay = .years(p, k); return []
                }
                overlay = .value(TextPrompt(title: lang.format(.targetValueTitle, k.label(lang), text), hint: lang[k.isShare ? .targetShareHint : .targetCountHint], maxLength: 16), k, text)
            }
        case let .value(p0, k, years):
            var p = p0
            switch p.handle(key) {
            case .none: overlay = .value(p, k, years)
            case .cancelled: overlay = nil
            case let .entered(v):
                if case let .failure(problem) = Self.draft(k, years, v, "") {
                    p.problem = problem.message(lang); overlay = .value(p, k, years); return []
                }
                overlay = .clause(TextPrompt(title: lang[.targetClauseTitle], hint: lang[.targetClauseHint], maxLength: 200, required: false), k, years, v)
            }
        case let .clause(p0, k, years, v):
            var p = p0
            switch p.handle(key) {
            case .none: overlay = .clause(p, k, years, v)
            case .cancelled: overlay = nil
            case let .entered(clause):
                overlay = nil
                switch Self.draft(k, years, v, clause) {
                case let .failure(problem): return [.message(problem.message(lang), .error)]
                case let .success(d): return run(ctx) { s in let t = try s.setTarget(d); return lang.format(.targetSaved, t.kind.label(lang), t.spanText, Self.value(t.kind, t.value)) }
                }
            }
        case let .editValue(p0, t):
            var p = p0
            switch p.handle(key) {
            case .none: overlay = .editValue(p, t)
            case .cancelled: overlay = nil
            case let .entered(v):
                switch TargetDraft.parse(kind: t.kind.rawValue, from: String(t.fromYear), to: String(t.toYear), value: v, clause: "") {
                case let .failure(problem): p.problem = problem.message(lang); overlay = .editValue(p, t)
                case let .success(d):
                    var c = TextPrompt(title: lang[.targetClauseTitle], hint: lang[.targetClauseHint], maxLength: 200, required: false)
                    c.field = .prefilled(t.clause, maxLength: 200)
                    overlay = .editClause(c, t, d.value)
                }
            }
        case let .editClause(p0, t, value):
            var p = p0
            switch p.handle(key) {
            case .none: overlay = .editClause(p, t, value)
            case .cancelled: overlay = nil
            case let .entered(clause):
                overlay = nil
                return run(ctx) { s in
                    let n = try s.changeTarget(id: t.id, value: value, clause: clause, version: t.version)
                    return lang.format(.targetSaved, n.kind.label(lang), n.spanText, Self.value(n.kind, n.value))
                }
            }
        case let .remove(d0, t):
            var d = d0
            switch d.handle(key) {
            case .none: overlay = .remove(d, t)
            case .button(0):
                overlay = nil
                return run(ctx) { s in try s.removeTarget(id: t.id, version: t.version); return lang.format(.targetRemoved, t.kind.label(lang), t.spanText) }
            default: overlay = nil
            }
        }
        return []
    }

    /// The typed years (`2019-2021`, `2019—2021`, `2026`), value and clause as a draft.
    static func draft(_ k: TargetKind, _ years: String, _ value: String, _ clause: String) -> Result<TargetDraft, TargetProblem> {
        let parts = HalfWidth.ascii(years).replacingOccurrences(of: "—", with: "-").replacingOccurrences(of: "–", with: "-")
            .split(separator: "-", maxSplits: 1).map(String.init)
        return TargetDraft.parse(kind: k.rawValue, from: parts.first ?? "", to: parts.count > 1 ? parts[1] : "", value: value, clause: clause)
    }

    func run(_ ctx: ScreenContext, _ body: (Session) throws -> String) -> [Effect] {
        guard let s = ctx.session else { return [] }
        do {
            let text = try body(s)
            needsQuery = true
            return [.message(text, .ok)]
        } catch {
            return [.message(describe(error, ctx.lang), .error)]
        }
    }

    static func value(_ kind: TargetKind, _ v: Int64) -> String { kind.isShare ? formatBasisPoints(v) : formatCount(v) }

    static func standing(_ p: TargetProgress, _ lang: Lang) -> String {
        switch p.standing {
        case .ahead: return lang.format(.targetAhead, p.kind.isShare ? formatBasisPoints(p.difference) : formatCount(p.difference))
        case .behind: return lang.format(.targetBehind, p.kind.isShare ? formatBasisPoints(-p.difference) : formatCount(-p.difference))
        case .met, .notStarted: return p.standing.label(lang)
        }
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let asOf = report?.asOf.description ?? ctx.desk.today().description
        canvas.put(lines.isEmpty ? lang.format(.targetsEmpty, asOf) : lang.format(.targetsCount, asOf, lines.count),
                   x: 1, y: body.y, style: lines.isEmpty ? .warning : .bold, maxWidth: body.width - 2)
        let rect = Rect(x: 1, y: body.y + 1, width: body.width - 2, height: max(2, body.height - 7))
        var table = Table(columns: [
            TableColumn(title: lang[.colTargetKind], width: 12),
            TableColumn(title: lang[.colTargetSpan], width: 9),
            TableColumn(title: lang[.colTargetValue], width: 9),
            TableColumn(title: lang[.colTargetAchieved], width: 9),
            TableColumn(title: lang[.colTargetDone], width: 7),
            TableColumn(title: lang[.colTargetTime], width: 7),
            TableColumn(title: lang[.colTargetStanding], width: 0),
        ])
        table.rows = lines.map { l in
            let p = l.progress
            return [lang[l.target.kind.isShare ? .targetShortHighSkill : .targetShortPersonTimes], l.target.spanText, Self.value(l.target.kind, l.target.value),
                    l.target.kind.isShare ? formatBasisPoints(p.achieved) : formatCount(p.achieved),
                    formatBasisPoints(p.achievedShareBP), formatBasisPoints(p.timeShareBP), Self.standing(p, lang)]
        }
        table.draw(into: &canvas, at: rect, state: tableState)
        if let errorText { canvas.put(errorText, x: 3, y: rect.y + 2, style: .error, maxWidth: body.width - 4) }
        if let l = lines[safe: tableState.row] {
            let p = l.progress, y = body.y + body.height - 5
            let barWidth = max(10, body.width - 26)
            let label = l.target.kind.label(lang) + " " + l.target.spanText + (l.target.clause.isEmpty ? "" : " · " + l.target.clause)
            canvas.put(label, x: 1, y: y, style: .bold, maxWidth: body.width - 2)
            let done = min(p.achievedShareBP, 10_000)
            canvas.put(TextWidth.pad(lang[.targetBarDone], to: 8) + Bar.text(part: done, of: 10_000, width: barWidth) + " " + formatBasisPoints(p.achievedShareBP),
                       x: 1, y: y + 1, maxWidth: body.width - 2)
            canvas.put(TextWidth.pad(lang[.targetBarTime], to: 8) + Bar.text(part: p.timeShareBP, of: 10_000, width: barWidth) + " " + formatBasisPoints(p.timeShareBP),
                       x: 1, y: y + 2, maxWidth: body.width - 2)
            let detail = l.target.kind.isShare
                ? lang.format(.targetShareDetail, p.shareOf?.part ?? 0, p.shareOf?.whole ?? 0)
                : lang.format(.targetCountDetail, p.daysGone, p.daysInSpan, formatCount(p.expected ?? 0))
            canvas.put(detail, x: 1, y: y + 3, style: .dim, maxWidth: body.width - 2)
        }
        overlay.draw(into: &canvas, in: body)
    }
}
