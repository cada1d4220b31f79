import SkillCore
import SkillDesk
import TermUI

/// 机构绩效 / Institution performance (issue 13 item 3): per institution for a period (F4), sorted
/// by name, completion, rejection or paid (s); Enter opens the institution's figures with the
/// suggested credit grade and the thresholds it met or missed.
public final class InstitutionPerformanceScreen: Screen {
    var period: ReportPeriod
    var sort: PerformanceSort = .name
    var report: InstitutionPerformanceReport?
    var tableState = TableState()
    var visibleRows = 10
    var errorText: String?
    var needsQuery = true
    var overlay: PeriodOverlay?

    enum PeriodOverlay: OverlayCase {
        case period(TextPrompt)
        var widget: OverlayWidget { switch self { case let .period(p): .prompt(p, width: 64) } }
    }

    public init(_ ctx: ScreenContext, period: ReportPeriod? = nil) {
        self.period = period ?? ReportPeriod.quarter(containing: ctx.desk.today())
    }

    var rows: [InstitutionPerformance] { report?.rows ?? [] }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.perfTitle] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        let lang = ctx.lang
        return [("F3", lang[.keyBack]), ("F4", lang[.perfKeyPeriod]), ("s", lang[.perfKeySort]), ("Enter", lang[.perfKeyGrade]), ("F5", lang[.keyRefresh])]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpPerformance], ctx.lang[.helpOther]] }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        visibleRows = max(1, body.height - 4)
        if needsQuery, let s = ctx.session {
            needsQuery = false
            do { report = try s.institutionPerformance(period, sort: sort); errorText = nil }
            catch { report = nil; errorText = describe(error, ctx.lang) }
        }
        tableState.clamp(rowCount: rows.count)
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        let lang = ctx.lang
        if case var .period(p)? = overlay {
            switch p.handle(key, emptyProblem: ReportPeriodError.empty.message(lang)) {
            case .none: overlay = .period(p)
            case .cancelled: overlay = nil
            case let .entered(text):
                switch ReportPeriod.parse(text) {
                case let .success(np): period = np; overlay = nil; needsQuery = true; tableState = TableState(selected: 0)
                case let .failure(e): p.problem = e.message(lang); overlay = .period(p)
                }
            }
            return []
        }
        switch key {
        case .function(3), .function(12), .char("q"): return [.pop]
        case .function(5), .char("r"): needsQuery = true
        case .function(4):
            var p = TextPrompt(title: lang[.perfPeriodTitle], hint: lang[.perfPeriodHint], maxLength: 30)
            p.field = .prefilled(period.code, maxLength: 30)
            overlay = .period(p)
        case .char("s"):
            sort = sort.next; needsQuery = true; tableState = TableState(selected: 0)
        case .enter:
            guard let r = rows[safe: tableState.row] else { return [.message(lang[.perfNoneSelected], .warning)] }
            return [.push(InstitutionGradeScreen(code: r.code, name: r.name, period: period))]
        default:
            _ = tableState.handle(key, rowCount: rows.count, visibleRows: visibleRows)
        }
        return []
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] { needsQuery = true; return [] }

    static func rate(_ bp: Int64?) -> String { bp.map(formatBasisPoints) ?? "—" }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        canvas.put(lang.format(.perfHeader, period.label(lang), sort.label(lang), rows.count), x: 1, y: body.y, style: .bold, maxWidth: body.width - 2)
        let rect = Rect(x: 1, y: body.y + 1, width: body.width - 2, height: body.height - 2)
        let narrow = body.width < 90
        var table = Table(columns: [
            TableColumn(title: lang[.colInstitution], width: 0),
            TableColumn(title: lang[.perfColGrade], width: 5),
            TableColumn(title: lang[.perfColClasses], width: 4),
            TableColumn(title: lang[.perfColEnrolled], width: 5),
            TableColumn(title: lang[.perfColCompletion], width: 7),
            TableColumn(title: lang[.perfColCertified], width: 7),
            TableColumn(title: lang[.perfColRejection], width: 7),
            TableColumn(title: lang[.perfColWarnings], width: 4),
        ] + (narrow ? [] : [TableColumn(title: lang[.perfColPaid], width: 14)]))
        table.rows = rows.map { p in
            [p.name, p.grade ?? "—", String(p.classes), String(p.enrolled), Self.rate(p.completionBP), Self.rate(p.certifiedBP),
             Self.rate(p.rejectionBP), String(p.warningTotal)] + (narrow ? [] : [Money.format(fen: p.paidFen)])
        }
        table.draw(into: &canvas, at: rect, state: tableState)
        if rows.isEmpty && errorText == nil {
            canvas.put(lang[.perfEmpty], x: 3, y: rect.y + 2, style: .warning, maxWidth: body.width - 4)
        }
        if let errorText { canvas.put(errorText, x: 3, y: rect.y + 2, style: .error, maxWidth: body.width - 4) }
        overlay.draw(into: &canvas, in: body)
    }
}

