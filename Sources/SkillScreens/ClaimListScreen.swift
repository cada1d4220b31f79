import SkillCore
import SkillDesk
import TermUI

/// Shared texts of a claim on the claim screens.
enum ClaimText {
    /// `SD-2026-000012`.
    static func number(_ c: ClaimRow) -> String { ClaimNumber.format(year: c.claimYear, serial: Int(c.id)) }
    static func number(_ id: Int64, year: Int?) -> String { year.map { ClaimNumber.format(year: $0, serial: Int(id)) } ?? "#\(id)" }
    static func kind(_ raw: String, _ lang: Lang) -> String { SubsidyKind(rawValue: raw)?.label(lang) ?? raw }
    static func status(_ raw: String, _ lang: Lang) -> String { ClaimStatus(rawValue: raw)?.label(lang) ?? raw }
    static func kind(_ kind: SubsidyKind, _ lang: Lang) -> String { kind.label(lang) }
    static func status(_ status: ClaimStatus, _ lang: Lang) -> String { status.label(lang) }
}

/// Claims in one status, oldest submission first, paged from the database (`claimQueue`):
/// a clerk's own claims (我的申请: drafts, returned, submitted — F8 changes the status), the
/// supervisor's queue (待审核) or finance's payable list (read-only). Filters: F4 kind, F6 institution, F7 only
/// with warnings, F9 minimum amount. Option column: 5 = view; in the queue 1 = approve and
/// 4 = reject; Enter runs the marked options — approvals after one confirmation, rejections with
/// one reason code and text for all. In the queue a supervisor re-evaluates every claim of the
/// status shown with F10 (`recheckAll`, read-only): after a confirmation the job is slow work
/// (`Effect.work`: the run loop says it is working, with its progress) and `RecheckResultScreen`
/// lists what it found. Approving and rejecting marked claims run the same way.
public final class ClaimListScreen: Screen {
    /// `.all`: every claim, read-only (auditors, issue 12; the statuses in `ClaimStatus` order).
    public enum Mode: Sendable { case mine, queue, payable, all }
    let mode: Mode
    var filter: ClaimQueueFilter
    var items: [ClaimQueueItem] = []
    var hasMore = false
    var offset = 0
    /// The row under the cursor (the page is exactly what fits, so the table never scrolls).
    var tableState = TableState()
    var selected: Int {
        get { tableState.row }
        set { tableState.selected = newValue }
    }
    var options: [Int64: (Character, ClaimQueueItem)] = [:]
    var pendingViews: [Int64] = []
    var needsQuery = true
    var errorText: String?
    var visibleRows = 20
    /// The `/` search shown instead of the status list (issue 12), with its own paging.
    var search: SearchState?
    struct SearchState {
        var text: String
        var term: ClaimSearchTerm
        /// One status, or nil for every status the role may read.
        var status: ClaimStatus?
        /// Where each page shown so far started (keyset: nil for the first), and the next page's start.
        var starts: [ClaimSearchKey?] = [nil]
        var next: ClaimSearchKey?
    }
    /// The one question open over the list, if any (keys go to it first; it is drawn last).
    enum Overlay: OverlayCase {
        case kinds(PromptList)
        case minAmount(TextPrompt)
        case institution(TextPrompt)
        /// F4 in the institution prompt: the institutions by name (issue 12).
        case institutionLookup(PromptList)
        /// One confirmation for the claims in `approvals`.
        case approve(Dialog)
        /// One reason code, then one text, for the claims in `rejections`.
        case rejectCode(PromptList)
        case rejectReason(TextPrompt, RejectReason)
        /// F10's confirmation for re-evaluating every claim in the status.
        case recheck(Dialog, ClaimStatus)
        /// `/`: the search text (issue 12).
        case search(TextPrompt)
        /// `s`: a status chosen from a list.
        case status(PromptList)

