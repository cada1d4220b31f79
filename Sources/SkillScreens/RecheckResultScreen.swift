import Foundation
import SkillCore
import SkillDesk
import TermUI

/// What the re-evaluation job found (`recheckAll`, F10 on the supervisors' queue): the counts,
/// the profile and day it judged by and how long it took, then one row per claim that now fails,
/// whose amount would change or that cannot be evaluated (those first, then amounts, then
/// refusals, each oldest claim number first). Enter opens the claim (its rules with their
/// clauses). The list is the job's snapshot: it is not read again.
public final class RecheckResultScreen: Screen {
    struct Entry {
        var id: Int64
        var ref: RecheckReport.ClaimRef
        var found: (Lang) -> String
    }

    let report: RecheckReport
    let entries: [Entry]
    var tableState = TableState()
    var visibleRows = 20

    public init(report: RecheckReport, ctx: ScreenContext) {
        self.report = report
        var list: [Entry] = []
        for f in report.failing {
            let rules = f.rules.joined(separator: " ")
            list.append(Entry(id: f.id, ref: f.ref, found: { $0.format(.recheckFoundFailing, rules) }))
        }
        for a in report.amountChanged {
            let was = Money.format(fen: a.storedFen), now = Money.format(fen: a.nowFen)
            list.append(Entry(id: a.id, ref: a.ref, found: { $0.format(.recheckFoundAmount, was, now) }))
        }
        for x in report.refused {
            let error = x.error
            list.append(Entry(id: x.id, ref: x.ref, found: { $0.format(.recheckFoundRefused, error.message($0)) }))
        }
        entries = list
        tableState.clamp(rowCount: list.count)
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.recheckResultTitle] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        var keys: [(key: String, label: String)] = [("F3", ctx.lang[.keyBack])]
        if !entries.isEmpty { keys += [("Enter", ctx.lang[.keyOpen]), ("↑↓", ctx.lang[.keyScroll])] }
        return keys
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpRecheckResult], ctx.lang[.helpOther]] }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        visibleRows = max(1, body.height - 5)   // two summary lines, a gap, the header, the table's last line
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .enter, .char("5"):
            guard let i = tableState.selected, let e = entries[safe: i] else { return [] }
            return [.push(ClaimDetailScreen(claimID: e.id, ctx: ctx))]
        default:
            _ = tableState.handle(key, rowCount: entries.count, visibleRows: visibleRows)
        }
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let r = report
        canvas.put(lang.format(.recheckSummary, r.evaluated, r.eligible, r.failing.count, r.amountChanged.count, r.refused.count),
                   x: 1, y: body.y, style: .bold, maxWidth: body.width - 2)
        canvas.put(lang.format(.recheckSummaryRun, r.status.label(lang), r.profile, r.asOf.description,
                               String(format: "%.1f", r.seconds)),
                   x: 1, y: body.y + 1, style: .dim, maxWidth: body.width - 2)
        let rect = Rect(x: 1, y: body.y + 3, width: body.width - 2, height: body.height - 3)
        if entries.isEmpty {
            let text = r.evaluated == 0 ? lang.format(.recheckNothing, r.status.label(lang))
                                        : lang.format(.recheckAllGood, r.evaluated)
            canvas.put(text, x: 3, y: rect.y, style: .ok, maxWidth: body.width - 4)
            return
        }
        var table = Table(columns: [
            TableColumn(title: lang[.colClaimNumber], width: 14),
            TableColumn(title: lang[.colRecheckFound], width: 0),
            TableColumn(title: lang[.colName], width: 12),
            TableColumn(title: lang[.colClaimKind], width: 16),
        ])
        table.rows = entries.map { e in
            [ClaimText.number(e.id, year: e.ref.year), e.found(lang), e.ref.workerName, ClaimText.kind(e.ref.kind, lang)]
        }
        table.draw(into: &canvas, at: rect, state: tableState)
    }
}