/// One institution's figures for the period, the suggested grade and every threshold met (✓) or
/// missed (✗); administrators apply a grade with F9 (the grade, then the reason; audited).
public final class InstitutionGradeScreen: Screen {
    let code: String
    let name: String
    let period: ReportPeriod
    var view: InstitutionGradeView?
    var errorText: String?
    var needsQuery = true

    enum Overlay: OverlayCase {
        case grade(PromptList)
        case reason(TextPrompt, CreditGrade)
        var widget: OverlayWidget {
            switch self {
            case let .grade(l): .list(l)
            case let .reason(p, _): .prompt(p, width: 64)
            }
        }
    }
    var overlay: Overlay?

    public init(code: String, name: String, period: ReportPeriod) {
        self.code = code; self.name = name; self.period = period
    }

    func mayManage(_ ctx: ScreenContext) -> Bool { ctx.session?.can(.manageReports) == true }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang.format(.gradeTitle, name) }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyBack])] + (mayManage(ctx) ? [("F9", ctx.lang[.gradeKeyApply])] : [])
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpGrade], ctx.lang[.helpOther]] }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        if needsQuery, let s = ctx.session {
            needsQuery = false
            do { view = try s.institutionGrade(code: code, period: period); errorText = nil }
            catch { errorText = describe(error, ctx.lang) }
        }
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        let lang = ctx.lang
        if let open = overlay {
            switch open {
            case var .grade(l):
                switch l.handle(key) {
                case .none: overlay = .grade(l)
                case .cancelled: overlay = nil
                case let .chosen(codes):
                    guard let g = codes.first.flatMap(CreditGrade.init(rawValue:)) else { overlay = nil; return [] }
                    overlay = .reason(TextPrompt(title: lang.format(.gradeReasonTitle, name, g.rawValue), hint: lang[.gradeReasonHint], maxLength: 500), g)
                }
            case let .reason(p0, g):
                var p = p0
                switch p.handle(key, emptyProblem: lang[.reasonRequired]) {
                case .none: overlay = .reason(p, g)
                case .cancelled: overlay = nil
                case let .entered(reason):
                    overlay = nil
                    guard let s = ctx.session else { return [] }
                    do {
                        try s.applyInstitutionGrade(code: code, grade: g, reason: reason)
                        needsQuery = true
                        return [.message(lang.format(.gradeApplied, name, g.rawValue), .ok)]
                    } catch {
                        return [.message(describe(error, lang), .error)]
                    }
                }
            }
            return []
        }
        switch key {
        case .function(3), .function(12), .char("q"): return [.pop]
        case .function(9) where mayManage(ctx):
            var l = PromptList(title: lang.format(.gradeChooseTitle, name), items: CreditGrade.allCases.map { ($0.rawValue, $0.rawValue) })
            if let g = view?.suggestion?.grade, let i = CreditGrade.allCases.firstIndex(of: g) { l.cursor = i }
            overlay = .grade(l)
        case .function(9):
            return [.message(DeskError.notPermitted(.manageReports).message(lang), .error)]
        default: break
        }
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        var y = body.y
        func line(_ s: String, _ style: Style = .plain) {
            guard y < body.y + body.height else { return }
            canvas.put(s, x: 1, y: y, style: style, maxWidth: body.width - 2); y += 1
        }
        if let errorText { line(errorText, .error) }
        guard let v = view else { overlay.draw(into: &canvas, in: body); return }
        let x = v.performance
        let rate = InstitutionPerformanceScreen.rate
        line(lang.format(.gradeHeader, period.label(lang), x.code, x.grade ?? "—", v.suggestion?.label(lang) ?? "—"), .bold)
        line(lang.format(.gradeTraining, x.classes, x.enrolled, x.completed, rate(x.completionBP), x.certified, rate(x.certifiedBP)))
        line(lang.format(.gradeClaims, x.submitted, x.approved, x.rejected, rate(x.rejectionBP), Money.format(fen: x.paidFen)))
        line(lang.format(.gradeWarnings, x.warnings.enumerated().map { "W\($0.offset + 1) \($0.element)" }.joined(separator: "  "))
             + (x.warningsUnrecorded > 0 ? lang.format(.gradeWarningsUnrecorded, x.warningsUnrecorded) : ""))
        y += 1
        guard let s = v.suggestion else {
            line(lang.format(.gradeNoRule, v.profileName), .warning)
            overlay.draw(into: &canvas, in: body)
            return
        }
        line(lang[.gradeSuggested] + s.label(lang), s.grade == nil ? .warning : .bold)
        for part in TextWidth.wrap(s.reason(lang), to: body.width - 2) { line(part) }
        y += 1
        for c in s.checks { line("\(c.met ? "✓" : "✗") \(c.grade)  \(c.text(lang))  ; \(c.source)", c.met ? .plain : .dim) }
        overlay.draw(into: &canvas, in: body)
    }
}
