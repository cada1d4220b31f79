import Foundation
import SkillCore
import SkillDesk
import TermUI

/// 异常线索 / Anomalies (issue 13 item 5; auditors and supervisors): the period (F4), each signal with
/// its count and, under the list, the selected signal's definition (F1: whole). The sweep runs as
/// `Effect.work` with a progress line (signal, done/total). Enter lists the signal's occurrences.
/// The result is the sweep's snapshot: F5 sweeps again.
public final class AnomalyScreen: Screen {
    var period: ReportPeriod
    var report: AnomalyReport?
    var errorText: String?
    var tableState = TableState(selected: 0)
    var prompt: TextPrompt?

    public init(_ ctx: ScreenContext) {
        period = ReportPeriod.quarter(containing: ctx.desk.today())
    }

    /// What opening the screen does: push it, then sweep the default period.
    public static func open(_ ctx: ScreenContext) -> [Effect] {
        let s = AnomalyScreen(ctx)
        return [.push(s), .work(s.sweep(ctx))]
    }

    func sweep(_ ctx: ScreenContext) -> Work {
        let lang = ctx.lang, period = self.period
        return Work(title: lang.format(.anomalySweeping, period.label(lang))) { [self] progress in
            guard let s = ctx.session else { return [] }
            do {
                report = try s.anomalySweep(period: period) { signal, done, total in
                    progress.report(lang.format(.anomalyProgress, signal?.title(lang) ?? lang[.anomalyDone], done, total))
                }
                errorText = nil
                tableState.clamp(rowCount: report?.signals.count ?? 0)
                return [.message(lang.format(.anomalySwept, period.label(lang)), .ok)]
            } catch {
                report = nil
                errorText = describe(error, lang)
                return [.message(errorText ?? "", .error)]
            }
        }
    }

    var selectedResult: AnomalySignalResult? { tableState.selected.flatMap { report?.signals[safe: $0] } }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.anomalyTitle] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyBack]), ("F4", ctx.lang[.anomalyKeyPeriod]), ("F5", ctx.lang[.anomalyKeySweep]),
         ("Enter", ctx.lang[.keyOpen])]
    }

    public func help(_ ctx: ScreenContext) -> [String] {
        var lines: [String] = []
        if let r = selectedResult { lines += [r.signal.title(ctx.lang), r.signal.definition(ctx.lang)] }
        return lines + [ctx.lang[.helpAnomalies], ctx.lang[.helpOther]]
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        let lang = ctx.lang
        if var p = prompt {
            switch p.handle(key, emptyProblem: ReportPeriodError.empty.message(lang)) {
            case .cancelled: prompt = nil
            case let .entered(text):
                switch ReportPeriod.parse(text) {
                case let .success(new):
                    prompt = nil
                    period = new
                    return [.work(sweep(ctx))]
                case let .failure(e):
                    // The box has one line for it; the forms are on the hint line just above.
                    if case let .notAPeriod(t) = e { p.problem = lang.format(.anomalyPeriodBad, t) } else { p.problem = e.message(lang) }
                    prompt = p
                }
            case .none: prompt = p
            }
            return []
        }
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(4), .char("p"):
            var p = TextPrompt(title: lang[.anomalyPeriodTitle], hint: lang[.anomalyPeriodHint], maxLength: 40)
            p.field = TextField(text: period.code, maxLength: 40)
            prompt = p
        case .function(5):
            return [.work(sweep(ctx))]
        case .enter, .char("5"):
            guard let r = selectedResult else { return [] }
            if r.occurrences.isEmpty { return [.message(lang.format(.anomalyNone, r.signal.title(lang)), .ok)] }
            return [.push(AnomalyOccurrencesScreen(result: r, period: period))]
        default:
            _ = tableState.handle(key, rowCount: report?.signals.count ?? 0, visibleRows: AnomalySignal.allCases.count)
        }
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let w = body.width - 2
        canvas.put(lang.format(.anomalyPeriodLine, period.label(lang), period.first.description, period.last.description),
                   x: 1, y: body.y, style: .bold, maxWidth: w)
        if let errorText {
            canvas.put(errorText, x: 1, y: body.y + 2, style: .error, maxWidth: w)
        }
        guard let report else {
            if errorText == nil { canvas.put(lang[.anomalyNotSwept], x: 1, y: body.y + 2, style: .dim, maxWidth: w) }
            if let prompt { prompt.draw(into: &canvas, in: body) }
            return
        }
        var table = Table(columns: [
            TableColumn(title: lang[.anomalyColSignal], width: 0),
            TableColumn(title: lang[.anomalyColCode], width: 22),
            TableColumn(title: lang[.anomalyColCount], width: 7, alignRight: true),
        ])
        table.rows = report.signals.map { [$0.signal.title(lang), $0.signal.code, String($0.count)] }
        let rows = report.signals.count
        table.draw(into: &canvas, at: Rect(x: 1, y: body.y + 2, width: w, height: rows + 1), state: tableState)
        if let r = selectedResult {
            let top = body.y + rows + 4
            canvas.put(lang[.anomalyDefinitionHeading], x: 1, y: top, style: .bold, maxWidth: w)
            let lines = TextWidth.wrap(r.signal.definition(lang), to: w)
            let room = body.y + body.height - top - 1
            for (i, line) in lines.prefix(max(0, room)).enumerated() {
                let last = i == room - 1 && lines.count > room
                canvas.put(last ? lang[.anomalyDefinitionMore] : line, x: 1, y: top + 1 + i, style: last ? .dim : .plain, maxWidth: w)
            }
        }
        if let prompt { prompt.draw(into: &canvas, in: body) }
    }
}

