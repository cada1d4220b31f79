import SkillCore
import SkillDesk
import TermUI

/// The audit trail, readable (issue 13; auditors and administrators): entries newest first, a page
/// at a time from the database (keyset on seq; PgUp goes back to the exact page before), filtered by
/// user, action (`claim.*`), entity, key and UTC days (F4), each opening to its before → after
/// (Enter). F8 verifies the chain and, when it is broken, shows the first broken entry at the top
/// with why in plain words. Ctrl-X exports the filtered list (`ListExportFlow`).
public final class AuditTrailScreen: Screen {
    var query: AuditQuery
    /// `before` of the page shown (nil: the newest), and of each page before it (PgUp).
    var pageBefore: Int64?
    var earlierPages: [Int64?] = []
    var items: [AuditListItem] = []
    var hasMore = false
    var count: AuditCount?
    var tableState = TableState()
    var errorText: String?
    var needsQuery = true
    var visibleRows = 20
    var filterForm: AuditFilterForm?
    /// The open Ctrl-X export question (`ListExportFlow`), drawn over everything.
    var csvExport: ListExportFlow?

    public init(_ ctx: ScreenContext, query: AuditQuery = AuditQuery()) {
        self.query = query
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.menuAuditTrail] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        let lang = ctx.lang
        var keys: [(key: String, label: String)] = [("F3", lang[.keyBack]), ("Enter", lang[.auditKeyBeforeAfter]),
                                                    ("F4", lang[.auditKeyFilters])]
        if ctx.session?.can(.verifyAudit) == true { keys.append(("F8", lang[.auditKeyVerify])) }
        return keys + [("PgUp/PgDn", lang[.auditKeyPages]), (ListExportFlow.footerKey, lang[.keyExportCSV]), ("F5", lang[.keyRefresh])]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpAuditTrail], ctx.lang[.helpExportCSV], ctx.lang[.helpOther]] }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        visibleRows = max(1, body.height - 3)
        guard needsQuery, let s = ctx.session else { return }
        needsQuery = false
        do {
            let page = try s.auditPage(query, before: pageBefore, limit: visibleRows)
            items = page.items
            hasMore = page.hasMore
            if count == nil { count = try s.auditCount(query) }
            errorText = nil
        } catch {
            items = []
            hasMore = false
            errorText = describe(error, ctx.lang)
        }
        tableState.clamp(rowCount: items.count)
    }

    /// Shows the trail from its newest entry with `q` (a new filter: pages and count start again).
    func apply(_ q: AuditQuery) {
        query = q
        pageBefore = nil
        earlierPages = []
        count = nil
        tableState = TableState()
        needsQuery = true
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = ListExportFlow.handle(&csvExport, key, ctx) { return effects }
        if var form = filterForm {
            switch form.handle(key) {
            case .editing: filterForm = form
            case .cancelled: filterForm = nil
            case let .applied(q): filterForm = nil; apply(q)
            }
            return []
        }
        switch key {
        case ListExportFlow.key:
            csvExport = ListExportFlow(.audit(query), ctx)
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            count = nil
            needsQuery = true
        case .function(4), .char("f"):
            filterForm = AuditFilterForm(query, ctx.lang)
        case .function(8), .char("v"):
            guard ctx.session?.can(.verifyAudit) == true else { return [.message(ctx.lang[.auditVerifyNotPermitted], .error)] }
            return [verify(ctx)]
        case .enter, .char("5"):
            guard let i = tableState.selected, let item = items[safe: i] else { return [] }
            return [.push(AuditEntryScreen(seq: item.entry.seq, ctx: ctx))]
        case .pageDown, .char("n"):
            // A page is what fits on the screen; PgDn reads the next one after its last entry.
            guard hasMore, let last = items.last else { return [] }
            earlierPages.append(pageBefore)
            pageBefore = last.entry.seq
            tableState = TableState(selected: 0)
            needsQuery = true
        case .pageUp, .char("p"):
            guard let before = earlierPages.popLast() else { return [] }
            pageBefore = before
            tableState = TableState(selected: 0)
            needsQuery = true
        default:
            _ = tableState.handle(key, rowCount: items.count, visibleRows: visibleRows)
        }
        return []
    }

    /// F8: the chain check (`verifyChain`, as `audit verify`) as slow work with a progress line;
    /// a break shows the whole trail from the broken entry, selected, and says why in plain words.
    func verify(_ ctx: ScreenContext) -> Effect {
        let lang = ctx.lang
        return .work(Work(title: lang[.auditVerifying]) { [self] progress in
            guard let s = ctx.session else { return [] }
            do {
                let report = try s.verifyChain { n in progress.report(lang.format(.auditVerifyProgress, Grouping.digits(n))) }
                if case let .broken(seq, reason) = report.chain {
                    apply(AuditQuery())
                    pageBefore = seq + 1
                    earlierPages = [nil]
                    tableState = TableState(selected: 0)
                    return [.message(AuditText.breakExplanation(seq: seq, reason: reason, lang), .error)]
                }
                if report.ok { return [.message(lang.format(.auditOK, report.entries), .ok)] }
                return [.message(report.problemLines(lang).joined(separator: "; "), .error)]
            } catch {
                return [.message(describe(error, lang), .error)]
            }
        })
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let w = body.width - 2
        let countText: String
        switch count {
        case let .exact(n)?: countText = lang.format(.auditCountExact, Grouping.digits(n))
        case let .atLeast(n)?: countText = lang.format(.auditCountAtLeast, Grouping.digits(n))
        case .unknown?, nil: countText = lang[.auditCountUnknown]
        }
        let pageText = lang.format(.auditPageNumber, earlierPages.count + 1)
        let right = countText + " · " + pageText
        let rightWidth = TextWidth.of(right)
        canvas.put(AuditFilterForm.line(query, lang), x: 1, y: body.y, maxWidth: max(0, w - rightWidth - 1))
        canvas.put(right, x: body.x + body.width - 1 - rightWidth, y: body.y, style: .bold)
        let rect = Rect(x: 1, y: body.y + 1, width: w, height: body.height - 1)
        let wide = w >= 96, roomy = w >= 118
        var columns = [TableColumn(title: lang[.auditColSeq], width: 9, alignRight: true),
                       TableColumn(title: lang[.auditColWhen], width: wide ? 19 : 11),
                       TableColumn(title: lang[.auditColUser], width: 8),
                       TableColumn(title: lang[.auditColAction], width: wide ? 16 : 15)]
        if roomy { columns.append(TableColumn(title: lang[.auditColEntity], width: 11)) }
        columns += [TableColumn(title: lang[.auditColKey], width: 14), TableColumn(title: lang[.auditColSummary], width: 0)]
        var table = Table(columns: columns)
        table.rows = items.map { i in
            let e = i.entry
            let when = String(e.at.prefix(19)).replacingOccurrences(of: "T", with: " ")
            var row = [Grouping.digits(Int(e.seq)), wide ? when : String(when.dropFirst(5).prefix(11)), e.user, e.action]
            if roomy { row.append(e.entity) }
            return row + [i.keyLabel, i.summary(lang)]
        }
        table.draw(into: &canvas, at: rect, state: tableState)
        if items.isEmpty {
            canvas.put(errorText ?? lang[.auditNone], x: 3, y: rect.y + 2, style: errorText == nil ? .dim : .error, maxWidth: w - 2)
        }
        filterForm?.draw(into: &canvas, in: body, lang)
        csvExport.draw(into: &canvas, in: body)
    }
}

