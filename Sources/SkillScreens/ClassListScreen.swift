import SkillCore
import SkillDesk
import TermUI

/// The training classes, newest first: search over id, institution and occupation names;
/// 5 or Enter opens the class's attendance grid.
public final class ClassListScreen: Screen {
    var list = CatalogueList()
    /// The open Ctrl-X export question (`ListExportFlow`), drawn over everything.
    var csvExport: ListExportFlow?
    var all: [ClassListItem] = []
    var errorText: String?

    public init(_ ctx: ScreenContext) { load(ctx) }

    func load(_ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        do {
            all = try s.classList(limit: 100_000)
            errorText = nil
        } catch {
            all = []
            errorText = describe(error, ctx.lang)
        }
    }

    var shown: [ClassListItem] {
        all.filter { $0.matches(list.search.text) }
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.classes] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        var keys = CatalogueList.footer(ctx.lang)
        if ctx.session?.can(.manageClasses) == true { keys.insert(("F6", ctx.lang[.keyNew]), at: 2) }
        keys.insert((ListExportFlow.footerKey, ctx.lang[.keyExportCSV]), at: keys.count - 1)
        return keys
    }

    public func help(_ ctx: ScreenContext) -> [String] {
        let manage = ctx.session?.can(.manageClasses) == true ? [ctx.lang[.helpClassesManage]] : []
        return [ctx.lang[.helpClasses]] + manage + [ctx.lang[.helpExportCSV], ctx.lang[.helpOther]]
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = ListExportFlow.handle(&csvExport, key, ctx) { return effects }
        if key == ListExportFlow.key {
            csvExport = ListExportFlow(.classes(search: list.search.text), ctx)   // the rows shown
            return []
        }
        if key == .function(6) {
            guard ctx.session?.can(.manageClasses) == true else { return [.message(ctx.lang[.notPermittedClass], .warning)] }
            return [.push(ClassFormScreen(ctx: ctx))]
        }
        let action = list.handle(key, keys: shown.map { String($0.row.id) })
        if case .refresh = action { load(ctx) }
        list.clamp(count: shown.count)
        return list.route(action, ctx, open: { try open($0, $1, ctx) })
    }

    func open(_ s: Session, _ key: String, _ ctx: ScreenContext) throws -> any Screen {
        try AttendanceGridScreen(classID: Int64(key) ?? -1, session: s, ctx: ctx)
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] {
        if list.pending.isEmpty { load(ctx) }
        return list.nextPending(ctx, open: { try open($0, $1, ctx) })
    }

    static func dates(_ row: ClassRow) -> String {
        let end = row.endDate.prefix(4) == row.startDate.prefix(4) ? String(row.endDate.dropFirst(5)) : row.endDate
        return row.startDate + "→" + end
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let rows = shown
        list.drawSearch(into: &canvas, body: body, hint: lang[.classSearchHint],
                        status: lang.format(.classesCount, rows.count), lang)
        var table = Table(columns: [
            TableColumn(title: lang[.colOpt], width: 4),
            TableColumn(title: lang[.colClassID], width: 5, alignRight: true),
            TableColumn(title: lang[.colInstitution], width: 18),
            TableColumn(title: lang[.colOccupation], width: 12),
            TableColumn(title: lang[.colLevel], width: 6),
            TableColumn(title: lang[.colType], width: 12),
            TableColumn(title: lang[.colDates], width: 16),
            TableColumn(title: lang[.colPlanned], width: 5, alignRight: true),
            TableColumn(title: lang[.colStatus], width: 6),
            TableColumn(title: lang[.colRoster], width: 0),
        ])
        table.rows = rows.map { c in
            let r = c.row
            return [list.mark(String(r.id)), String(r.id), c.institutionName, c.occupationName,
                    SkillLevel(rawValue: r.level)?.label(lang) ?? r.level,
                    r.type.label(lang), Self.dates(r), String(r.plannedHours),
                    r.status.label(lang), String(c.rosterSize)]
        }
        let rect = list.drawTable(table, into: &canvas, body: body, empty: lang[.noClasses], lang)
        if let errorText { canvas.put(errorText, x: 3, y: rect.y + 2, style: .error, maxWidth: rect.width - 2) }
        csvExport.draw(into: &canvas, in: body)
    }
}
