import SkillCore
import SkillDesk
import TermUI

/// The occupation catalogue in force today: search as you type over code and name (filtered in
/// memory — see `CatalogueList`); 5 or Enter opens an entry.
public final class OccupationListScreen: Screen {
    var list = CatalogueList()
    var all: [OccupationRow] = []
    var errorText: String?
    /// The day whose catalogue is shown (today unless the clerk typed another).
    var asOf: CalendarDate
    /// The date being typed (Tab from the search field), nil when not editing it.
    var dateField: TextField?

    public init(_ ctx: ScreenContext) {
        asOf = ctx.desk.today()
        load(ctx)
    }

    func load(_ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        do {
            all = try s.occupations(asOf: asOf, limit: 100_000)
            errorText = nil
        } catch {
            all = []
            errorText = describe(error, ctx.lang)
        }
    }

    var shown: [OccupationRow] { all.filter { list.matches(code: $0.code, name: $0.name) } }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.occupations] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        var keys = CatalogueList.footer(ctx.lang)
        keys.insert(("Tab", ctx.lang[.keyAsOf]), at: 3)
        return keys
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpOccupations], ctx.lang[.helpOther]] }

    /// Tab in the search field edits the date; Tab or Enter applies it, F12 abandons it.
    func handleDate(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        guard var field = dateField else { return [] }
        switch key {
        case .function(12):
            dateField = nil
            return []
        case .tab, .enter, .backTab:
            let text = field.text.trimmedWhitespace()
            let day = text.isEmpty ? ctx.desk.today() : CalendarDate(iso: text)
            guard let day else { return [.message(ctx.lang.format(.asOfInvalid, text), .error)] }
            dateField = nil
            let changed = day != asOf
            asOf = day
            load(ctx)
            list.clamp(count: shown.count)
            if key == .enter, !shown.isEmpty { list.focus = .table }
            return changed ? [.message(ctx.lang.format(.asOfChanged, day.description), .ok)] : []
        default:
            _ = field.handle(key)
            dateField = field
            return []
        }
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if dateField != nil { return handleDate(key, ctx) }
        if key == .tab, list.focus == .search {
            dateField = .prefilled(asOf.description, maxLength: 10)
            return []
        }
        let rows = shown
        let action = list.handle(key, keys: rows.map(\.code))
        if case .refresh = action { load(ctx) }
        list.clamp(count: shown.count)
        return list.route(action, ctx, open: { try open($0, $1, ctx) })
    }

    func open(_ s: Session, _ key: String, _ ctx: ScreenContext) throws -> any Screen {
        OccupationDetailScreen(row: try s.occupation(code: key, asOf: asOf), ctx: ctx)
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] { list.nextPending(ctx, open: { try open($0, $1, ctx) }) }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let rows = shown
        list.drawSearch(into: &canvas, body: body, hint: lang[.occupationSearchHint],
                        status: lang.format(.occupationsCount, rows.count, asOf.description), lang)
        if let dateField {
            // The date at the end of the status line becomes the field being typed.
            // One column more than the date, so the caret after it does not scroll the field.
            dateField.draw(into: &canvas, at: Rect(x: body.width - 11, y: body.y, width: 11, height: 1),
                           focused: true, style: .underline)
        }
        var table = Table(columns: [
            TableColumn(title: lang[.colOpt], width: 4),
            TableColumn(title: lang[.colCode], width: 10),
            TableColumn(title: lang[.colOccupation], width: 18),
            TableColumn(title: lang[.colSubsidised], width: 4),
            TableColumn(title: lang[.colShortage], width: 4),
            TableColumn(title: lang[.colAccess], width: 4),
            TableColumn(title: lang[.colPeriod], width: 21),
            TableColumn(title: lang[.colLevels], width: 0),
        ])
        table.rows = rows.map { o in
            [list.mark(o.code), o.code, o.name, CatalogueText.check(o.subsidised, lang),
             CatalogueText.check(o.shortage, lang), CatalogueText.check(o.accessControlled, lang),
             CatalogueText.period(o), CatalogueText.levels(o.levels, lang)]
        }
        let rect = list.drawTable(table, into: &canvas, body: body, empty: lang[.noOccupations], lang)
        if let errorText { canvas.put(errorText, x: 3, y: rect.y + 2, style: .error, maxWidth: rect.width - 2) }
    }
}

/// One occupation entry: every field, each level's standard and hours, the other periods of
/// the same code, and the audit history when the role may read the audit trail.
public final class OccupationDetailScreen: Screen {
    var row: OccupationRow
    var periods: [OccupationRow] = []
    var history: [AuditEntry]?
    var errorText: String?
    var scroll = 0

    public init(row: OccupationRow, ctx: ScreenContext) {
        self.row = row
        load(ctx)
    }

    func load(_ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        do {
            periods = try s.occupationHistory(code: row.code)
            if let fresh = periods.first(where: { $0.id == row.id }) { row = fresh }
            // The audit trail needs readAudit; other roles see the entry without it.
            history = s.can(.readAudit) ? try s.auditEntries(entity: "occupation", key: "\(row.code)@\(row.from)") : nil
            errorText = nil
        } catch {
            errorText = describe(error, ctx.lang)
        }
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.occupationDetail] + " · " + row.code + " " + row.name }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] { CatalogueDetail.footer(ctx) }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpOccupations], ctx.lang[.helpOther]] }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        CatalogueDetail.handle(key, scroll: &scroll, reload: { load(ctx) })
    }

    func lines(_ lang: Lang) -> [(String, Style)] {
        var out: [(String, Style)] = []
        for l in row.levels {
            out.append(("  " + lang.format(.levelLong, l.level, CatalogueText.levelLabel(l.level, lang),
                                           Money.format(fen: l.standardFen), l.hours), .plain))
        }
        if periods.count > 1 {
            out.append(("", .plain))
            out.append((lang[.fieldOtherPeriods], .bold))
            for p in periods {
                out.append(("  " + CatalogueText.period(p) + "  " + p.name + "  " + CatalogueText.levels(p.levels, lang),
                            p.id == row.id ? .bold : .plain))
            }
        }
        return out + CatalogueDetail.historyLines(history, lang)
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        var y = body.y + 1
        let tier = row.tier.map(String.init) ?? lang[.noneDash]
        let fields: [(S, String)] = [
            (.fieldCode, row.code), (.fieldName, row.name),
            (.fieldSubsidised, CatalogueText.yesNo(row.subsidised, lang)),
            (.fieldShortage, CatalogueText.yesNo(row.shortage, lang)),
            (.fieldAccess, CatalogueText.yesNo(row.accessControlled, lang)),
            (.fieldTier, tier),
            (.fieldPeriod, row.from + " – " + (row.to ?? lang[.openEnded])),
        ]
        for (label, value) in fields {
            FormLayout.drawRow(into: &canvas, x: 1, y: y, label: lang[label], labelWidth: 20, field: nil,
                               fieldWidth: body.width - 22, value: value)
            y += 1
        }
        y += 1
        canvas.put(lang[.fieldLevels], x: 1, y: y, style: .bold)
        y += 1
        CatalogueDetail.drawScrolled(lines(lang), errorText: errorText, scroll: &scroll, into: &canvas, y: y, body: body)
    }
}
