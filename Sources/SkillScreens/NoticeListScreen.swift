import SkillCore
import SkillDesk
import TermUI

/// The public notice list (公示名单, issue 5): approved claims on notice, names and resident IDs
/// masked as published (`noticeList` masks them in the use-case layer, so the full ID never reaches
/// this screen), with the notice's dates and the working days left on the working calendar.
/// Opening the list and F5 first move claims whose notice ended to payable (`noticeList` sweeps, as
/// `skilldesk notice list` does). Enter opens the claim (where a clerk records an objection, F7).
public final class NoticeListScreen: Screen {
    var entries: [NoticeEntry] = []
    var tableState = TableState()
    var errorText: String?
    var needsQuery = true
    var visibleRows = 20
    /// The open Ctrl-X export question (`ListExportFlow`), drawn over everything.
    var csvExport: ListExportFlow?

    public init(_ ctx: ScreenContext) {}

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.menuNoticeList] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyBack]), ("F5", ctx.lang[.keyRefresh]), ("Enter", ctx.lang[.keyOpen]),
         (ListExportFlow.footerKey, ctx.lang[.keyExportCSV]), ("↑↓", "")]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpNoticeList], ctx.lang[.helpExportCSV], ctx.lang[.helpOther]] }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        visibleRows = max(1, body.height - 4)
        guard needsQuery, let s = ctx.session else { return }
        needsQuery = false
        let keep = tableState.selected.flatMap { entries[safe: $0]?.claimID }
        do {
            entries = try s.noticeList()
            errorText = nil
        } catch {
            entries = []
            errorText = describe(error, ctx.lang)
        }
        // The same claim stays selected when it is still listed; otherwise the state is clamped.
        tableState.clamp(rowCount: entries.count)
        if let i = keep.flatMap({ id in entries.firstIndex { $0.claimID == id } }) { tableState.selected = i }
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = ListExportFlow.handle(&csvExport, key, ctx) { return effects }
        switch key {
        case ListExportFlow.key:
            csvExport = ListExportFlow(.notices, ctx)
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            needsQuery = true
        case .enter, .char("5"):
            guard let i = tableState.selected, let e = entries[safe: i] else { return [] }
            return [.push(ClaimDetailScreen(claimID: e.claimID, ctx: ctx))]
        default:
            _ = tableState.handle(key, rowCount: entries.count, visibleRows: visibleRows)
        }
        return []
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] {
        needsQuery = true   // an objection takes the claim off the list
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        canvas.put(lang.format(.noticeListCount, entries.count), x: 1, y: body.y, style: .bold, maxWidth: body.width - 2)
        let rect = Rect(x: 1, y: body.y + 1, width: body.width - 2, height: body.height - 2)
        var table = Table(columns: [
            TableColumn(title: lang[.colClaimNumber], width: 14),
            TableColumn(title: lang[.colName], width: 10),
            TableColumn(title: lang[.colID], width: 18),
            TableColumn(title: lang[.colClaimKind], width: 0),
            TableColumn(title: lang[.colAmount], width: 12, alignRight: true),
            TableColumn(title: lang[.colNoticeStart], width: 10),
            TableColumn(title: lang[.colNoticeEnd], width: 10),
            TableColumn(title: lang[.colDaysLeft], width: 4, alignRight: true),
        ])
        table.rows = entries.map { e in
            [e.claimNumber, e.maskedName, e.maskedID, e.kind?.label(lang) ?? "", Money.format(fen: e.amountFen),
             e.publishedOn, e.endsOn, String(e.workingDaysLeft)]
        }
        table.draw(into: &canvas, at: rect, state: tableState)
        if entries.isEmpty {
            canvas.put(errorText ?? lang[.noNotices], x: 3, y: rect.y + 2, style: errorText == nil ? .dim : .error,
                       maxWidth: body.width - 4)
        }
        csvExport.draw(into: &canvas, in: body)
    }
}
