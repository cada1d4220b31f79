import SkillCore
import SkillDesk
import TermUI

/// Who is logged in, and a menu of what works now for their role (no dead entries).
public final class HomeScreen: Screen {
    enum Item {
        case workers, newWorker, occupations, institutions, classes, myClaims, claimQueue, payable, verifyAudit, logout, exit
        // Finance (issue 5 TUI).
        case paymentBatches, fundAccount
        // Issue 5 (notice helper): the public notice list and the working calendar.
        case noticeList, calendar
        // Clerks: organisations' bank accounts.
        case payeeAccounts
        // Issue 12: every claim, read-only, for a user who reads every claim but has no claim list of
        // their own work (auditors).
        case allClaims
        // Issue 13: filed reports (报送).
        case filedReports
        // The audit trail, readable (issue 13): auditors and administrators.
        case auditTrail
        // Issue 13: the public disclosure of fund use.
        case fundDisclosure
        // Issue 13: targets and institution performance (whoever reads reports).
        case targets, performance
        // Issue 13: statistics (supervisors, finance, auditors, administrators).
        case statistics
        // Issue 13: the anomaly signals (auditors, supervisors).
        case anomalies
    }
    var selected = 0
    var workerCount: Int?
    /// The role's claim lines (clerk: drafts and returned; supervisor: queue; finance: payable, fund).
    var claimLines: [(label: String, value: String)] = []

    public init(_ ctx: ScreenContext) { load(ctx) }

    func load(_ ctx: ScreenContext) {
        workerCount = screenLog.attempt("counting workers") { try ctx.session?.workerCount() }
        ctx.policy = screenLog.attempt("reading the active policy") { try ctx.session?.activePolicy() }
        claimLines = Self.claimLines(ctx)
    }

    static func isOverflow(_ error: Error) -> Bool {
        switch error {
        case DeskError.money, DeskError.store(.sumOverflow), StoreError.sumOverflow: return true
        default: return false
        }
    }

    static func claimLines(_ ctx: ScreenContext) -> [(label: String, value: String)] {
        guard let s = ctx.session else { return [] }
        let lang = ctx.lang
        var out: [(label: String, value: String)] = []
        if s.can(.prepareClaims) {
            let drafts = screenLog.attempt("counting drafts") {
                try s.claimQueueTotals(ClaimQueueFilter(status: .draft, preparedBy: s.user)).count } ?? 0
            let returned = screenLog.attempt("counting returned claims") {
                try s.claimQueueTotals(ClaimQueueFilter(status: .returned, preparedBy: s.user)).count } ?? 0
            out.append((lang[.myClaims], lang.format(.homeMine, drafts, returned)))
        }
        if s.can(.decideClaims) {
            let n = screenLog.attempt("counting the queue") { try s.claimQueueTotals(ClaimQueueFilter(status: .submitted)).count } ?? 0
            let oldest = screenLog.attempt("reading the queue's oldest claim") {
                try s.claimQueue(ClaimQueueFilter(status: .submitted), limit: 1).items.first?.ageDays }
            out.append((lang[.claimQueue], oldest.map { lang.format(.homeQueue, n, $0) } ?? lang.format(.homeQueueEmpty, n)))
        }
        if s.can(.payClaims) {
            // A total that cannot be counted (an amount raised behind the program's back) is said on
            // the line, not shown as ¥0.00 or left out.
            do {
                let t = try s.claimQueueTotals(ClaimQueueFilter(status: .payable))
                out.append((lang[.payableClaims], lang.format(.homePayable, t.count, Money.format(fen: t.totalFen))))
            } catch where Self.isOverflow(error) {
                out.append((lang[.payableClaims], describe(error, lang)))
            } catch {
                out.append((lang[.payableClaims], lang.format(.homePayable, 0, Money.format(fen: 0))))
            }
            let year = ctx.desk.today().year
            do {
                let f = try s.fundYear(year)
                out.append((lang.format(.homeFund, year), Money.format(fen: f.balanceFen)))
            } catch where Self.isOverflow(error) {
                out.append((lang.format(.homeFund, year), describe(error, lang)))
            } catch {}
        }
        return out
    }

