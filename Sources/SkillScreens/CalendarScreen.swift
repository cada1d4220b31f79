import SkillCore
import SkillDesk
import TermUI

/// The working calendar notices are counted on (工作日历, issue 5): one year's entries — days off
/// and weekend working days (调休) — with PgUp/PgDn to change the year. An administrator
/// (`.manageCalendar`) sets a day with F6 (date, then the kind from a list, then an optional name;
/// an existing entry is changed) and removes the selected entry with F8 after a confirmation.
/// Both go through `setCalendarDay`, which checks and audits them (`calendar.set`).
public final class CalendarScreen: Screen {
    var year: Int
    var all: [CalendarEntry] = []
    var entries: [CalendarEntry] = []
    var tableState = TableState()
    var selected: Int {
        get { tableState.row }
        set { tableState.selected = newValue }
    }
    var visibleRows = 20
    var errorText: String?
    var needsQuery = true
    /// The day to select once the entries are read again (the one just set).
    var focusDate: CalendarDate?
    /// The one question open (keys go to it first; it is drawn last). F6: date → kind → name,
    /// each case carrying what was answered before; F8: the confirmation for the entry to remove.
    enum Overlay: OverlayCase {
        case date(TextPrompt)
        case kind(PromptList, CalendarDate)
        case name(TextPrompt, CalendarDate, CalendarDayKind)
        case remove(Dialog, CalendarEntry)

        var widget: OverlayWidget {
            switch self {
            case let .date(p), let .name(p, _, _): .prompt(p, width: 60)
            case let .kind(l, _): .list(l)
            case let .remove(d, _): .dialog(d)
            }
        }
    }
    var overlay: Overlay?

    public init(_ ctx: ScreenContext, year: Int? = nil) {
        self.year = year ?? ctx.desk.today().year
    }

