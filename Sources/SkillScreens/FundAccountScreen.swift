import SkillCore
import SkillDesk
import TermUI

/// The fund account (资金专账) of one year: per source allocated, reserved, paid, clawback due,
/// recovered and balance, with the year's totals, in exact yuan (`Money.format`). ←/→ or
/// PgUp/PgDn change the year, F4 types one. An administrator (`.manageFunds`) allocates with F6:
/// source from a list, amount typed in yuan (`Money.parse`: at most two decimals, more than 0),
/// a confirmation, then `allocateFund`. Everyone else sees it read-only.
public final class FundAccountScreen: Screen {
    var year: Int
    var fund: FundYear?
    var errorText: String?
    /// The one overlay open (keys go to it first; it is drawn last): F4 the year; F6 the source,
    /// the amount, then the confirmation, each carrying what was answered before.
    enum Overlay: OverlayCase {
        case year(TextPrompt)
        case source(PromptList)
        case amount(TextPrompt, FundSource)
        case confirm(Dialog, FundSource, amountFen: Int64)

        var widget: OverlayWidget {
            switch self {
            case let .year(p): .prompt(p, width: 50)
            case let .source(l): .list(l)
            case let .amount(p, _): .prompt(p, width: 70)
            case let .confirm(d, _, _): .dialog(d)
            }
        }
    }
    var overlay: Overlay?

    public init(_ ctx: ScreenContext, year: Int? = nil) {
        self.year = year ?? ctx.desk.today().year
        load(ctx)
    }

    func load(_ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        do {
            fund = try s.fundYear(year)
            errorText = nil
        } catch {
            fund = nil
            errorText = describe(error, ctx.lang)
        }
    }

