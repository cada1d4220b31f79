import SkillCore
import SkillDesk
import TermUI

/// Filed reports (报送, issue 13): every filing, newest first, each checked against the audit chain
/// (✓, or ✗ with what does not match). Enter opens one with what changed since it was filed; F9
/// writes its bytes as filed; administrators (`manageReports`) file a quarter or a year with F10:
/// the report, the period (prefilled with the last full quarter), then a confirmation.
public final class FiledReportsScreen: Screen {
    var filings: [FiledReport] = []
    var tableState = TableState()
    var errorText: String?
    var needsQuery = true
    var visibleRows = 20

    enum Overlay: OverlayCase {
        case kind(PromptList)
        case period(TextPrompt, ReportKind)
        case confirm(Dialog, ReportKind, ReportPeriod)
        var widget: OverlayWidget {
            switch self {
            case let .kind(l): .list(l)
            case let .period(p, _): .prompt(p, width: 64)
            case let .confirm(d, _, _): .dialog(d)
            }
        }
    }
    var overlay: Overlay?

    public init(_ ctx: ScreenContext) {}

    func files(_ ctx: ScreenContext) -> Bool { ctx.session?.can(.manageReports) == true }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.menuFiledReports] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        var keys: [(key: String, label: String)] = [("F3", ctx.lang[.keyBack]), ("Enter", ctx.lang[.keyOpen]),
                                                    ("F9", ctx.lang[.keyExportFiled])]
        if files(ctx) { keys.append(("F10", ctx.lang[.keyFile])) }
        return keys + [("F5", ctx.lang[.keyRefresh]), ("↑↓", "")]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpFiled], ctx.lang[.helpOther]] }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        visibleRows = max(1, body.height - 4)
        guard needsQuery, let s = ctx.session else { return }
        needsQuery = false
        do {
            filings = try s.filedReports()
            errorText = nil
        } catch {
            filings = []
            errorText = describe(error, ctx.lang)
        }
        tableState.clamp(rowCount: filings.count)
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] {
        needsQuery = true
        return []
    }

    /// The last full quarter before today: what is usually filed.
    static func defaultPeriod(_ ctx: ScreenContext) -> ReportPeriod {
        ReportPeriod.quarter(containing: ctx.desk.today()).previous ?? .quarter(containing: ctx.desk.today())
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        let lang = ctx.lang
        if let o = overlay { return handleOverlay(o, key, ctx) }
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            needsQuery = true
        case .enter:
            guard let i = tableState.selected, let f = filings[safe: i] else { return [] }
            return [.push(FiledReportScreen(id: f.row.id, ctx))]
        case .function(9):
            guard let i = tableState.selected, let f = filings[safe: i] else { return [] }
            let screen = FiledReportScreen(id: f.row.id, ctx)
            return [.push(screen)] + screen.startExport(ctx)
        case .function(10):
            guard files(ctx) else { return [.message(describe(DeskError.notPermitted(.manageReports), lang), .error)] }
            if ReportKind.allCases.count == 1 { openPeriod(ReportKind.allCases[0], ctx) }
            else {
                overlay = .kind(PromptList(title: lang[.fileChooseKind],
                                           items: ReportKind.allCases.map { ($0.rawValue, $0.label(lang)) }))
            }
        default:
            _ = tableState.handle(key, rowCount: filings.count, visibleRows: visibleRows)
        }
        return []
    }

    func openPeriod(_ kind: ReportKind, _ ctx: ScreenContext) {
        var p = TextPrompt(title: ctx.lang[.fileTitle], hint: ctx.lang[.fileHint], maxLength: 40)
        p.field = .prefilled(Self.defaultPeriod(ctx).code, maxLength: 40)
        overlay = .period(p, kind)
    }

    func handleOverlay(_ o: Overlay, _ key: Key, _ ctx: ScreenContext) -> [Effect] {
        let lang = ctx.lang
        switch o {
        case var .kind(list):
            switch list.handle(key) {
            case .cancelled: overlay = nil
            case let .chosen(codes):
                guard let k = codes.first.flatMap(ReportKind.init(rawValue:)) else { overlay = nil; return [] }
                openPeriod(k, ctx)
            default: overlay = .kind(list)
            }
        case .period(var p, let kind):
            switch p.handle(key, emptyProblem: lang[.fileHint]) {
            case .cancelled: overlay = nil
            case let .entered(text):
                switch ReportPeriod.parse(text) {
                case let .failure(e):
                    p.problem = e.message(lang)
                    overlay = .period(p, kind)
                case let .success(period):
                    overlay = .confirm(Dialog(title: lang[.fileConfirmTitle],
                                              message: [lang.format(.fileConfirm, kind.label(lang), period.label(lang))],
                                              buttons: [lang[.keyFile], lang[.keyCancel]], focusedButton: 1, style: .warning),
                                       kind, period)
                }
            case .none: overlay = .period(p, kind)
            }
        case .confirm(var d, let kind, let period):
            switch d.handle(key) {
            case .button(0):
                overlay = nil
                guard let s = ctx.session else { return [] }
                do {
                    let f = try s.fileReport(kind, period: period)
                    needsQuery = true
                    return [.message(lang.format(.filedDone, f.number, String(f.row.sha256.prefix(12))), .ok)]
                } catch {
                    return [.message(describe(error, lang), .error)]
                }
            case .button, .cancelled: overlay = nil
            case .none: overlay = .confirm(d, kind, period)
            }
        }
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        canvas.put(lang.format(.filedCount, filings.count), x: 1, y: body.y, style: .bold, maxWidth: body.width - 2)
        let rect = Rect(x: 1, y: body.y + 1, width: body.width - 2, height: body.height - 2)
        var table = Table(columns: [
            TableColumn(title: lang[.colFiledNumber], width: 10),
            TableColumn(title: lang[.colFiledPeriod], width: 9),
            TableColumn(title: lang[.colFiledKind], width: 0),
            TableColumn(title: lang[.colFiledAt], width: 19),
            TableColumn(title: lang[.colFiledBy], width: 8),
            TableColumn(title: lang[.colFiledCheck], width: 5),
        ])
        table.rows = filings.map { f in
            [f.number, f.row.period, f.kind?.label(lang) ?? Sanitize.forDisplay(f.row.kind),
             Self.when(f.row.filedAt), Sanitize.forDisplay(f.row.filedBy), f.integrity.isIntact ? "✓" : "✗"]
        }
        table.draw(into: &canvas, at: rect, state: tableState)
        if filings.isEmpty {
            canvas.put(errorText ?? lang[.noFiled], x: 3, y: rect.y + 2, style: errorText == nil ? .dim : .error,
                       maxWidth: body.width - 4)
        }
        overlay.draw(into: &canvas, in: body)
    }

    /// `2026-10-08T09:14:02Z` → `2026-10-08 09:14:02`.
    static func when(_ utc: String) -> String {
        Sanitize.forDisplay(String(utc.prefix(19)).replacingOccurrences(of: "T", with: " "))
    }
}

