import SkillCore
import SkillDesk
import TermUI

/// The bank accounts of the institutions and enterprises subsidies are paid to (收款单位账户):
/// credit code, account holder, the account masked to its last 4 digits. A clerk
/// (`.prepareClaims`) records or changes one with F6 — credit code, then the holder's name as
/// the bank has it, then the account — through `setPayeeAccount`, which checks and audits it;
/// a refusal stays in the prompt that caused it. Claims paid to an organisation wait out of a
/// payment batch until its account is here.
public final class PayeeAccountsScreen: Screen {
    var accounts: [PayeeAccount] = []
    var tableState = TableState()
    var selected: Int {
        get { tableState.row }
        set { tableState.selected = newValue }
    }
    var visibleRows = 20
    var errorText: String?
    var needsQuery = true
    /// The account to select once the list is read again (the one just recorded).
    var focusCode: String?
    /// The F6 prompt open (keys go to it first; it is drawn last): code → name → account, each
    /// carrying what was answered before.
    enum Overlay: OverlayCase {
        case code(TextPrompt)
        case name(TextPrompt, code: String)
        case account(TextPrompt, code: String, name: String)

        var widget: OverlayWidget {
            switch self {
            case let .code(p), let .name(p, _), let .account(p, _, _): .prompt(p, width: 64)
            }
        }
    }
    var overlay: Overlay?

    public init(_ ctx: ScreenContext) {}

    func mayEdit(_ ctx: ScreenContext) -> Bool { ctx.session?.can(.prepareClaims) == true }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.menuPayeeAccounts] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        var keys: [(key: String, label: String)] = [("F3", ctx.lang[.keyBack]), ("F5", ctx.lang[.keyRefresh])]
        if mayEdit(ctx) { keys.append(("F6", ctx.lang[.keyPayeeSet])) }
        return keys + [("↑↓", "")]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpPayeeAccounts], ctx.lang[.helpOther]] }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        visibleRows = max(1, body.height - 4)
        guard needsQuery, let s = ctx.session else { return }
        needsQuery = false
        do {
            accounts = try s.payeeAccounts()
            errorText = nil
        } catch {
            accounts = []
            errorText = describe(error, ctx.lang)
        }
        if let code = focusCode, let i = accounts.firstIndex(where: { $0.code == code }) { selected = i }
        focusCode = nil
        tableState.clamp(rowCount: accounts.count)
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = handleModal(key, ctx) { return effects }
        let lang = ctx.lang
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            needsQuery = true
        case .function(6) where mayEdit(ctx):
            var p = TextPrompt(title: lang[.payeeCodeTitle], hint: lang[.payeeCodeHint], maxLength: 18)
            p.field = .prefilled(accounts[safe: selected]?.code ?? "", maxLength: 18)
            overlay = .code(p)
        case .function(6):
            return [.message(DeskError.notPermitted(.prepareClaims).message(lang), .error)]
        default:
            _ = tableState.handle(key, rowCount: accounts.count, visibleRows: visibleRows)
        }
        return []
    }

    /// Keys while one of the F6 prompts is open; nil when none is.
    func handleModal(_ key: Key, _ ctx: ScreenContext) -> [Effect]? {
        let lang = ctx.lang
        guard let open = overlay else { return nil }
        switch open {
        case var .code(p):
            switch p.handle(key, emptyProblem: lang[.payeeCodeHint]) {
            case .none: overlay = .code(p)
            case .cancelled: overlay = nil
            case let .entered(text):
                let code = HalfWidth.ascii(text).trimmedWhitespace().uppercased()
                if case let .failure(e) = CreditCode.parse(code) {
                    p.problem = e.message(lang); overlay = .code(p); return []
                }
                var n = TextPrompt(title: lang.format(.payeeNameTitle, code), hint: lang[.payeeNameHint], maxLength: 100)
                n.field = .prefilled(accounts.first { $0.code == code }?.name ?? "", maxLength: 100)
                overlay = .name(n, code: code)
            }
        case var .name(p, code):
            switch p.handle(key, emptyProblem: lang[.payeeNameHint]) {
            case .none: overlay = .name(p, code: code)
            case .cancelled: overlay = nil
            case let .entered(name):
                // The bank file's rule (SkillCore), asked here so a bad name stays in its own prompt.
                if let problem = BankFile.payeeNameProblem(name) {
                    p.problem = BankFileError(line: 0, problem: problem).message(lang); overlay = .name(p, code: code); return []
                }
                let now = accounts.first { $0.code == code }?.maskedAccount ?? lang[.bankNone]
                overlay = .account(TextPrompt(title: lang.format(.payeeAccountTitle, name), hint: lang.format(.payeeAccountHint, now),
                                              maxLength: 40), code: code, name: name)
            }
        case var .account(p, code, name):
            switch p.handle(key, emptyProblem: lang.format(.payeeAccountHint, lang[.bankNone])) {
            case .none: overlay = .account(p, code: code, name: name)
            case .cancelled: overlay = nil
            case let .entered(account):
                guard let s = ctx.session else { overlay = nil; return [] }
                let saved: PayeeAccount
                do {
                    saved = try s.setPayeeAccount(code: code, name: name, account: HalfWidth.ascii(account))
                } catch {
                    // Wrong account (or name): stays in the prompt, as typed, with why.
                    p.problem = describe(error, lang)
                    overlay = .account(p, code: code, name: name)
                    return []
                }
                overlay = nil
                needsQuery = true
                focusCode = saved.code
                return [.message(lang.format(.payeeSaved, saved.name, saved.maskedAccount), .ok)]
            }
        }
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        canvas.put(lang.format(.payeeCount, accounts.count), x: 1, y: body.y, style: .bold, maxWidth: body.width - 2)
        let rect = Rect(x: 1, y: body.y + 1, width: body.width - 2, height: body.height - 2)
        var table = Table(columns: [
            TableColumn(title: lang[.colCreditCode], width: 18),
            TableColumn(title: lang[.colAccountHolder], width: 0),
            TableColumn(title: lang[.fieldBankAccount], width: 30),
        ])
        table.rows = accounts.map { [$0.code, $0.name, $0.maskedAccount] }
        table.draw(into: &canvas, at: rect, state: tableState)
        if accounts.isEmpty, errorText == nil {
            canvas.put(lang[.payeeNone], x: 3, y: rect.y + 2, style: .dim, maxWidth: body.width - 4)
        }
        if let errorText { canvas.put(errorText, x: 3, y: rect.y + 2, style: .error, maxWidth: body.width - 4) }
        overlay.draw(into: &canvas, in: body)
    }
}
