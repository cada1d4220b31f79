import SkillCore
import SkillDesk
import TermUI

extension StatisticsScreen {
    static let trendHeight = 2

    func numericWidths() -> [Int] {
        switch view {
        case .training: [9, 9, 7]
        case .certificates: [9]
        case .claims: [6, 6, 6, 15, 14]
        }
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let x = 1, width = body.width - 2
        var y = body.y
        canvas.put(lang.format(.statsScopeLine, period.label(lang), area.label(lang), view.label(lang)), x: x, y: y, style: .bold, maxWidth: width)
        y += 1
        guard let r = report else {
            canvas.put(errorText ?? "", x: x + 2, y: y + 1, style: .error, maxWidth: width - 2)
            overlay.draw(into: &canvas, in: body)
            csvExport.draw(into: &canvas, in: body)
            return
        }
        if let h = r.headline(.completed) {
            let change = h.previousPeriod.map { p in
                (StatsFormat.change(h.changePermille) + " " + lang.format(.statsChangeOn, p, StatsFormat.count(h.previousCount ?? 0)))
                    .trimmingCharacters(in: .whitespaces)
            } ?? ""
            canvas.put(lang.format(.statsHeadlineTraining, StatsFormat.count(h.count), change, StatsFormat.count(r.trainingTotal.enrolled),
                                   StatsFormat.percent(r.trainingTotal.rateBasisPoints)), x: x, y: y, maxWidth: width)
        }
        y += 1
        let paid = r.headline(.paid)
        canvas.put(lang.format(.statsHeadlineMoney, StatsFormat.count(r.headline(.certificates)?.count ?? 0), StatsFormat.percent(r.highSkill.basisPoints),
                               Money.format(fen: paid?.amountFen ?? 0), StatsFormat.count(paid?.count ?? 0),
                               StatsFormat.change(paid?.changePermille)), x: x, y: y, maxWidth: width)
        y += 2
        // The table.
        let rows = gridRows(lang)
        let cols = columns(lang)
        let widths = numericWidths()
        let numbers = widths.reduce(0, +) + widths.count
        let hasBar = rows.contains { $0.bar != nil }
        let widest = rows.map { TextWidth.of(Sanitize.forDisplay($0.label)) }.max() ?? 0
        let labelWidth = min(max(widest, TextWidth.of(view.dimension.label(lang))), 24, width - numbers)
        let barX = x + labelWidth + numbers + 1
        let barWidth = hasBar ? max(0, x + width - barX) : 0
        var header = TextWidth.pad(view.dimension.label(lang), to: labelWidth)
        for (i, c) in cols.enumerated() { header += " " + TextWidth.pad(c.title, to: widths[i], alignRight: true) }
        canvas.put(header, x: x, y: y, style: .bold, maxWidth: width)
        y += 1
        let trendRows = Self.trendHeight + 2
        let visible = max(1, body.y + body.height - y - trendRows - 1)
        if row < firstRow { firstRow = row }
        if row >= firstRow + visible { firstRow = row - visible + 1 }
        let top = rows.compactMap(\.bar).max() ?? 0
        for (i, gr) in rows.enumerated().dropFirst(firstRow).prefix(visible) {
            canvas.put(TextWidth.pad(Sanitize.forDisplay(gr.label), to: labelWidth), x: x, y: y, style: gr.bar == nil && i == rows.count - 1 ? .bold : .plain)
            var cx = x + labelWidth
            for (j, cell) in gr.cells.enumerated() {
                let selected = i == row && j == column && cell.figure != nil
                canvas.put(" " + TextWidth.pad(cell.text, to: widths[j], alignRight: true), x: cx, y: y, style: selected ? .reverse : .plain)
                cx += widths[j] + 1
            }
            if let b = gr.bar, barWidth > 0 {
                canvas.put(HorizontalBar.text(b, of: top, width: barWidth), x: barX, y: y)
            }
            y += 1
        }
        if rows.count <= 1 && rows.allSatisfy({ $0.cells.allSatisfy { $0.figure == nil || $0.text == "0" || $0.text == "¥0.00" } }) {
            canvas.put(lang[.statsNothing], x: x + 2, y: y, style: .dim, maxWidth: width - 2)
        }
        // The monthly trend: person-times and amount paid, side by side.
        let ty = body.y + body.height - trendRows
        let half = (width - 2) / 2
        let months = r.months
        let colWidth = max(3, min(8, half / max(1, months.count)))
        // Month names when they fit their column with a gap, else the month's number.
        let labels = months.map { m -> String in
            let n = Int(m.month.suffix(2)) ?? 1
            let name = lang == .zh ? "\(n)月" : String(ReportPeriod.month(year: 2000, month: n).label(.en).prefix(3))
            return colWidth > 4 || (colWidth == 4 && lang == .en) ? name : String(n)
        }
        canvas.put(lang[.statsTrendCompleted], x: x, y: ty, style: .dim, maxWidth: half)
        canvas.put(lang[.statsTrendPaid], x: x + half + 2, y: ty, style: .dim, maxWidth: half)
        let left = ColumnSeries(values: months.map { Int64($0.completed) }, labels: labels).lines(height: Self.trendHeight, columnWidth: colWidth)
        let right = ColumnSeries(values: months.map(\.paidFen), labels: labels).lines(height: Self.trendHeight, columnWidth: colWidth)
        for (i, line) in left.enumerated() { canvas.put(line, x: x, y: ty + 1 + i, maxWidth: half) }
        for (i, line) in right.enumerated() { canvas.put(line, x: x + half + 2, y: ty + 1 + i, maxWidth: half) }
        overlay.draw(into: &canvas, in: body)
        csvExport.draw(into: &canvas, in: body)
    }
}
