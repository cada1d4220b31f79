import SkillCore
import SkillDesk
import TermUI

/// What the statistics screen's table is broken down by (F7): the six training breakdowns, the
/// certificates by type or level, the claims by subsidy kind or fund source.
enum StatsView: Equatable {
    case training(StatsDimension)
    case certificates(StatsDimension)
    case claims(StatsDimension)

    static let all: [StatsView] = StatsDimension.trainingTable.map { .training($0) }
        + [.certificates(.certificateType), .certificates(.level), .claims(.kind), .claims(.source)]

    var dimension: StatsDimension {
        switch self { case let .training(d), let .certificates(d), let .claims(d): d }
    }

    var code: String {
        switch self {
        case let .training(d): "training." + d.rawValue
        case let .certificates(d): "certificates." + d.rawValue
        case let .claims(d): "claims." + d.rawValue
        }
    }

    func label(_ lang: Lang) -> String {
        switch self {
        case let .training(d): lang.format(.statsViewTraining, d.label(lang))
        case let .certificates(d): lang.format(.statsViewCertificates, d.label(lang))
        case let .claims(d): lang.format(.statsViewClaims, d.label(lang))
        }
    }
}

/// One cell of the statistics table: its text and, when it is a figure, the figure Enter lists.
struct StatsCell: Equatable {
    var text: String
    var figure: FigureID?
}

/// One row of the table: the key's label, its cells, the value its bar shows.
struct StatsGridRow: Equatable {
    var label: String
    var cells: [StatsCell]
    var bar: Int64?
}

/// Statistics (issue 13, SCREENS.md "Statistics"): a period (F4, typed as `ReportPeriod` reads it),
/// an area (F6, a region code or the city), a breakdown (F7); the headline figures with ▲/▼ on the
/// previous period, the table with bars, the monthly trend. ↑↓←→ choose a figure, Enter lists its
/// rows, F1 says what it counts, Ctrl-X exports every figure to CSV. Read-only (`readReports`).
public final class StatisticsScreen: Screen {
    var period: ReportPeriod
    var area: StatsArea = .city
    var view: StatsView = .training(.type)
    var report: StatsReport?
    var errorText: String?
    var row = 0
    var column = 0
    var firstRow = 0
    var needsQuery = true
    var csvExport: ListExportFlow?

    enum Overlay: OverlayCase {
        case period(TextPrompt)
        case area(TextPrompt)
        case view(PromptList)

        var widget: OverlayWidget {
            switch self {
            case let .period(p), let .area(p): .prompt(p, width: 70)
            case let .view(l): .list(l)
            }
        }
    }
    var overlay: Overlay?

    public init(_ ctx: ScreenContext, period: ReportPeriod? = nil) {
        self.period = period ?? ReportPeriod.quarter(containing: ctx.desk.today())
    }