    func items(_ ctx: ScreenContext) -> [Item] {
        guard let s = ctx.session else { return [.exit] }
        var list: [Item] = []
        if s.can(.readWorkers) { list.append(.workers) }
        if s.can(.registerWorker) { list.append(.newWorker) }
        if s.can(.readCatalogue) { list += [.occupations, .institutions] }
        if s.can(.readClasses) { list.append(.classes) }
        if s.can(.prepareClaims) { list.append(.myClaims) }
        if s.can(.decideClaims) { list.append(.claimQueue) }
        if s.can(.payClaims) { list.append(.payable) }
        if s.can(.payClaims) { list.append(.paymentBatches) }
        if s.can(.payClaims) || s.can(.manageFunds) { list.append(.fundAccount) }
        if s.can(.verifyAudit) { list.append(.verifyAudit) }
        // Issue 5 (notice helper): after the older entries, so their number shortcuts stay.
        if s.can(.readClasses) { list.append(.noticeList) }
        if s.can(.manageCalendar) { list.append(.calendar) }
        if s.can(.prepareClaims) { list.append(.payeeAccounts) }
        if s.can(.readAllClaims) && !s.can(.decideClaims) && !s.can(.payClaims) { list.append(.allClaims) }
        if s.can(.readAudit) { list.append(.auditTrail) }
        if s.can(.readReports) { list.append(.fundDisclosure) }
        if s.can(.readReports) { list += [.targets, .performance] }
        if s.can(.readReports) { list.append(.statistics) }
        if s.can(.readAnomalies) { list.append(.anomalies) }
        if s.can(.readReports) { list.append(.filedReports) }
        return list + [.logout, .exit]
    }