        var widget: OverlayWidget {
            switch self {
            case let .kinds(l), let .rejectCode(l), let .institutionLookup(l), let .status(l): .list(l)
            case let .minAmount(p), let .institution(p): .prompt(p, width: 60)
            case let .search(p): .prompt(p, width: 76)
            case let .rejectReason(p, _): .prompt(p, width: 70)
            case let .approve(d), let .recheck(d, _): .dialog(d)
            }
        }
    }
    var overlay: Overlay?
    /// The open Ctrl-X export question (`ListExportFlow`), drawn over everything.
    var csvExport: ListExportFlow?
    var approvals: [ClaimQueueItem] = []
    var rejections: [ClaimQueueItem] = []
    /// The statuses F8 steps through on a clerk's list.
    static let mineStatuses: [ClaimStatus] = [.draft, .returned, .submitted, .withdrawn]
    /// The statuses F8 steps through on each list, the list's own first: a supervisor reaches paid
    /// claims (to claw one back) and claims in clawback; finance reaches claims in clawback (to
    /// record a recovery). Then every other status (issue 12: every status the role may read — a
    /// clerk's own claims, everyone else's all), so a status added later appears without a change here.
    static func statuses(_ mode: Mode) -> [ClaimStatus] {
        let first: [ClaimStatus]
        switch mode {
        case .mine: first = mineStatuses
        case .queue: first = [.submitted, .paid, .clawback]
        case .payable: first = [.payable, .clawback, .recovered]
        case .all: first = [.submitted]
        }
        return first + ClaimStatus.allCases.filter { !first.contains($0) }
    }

    public init(mode: Mode, ctx: ScreenContext) {
        self.mode = mode
        switch mode {
        case .mine: filter = ClaimQueueFilter(status: .draft, preparedBy: ctx.session?.user)
        case .queue: filter = ClaimQueueFilter(status: .submitted)
        case .payable: filter = ClaimQueueFilter(status: .payable)
        case .all: filter = ClaimQueueFilter(status: .submitted)
        }
    }

    /// Batch decisions (option column) where the state machine lets a submitted claim be decided.
    /// In a search, only while it is limited to a status that can be decided.
    var decides: Bool {
        guard mode == .queue else { return false }
        if let search { return search.status?.after(.approve) != nil }
        return filter.status.after(.approve) != nil
    }
    /// F10 (re-evaluate all): the supervisors' queue only.
    func mayRecheck(_ ctx: ScreenContext) -> Bool { mode == .queue && ctx.session?.can(.decideClaims) == true }