    public func title(_ ctx: ScreenContext) -> String {
        ctx.lang[.menuStatistics] + " · " + period.label(ctx.lang) + " · " + area.label(ctx.lang)
    }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        let lang = ctx.lang
        return [("F3", lang[.keyBack]), ("Enter", lang[.statsKeyRows]), ("F4", lang[.statsKeyPeriod]),
                ("F6", lang[.statsKeyArea]), ("F7", lang[.statsKeyBy]), (ListExportFlow.footerKey, lang[.statsKeyExport])]
    }

    /// F1: the definition of the figure under the cursor first, then the screen's keys.
    public func help(_ ctx: ScreenContext) -> [String] {
        let lang = ctx.lang
        var out: [String] = []
        if let f = selectedFigure { out.append(StatsDefinitions.text(f, period: period, lang: lang)) }
        if case .training(.group) = view { out.append(lang[.statsGroupNote]) }
        out.append(StatsDefinitions.placement(lang))
        return out + [lang[.helpStatistics], lang[.helpExportCSV], lang[.helpOther]]
    }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        guard needsQuery, let s = ctx.session else { return }
        needsQuery = false
        let by: StatsDimension
        if case let .training(d) = view { by = d } else { by = report.map(\.by) ?? .type }
        do {
            report = try s.statistics(period: period, area: area, by: by)
            errorText = nil
        } catch {
            report = nil
            errorText = describe(error, ctx.lang)
        }
        clampCursor()
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] { [] }

    // MARK: the table

    /// The figure columns of the current view, with their titles.
    func columns(_ lang: Lang) -> [(title: String, metric: StatsMetric?)] {
        switch view {
        case .training: [(lang[.statsColEnrolled], .enrolled), (lang[.statsColCompleted], .completed), (lang[.statsColRate], nil)]
        case .certificates: [(lang[.statsColCertificates], .certificates)]
        case .claims: [(lang[.statsColSubmitted], .submitted), (lang[.statsColApproved], .approved), (lang[.statsColRejected], .rejected),
                       (lang[.statsColPaid], .paid), (lang[.statsColClawedBack], .clawedBack)]
        }
    }

    /// The rows of the current view, the total last.
    func gridRows(_ lang: Lang) -> [StatsGridRow] {
        guard let r = report else { return [] }
        let d = view.dimension
        switch view {
        case .training:
            return (r.training + [r.trainingTotal]).map { l in
                let total = l.key == "total"
                let fig: (StatsMetric) -> FigureID = { total ? FigureID($0, area: self.area) : FigureID($0, d, l.key, area: self.area) }
                return StatsGridRow(label: total ? lang[.statsTotal] : StatsKeyLabel.text(d, l.key, name: l.name, lang),
                                    cells: [StatsCell(text: StatsFormat.count(l.enrolled), figure: fig(.enrolled)),
                                            StatsCell(text: StatsFormat.count(l.completed), figure: fig(.completed)),
                                            StatsCell(text: StatsFormat.percent(l.rateBasisPoints), figure: nil)],
                                    bar: total ? nil : Int64(l.completed))
            }
        case .certificates:
            let lines = d == .level ? r.certificatesByLevel : r.certificatesByType
            let total = r.headline(.certificates)?.count ?? 0
            return lines.map { l in
                StatsGridRow(label: StatsKeyLabel.text(d, l.key, name: l.name, lang),
                             cells: [StatsCell(text: StatsFormat.count(l.count), figure: FigureID(.certificates, d, l.key, area: area))],
                             bar: Int64(l.count))
            } + [StatsGridRow(label: lang[.statsTotal], cells: [StatsCell(text: StatsFormat.count(total), figure: FigureID(.certificates, area: area))], bar: nil)]
        case .claims:
            var keys: [String] = []
            for t in r.claims { for l in d == .kind ? t.byKind : t.bySource where !keys.contains(l.key) { keys.append(l.key) } }
            func cell(_ t: StatsClaimTable, _ line: StatsLine?, _ figure: FigureID) -> StatsCell {
                let amount = t.metric == .paid || t.metric == .clawedBack
                let text = amount ? Money.format(fen: line?.amountFen ?? 0) : StatsFormat.count(line?.count ?? 0)
                return StatsCell(text: text, figure: figure)
            }
            var out = keys.map { k -> StatsGridRow in
                let cells = r.claims.map { t in cell(t, (d == .kind ? t.byKind : t.bySource).first { $0.key == k }, FigureID(t.metric, d, k, area: area)) }
                return StatsGridRow(label: StatsKeyLabel.text(d, k, name: nil, lang), cells: cells, bar: nil)
            }
            out.append(StatsGridRow(label: lang[.statsTotal], cells: r.claims.map { cell($0, $0.total, FigureID($0.metric, area: area)) }, bar: nil))
            return out
        }
    }

    var selectedFigure: FigureID? {
        let rows = gridRows(.en)
        guard rows.indices.contains(row), rows[row].cells.indices.contains(column) else { return nil }
        return rows[row].cells[column].figure
    }

    func clampCursor() {
        let rows = gridRows(.en)
        row = max(0, min(row, rows.count - 1))
        let cells = rows.first?.cells.count ?? 1
        column = max(0, min(column, cells - 1))
        // The rate column is no figure: the cursor rests on the one before it.
        if rows.indices.contains(row), rows[row].cells.indices.contains(column), rows[row].cells[column].figure == nil { column = max(0, column - 1) }
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = ListExportFlow.handle(&csvExport, key, ctx) { return effects }
        if let effects = handleModal(key, ctx) { return effects }
        let lang = ctx.lang
        switch key {
        case ListExportFlow.key:
            let by: StatsDimension
            if case let .training(d) = view { by = d } else { by = .type }
            csvExport = ListExportFlow(.statistics(period: period, area: area, by: by), ctx)
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            needsQuery = true
        case .up: row = max(0, row - 1)
        case .down: row += 1; clampCursor()
        case .left: column = max(0, column - 1)
        case .right, .tab: column += 1; clampCursor()
        case .pageUp, .home: row = 0
        case .pageDown, .end: row = gridRows(lang).count - 1
        case .enter:
            guard let f = selectedFigure else { return [.message(lang[.statsNoFigure], .error)] }
            return [.push(StatsRowsScreen(period: period, figure: f, ctx))]
        case .function(4):
            var p = TextPrompt(title: lang[.statsPeriodTitle], hint: lang[.statsPeriodHint], maxLength: 40)
            p.field = .prefilled(period.code, maxLength: 40)
            overlay = .period(p)
        case .function(6):
            var p = TextPrompt(title: lang[.statsAreaTitle], hint: lang[.statsAreaHint], maxLength: 20, required: false)
            p.field = .prefilled(area == .city ? "" : area.code, maxLength: 20)
            overlay = .area(p)
        case .function(7):
            var l = PromptList(title: lang[.statsByTitle], items: StatsView.all.map { ($0.code, $0.label(lang)) })
            l.maxCodeWidth = 0
            overlay = .view(l)
        default:
            break
        }
        return []
    }

    func handleModal(_ key: Key, _ ctx: ScreenContext) -> [Effect]? {
        guard let open = overlay else { return nil }
        let lang = ctx.lang
        switch open {
        case var .period(p):
            switch p.handle(key, emptyProblem: ReportPeriodError.empty.message(lang)) {
            case .none: overlay = .period(p)
            case .cancelled: overlay = nil
            case let .entered(text):
                switch ReportPeriod.parse(text) {
                case let .success(v): period = v; overlay = nil; needsQuery = true
                case let .failure(e): p.problem = e.message(lang); overlay = .period(p)
                }
            }
        case var .area(p):
            switch p.handle(key) {
            case .none: overlay = .area(p)
            case .cancelled: overlay = nil
            case let .entered(text):
                switch StatsArea.parse(text) {
                case let .success(a): area = a; overlay = nil; needsQuery = true
                case let .failure(e): p.problem = e.message(lang); overlay = .area(p)
                }
            }
        case var .view(l):
            switch l.handle(key) {
            case .none: overlay = .view(l)
            case .cancelled: overlay = nil
            case let .chosen(codes):
                overlay = nil
                if let v = StatsView.all.first(where: { $0.code == codes.first }) {
                    let before = view
                    view = v
                    row = 0; column = 0; firstRow = 0
                    if case .training = v, v != before { needsQuery = true }
                    clampCursor()
                }
            }
        }
        return []
    }
}