/// One filing: who filed it and when, its SHA-256 and whether it still matches the chain, and what
/// changed since it was filed, figure by figure (↑↓ scroll). F9 writes its bytes as filed.
public final class FiledReportScreen: Screen {
    let id: Int64
    var filed: FiledReport?
    var changes: [ReportChange] = []
    var errorText: String?
    var scroll = 0
    var export: OutputPathFlow?

    init(id: Int64, _ ctx: ScreenContext) {
        self.id = id
        load(ctx)
    }

    func load(_ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        do {
            (filed, changes) = try s.changesSinceFiling(id: id)
            errorText = nil
        } catch {
            errorText = describe(error, ctx.lang)
        }
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.filedDetailTitle] + " " + FiledReport.number(id) }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyBack]), ("F9", ctx.lang[.keyExportFiled]), ("↑↓", ctx.lang[.keyScroll])]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpFiled], ctx.lang[.helpOther]] }

    func startExport(_ ctx: ScreenContext) -> [Effect] {
        guard let f = filed else { return [] }
        export = OutputPathFlow(title: ctx.lang[.filedExportTitle], hint: ctx.lang[.filedExportHint],
                                suggested: "\(f.number)-\(f.row.period).json", overwriteKey: .filedOverwrite)
        return []
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        let lang = ctx.lang
        if var flow = export {
            let (outcome, effects) = flow.handle(key, ctx)
            export = flow
            switch outcome {
            case .open: return effects
            case .cancelled: export = nil; return effects
            case let .chosen(path, replace):
                export = nil
                guard let s = ctx.session else { return [] }
                do {
                    let f = try s.exportFiledReport(id: id, to: path, replace: replace)
                    return [.message(lang.format(.filedExported, f.number, Sanitize.forDisplay(path)), .ok)]
                } catch {
                    return [.message(describe(error, lang), .error)]
                }
            }
        }
        switch key {
        case .function(3), .function(12), .char("q"): return [.pop]
        case .function(9): return startExport(ctx)
        case .up: scroll = max(0, scroll - 1)
        case .down: scroll += 1
        case .pageUp: scroll = max(0, scroll - 10)
        case .pageDown: scroll += 10
        default: break
        }
        return []
    }

    func lines(_ lang: Lang) -> [(String, Style)] {
        guard let f = filed else { return [(errorText ?? "", .error)] }
        var out: [(String, Style)] = []
        out.append(("\(f.number)  \(f.kind?.label(lang) ?? Sanitize.forDisplay(f.row.kind))  \(f.row.period)  \(Sanitize.forDisplay(f.row.area))", .bold))
        out.append(("\(lang[.colFiledAt]): \(FiledReportsScreen.when(f.row.filedAt))  \(lang[.colFiledBy]): \(Sanitize.forDisplay(f.row.filedBy))", .plain))
        out.append(("SHA-256 \(f.row.sha256)", .plain))
        out.append(((f.integrity.isIntact ? "✓ " : "✗ ") + f.integrity.message(lang), f.integrity.isIntact ? .ok : .error))
        out.append(("", .plain))
        if changes.isEmpty {
            out.append((lang[.filedNoChanges], .dim))
        } else {
            out.append((lang.format(.filedChanges, changes.count), .bold))
            for c in changes {
                out.append(("  " + Sanitize.forDisplay(c.path) + ": " + Sanitize.forDisplay(c.before ?? "—") + " → "
                            + Sanitize.forDisplay(c.after ?? "—"), .plain))
            }
        }
        return out
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let all = lines(ctx.lang)
        scroll = min(scroll, max(0, all.count - body.height))
        for (i, line) in all.dropFirst(scroll).prefix(body.height).enumerated() {
            canvas.put(line.0, x: 1, y: body.y + i, style: line.1, maxWidth: body.width - 2)
        }
        export.draw(into: &canvas, in: body)
    }
}
