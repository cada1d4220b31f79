import SkillCore
import SkillDesk
import TermUI

/// Training institutions: search as you type over credit code and name (filtered in memory —
/// see `CatalogueList`); 5 or Enter opens one. Read-only: changes of standing stay on the CLI.
public final class InstitutionListScreen: Screen {
    var list = CatalogueList()
    var all: [InstitutionRow] = []
    var errorText: String?

    public init(_ ctx: ScreenContext) { load(ctx) }

    func load(_ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        do {
            all = try s.institutions(limit: 100_000)
            errorText = nil
        } catch {
            all = []
            errorText = describe(error, ctx.lang)
        }
    }

    var shown: [InstitutionRow] { all.filter { list.matches(code: $0.code, name: $0.name) } }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.institutions] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] { CatalogueList.footer(ctx.lang) }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpInstitutions], ctx.lang[.helpOther]] }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        let action = list.handle(key, keys: shown.map(\.code))
        if case .refresh = action { load(ctx) }
        list.clamp(count: shown.count)
        return list.route(action, ctx, open: { try open($0, $1, ctx) })
    }

    func open(_ s: Session, _ key: String, _ ctx: ScreenContext) throws -> any Screen {
        InstitutionDetailScreen(row: try s.institution(code: key), ctx: ctx)
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] { list.nextPending(ctx, open: { try open($0, $1, ctx) }) }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let rows = shown
        list.drawSearch(into: &canvas, body: body, hint: lang[.institutionSearchHint],
                        status: lang.format(.institutionsCount, rows.count), lang)
        let columns = [
            TableColumn(title: lang[.colOpt], width: 4),
            TableColumn(title: lang[.colCode], width: 18),
            TableColumn(title: lang[.colInstitution], width: 0),
            TableColumn(title: lang[.colKind], width: 16),
            TableColumn(title: lang[.colGrade], width: 4),
            TableColumn(title: lang[.colCatalogue], width: 4),
            TableColumn(title: lang[.colStatus], width: 12),
            TableColumn(title: lang[.colMayTrain], width: 6, alignRight: true),
        ]
        var table = Table(columns: columns)
        table.rows = rows.map { i in
            [list.mark(i.code), i.code, i.name, CatalogueText.kind(i.kind, lang), i.grade ?? lang[.noneDash],
             CatalogueText.check(i.catalogue, lang), CatalogueText.status(i.status, lang), String(i.mayTrain.count)]
        }
        let rect = list.drawTable(table, into: &canvas, body: body, empty: lang[.noInstitutions], lang)
        if let errorText { canvas.put(errorText, x: 3, y: rect.y + 2, style: .error, maxWidth: rect.width - 2) }
        // A suspended or disqualified institution's status in the warning or error colour
        // (the selected row stays in reverse video).
        let widths = table.resolvedWidths(totalWidth: rect.width)
        let statusX = rect.x + widths[0..<6].reduce(0, +) + 6
        let first = table.firstVisibleRow(list.shownState, height: rect.height)
        for i in 0..<list.visibleRows where first + i < rows.count {
            let row = rows[first + i]
            let style = CatalogueText.statusStyle(row.status)
            guard style != .plain, list.shownState.selected != first + i else { continue }
            canvas.put(CatalogueText.status(row.status, lang), x: statusX, y: rect.y + 1 + i, style: style,
                       maxWidth: widths[6])
        }
    }
}

/// One institution: every field, its standing (reason and date), what it may train, and the
/// audit history when the role may read the audit trail. An administrator also changes its
/// standing here: F8 suspends (with a reason) or reinstates (after a confirmation), F9
/// disqualifies (a reason, then a confirmation — it is final). Every change is audited by the
/// use-case layer; a refusal (another administrator got there first) shows on the message line.
public final class InstitutionDetailScreen: Screen {
    enum Pending { case suspend, disqualify(reason: String), reinstate }
    var row: InstitutionRow
    /// The one overlay open (keys go to it first; it is drawn last), with the change it is for.
    enum Overlay: OverlayCase {
        case reason(TextPrompt, Pending)
        case confirm(Dialog, Pending)

        var widget: OverlayWidget {
            switch self {
            case let .reason(p, _): .prompt(p)
            case let .confirm(d, _): .dialog(d)
            }
        }
    }
    var overlay: Overlay?
    /// Occupation code → name in force today (or the latest entry's name).
    var names: [String: String] = [:]
    var history: [AuditEntry]?
    var errorText: String?
    var scroll = 0

    public init(row: InstitutionRow, ctx: ScreenContext) {
        self.row = row
        load(ctx)
    }