    func label(_ item: Item, _ lang: Lang) -> String {
        switch item {
        case .workers: return lang[.menuWorkers]
        case .newWorker: return lang[.menuNewWorker]
        case .occupations: return lang[.menuOccupations]
        case .institutions: return lang[.menuInstitutions]
        case .classes: return lang[.menuClasses]
        case .myClaims: return lang[.myClaims]
        case .claimQueue: return lang[.claimQueue]
        case .payable: return lang[.payableClaims]
        case .verifyAudit: return lang[.menuVerifyAudit]
        case .logout: return lang[.menuLogout]
        case .exit: return lang[.menuExit]
        case .paymentBatches: return lang[.menuPaymentBatches]
        case .fundAccount: return lang[.menuFundAccount]
        case .noticeList: return lang[.menuNoticeList]
        case .calendar: return lang[.menuCalendar]
        case .payeeAccounts: return lang[.menuPayeeAccounts]
        case .allClaims: return lang[.allClaims]
        case .filedReports: return lang[.menuFiledReports]
        case .auditTrail: return lang[.menuAuditTrail]
        case .fundDisclosure: return lang[.menuDisclosure]
        case .targets: return lang[.menuTargets]
        case .performance: return lang[.menuPerformance]
        case .statistics: return lang[.menuStatistics]
        case .anomalies: return lang[.menuAnomalies]
        }
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.home] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyExit]), ("↑↓", ""), ("Enter", ctx.lang[.keyOpen])]
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        let list = items(ctx)
        switch key {
        case .function(3), .char("q"):
            return [.quit]
        case .up:
            selected = (selected + list.count - 1) % list.count
        case .down, .tab:
            selected = (selected + 1) % list.count
        case .enter:
            return choose(list[min(selected, list.count - 1)], ctx)
        case let .char(c):
            // 1–9 choose the first nine entries, 0 the tenth, then letters (a, b, …; not q).
            if let i = Self.index(ofKey: c), i < list.count {
                selected = i
                return choose(list[i], ctx)
            }
        default:
            break
        }
        return []
    }

    func choose(_ item: Item, _ ctx: ScreenContext) -> [Effect] {
        switch item {
        case .workers:
            return [.push(WorkerListScreen(ctx))]
        case .newWorker:
            return [.push(WorkerFormScreen(ctx: ctx, editing: nil))]
        case .occupations:
            return [.push(OccupationListScreen(ctx))]
        case .institutions:
            return [.push(InstitutionListScreen(ctx))]
        case .classes:
            return [.push(ClassListScreen(ctx))]
        case .myClaims:
            return [.push(ClaimListScreen(mode: .mine, ctx: ctx))]
        case .claimQueue:
            return [.push(ClaimListScreen(mode: .queue, ctx: ctx))]
        case .payable:
            return [.push(ClaimListScreen(mode: .payable, ctx: ctx))]
        case .allClaims:
            return [.push(ClaimListScreen(mode: .all, ctx: ctx))]
        case .verifyAudit:
            guard let s = ctx.session else { return [] }
            do {
                // The same check as `audit verify`: the walk, the chain's beginning, the anchors outside.
                let report = try s.verifyChain()
                if report.ok { return [.message(ctx.lang.format(.auditOK, report.entries), .ok)] }
                return [.message(report.problemLines(ctx.lang).joined(separator: "; "), .error)]
            } catch {
                return [.message(describe(error, ctx.lang), .error)]
            }
        case .logout:
            let user = ctx.session?.user ?? ""
            ctx.session = nil
            return [.reset(LoginScreen(user: user))]
        case .exit:
            return [.quit]
        case .paymentBatches:
            return [.push(PaymentBatchListScreen(ctx))]
        case .fundAccount:
            return [.push(FundAccountScreen(ctx))]
        case .noticeList:
            return [.push(NoticeListScreen(ctx))]
        case .calendar:
            return [.push(CalendarScreen(ctx))]
        case .payeeAccounts:
            return [.push(PayeeAccountsScreen(ctx))]
        case .filedReports:
            return [.push(FiledReportsScreen(ctx))]
        case .auditTrail:
            return [.push(AuditTrailScreen(ctx))]
        case .fundDisclosure:
            return [.push(DisclosureScreen(ctx))]
        case .targets:
            return [.push(TargetsScreen(ctx))]
        case .performance:
            return [.push(InstitutionPerformanceScreen(ctx))]
        case .statistics:
            return [.push(StatisticsScreen(ctx))]
        case .anomalies:
            return AnomalyScreen.open(ctx)
        }
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] {
        load(ctx)
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        guard let s = ctx.session else { return }
        let x = 2
        var y = body.y + 1
        let roles = s.roles.sorted { $0.rawValue < $1.rawValue }.map { $0.label(lang) }.joined(separator: ", ")
        FormLayout.drawRow(into: &canvas, x: x, y: y, label: lang[.loggedInAs], labelWidth: 18, field: nil,
                           fieldWidth: body.width - 22, value: "\(s.user) (\(roles))")
        y += 1
        FormLayout.drawRow(into: &canvas, x: x, y: y, label: lang[.database], labelWidth: 18, field: nil,
                           fieldWidth: body.width - 22, value: ctx.databaseName)
        y += 1
        if let p = ctx.policy {
            FormLayout.drawRow(into: &canvas, x: x, y: y, label: lang[.policy], labelWidth: 18, field: nil,
                               fieldWidth: body.width - 22, value: "\(p.name) \(p.title)")
            y += 1
        }
        FormLayout.drawRow(into: &canvas, x: x, y: y, label: lang[.today], labelWidth: 18, field: nil,
                           fieldWidth: body.width - 22, value: ctx.desk.today().description)
        if let n = workerCount {
            y += 1
            FormLayout.drawRow(into: &canvas, x: x, y: y, label: lang[.workers], labelWidth: 18, field: nil,
                               fieldWidth: body.width - 22, value: Self.grouped(n))
        }
        for line in claimLines {
            y += 1
            FormLayout.drawRow(into: &canvas, x: x, y: y, label: line.label, labelWidth: 18, field: nil,
                               fieldWidth: body.width - 22, value: line.value)
        }
        y += 2
        // Every entry has a key and is on screen: when the menu is taller than the room left (a
        // user with every role at 80×24), it flows into a second column.
        let list = items(ctx)
        let rows = max(1, min(list.count, body.y + body.height - y))
        // As many columns as it takes (a user with every role has 23 entries: three at 80×24).
        let columns = (list.count + rows - 1) / rows
        let columnWidth = (body.width - x - 2) / max(1, columns)
        for (i, item) in list.enumerated() {
            let key = Self.key(forIndex: i).map(String.init) ?? " "
            let text = " \(key). " + label(item, lang) + " "
            canvas.put(text, x: x + 2 + (i / rows) * columnWidth, y: y + i % rows, style: i == selected ? .reverse : .plain,
                       maxWidth: columnWidth - 1)
        }
    }

    /// The keys of the menu's entries in order: 1–9, 0, then the letters a–z without `q` (it
    /// leaves, as F3 does) — 35 entries, more than every role together has.
    static let menuKeys: [Character] = Array("1234567890") + Array("abcdefghijklmnoprstuvwxyz")

    /// The key that chooses entry `i` (0-based), nil past the last key.
    static func key(forIndex i: Int) -> Character? { i < menuKeys.count ? menuKeys[i] : nil }
    /// The entry a typed key chooses (upper-case letters too; full-width digits as typed by an input method).
    static func index(ofKey c: Character) -> Int? {
        let folded = HalfWidth.ascii(String(c)).lowercased()
        guard folded.count == 1, let k = folded.first else { return nil }
        return menuKeys.firstIndex(of: k)
    }

    /// 1204331 → "1,204,331".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