    func mayManage(_ ctx: ScreenContext) -> Bool { ctx.session?.can(.manageCalendar) == true }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang.format(.calendarYear, year) }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        let lang = ctx.lang
        var keys: [(key: String, label: String)] = [("F3", lang[.keyBack]), ("F5", lang[.keyRefresh])]
        if mayManage(ctx) { keys += [("F6", lang[.keySetDay]), ("F8", lang[.keyRemoveDay])] }
        return keys + [("PgUp/PgDn", lang[.keyYear]), ("↑↓", "")]
    }

    public func help(_ ctx: ScreenContext) -> [String] {
        (mayManage(ctx) ? [ctx.lang[.helpCalendar], ctx.lang[.helpCalendarManage]] : [ctx.lang[.helpCalendar]]) + [ctx.lang[.helpOther]]
    }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        visibleRows = max(1, body.height - 4)
        if needsQuery, let s = ctx.session {
            needsQuery = false
            do {
                all = try s.calendarEntries()
                errorText = nil
            } catch {
                all = []
                errorText = describe(error, ctx.lang)
            }
        }
        let keep = focusDate ?? entries[safe: selected]?.date
        focusDate = nil
        entries = all.filter { $0.date.year == year }.sorted { $0.date < $1.date }
        tableState.clamp(rowCount: entries.count)
        if let i = keep.flatMap({ d in entries.firstIndex { $0.date == d } }) { selected = i }
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = handleModal(key, ctx) { return effects }
        let lang = ctx.lang
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            needsQuery = true
        case .pageUp:
            year -= 1; tableState = TableState(selected: 0)
        case .pageDown:
            year += 1; tableState = TableState(selected: 0)
        case .function(6) where mayManage(ctx):
            var p = TextPrompt(title: lang[.calDateTitle], hint: lang[.calDateHint], maxLength: 10)
            p.field = .prefilled(entries[safe: selected]?.date.description ?? "\(year)-", maxLength: 10)
            overlay = .date(p)
        case .function(8) where mayManage(ctx):
            guard let e = entries[safe: selected] else { return [.message(lang[.calNothingSelected], .warning)] }
            overlay = .remove(Dialog(title: lang[.calRemoveTitle],
                                     message: [lang.format(.calRemoveConfirm, e.date.description, e.kind.label(lang), e.name)],
                                     buttons: [lang[.calRemoveButton], lang[.keyCancel]], focusedButton: 1), e)
        case .function(6), .function(8):
            return [.message(DeskError.notPermitted(.manageCalendar).message(lang), .error)]
        default:
            _ = tableState.handle(key, rowCount: entries.count, visibleRows: visibleRows)
        }
        return []
    }

    /// Keys while the F6 prompts or the F8 confirmation are open; nil when none is.
    func handleModal(_ key: Key, _ ctx: ScreenContext) -> [Effect]? {
        let lang = ctx.lang
        guard let open = overlay else { return nil }
        switch open {
        case var .date(p):
            switch p.handle(key, emptyProblem: lang[.calDateInvalid]) {
            case .none: overlay = .date(p)
            case .cancelled: overlay = nil
            case let .entered(text):
                guard let d = CalendarDate(iso: HalfWidth.ascii(text).trimmedWhitespace()) else {
                    p.problem = lang[.calDateInvalid]
                    overlay = .date(p)
                    return []
                }
                var l = PromptList(title: lang.format(.calKindTitle, d.description),
                                   items: CalendarDayKind.allCases.map { ($0.rawValue, $0.label(lang)) })
                if let old = all.first(where: { $0.date == d }), let i = CalendarDayKind.allCases.firstIndex(of: old.kind) { l.cursor = i }
                overlay = .kind(l, d)
            }
        case var .kind(l, d):
            switch l.handle(key) {
            case .none: overlay = .kind(l, d)
            case .cancelled: overlay = nil
            case let .chosen(codes):
                guard let k = codes.first.flatMap(CalendarDayKind.init(rawValue:)) else { overlay = nil; return [] }
                var p = TextPrompt(title: lang.format(.calNameTitle, d.description, k.label(lang)), hint: lang[.calNameHint],
                                   maxLength: HolidayFile.maxNameLength, required: false)
                p.field = .prefilled(all.first { $0.date == d }?.name ?? "", maxLength: HolidayFile.maxNameLength)
                overlay = .name(p, d, k)
            }
        case var .name(p, d, k):
            switch p.handle(key) {
            case .none: overlay = .name(p, d, k)
            case .cancelled: overlay = nil
            case let .entered(name):
                overlay = nil
                return set(d, kind: k, name: name, ctx)
            }
        case var .remove(c, e):
            switch c.handle(key) {
            case .none: overlay = .remove(c, e)
            case .button(0):
                overlay = nil
                return set(e.date, kind: nil, name: "", ctx)
            default:
                overlay = nil
            }
        }
        return []
    }

    func set(_ d: CalendarDate, kind: CalendarDayKind?, name: String, _ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        let lang = ctx.lang
        do {
            try s.setCalendarDay(d, kind: kind, name: name)
            needsQuery = true
            if d.year != year { year = d.year; tableState = TableState(selected: 0) }
            if kind != nil { focusDate = d }
            let text = kind.map { lang.format(.calSaved, d.description, $0.label(lang) + (name.isEmpty ? "" : " " + name)) }
                ?? lang.format(.calRemoved, d.description)
            return [.message(text, .ok)]
        } catch {
            return [.message(describe(error, lang), .error)]
        }
    }

    func weekday(_ d: CalendarDate, _ lang: Lang) -> String {
        let names = lang[.weekdayNames].split(separator: ",").map(String.init)
        return names[safe: d.weekday - 1] ?? ""
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let off = entries.filter { $0.kind == .holiday }.count
        let summary = entries.isEmpty ? lang.format(.calendarEmpty, year)
            : lang.format(.calendarCount, year, off, entries.count - off)
        canvas.put(summary, x: 1, y: body.y, style: entries.isEmpty ? .warning : .bold, maxWidth: body.width - 2)
        let rect = Rect(x: 1, y: body.y + 1, width: body.width - 2, height: body.height - 2)
        var table = Table(columns: [
            TableColumn(title: lang[.colDate], width: 10),
            TableColumn(title: lang[.colWeekday], width: 4),
            TableColumn(title: lang[.colDayKind], width: 12),
            TableColumn(title: lang[.colDayName], width: 0),
        ])
        table.rows = entries.map { [$0.date.description, weekday($0.date, lang), $0.kind.label(lang), $0.name] }
        table.draw(into: &canvas, at: rect, state: tableState)
        if let errorText { canvas.put(errorText, x: 3, y: rect.y + 2, style: .error, maxWidth: body.width - 4) }
        overlay.draw(into: &canvas, in: body)
    }
}