    func load(_ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        do {
            row = try s.institution(code: row.code)
            names = [:]
            for code in Set(row.mayTrain.map(\.occupationCode)) {
                names[code] = screenLog.attempt("naming occupation \(code)") {
                    // ignoring is right: a closed occupation is not found; its last recorded name is shown instead.
                    if let name = try? s.occupation(code: code).name { return name }
                    return try s.occupationHistory(code: code).last?.name
                }
            }
            history = s.can(.readAudit) ? try s.auditEntries(entity: "institution", key: row.code) : nil
            errorText = nil
        } catch {
            errorText = describe(error, ctx.lang)
        }
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.institutionDetail] + " · " + row.name }

    var status: InstitutionStatus? { row.status }

    func manages(_ ctx: ScreenContext) -> Bool { ctx.session?.can(.manageCatalogue) == true }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        let lang = ctx.lang
        if case .reason? = overlay { return [("Enter", lang[.keyConfirm]), ("F12", lang[.keyCancel])] }
        var keys = CatalogueDetail.footer(ctx)
        guard manages(ctx) else { return keys }
        switch status {
        case .active?: keys += [("F8", lang[.keySuspend]), ("F9", lang[.keyDisqualify])]
        case .suspended?: keys += [("F8", lang[.keyReinstate]), ("F9", lang[.keyDisqualify])]
        default: break
        }
        return keys
    }

    public func help(_ ctx: ScreenContext) -> [String] {
        [ctx.lang[.helpInstitutions]] + (manages(ctx) ? [ctx.lang[.helpInstitutionsManage]] : []) + [ctx.lang[.helpOther]]
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        let lang = ctx.lang
        switch overlay {
        case var .reason(prompt, pending)?:
            switch prompt.handle(key, emptyProblem: lang[.reasonRequired]) {
            case .none: overlay = .reason(prompt, pending)
            case .cancelled: overlay = nil
            case let .entered(reason):
                overlay = nil
                if case .disqualify = pending {
                    overlay = .confirm(Dialog(title: lang[.disqualifyConfirmTitle], message: [lang.format(.disqualifyConfirmMessage, row.name)],
                                              buttons: [lang[.keyDisqualify], lang[.keyCancel]], style: .error),
                                       .disqualify(reason: reason))
                    return []
                }
                return apply(.suspend, reason: reason, ctx)
            }
            return []
        case var .confirm(d, p)?:
            let outcome = d.handle(key)
            switch outcome {
            case .none: overlay = .confirm(d, p); return []
            case let .button(button):
                overlay = nil
                guard button == 0 else { return [] }
                if case let .disqualify(reason) = p { return apply(p, reason: reason, ctx) }
                return apply(p, reason: nil, ctx)
            default:
                overlay = nil
                return []
            }
        case nil:
            break
        }
        if manages(ctx) {
            switch (key, status) {
            case (.function(8), .active?):
                overlay = .reason(TextPrompt(title: lang.format(.suspendTitle, row.name), hint: lang[.reasonHint]), .suspend)
                return []
            case (.function(8), .suspended?):
                overlay = .confirm(Dialog(title: lang[.reinstateTitle], message: [lang.format(.reinstateMessage, row.name)],
                                          buttons: [lang[.keyReinstate], lang[.keyCancel]]), .reinstate)
                return []
            case (.function(9), .active?), (.function(9), .suspended?):
                overlay = .reason(TextPrompt(title: lang.format(.disqualifyTitle, row.name), hint: lang[.reasonHint]),
                                  .disqualify(reason: ""))
                return []
            default:
                break
            }
        } else if key == .function(8) || key == .function(9) {
            return [.message(DeskError.notPermitted(.manageCatalogue).message(lang), .error)]
        }
        return CatalogueDetail.handle(key, scroll: &scroll, reload: { load(ctx) })
    }

    func apply(_ p: Pending, reason: String?, _ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        do {
            switch p {
            case .suspend: row = try s.suspendInstitution(code: row.code, reason: reason ?? "")
            case .reinstate: row = try s.reinstateInstitution(code: row.code)
            case .disqualify: row = try s.disqualifyInstitution(code: row.code, reason: reason ?? "")
            }
            load(ctx)
            return [.message(ctx.lang.format(.standingChanged, row.name, CatalogueText.status(row.status, ctx.lang)), .ok)]
        } catch {
            load(ctx)
            return [.message(describe(error, ctx.lang), .error)]
        }
    }

    func lines(_ lang: Lang) -> [(String, Style)] {
        var out: [(String, Style)] = []
        if row.mayTrain.isEmpty { out.append(("  " + lang[.noneDash], .dim)) }
        for scope in row.mayTrain {
            let name = names[scope.occupationCode] ?? lang[.noneDash]
            out.append(("  \(scope.occupationCode)  \(name)  \(CatalogueText.levelLabel(scope.level, lang))", .plain))
        }
        return out + CatalogueDetail.historyLines(history, lang)
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        var y = body.y + 1
        let dash = lang[.noneDash]
        let fields: [(S, String)] = [
            (.fieldCode, row.code), (.fieldName, row.name),
            (.fieldKind, CatalogueText.kind(row.kind, lang)),
            (.fieldGrade, row.grade ?? dash),
            (.fieldCatalogue, CatalogueText.yesNo(row.catalogue, lang)),
        ]
        for (label, value) in fields {
            FormLayout.drawRow(into: &canvas, x: 1, y: y, label: lang[label], labelWidth: 20, field: nil,
                               fieldWidth: body.width - 22, value: value)
            y += 1
        }
        FormLayout.drawRow(into: &canvas, x: 1, y: y, label: lang[.fieldStatus], labelWidth: 20, field: nil,
                           fieldWidth: body.width - 22, value: nil)
        canvas.put(CatalogueText.status(row.status, lang), x: 21, y: y, style: CatalogueText.statusStyle(row.status),
                   maxWidth: body.width - 22)
        y += 1
        if row.status != .active || row.statusReason != nil {
            for (label, value) in [(S.fieldStatusReason, row.statusReason ?? dash), (.fieldStatusDate, row.statusDate ?? dash)] {
                FormLayout.drawRow(into: &canvas, x: 1, y: y, label: lang[label], labelWidth: 20, field: nil,
                                   fieldWidth: body.width - 22, value: value)
                y += 1
            }
        }
        y += 1
        canvas.put(lang[.fieldMayTrain], x: 1, y: y, style: .bold)
        y += 1
        CatalogueDetail.drawScrolled(lines(lang), errorText: errorText, scroll: &scroll, into: &canvas, y: y, body: body)
        overlay.draw(into: &canvas, in: body)
    }
}