/// Thousands separators for counts and sequence numbers (1,198,204).
enum Grouping {
    static func digits(_ n: Int) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}

/// The F4 form: user, action, entity, key, from, to — prefilled with the filter shown; Enter
/// applies it when `AuditQuery.parse` accepts it, else says why under the fields.
struct AuditFilterForm {
    enum Outcome { case editing, cancelled, applied(AuditQuery) }
    var fields: [FormField]
    var focus = 0
    var problem: String?
    let lang: Lang

    init(_ q: AuditQuery, _ lang: Lang) {
        self.lang = lang
        let values = [q.user ?? "", q.actionText, q.entity ?? "", q.key ?? "", q.from?.description ?? "", q.to?.description ?? ""]
        let labels: [S] = [.auditFilterUser, .auditFilterAction, .auditFilterEntity, .auditFilterKey, .auditFilterFrom, .auditFilterTo]
        fields = zip(labels, values).map { FormField(label: lang[$0.0], field: .prefilled($0.1, maxLength: 64)) }
    }

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .function(12), .function(3), .escape: return .cancelled
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
        case .enter, .function(2):
            let t = fields.map(\.field.text)
            switch AuditQuery.parse(user: t[0], action: t[1], entity: t[2], key: t[3], from: t[4], to: t[5]) {
            case let .success(q): return .applied(q)
            case let .failure(e): problem = e.message(lang)
            }
        default:
            if fields[focus].field.handle(key) { problem = nil }
        }
        return .editing
    }

    func draw(into canvas: inout Canvas, in area: Rect, _ lang: Lang) {
        let box = area.centered(width: min(area.width - 2, 72), height: 12)
        guard box.width >= 30, box.height >= 10 else { return }
        canvas.fill(box)
        canvas.drawBox(box, title: lang[.auditFilterTitle])
        let inner = box.width - 4
        canvas.put(lang[.auditFilterHint], x: box.x + 2, y: box.y + 1, style: .dim, maxWidth: inner)
        for (i, f) in fields.enumerated() {
            FormLayout.drawRow(into: &canvas, x: box.x + 2, y: box.y + 2 + i, label: f.label, labelWidth: 18, field: f.field,
                               fieldWidth: min(30, inner - 18), focused: i == focus)
        }
        canvas.put(problem ?? lang[.auditFilterKeys], x: box.x + 2, y: box.y + 9, style: problem == nil ? .dim : .error, maxWidth: inner)
        if problem != nil {
            canvas.put(lang[.auditFilterKeys], x: box.x + 2, y: box.y + 10, style: .dim, maxWidth: inner)
        }
    }

    /// The filter line above the list: "用户 sup1 · 操作 claim.* · …" (— for any).
    static func line(_ q: AuditQuery, _ lang: Lang) -> String {
        let any = "—"
        let span: String
        switch (q.from, q.to) {
        case (nil, nil): span = any
        case let (f, t): span = lang.format(.auditSpan, f?.description ?? "…", t?.description ?? "…")
        }
        return [(S.auditFilterUser, q.user ?? any), (.auditFilterAction, q.action == nil ? any : q.actionText),
                (.auditFilterEntity, q.entity ?? any), (.auditFilterKey, q.key ?? any), (.auditColDays, span)]
            .map { lang[$0.0] + " " + $0.1 }.joined(separator: "  ")
    }
}
