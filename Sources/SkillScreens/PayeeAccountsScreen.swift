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
    var selected = 0
    var scroll = 0
    var visibleRows = 20
    var errorText: String?
    var needsQuery = true
    /// The account to select once the list is read again (the one just recorded).
    var focusCode: String?
    // F6: code → name → account.
    var codePrompt: TextPrompt?
    var namePrompt: TextPrompt?
    var accountPrompt: TextPrompt?
    var pendingCode = ""
    var pendingName = ""

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
        selected = min(selected, max(0, accounts.count - 1))
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
            p.field = TextField(text: accounts[safe: selected]?.code ?? "", maxLength: 18)
            codePrompt = p
        case .function(6):
            return [.message(DeskError.notPermitted(.prepareClaims).message(lang), .error)]
        default:
            var t = Table(columns: [], rows: accounts.map { _ in [] }, selected: accounts.isEmpty ? nil : selected)
            t.scrollOffset = scroll
            if t.handle(key, visibleRows: visibleRows) { selected = t.selected ?? 0; scroll = t.scrollOffset }
        }
        return []
    }

    /// Keys while one of the F6 prompts is open; nil when none is.
    func handleModal(_ key: Key, _ ctx: ScreenContext) -> [Effect]? {
        let lang = ctx.lang
        if var p = codePrompt {
            switch p.handle(key, emptyProblem: lang[.payeeCodeHint]) {
            case .none: codePrompt = p
            case .cancelled: codePrompt = nil
            case let .entered(text):
                let code = HalfWidth.ascii(text).trimmedWhitespace().uppercased()
                if case let .failure(e) = CreditCode.parse(code) {
                    p.problem = e.message(lang); codePrompt = p; return []
                }
                codePrompt = nil
                pendingCode = code
                var n = TextPrompt(title: lang.format(.payeeNameTitle, code), hint: lang[.payeeNameHint], maxLength: 100)
                n.field = TextField(text: accounts.first { $0.code == code }?.name ?? "", maxLength: 100)
                namePrompt = n
            }
            return []
        }
        if var p = namePrompt {
            switch p.handle(key, emptyProblem: lang[.payeeNameHint]) {
            case .none: namePrompt = p
            case .cancelled: namePrompt = nil
            case let .entered(name):
                // The bank file's rule (SkillCore), asked here so a bad name stays in its own prompt.
                if let problem = BankFile.payeeNameProblem(name) {
                    p.problem = BankFileError(line: 0, problem: problem).message(lang); namePrompt = p; return []
                }
                namePrompt = nil
                pendingName = name
                let now = accounts.first { $0.code == pendingCode }?.maskedAccount ?? lang[.bankNone]
                accountPrompt = TextPrompt(title: lang.format(.payeeAccountTitle, name), hint: lang.format(.payeeAccountHint, now), maxLength: 40)
            }
            return []
        }
        if var p = accountPrompt {
            switch p.handle(key, emptyProblem: lang.format(.payeeAccountHint, lang[.bankNone])) {
            case .none: accountPrompt = p
            case .cancelled: accountPrompt = nil
            case let .entered(account):
                guard let s = ctx.session else { accountPrompt = nil; return [] }
                let saved: PayeeAccount
                do {
                    saved = try s.setPayeeAccount(code: pendingCode, name: pendingName, account: HalfWidth.ascii(account))
                } catch {
                    // Wrong account (or name): stays in the prompt, as typed, with why.
                    p.problem = describe(error, lang)
                    accountPrompt = p
                    return []
                }
                accountPrompt = nil
                needsQuery = true
                focusCode = saved.code
                return [.message(lang.format(.payeeSaved, saved.name, saved.maskedAccount), .ok)]
            }
            return []
        }
        return nil
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        canvas.put(lang.format(.payeeCount, accounts.count), x: 1, y: body.y, style: .bold, maxWidth: body.width - 2)
        let rect = Rect(x: 1, y: body.y + 1, width: body.width - 2, height: body.height - 2)
        var table = Table(columns: [
            TableColumn(title: lang[.colCreditCode], width: 18),
            TableColumn(title: lang[.colAccountHolder], width: 0),
            TableColumn(title: lang[.fieldBankAccount], width: 30),
        ], selected: accounts.isEmpty ? nil : selected)
        table.scrollOffset = scroll
        table.rows = accounts.map { [$0.code, $0.name, $0.maskedAccount] }
        table.draw(into: &canvas, at: rect)
        if accounts.isEmpty, errorText == nil {
            canvas.put(lang[.payeeNone], x: 3, y: rect.y + 2, style: .dim, maxWidth: body.width - 4)
        }
        if let errorText { canvas.put(errorText, x: 3, y: rect.y + 2, style: .error, maxWidth: body.width - 4) }
        codePrompt?.draw(into: &canvas, in: body, width: 64)
        namePrompt?.draw(into: &canvas, in: body, width: 64)
        accountPrompt?.draw(into: &canvas, in: body, width: 64)
    }
}
