import SkillCore
import SkillDesk
import TermUI

/// The search field, selection and option column (5 = view) shared by the catalogue lists.
/// The lists hold the whole catalogue in memory and filter it there: a city's catalogue is a
/// few hundred occupations and institutions, so each key costs no query.
struct CatalogueList {
    enum Focus { case search, table }
    enum Action { case none, pop, refresh, open([String]), badOption(Character) }

    var search = TextField(maxLength: 40)
    var focus = Focus.search
    /// The table's selection and first row shown; the rows are the screen's.
    var tableState = TableState()
    var selected: Int {
        get { tableState.row }
        set { tableState.selected = newValue }
    }
    /// What the table shows: no selected row while the focus is in the search field.
    var shownState: TableState {
        var s = tableState
        if focus != .table { s.selected = nil }
        return s
    }
    var options: [String: Character] = [:]
    /// Rows that fit, from the last draw.
    var visibleRows = 20

    /// `keys` are the keys of the rows shown now, in order.
    mutating func handle(_ key: Key, keys: [String]) -> Action {
        switch key {
        case .function(3):
            return .pop
        case .function(12):
            if !options.isEmpty { options = [:]; return .none }
            return .pop
        case .function(5):
            return .refresh
        default:
            break
        }
        if focus == .search {
            switch key {
            case .down, .tab, .enter:
                if !keys.isEmpty { focus = .table }
            default:
                let before = search.text
                _ = search.handle(key)
                if search.text != before { selected = 0 }
            }
            return .none
        }
        switch key {
        case .up:
            if selected > 0 { selected -= 1 } else { focus = .search }
        case .down:
            if selected + 1 < keys.count { selected += 1 }
        case .pageDown:
            selected = max(0, min(keys.count - 1, selected + max(1, visibleRows)))
        case .pageUp:
            selected = max(0, selected - max(1, visibleRows))
        case .home:
            selected = 0
        case .end:
            selected = max(0, keys.count - 1)
        case .tab, .backTab, .char("/"):
            focus = .search
        case .char(" "), .backspace, .delete:
            if let k = keys[safe: selected] { options[k] = nil }
        case let .char(c) where c.isNumber:
            guard let k = keys[safe: selected] else { return .none }
            guard c == "5" else { return .badOption(c) }
            options[k] = c
            if selected + 1 < keys.count { selected += 1 }
        case .char("q"):
            return .pop
        case .char("r"):
            return .refresh
        case .enter:
            if options.isEmpty, let k = keys[safe: selected] { options[k] = "5" }
            // In the order shown, then rows marked before the search hid them.
            var queue = keys.filter { options[$0] != nil }
            queue += options.keys.filter { !keys.contains($0) }.sorted()
            options = [:]
            return .open(queue)
        case let .char(c):
            // Typing while in the list goes back to the search field.
            focus = .search
            _ = search.handle(.char(c))
            selected = 0
        case let .paste(text):
            focus = .search
            _ = search.handle(.paste(text))
            selected = 0
        default:
            break
        }
        return .none
    }

    /// Rows marked for opening that have not been opened yet (the next opens on `resume`).
    var pending: [String] = []

    /// The wiring every list screen shares, after `handle` (and the screen's reload and
    /// `clamp`): an action becomes effects. `open` makes the screen for one row's key; it must
    /// not touch this list (the list is being changed while it runs).
    mutating func route(_ action: Action, _ ctx: ScreenContext,
                        open: (Session, String) throws -> any Screen) -> [Effect] {
        switch action {
        case .none, .refresh:
            return []
        case .pop:
            return [.pop]
        case let .badOption(c):
            return [.message(ctx.lang.format(.viewOptionUnknown, String(c)), .error)]
        case let .open(keys):
            pending = keys
            return nextPending(ctx, open: open)
        }
    }

    /// Opens the next marked row; a row that cannot be opened reports why and the next one opens.
    mutating func nextPending(_ ctx: ScreenContext, open: (Session, String) throws -> any Screen) -> [Effect] {
        guard !pending.isEmpty, let s = ctx.session else { return [] }
        let key = pending.removeFirst()
        do {
            return [.push(try open(s, key))]
        } catch {
            return [.message(describe(error, ctx.lang), .error)] + nextPending(ctx, open: open)
        }
    }

    /// Keeps the selection on a row after the rows changed.
    mutating func clamp(count: Int) {
        selected = min(selected, max(0, count - 1))
        if count == 0 { focus = .search }
    }

    /// `code` starts with the search text, or the name contains it (case-insensitive).
    func matches(code: String, name: String) -> Bool {
        ListQuery.matches(code: code, name: name, query: search.text)
    }

    func mark(_ key: String) -> String { options[key].map { "_\($0)_" } ?? "___" }

    /// The search line: label, field, hint while empty, and `status` at the right edge.
    func drawSearch(into canvas: inout Canvas, body: Rect, hint: String, status: String, _ lang: Lang) {
        let y0 = body.y
        let labelWidth = canvas.put(lang[.searchLabel], x: 1, y: y0, style: .bold)
        let fieldWidth = min(40, body.width - labelWidth - 30)
        search.draw(into: &canvas, at: Rect(x: 1 + labelWidth, y: y0, width: fieldWidth, height: 1),
                    focused: focus == .search, style: .underline)
        let statusWidth = TextWidth.of(status)
        canvas.put(status, x: body.width - statusWidth - 1, y: y0, style: .dim)
        if search.text.isEmpty && focus == .search {
            let room = max(0, body.width - statusWidth - labelWidth - fieldWidth - 6)
            canvas.put(TextWidth.clip(hint, to: room), x: 1 + labelWidth + fieldWidth + 1, y: y0, style: .dim)
        }
    }

