import SkillCore
import SkillDesk
import TermUI

/// Workers, paged from the database; search narrows as each character is typed; an option
/// column (2 = edit, 5 = view) takes options on several rows before one Enter.
public final class WorkerListScreen: Screen {
    enum Focus { case search, table }
    var search = TextField(maxLength: 40)
    var focus = Focus.search
    var rows: [WorkerRow] = []
    var hasMore = false
    var offset = 0
    /// The row under the cursor (a page is exactly what fits, so the table never scrolls).
    var tableState = TableState()
    var selected: Int {
        get { tableState.row }
        set { tableState.selected = newValue }
    }
    var options: [String: Character] = [:]
    var pending: [(Character, String)] = []
    var total: Int?
    var needsQuery = true
    var queriedText: String?
    var errorText: String?
    /// Rows that fit, from the last draw; pages are this long.
    var visibleRows = 20
    /// The open Ctrl-X export question (`ListExportFlow`), drawn over everything.
    var csvExport: ListExportFlow?

    public init(_ ctx: ScreenContext) {
        total = screenLog.attempt("counting workers") { try ctx.session?.workerCount() }
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.workers] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        var keys: [(key: String, label: String)] = [("F3", ctx.lang[.keyExit]), ("F5", ctx.lang[.keyRefresh])]
        if ctx.session?.can(.registerWorker) == true { keys.append(("F6", ctx.lang[.keyNew])) }
        // As in SCREENS.md; PgUp and Enter work too and are in the F1 help.
        keys += [("/", ctx.lang[.keySearch]), (ListExportFlow.footerKey, ctx.lang[.keyExportCSV]), ("PgDn", ctx.lang[.keyMore]),
                 ("F12", ctx.lang[.keyCancel])]
        return keys
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpWorkers], ctx.lang[.helpExportCSV], ctx.lang[.helpOther]] }

    /// Runs the query when the search text or the page changed: after all typed-ahead keys
    /// were handled, so fast typing costs one query, not one per key.
    public func prepare(_ ctx: ScreenContext, body: Rect) {
        let fits = max(1, body.height - 4)  // search line, header, options hint, spacing
        if fits != visibleRows {
            // Keep the page label true: snap to a page boundary of the new page size.
            offset = offset / fits * fits
            visibleRows = fits
            needsQuery = true
        }
        runQuery(ctx)
    }

    /// Runs the pending search, if any. Also called before a key that depends on the rows
    /// (Enter/↓ in the search field), so a fast "张伟6⏎" is judged on the rows for "张伟6".
    func runQuery(_ ctx: ScreenContext) {
        defer { if rows.isEmpty && focus == .table { focus = .search } }
        guard needsQuery, let s = ctx.session else { return }
        needsQuery = false
        if queriedText != search.text { offset = 0; selected = 0 }
        queriedText = search.text
        do {
            let page = try s.searchWorkers(search.text, offset: offset, limit: max(1, visibleRows))
            rows = page.rows
            hasMore = page.hasMore
            errorText = nil
        } catch {
            rows = []
            hasMore = false
            errorText = describe(error, ctx.lang)
        }
        selected = min(selected, max(0, rows.count - 1))
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = ListExportFlow.handle(&csvExport, key, ctx) { return effects }
        switch key {
        case ListExportFlow.key:
            csvExport = ListExportFlow(.workers(search: search.text), ctx)
            return []
        case .function(3):
            return [.pop]
        case .function(12):
            if !options.isEmpty { options = [:]; return [] }
            return [.pop]
        case .function(5):
            total = screenLog.attempt("counting workers") { try ctx.session?.workerCount() }
            needsQuery = true
            return []
        case .function(6):
            return newWorker(ctx)
        case .pageDown:
            if hasMore { offset += max(1, visibleRows); selected = 0; needsQuery = true }
            return []
        case .pageUp:
            if offset > 0 { offset = max(0, offset - max(1, visibleRows)); selected = 0; needsQuery = true }
            return []
        default:
            break
        }
        return focus == .search ? handleSearch(key, ctx) : handleTable(key, ctx)
    }

    func handleSearch(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch key {
        case .down, .tab, .enter:
            runQuery(ctx)
            if !rows.isEmpty { focus = .table }
            return []
        default:
            let before = search.text
            _ = search.handle(key)
            if search.text != before { needsQuery = true }
            return []
        }
    }

    func handleTable(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch key {
        case .up:
            if selected > 0 { selected -= 1 } else { focus = .search }
        case .down:
            if selected + 1 < rows.count { selected += 1 }
            else if hasMore { offset += max(1, visibleRows); selected = 0; needsQuery = true }
        case .backTab, .char("/"):
            focus = .search
        case .tab:
            focus = .search
        case .char(" "), .backspace, .delete:
            if let row = rows[safe: selected] { options[row.id] = nil }
        case let .char(c) where c.isNumber:
            guard let row = rows[safe: selected] else { return [] }
            guard c == "2" || c == "5" || c == "6" else { return [.message(ctx.lang.format(.optionUnknown, String(c)), .error)] }
            options[row.id] = c
            if selected + 1 < rows.count { selected += 1 }
        case .char("q"):
            return [.pop]
        case .char("n"):
            return newWorker(ctx)
        case .char("r"):
            total = screenLog.attempt("counting workers") { try ctx.session?.workerCount() }
            needsQuery = true
        case .enter:
            if options.isEmpty, let row = rows[safe: selected] { options[row.id] = "5" }
            // In the order shown, then whatever was marked on other pages.
            var queue: [(Character, String)] = []
            for row in rows { if let o = options[row.id] { queue.append((o, row.id)) } }
            for (id, o) in options where !rows.contains(where: { $0.id == id }) { queue.append((o, id)) }
            options = [:]
            pending = queue
            return nextPending(ctx)
        case let .char(c):
            // Typing a name while in the list goes back to the search field.
            focus = .search
            _ = search.handle(.char(c))
            needsQuery = true
        case let .paste(text):
            focus = .search
            _ = search.handle(.paste(text))
            needsQuery = true
        default:
            break
        }
        return []
    }

    func nextPending(_ ctx: ScreenContext) -> [Effect] {
        guard !pending.isEmpty, let s = ctx.session else { return [] }
        let (option, id) = pending.removeFirst()
        do {
            let row = try s.worker(id: id)
            if option == "2" {
                guard s.can(.editWorker) else { return [.message(DeskError.notPermitted(.editWorker).message(ctx.lang), .error)] + nextPending(ctx) }
                return [.push(WorkerFormScreen(ctx: ctx, editing: row))]
            }
            if option == "6" {
                guard s.can(.readClasses) else { return [.message(DeskError.notPermitted(.readClasses).message(ctx.lang), .error)] + nextPending(ctx) }
                return [.push(WorkerArchiveScreen(workerID: row.id, name: row.name, ctx: ctx))]
            }
            return [.push(WorkerDetailScreen(row: row, ctx: ctx))]
        } catch {
            return [.message(describe(error, ctx.lang), .error)] + nextPending(ctx)
        }
    }

    func newWorker(_ ctx: ScreenContext) -> [Effect] {
        guard ctx.session?.can(.registerWorker) == true else { return [.message(ctx.lang[.notPermittedNew], .error)] }
        return [.push(WorkerFormScreen(ctx: ctx, editing: nil))]
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] {
        total = screenLog.attempt("counting workers") { try ctx.session?.workerCount() }  // a registration may have happened meanwhile
        needsQuery = true
        return nextPending(ctx)
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let y0 = body.y
        let label = lang[.searchLabel]
        let labelWidth = canvas.put(label, x: 1, y: y0, style: .bold)
        let fieldWidth = min(40, body.width - labelWidth - 30)
        search.draw(into: &canvas, at: Rect(x: 1 + labelWidth, y: y0, width: fieldWidth, height: 1),
                    focused: focus == .search, style: .underline)
        var status = lang.format(.pageOf, offset / max(1, visibleRows) + 1)
        if let total, search.text.isEmpty { status = HomeScreen.grouped(total) + " " + lang[.workersCount] + " · " + status }
        let statusWidth = TextWidth.of(status)
        canvas.put(status, x: body.width - statusWidth - 1, y: y0, style: .dim)
        if search.text.isEmpty && focus == .search {
            let room = max(0, body.width - statusWidth - labelWidth - fieldWidth - 6)
            canvas.put(TextWidth.clip(lang[.searchHint], to: room), x: 1 + labelWidth + fieldWidth + 1, y: y0,
                       style: .dim)
        }

        let tableRect = Rect(x: 1, y: y0 + 1, width: body.width - 2, height: body.height - 3)
        var table = Table(columns: [
            TableColumn(title: lang[.colOpt], width: 4),
            TableColumn(title: lang[.colID], width: 18),
            TableColumn(title: lang[.colName], width: 14),
            TableColumn(title: lang[.colSex], width: 4),
            TableColumn(title: lang[.colBorn], width: 10),
            TableColumn(title: lang[.colPhone], width: 11),
            TableColumn(title: lang[.colGroups], width: 0),
        ])
        table.rows = rows.map { w in
            let opt = options[w.id].map { "_\($0)_" } ?? "___"
            // ignoring is right: a stored number that is not a mobile number is shown as stored.
            let phone = w.phone.map { (try? MobilePhone.parse($0).get())?.masked ?? $0 } ?? "—"
            return [opt, w.id, w.name, WorkerText.sex(w.sex, lang), w.birthDate, phone, WorkerText.groups(w.groups, lang)]
        }
        var shown = tableState
        if focus != .table { shown.selected = nil }
        table.draw(into: &canvas, at: tableRect, state: shown)
        if rows.isEmpty {
            canvas.put(errorText ?? lang[.noWorkers], x: 3, y: tableRect.y + 2, style: errorText == nil ? .dim : .error)
        }
        if focus == .table, rows.indices.contains(selected) {
            let optColumnX = tableRect.x + 1
            canvas.cursor = CursorPosition(x: optColumnX, y: tableRect.y + 1 + selected - table.firstVisibleRow(shown, height: tableRect.height))
        }
        let hintY = body.maxY - 1
        canvas.put(lang[.optionsHint], x: 1, y: hintY, style: .dim)
        let typeHint = lang[.typeOptions]
        canvas.put(typeHint, x: body.width - TextWidth.of(typeHint) - 1, y: hintY, style: .dim)
        csvExport.draw(into: &canvas, in: body)
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
