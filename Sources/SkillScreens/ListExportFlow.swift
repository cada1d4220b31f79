import SkillCore
import SkillDesk
import TermUI

/// Ctrl-X on every list screen: the rows of the list's current filter to a CSV or XLSX file. One
/// overlay, three steps — the format (CSV in UTF-8 with BOM, CSV in GB18030 for Excel on a Chinese
/// Windows, or an XLSX workbook; issue 13), the path (prefilled `./<list>-<business date>.csv` or
/// `.xlsx`, replaced by typing), a confirmation when the file exists — then `Session.exportList` runs as `Effect.work` with the rows written so far on
/// the message line, and the result is said there. A host screen keeps `var csvExport:
/// ListExportFlow?`, sends keys through `ListExportFlow.handle(&csvExport, ...)` before its own,
/// and draws it last (docs/DECISIONS.md "A working day (issue 12): paging and CSV exports").
public struct ListExportFlow {
    /// A format as chosen: CSV in an encoding, or XLSX.
    struct Choice: Equatable {
        var format: ExportFormat
        var encoding: BankFileEncoding
        static let xlsxCode = "xlsx"
        init?(code: String) {
            if code == Self.xlsxCode { format = .xlsx; encoding = .utf8BOM; return }
            guard let e = BankFileEncoding(rawValue: code) else { return nil }
            format = .csv
            encoding = e
        }
    }
    enum Step {
        case encoding(PromptList)
        case path(TextPrompt, Choice)
        case overwrite(Dialog, Choice, target: String)
    }
    var step: Step
    public let list: ExportList
    /// What the list is called in titles and messages ("劳动者" / "workers").
    let label: String

    /// The key that opens it, on every list screen.
    public static let key = Key.ctrl("x")
    public static let footerKey = "^X"

    public init(_ list: ExportList, _ ctx: ScreenContext) {
        let lang = ctx.lang
        self.list = list
        label = Self.label(list, lang)
        var l = PromptList(title: lang.format(.csvEncodingTitle, label),
                           items: BankFileEncoding.allCases.map { ($0.rawValue, Self.encodingLabel($0, lang)) }
                               + [(Choice.xlsxCode, lang[.exportFormatXLSX])])
        l.maxCodeWidth = 9
        step = .encoding(l)
    }

    static func label(_ list: ExportList, _ lang: Lang) -> String {
        switch list {
        case .workers: return lang[.csvListWorkers]
        case .claims(let f): return lang.format(.csvListClaims, f.status.label(lang))
        case .claimSearch(_, let text): return lang.format(.csvListClaimSearch, Sanitize.forDisplay(text))
        case .paymentBatches: return lang[.csvListBatches]
        case .paymentLines(let b): return lang.format(.csvListLines, b)
        case .classes: return lang[.csvListClasses]
        case .notices: return lang[.csvListNotices]
        case .audit: return lang[.csvListAudit]
        case let .statistics(p, _, _): return lang.format(.csvListStatistics, p.label(lang))
        case let .statisticsRows(p, f): return lang.format(.csvListStatisticsRows, f.metric.label(lang), p.label(lang))
        }
    }

    static func encodingLabel(_ e: BankFileEncoding, _ lang: Lang) -> String {
        switch e {
        case .utf8BOM: return lang[.csvEncodingUTF8]
        case .gb18030: return lang[.csvEncodingGB]
        }
    }

    /// Routes a key to the open flow: nil when none is open (the screen handles the key), else the
    /// effects (the flow closes itself when done or cancelled).
    public static func handle(_ flow: inout ListExportFlow?, _ key: Key, _ ctx: ScreenContext) -> [Effect]? {
        guard var f = flow else { return nil }
        let (open, effects) = f.handle(key, ctx)
        flow = open ? f : nil
        return effects
    }

    /// Returns whether the flow stays open, and the effects.
    mutating func handle(_ key: Key, _ ctx: ScreenContext) -> (Bool, [Effect]) {
        let lang = ctx.lang
        switch step {
        case var .encoding(l):
            switch l.handle(key) {
            case .none: step = .encoding(l); return (true, [])
            case .cancelled: return (false, [.message(lang[.csvCancelled], .warning)])
            case let .chosen(codes):
                guard let e = codes.first.flatMap(Choice.init(code:)) else { return (false, []) }
                var p = TextPrompt(title: lang.format(.csvPathTitle, label), hint: lang[.csvPathHint], maxLength: 1000)
                p.field = .prefilled("./\(list.name)-\(ctx.desk.today()).\(e.format.rawValue)", maxLength: 1000)
                step = .path(p, e)
                return (true, [])
            }
        case .path(var p, let e):
            switch p.handle(key, emptyProblem: lang[.pathRequired]) {
            case .none: step = .path(p, e); return (true, [])
            case .cancelled: return (false, [.message(lang[.csvCancelled], .warning)])
            case let .entered(typed):
                // The shared writer's checks first (never the database, a directory, a missing one);
                // an existing file is asked about before it is replaced.
                let exists: Bool
                do { exists = try OutputFile.check(typed, protected: ctx.session?.protectedPaths ?? []) } catch {
                    p.problem = describe(error, lang)
                    step = .path(p, e)
                    return (true, [])
                }
                if exists {
                    step = .overwrite(Dialog(title: lang[.overwriteTitle], message: [lang.format(.csvOverwrite, typed)],
                                             buttons: [lang[.overwrite], lang[.keyCancel]], focusedButton: 1, style: .warning),
                                      e, target: typed)
                    return (true, [])
                }
                return (false, [run(ctx, choice: e, to: typed, replace: false)])
            }
        case .overwrite(var d, let e, let target):
            switch d.handle(key) {
            case .none: step = .overwrite(d, e, target: target); return (true, [])
            case .button(0): return (false, [run(ctx, choice: e, to: target, replace: true)])
            case .button, .cancelled: return (false, [.message(lang[.csvCancelled], .warning)])
            }
        }
    }

    /// The export as slow work: the message line counts the rows written.
    func run(_ ctx: ScreenContext, choice: Choice, to target: String, replace: Bool) -> Effect {
        let lang = ctx.lang, list = list, label = label
        return .work(Work(title: lang.format(.csvExporting, label, target)) { progress in
            guard let s = ctx.session else { return [] }
            do {
                let r = try s.exportList(list, to: target, format: choice.format, encoding: choice.encoding, replace: replace,
                                         lang: lang) { n in
                    progress.report(lang.format(.csvProgress, n))
                }
                let what = choice.format == .xlsx ? "XLSX" : (choice.encoding == .gb18030 ? "GB18030" : "UTF-8")
                return [.message(lang.format(.csvExported, r.rows, Sanitize.forDisplay(target), what), .ok)]
            } catch {
                return [.message(describe(error, lang), .error)]
            }
        })
    }

    public func draw(into canvas: inout Canvas, in area: Rect) {
        switch step {
        case let .encoding(l): OverlayWidget.list(l).draw(into: &canvas, in: area)
        case let .path(p, _): OverlayWidget.prompt(p).draw(into: &canvas, in: area)
        case let .overwrite(d, _, _): OverlayWidget.dialog(d).draw(into: &canvas, in: area)
        }
    }
}

extension Optional where Wrapped == ListExportFlow {
    /// Draws the open export question, if any (last, over everything else).
    public func draw(into canvas: inout Canvas, in area: Rect) {
        if case let .some(f) = self { f.draw(into: &canvas, in: area) }
    }
}