    /// The table below the search line, the empty text, the caret and the options hint.
    mutating func drawTable(_ table: Table, into canvas: inout Canvas, body: Rect, empty: String, _ lang: Lang) -> Rect {
        let rect = Rect(x: 1, y: body.y + 1, width: body.width - 2, height: body.height - 3)
        visibleRows = max(1, rect.height - 1)
        table.draw(into: &canvas, at: rect, state: shownState)
        if table.rows.isEmpty { canvas.put(empty, x: 3, y: rect.y + 2, style: .dim) }
        if focus == .table, table.rows.indices.contains(selected) {
            canvas.cursor = CursorPosition(x: rect.x + 1, y: rect.y + 1 + selected - table.firstVisibleRow(shownState, height: rect.height))
        }
        let hintY = body.maxY - 1
        canvas.put(lang[.viewOptionsHint], x: 1, y: hintY, style: .dim)
        let typeHint = lang[.typeOptions]
        canvas.put(typeHint, x: body.width - TextWidth.of(typeHint) - 1, y: hintY, style: .dim)
        return rect
    }

    static func footer(_ lang: Lang) -> [(key: String, label: String)] {
        [("F3", lang[.keyBack]), ("F5", lang[.keyRefresh]), ("/", lang[.keySearch]), ("Enter", lang[.keyOpen]), ("F12", lang[.keyCancel])]
    }
}

/// How catalogue values read on screen.
enum CatalogueText {
    static func check(_ b: Bool, _ lang: Lang) -> String { b ? lang[.check] : "" }
    static func yesNo(_ b: Bool, _ lang: Lang) -> String { b ? lang[.yes] : lang[.no] }

    static func levelLabel(_ code: String, _ lang: Lang) -> String {
        SkillLevel(rawValue: code)?.label(lang) ?? code
    }

    /// "L5 ¥1,000.00/80h · L4 ¥1,500.00/120h".
    static func levels(_ levels: [LevelRow], _ lang: Lang) -> String {
        levels.map { lang.format(.levelShort, $0.level, Money.format(fen: $0.standardFen), $0.hours) }
            .joined(separator: " · ")
    }

    /// "2025-01-01–" or "2024-01-01–2024-12-31".
    static func period(_ o: OccupationRow) -> String { o.from + "–" + (o.to ?? "") }

    static func kind(_ code: String, _ lang: Lang) -> String { InstitutionKind(rawValue: code)?.label(lang) ?? code }

    static func status(_ code: String, _ lang: Lang) -> String { InstitutionStatus(rawValue: code)?.label(lang) ?? code }

    static func kind(_ kind: InstitutionKind, _ lang: Lang) -> String { kind.label(lang) }

    static func status(_ status: InstitutionStatus, _ lang: Lang) -> String { status.label(lang) }

    static func statusStyle(_ code: String) -> Style { InstitutionStatus(rawValue: code).map(statusStyle) ?? .plain }

    static func statusStyle(_ status: InstitutionStatus) -> Style {
        switch status {
        case .suspended: return .warning
        case .disqualified: return .error
        default: return .plain
        }
    }

    static func action(_ code: String, _ lang: Lang) -> String {
        switch code {
        case "occupation.create", "institution.create": return lang[.actionAdded]
        case "institution.suspend": return lang[.actionSuspended]
        case "institution.reinstate": return lang[.actionReinstated]
        case "institution.disqualify": return lang[.actionDisqualified]
        case "occupation.close": return lang[.actionOccupationClose]
        default: return code
        }
    }
}

/// What the catalogue detail screens share: their keys and the audit history lines.
enum CatalogueDetail {
    static func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyBack]), ("F5", ctx.lang[.keyRefresh]), ("↑↓", ctx.lang[.keyScroll])]
    }

    /// F3/F12/q back, F5/r reload, ↑↓ scroll.
    static func handle(_ key: Key, scroll: inout Int, reload: () -> Void) -> [Effect] {
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            reload()
        case .up:
            scroll = max(0, scroll - 1)
        case .down:
            scroll += 1
        default:
            break
        }
        return []
    }

    /// The scrolling part of a detail screen from row `y`: `errorText` if loading failed, otherwise
    /// `lines` from `scroll` (clamped) down to the bottom of the body.
    static func drawScrolled(_ lines: [(String, Style)], errorText: String?, scroll: inout Int,
                             into canvas: inout Canvas, y start: Int, body: Rect) {
        if let errorText {
            canvas.put(errorText, x: 3, y: start, style: .error, maxWidth: body.width - 4)
            return
        }
        scroll = min(scroll, max(0, lines.count - 1))
        var y = start
        for (text, style) in lines.dropFirst(scroll) {
            guard y < body.maxY else { break }
            canvas.put(text, x: 1, y: y, style: style, maxWidth: body.width - 2)
            y += 1
        }
    }

    /// The history block (newest first), or nothing for a role that may not read the audit trail.
    static func historyLines(_ history: [AuditEntry]?, _ lang: Lang) -> [(String, Style)] {
        guard let history else { return [] }
        var out: [(String, Style)] = [("", .plain), (lang[.history], .bold)]
        if history.isEmpty { out.append(("  " + lang[.historyEmpty], .dim)) }
        for e in history.reversed() {
            out.append(("  \(WorkerDetailScreen.localTime(e.at))  \(e.user)  \(CatalogueText.action(e.action, lang))", .plain))
        }
        return out
    }
}