    func allocates(_ ctx: ScreenContext) -> Bool { ctx.session?.can(.manageFunds) == true }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.menuFundAccount] + " · " + ctx.lang.format(.fundYearLine, year) }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        let lang = ctx.lang
        var keys: [(key: String, label: String)] = [("F3", lang[.keyBack]), ("←→", lang[.keyYear]), ("F4", lang[.fundYearTitle])]
        if allocates(ctx) { keys.append(("F6", lang[.keyAllocate])) }
        return keys + [("F5", lang[.keyRefresh])]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpFundAccount], ctx.lang[.helpOther]] }

    public func resume(_ ctx: ScreenContext) -> [Effect] {
        load(ctx)
        return []
    }

    func changeYear(by delta: Int, _ ctx: ScreenContext) {
        let next = year + delta
        guard (2000...2100).contains(next) else { return }
        year = next
        load(ctx)
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = handleModal(key, ctx) { return effects }
        let lang = ctx.lang
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            load(ctx)
        case .left, .pageUp:
            changeYear(by: -1, ctx)
        case .right, .pageDown:
            changeYear(by: 1, ctx)
        case .function(4):
            var p = TextPrompt(title: lang[.fundYearTitle], hint: lang[.fundYearPromptHint], maxLength: 4)
            p.field = .prefilled(String(year), maxLength: 4, filter: .digits)
            overlay = .year(p)
        case .function(6) where allocates(ctx):
            var l = PromptList(title: lang.format(.allocateSourceTitle, year),
                               items: FundSource.allCases.map { ($0.rawValue, $0.label(lang)) })
            l.maxCodeWidth = 12
            overlay = .source(l)
        default:
            break
        }
        return []
    }

    /// Keys while an overlay is open; nil when none is.
    func handleModal(_ key: Key, _ ctx: ScreenContext) -> [Effect]? {
        let lang = ctx.lang
        guard let open = overlay else { return nil }
        switch open {
        case var .year(p):
            switch p.handle(key, emptyProblem: lang[.fundYearInvalid]) {
            case .none: overlay = .year(p)
            case .cancelled: overlay = nil
            case let .entered(text):
                guard text.count == 4, let y = Int(text), (2000...2100).contains(y) else {
                    p.problem = lang[.fundYearInvalid]; overlay = .year(p); return []
                }
                overlay = nil
                year = y
                load(ctx)
            }
        case var .source(l):
            switch l.handle(key) {
            case .none: overlay = .source(l)
            case .cancelled: overlay = nil
            case let .chosen(codes):
                overlay = nil
                guard let s = codes.first.flatMap(FundSource.init(rawValue:)) else { return [] }
                overlay = .amount(TextPrompt(title: lang.format(.allocateAmountTitle, year, s.label(lang)),
                                             hint: lang[.allocateAmountHint], maxLength: 24), s)
            }
        case .amount(var p, let s):
            switch p.handle(key, emptyProblem: lang[.allocateAmountHint]) {
            case .none: overlay = .amount(p, s)
            case .cancelled: overlay = nil
            case let .entered(text):
                guard let fen = Money.parse(yuan: text) else {
                    p.problem = lang.format(.allocateAmountInvalid, text); overlay = .amount(p, s); return []
                }
                guard fen > 0 else {
                    p.problem = lang.format(.allocateAmountNotPositive, Money.format(fen: fen)); overlay = .amount(p, s); return []
                }
                var lines = [lang.format(.allocateConfirm, year, s.label(lang), Money.format(fen: fen))]
                let balance = fund?.accounts.first { $0.source == s }?.balanceFen ?? 0
                let (after, overflow) = balance.addingReportingOverflow(fen)
                if !overflow { lines.append(lang.format(.allocateConfirmBalance, Money.format(fen: after))) }
                overlay = .confirm(Dialog(title: lang[.allocateConfirmTitle], message: lines, buttons: [lang[.keyAllocate], lang[.keyCancel]]),
                                   s, amountFen: fen)
            }
        case .confirm(var d, let src, let fen):
            switch d.handle(key) {
            case .none: overlay = .confirm(d, src, amountFen: fen)
            case .button(0):
                overlay = nil
                return allocate(ctx, source: src, amountFen: fen)
            case .button, .cancelled:
                overlay = nil
            }
        }
        return []
    }

    func allocate(_ ctx: ScreenContext, source src: FundSource, amountFen fen: Int64) -> [Effect] {
        guard let s = ctx.session else { return [] }
        let lang = ctx.lang
        do {
            let a = try s.allocateFund(year: year, source: src, amountFen: fen)
            load(ctx)
            return [.message(lang.format(.fundAllocatedDone, year, src.label(lang), Money.format(fen: fen), Money.format(fen: a.balanceFen)), .ok)]
        } catch {
            load(ctx)
            return [.message(describe(error, lang), .error)]
        }
    }

    static func shortLabel(_ s: FundSource, _ lang: Lang) -> String {
        switch s {
        case .unemploymentInsurance20pct: return lang[.fundShortUI]
        case .employmentSubsidy: return lang[.fundShortSubsidy]
        case .localBudget: return lang[.fundShortLocal]
        case .other: return lang[.fundShortOther]
        }
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        var y = body.y
        let head = lang.format(.fundYearLine, year) + "  ·  " + lang[.fundYearHint] + (allocates(ctx) ? "" : "  ·  " + lang[.fundReadOnly])
        canvas.put(head, x: 1, y: y, style: .bold, maxWidth: body.width - 2)
        y += 2
        if let e = errorText {
            canvas.put(e, x: 3, y: y, style: .error, maxWidth: body.width - 4)
        } else if let f = fund, !f.accounts.isEmpty {
            // One column per source of the year, then the totals; one row per figure.
            let figures: [(S, (FundAccount) -> Int64, Int64)] = [
                (.fundAllocated, { $0.allocatedFen }, f.allocatedFen),
                (.fundReserved, { $0.reservedFen }, f.reservedFen),
                (.fundPaid, { $0.paidFen }, f.paidFen),
                (.fundClawbackDue, { $0.clawbackDueFen }, f.clawbackDueFen),
                (.fundRecovered, { $0.recoveredFen }, f.recoveredFen),
                (.fundBalance, { $0.balanceFen }, f.balanceFen),
            ]
            let rows: [[String]] = figures.map { fig in
                [lang[fig.0]] + f.accounts.map { Money.format(fen: fig.1($0)) } + [Money.format(fen: fig.2)]
            }
            let headers = [lang[.colFigure]] + f.accounts.map { Self.shortLabel($0.source, lang) } + [lang[.fundTotal]]
            var columns: [TableColumn] = []
            for i in headers.indices {
                let widest = max(TextWidth.of(headers[i]), rows.map { TextWidth.of($0[i]) }.max() ?? 0)
                columns.append(TableColumn(title: headers[i], width: widest, alignRight: i > 0))
            }
            let table = Table(columns: columns, rows: rows)
            let tableWidth = columns.reduce(0) { $0 + $1.width } + columns.count - 1
            table.draw(into: &canvas, at: Rect(x: 1, y: y, width: min(body.width - 2, tableWidth), height: rows.count + 1))
            y += figures.count + 2
            canvas.put(lang[.fundFormula], x: 1, y: y, style: .dim, maxWidth: body.width - 2)
            y += 2
            for a in f.accounts where y < body.maxY {
                let legend = Self.shortLabel(a.source, lang) + " = " + a.source.label(lang) + (a.source.clause.map { lang.format(.fundLegendClause, $0) } ?? "")
                canvas.put(legend, x: 1, y: y, style: .dim, maxWidth: body.width - 2)
                y += 1
            }
        } else {
            canvas.put(lang.format(.fundNoAccounts, year) + (allocates(ctx) ? lang[.fundNoAccountsAdmin] : ""), x: 3, y: y,
                       style: .dim, maxWidth: body.width - 4)
        }
        overlay.draw(into: &canvas, in: body)
    }
}