/// The occurrences of one signal: subject and the figures that triggered it; Enter lists its records.
public final class AnomalyOccurrencesScreen: Screen {
    let result: AnomalySignalResult
    let period: ReportPeriod
    var tableState = TableState(selected: 0)
    var visibleRows = 20

    public init(result: AnomalySignalResult, period: ReportPeriod) {
        self.result = result
        self.period = period
        tableState.clamp(rowCount: result.occurrences.count)
    }

    public func title(_ ctx: ScreenContext) -> String {
        "\(ctx.lang[.anomalyTitle]) · \(result.signal.title(ctx.lang))"
    }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyBack]), ("Enter", ctx.lang[.anomalyKeyRecords]), ("↑↓", ctx.lang[.keyScroll])]
    }

    public func help(_ ctx: ScreenContext) -> [String] {
        [result.signal.title(ctx.lang), result.signal.definition(ctx.lang), ctx.lang[.helpAnomalyOccurrences]]
    }

    public func prepare(_ ctx: ScreenContext, body: Rect) { visibleRows = max(1, body.height - 3) }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .enter, .char("5"):
            guard let i = tableState.selected, let o = result.occurrences[safe: i] else { return [] }
            return [.push(AnomalyRecordsScreen(signal: result.signal, occurrence: o))]
        default:
            _ = tableState.handle(key, rowCount: result.occurrences.count, visibleRows: visibleRows)
        }
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        canvas.put(lang.format(.anomalyOccurrencesLine, period.label(lang), result.count),
                   x: 1, y: body.y, style: .bold, maxWidth: body.width - 2)
        var table = Table(columns: [
            TableColumn(title: lang[.anomalyColSubject], width: min(24, body.width / 3)),
            TableColumn(title: lang[.anomalyColFigures], width: 0),
        ])
        table.rows = result.occurrences.map { [$0.subject, $0.figures(lang)] }
        table.draw(into: &canvas, at: Rect(x: 1, y: body.y + 2, width: body.width - 2, height: body.height - 2), state: tableState)
    }
}

/// The records one occurrence names: workers, claims, classes, institutions. Enter opens a worker
/// (WorkerDetailScreen), a claim (ClaimDetailScreen), a class (its attendance grid) or an institution.
public final class AnomalyRecordsScreen: Screen {
    let signal: AnomalySignal
    let occurrence: AnomalyOccurrence
    var tableState = TableState(selected: 0)
    var visibleRows = 20

    public init(signal: AnomalySignal, occurrence: AnomalyOccurrence) {
        self.signal = signal
        self.occurrence = occurrence
        tableState.clamp(rowCount: occurrence.records.count)
    }

    public func title(_ ctx: ScreenContext) -> String { "\(ctx.lang[.anomalyTitle]) · \(occurrence.subject)" }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyBack]), ("Enter", ctx.lang[.keyOpen]), ("↑↓", ctx.lang[.keyScroll])]
    }

    public func help(_ ctx: ScreenContext) -> [String] {
        [signal.title(ctx.lang), signal.definition(ctx.lang), ctx.lang[.helpAnomalyRecords]]
    }

    public func prepare(_ ctx: ScreenContext, body: Rect) { visibleRows = max(1, body.height - 4) }

    static func kindLabel(_ k: AnomalyRecord.Kind, _ lang: Lang) -> String {
        switch k {
        case .worker: return lang[.anomalyKindWorker]
        case .claim: return lang[.anomalyKindClaim]
        case .klass: return lang[.anomalyKindClass]
        case .institution: return lang[.anomalyKindInstitution]
        }
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .enter, .char("5"):
            guard let i = tableState.selected, let r = occurrence.records[safe: i], let s = ctx.session else { return [] }
            do {
                switch r.kind {
                case .worker: return [.push(WorkerDetailScreen(row: try s.worker(id: r.key), ctx: ctx))]
                case .claim:
                    guard let id = Int64(r.key) else { return [] }
                    return [.push(ClaimDetailScreen(claimID: id, ctx: ctx))]
                case .klass:
                    guard let id = Int64(r.key) else { return [] }
                    return [.push(try AttendanceGridScreen(classID: id, session: s, ctx: ctx))]
                case .institution:
                    return [.push(InstitutionDetailScreen(row: try s.institution(code: r.key), ctx: ctx))]
                }
            } catch {
                return [.message(describe(error, ctx.lang), .error)]
            }
        default:
            _ = tableState.handle(key, rowCount: occurrence.records.count, visibleRows: visibleRows)
        }
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let w = body.width - 2
        let lines = TextWidth.wrap(occurrence.figures(lang), to: w)
        for (i, line) in lines.prefix(2).enumerated() {
            canvas.put(line, x: 1, y: body.y + i, style: .bold, maxWidth: w)
        }
        var table = Table(columns: [
            TableColumn(title: lang[.anomalyColKind], width: 6),
            TableColumn(title: lang[.anomalyColNumber], width: 20),
            TableColumn(title: lang[.anomalyColName], width: 0),
        ])
        table.rows = occurrence.records.map { r in
            [Self.kindLabel(r.kind, lang), r.number,
             r.kind == .claim ? "\(r.name) · \(ClaimText.kind(r.detail, lang))" : (r.detail.isEmpty ? r.name : "\(r.name) · \(r.detail)")]
        }
        table.draw(into: &canvas, at: Rect(x: 1, y: body.y + 3, width: w, height: body.height - 3), state: tableState)
    }
}
