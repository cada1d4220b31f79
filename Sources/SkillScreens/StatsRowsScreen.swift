import SkillCore
import SkillDesk
import TermUI

/// The rows behind one figure (issue 13 item 7): enrolments, certificates, claims or payments,
/// a page at a time from the database (keyset: PgDn continues after the last row, PgUp goes back),
/// Enter opens the record (a claim; a worker; an enrolment's class), F1 says what the figure counts,
/// Ctrl-X writes every row to CSV.
public final class StatsRowsScreen: Screen {
    let period: ReportPeriod
    let figure: FigureID
    var rows: [StatsRow] = []
    var next: String?
    /// The `after` keys of the pages before this one (the first page's is nil).
    var pageKeys: [String?] = [nil]
    var tableState = TableState()
    var errorText: String?
    var needsQuery = true
    var pageSize = 20
    var csvExport: ListExportFlow?

    public init(period: ReportPeriod, figure: FigureID, _ ctx: ScreenContext) {
        self.period = period
        self.figure = figure
    }

    public func title(_ ctx: ScreenContext) -> String {
        var s = ctx.lang[.statsRowsTitle] + " · " + figure.metric.label(ctx.lang)
        if let d = figure.dimension, let k = figure.key { s += " · " + StatsKeyLabel.text(d, k, name: nil, ctx.lang) }
        return s + " · " + period.label(ctx.lang)
    }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        let lang = ctx.lang
        return [("F3", lang[.keyBack]), ("Enter", lang[.keyOpen]), ("PgDn", lang[.statsKeyNextPage]), ("PgUp", lang[.statsKeyPrevPage]),
                (ListExportFlow.footerKey, lang[.statsKeyExport])]
    }

    public func help(_ ctx: ScreenContext) -> [String] {
        [StatsDefinitions.text(figure, period: period, lang: ctx.lang), ctx.lang[.helpStatsRows], ctx.lang[.helpExportCSV], ctx.lang[.helpOther]]
    }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        let size = max(1, min(Session.statsRowsLimit, body.height - 3))
        if size != pageSize { pageSize = size; if pageKeys.count == 1 { needsQuery = true } }
        guard needsQuery, let s = ctx.session else { return }
        needsQuery = false
        do {
            let page = try s.statisticsRows(period: period, figure: figure, after: pageKeys.last ?? nil, limit: pageSize)
            rows = page.rows
            next = page.next
            errorText = nil
        } catch {
            rows = []
            next = nil
            errorText = describe(error, ctx.lang)
        }
        tableState.clamp(rowCount: rows.count)
        if tableState.selected == nil && !rows.isEmpty { tableState.selected = 0 }
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = ListExportFlow.handle(&csvExport, key, ctx) { return effects }
        switch key {
        case ListExportFlow.key:
            csvExport = ListExportFlow(.statisticsRows(period: period, figure: figure), ctx)
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .pageDown:
            guard let n = next else { return [.message(ctx.lang[.statsLastPage], .plain)] }
            pageKeys.append(n); tableState = TableState(); needsQuery = true
        case .pageUp:
            guard pageKeys.count > 1 else { return [] }
            pageKeys.removeLast(); tableState = TableState(); needsQuery = true
        case .enter, .char("5"):
            guard let i = tableState.selected, let r = rows[safe: i] else { return [] }
            return open(r, ctx)
        default:
            _ = tableState.handle(key, rowCount: rows.count, visibleRows: pageSize)
        }
        return []
    }

    func open(_ r: StatsRow, _ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        do {
            switch r.kind {
            case .claim, .payment:
                return r.claimID.map { [.push(ClaimDetailScreen(claimID: $0, ctx: ctx))] } ?? []
            case .enrolment:
                guard let c = r.classID else { return [] }
                return [.push(try AttendanceGridScreen(classID: c, session: s, ctx: ctx))]
            case .certificate:
                return [.push(WorkerDetailScreen(row: try s.worker(id: r.workerID), ctx: ctx))]
            }
        } catch {
            return [.message(describe(error, ctx.lang), .error)]
        }
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let page = pageKeys.count
        canvas.put(lang.format(.statsRowsPage, page, rows.count) + (next == nil ? "" : lang[.statsRowsMore]), x: 1, y: body.y, style: .bold,
                   maxWidth: body.width - 2)
        let rect = Rect(x: 1, y: body.y + 1, width: body.width - 2, height: body.height - 2)
        var table: Table
        switch figure.metric.rows {
        case .enrolment:
            table = Table(columns: [
                TableColumn(title: lang[.colName], width: 10), TableColumn(title: lang[.colID], width: 18),
                TableColumn(title: lang[.colClassID], width: 6, alignRight: true), TableColumn(title: lang[.colOccupation], width: 0),
                TableColumn(title: lang[.statsColHours], width: 9, alignRight: true), TableColumn(title: lang[.statsColDone], width: 4),
                TableColumn(title: lang[.statsColEnded], width: 10)])
            table.rows = rows.map { r in
                let hours = "\((r.countedMinutes ?? 0) / 60).\((r.countedMinutes ?? 0) % 60 * 10 / 60)/\(r.plannedHours ?? 0)"
                return [r.workerName, r.workerID, String(r.classID ?? 0), (r.occupationCode ?? "") + " " + (r.level ?? ""), hours,
                        r.completed == true ? lang[.yes] : lang[.no], r.day]
            }
        case .certificate:
            table = Table(columns: [
                TableColumn(title: lang[.colName], width: 10), TableColumn(title: lang[.colID], width: 18),
                TableColumn(title: lang[.colCertNumber], width: 0), TableColumn(title: lang[.colLevel], width: 6),
                TableColumn(title: lang[.colCertIssued], width: 10), TableColumn(title: lang[.colClassID], width: 6, alignRight: true)])
            table.rows = rows.map { r in
                [r.workerName, r.workerID, r.certificateNumber ?? "", r.level ?? "—", r.day, r.classID.map(String.init) ?? "—"]
            }
        case .claim, .payment:
            table = Table(columns: [
                TableColumn(title: lang[.colClaimNumber], width: 14), TableColumn(title: lang[.colName], width: 10),
                TableColumn(title: lang[.colID], width: 18), TableColumn(title: lang[.colClaimKind], width: 0),
                TableColumn(title: lang[.colAmount], width: 13, alignRight: true), TableColumn(title: lang[.colDate], width: 10)])
            table.rows = rows.map { r in
                [r.claimNumber ?? "", r.workerName, r.workerID, SubsidyKind(rawValue: r.subsidyKind ?? "")?.label(lang) ?? (r.subsidyKind ?? ""),
                 Money.format(fen: r.amountFen ?? 0), r.day]
            }
        }
        table.rows = table.rows.map { $0.map(Sanitize.forDisplay) }
        table.draw(into: &canvas, at: rect, state: tableState)
        if rows.isEmpty {
            canvas.put(errorText ?? lang[.statsNoRows], x: 3, y: rect.y + 2, style: errorText == nil ? .dim : .error, maxWidth: body.width - 4)
        }
        csvExport.draw(into: &canvas, in: body)
    }
}