    public func title(_ ctx: ScreenContext) -> String {
        // A search spans statuses (its own line says which): the title names the list and the search.
        if search != nil {
            let list: S = switch mode { case .mine: .myClaims; case .queue: .claimQueue; case .payable: .payableClaims; case .all: .allClaims }
            return ctx.lang[list] + " · " + ctx.lang[.claimSearchTitle]
        }
        switch mode {
        case .mine: return ctx.lang[.myClaims] + " · " + filter.status.label(ctx.lang)
        case .queue: return ctx.lang[.claimQueue] + (filter.status == .submitted ? "" : " · " + filter.status.label(ctx.lang))
        case .payable: return ctx.lang[.payableClaims] + (filter.status == .payable ? "" : " · " + filter.status.label(ctx.lang))
        case .all: return ctx.lang[.allClaims] + " · " + filter.status.label(ctx.lang)
        }
    }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        var keys: [(key: String, label: String)] = [("F3", ctx.lang[.keyBack]), ("/", ctx.lang[.keyFind])]
        // The supervisor's one action key comes before the filters: the footer drops keys from
        // the end when narrow (80 columns), and the filters are also in the F1 help.
        if mayRecheck(ctx) { keys.append(("F10", ctx.lang[.keyRecheckAll])) }
        keys += [("F4", ctx.lang[.keyKind]), ("F6", ctx.lang[.keyInstitution]), ("F7", ctx.lang[.keyWarnings])]
        keys.append(("F8", ctx.lang[.keyStatus]))
        keys += [("F9", ctx.lang[.keyMinAmount]), ("PgDn", ctx.lang[.keyMore]), ("F12", ctx.lang[.keyCancel])]
        // Last: at 100 columns the filters already fill the footer; F1 lists every key.
        keys.append((ListExportFlow.footerKey, ctx.lang[.keyExportCSV]))
        return keys
    }

    public func help(_ ctx: ScreenContext) -> [String] {
        [mode == .payable ? ctx.lang[.helpPayable] : ctx.lang[.helpClaimList], ctx.lang[.helpClaimSearch]]
            + (mode == .mine || mode == .all ? [] : [ctx.lang[.helpClaimListStatus]])
            + (mayRecheck(ctx) ? [ctx.lang[.helpRecheckAll]] : []) + [ctx.lang[.helpExportCSV], ctx.lang[.helpOther]]
    }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        let fits = max(1, body.height - 5)   // filter line, header, hint, spacing
        if fits != visibleRows {
            offset = offset / fits * fits
            visibleRows = fits
            needsQuery = true
        }
        runQuery(ctx)
    }

    func runQuery(_ ctx: ScreenContext) {
        guard needsQuery, let s = ctx.session else { return }
        needsQuery = false
        if search != nil { runSearch(s, ctx); return }
        do {
            let page = try s.claimQueue(filter, offset: offset, limit: max(1, visibleRows))
            items = page.items
            hasMore = page.hasMore
            errorText = nil
        } catch {
            items = []
            hasMore = false
            errorText = describe(error, ctx.lang)
        }
        selected = min(selected, max(0, items.count - 1))
    }

    func refilter() {
        offset = 0; selected = 0; needsQuery = true
        search?.starts = [nil]; search?.next = nil
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = ListExportFlow.handle(&csvExport, key, ctx) { return effects }
        if let effects = handleModal(key, ctx) { return effects }
        if let effects = handleSearchKey(key, ctx) { return effects }
        switch key {
        case ListExportFlow.key:
            // The rows on the screen: the search's when one is open, else the filter's.
            csvExport = ListExportFlow(search.map { .claimSearch(ClaimSearchFilter(term: $0.term, status: $0.status), text: $0.text) }
                                       ?? .claims(filter), ctx)
        case .function(3), .char("q"):
            return [.pop]
        case .function(12):
            if !options.isEmpty { options = [:]; return [] }
            return [.pop]
        case .function(5), .char("r"):
            needsQuery = true
        case .function(4):
            var l = PromptList(title: ctx.lang[.claimListChooseKind],
                               items: [("*", ctx.lang[.allKinds])] + SubsidyKind.allCases.map { ($0.rawValue, $0.label(ctx.lang)) })
            l.maxCodeWidth = 17
            overlay = .kinds(l)
        case .function(6):
            overlay = .institution(TextPrompt(title: ctx.lang[.institutionFilterTitle], hint: ctx.lang[.institutionFilterHint] + ctx.lang[.institutionFilterF4],
                                              maxLength: 18, required: false))
        case .function(7), .char("w"):
            filter.hasWarnings = filter.hasWarnings == true ? nil : true
            refilter()
        case .function(8):
            let all = Self.statuses(mode)
            filter.status = all[((all.firstIndex(of: filter.status) ?? 0) + 1) % all.count]
            options = [:]
            refilter()
        case .function(10) where mayRecheck(ctx):
            return askRecheck(ctx)
        case .function(9):
            overlay = .minAmount(TextPrompt(title: ctx.lang[.minAmountTitle], hint: ctx.lang[.minAmountHint], maxLength: 12, required: false))
        case .pageDown:
            if hasMore { offset += visibleRows; selected = 0; needsQuery = true }
        case .pageUp:
            if offset > 0 { offset = max(0, offset - visibleRows); selected = 0; needsQuery = true }
        case .up:
            selected = max(0, selected - 1)
        case .down:
            if selected + 1 < items.count { selected += 1 }
            else if hasMore { offset += visibleRows; selected = 0; needsQuery = true }
        case .char(" "), .backspace, .delete:
            if let it = items[safe: selected] { options[it.id] = nil }
        case let .char(c) where c.isNumber:
            guard let it = items[safe: selected] else { return [] }
            guard c == "5" || (decides && (c == "1" || c == "4")) else {
                return [.message(ctx.lang.format(decides ? .claimOptionUnknown : .claimViewOptionUnknown, String(c)), .error)]
            }
            options[it.id] = (c, it)
            if selected + 1 < items.count { selected += 1 }
        case .enter:
            if options.isEmpty, let it = items[safe: selected] { options[it.id] = ("5", it) }
            return runOptions(ctx)
        default:
            break
        }
        return []
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] {
        needsQuery = true
        return nextView(ctx)
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let y0 = body.y
        var parts = [lang[.filterLabel] + (filter.kind?.label(lang) ?? lang[.allKinds])]
        if let i = filter.institution { parts.append(lang[.keyInstitution] + " " + i) }
        if filter.hasWarnings == true { parts.append(lang[.onlyWarnings]) }
        if let lo = filter.minAmountFen { parts.append("≥ " + Money.format(fen: lo)) }
        if let search {
            parts = [lang.format(.claimSearchLine, Sanitize.forDisplay(search.text)), search.status?.label(lang) ?? lang[.allStatuses]]
        }
        canvas.put(parts.joined(separator: " · "), x: 1, y: y0, style: .bold, maxWidth: body.width - 20)
        let page = lang.format(.pageOf, offset / max(1, visibleRows) + 1)
        canvas.put(page, x: body.width - TextWidth.of(page) - 1, y: y0, style: .dim)

        let tableRect = Rect(x: 1, y: y0 + 1, width: body.width - 2, height: body.height - 3)
        // A search lists several statuses: no age column (it means waiting only for submitted
        // claims) and a narrower kind, so the status fits at 80 columns.
        let searching = search != nil
        var table = Table(columns: [
            TableColumn(title: lang[.colOpt], width: 4),
            TableColumn(title: lang[.colClaimNumber], width: 14),
        ] + (searching ? [] : [TableColumn(title: lang[.colAge], width: 4, alignRight: true)]) + [
            TableColumn(title: lang[.colName], width: 14),
            TableColumn(title: lang[.colClaimKind], width: searching ? 12 : 16),
            TableColumn(title: lang[.colAmount], width: 13, alignRight: true),
            TableColumn(title: lang[.colWarnings], width: 4, alignRight: true),
            TableColumn(title: lang[.colStatus], width: 0),
        ])
        table.rows = items.map { it in
            let status = (search == nil ? filter.status : it.status).label(lang)
            // Marks stay visible while their confirmation, code list or reason is open.
            let waiting: Character? = approvals.contains { $0.id == it.id } ? "1" : (rejections.contains { $0.id == it.id } ? "4" : nil)
            let opt = (options[it.id]?.0 ?? waiting).map { "_\($0)_" } ?? "___"
            return [opt, ClaimText.number(it.id, year: it.claimYear)] + (searching ? [] : [String(it.ageDays)])
                + [Sanitize.forDisplay(it.workerName), it.kind?.label(lang) ?? "", Money.format(fen: it.amountFen),
                   it.warningCount > 0 ? "⚠\(it.warningCount)" : "0", status]
        }
        tableState.clamp(rowCount: items.count)
        table.draw(into: &canvas, at: tableRect, state: tableState)
        if items.isEmpty {
            canvas.put(errorText ?? lang[.noClaims], x: 3, y: tableRect.y + 2, style: errorText == nil ? .dim : .error)
        }
        let hint = decides ? lang[.claimOptionsHint] : lang[.viewOptionsHint]
        canvas.put(hint, x: 1, y: body.maxY - 1, style: .dim, maxWidth: body.width - 2)
        overlay.draw(into: &canvas, in: body)
        csvExport.draw(into: &canvas, in: body)
    }
}
