import Logging
import SkillCore
import SkillDesk
import TermUI

/// User name and password (hidden). Enter moves on and, from the password, logs in.
public final class LoginScreen: Screen {
    var name = TextField(maxLength: 32)
    var password = TextField(maxLength: 128, isSecure: true)
    var focus = 0
    /// A demo database's users and passwords as `skilldesk demo` created them, shown under the form
    /// (issue 12: the list `demo` prints is covered by this screen); nil until read, empty elsewhere.
    var demoAccounts: [Demo.Account]?

    public init(user: String = "") {
        name = TextField(text: user, maxLength: 32)
        if !user.isEmpty { focus = 1 }
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.login] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyExit]), ("Tab", ctx.lang[.keyNextField]), ("Enter", ctx.lang[.login])]
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch key {
        case .function(3), .function(12):
            return [.quit]
        case .tab, .backTab, .up, .down:
            focus = 1 - focus
            return []
        case .enter:
            if focus == 0 && !name.text.isEmpty { focus = 1; return [] }
            return login(ctx)
        default:
            if focus == 0 { _ = name.handle(key) } else { _ = password.handle(key) }
            return []
        }
    }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        guard demoAccounts == nil else { return }
        let demo = screenLog.attempt("reading whether the database is a demo") { try ctx.desk.isDemo() } ?? false
        demoAccounts = demo ? Demo.accounts : []
    }

    func login(_ ctx: ScreenContext) -> [Effect] {
        guard !name.text.isEmpty, !password.text.isEmpty else {
            return [.message(ctx.lang[.loginEmpty], .error)]
        }
        do {
            let session = try ctx.desk.login(name: name.text, password: password.text)
            ctx.session = session
            return [.reset(HomeScreen(ctx))]
        } catch {
            password = TextField(maxLength: 128, isSecure: true)
            focus = 1
            return [.message(describe(error, ctx.lang), .error)]
        }
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let x = max(2, (body.width - 50) / 2)
        let y = body.y + max(1, body.height / 2 - 3)
        canvas.put(ctx.lang[.loginHint], x: x, y: y, style: .dim, maxWidth: body.width - x)
        FormLayout.drawRow(into: &canvas, x: x, y: y + 2, label: ctx.lang[.userName], labelWidth: 16,
                           field: name, fieldWidth: 24, focused: focus == 0)
        FormLayout.drawRow(into: &canvas, x: x, y: y + 3, label: ctx.lang[.password], labelWidth: 16,
                           field: password, fieldWidth: 24, focused: focus == 1)
        canvas.put(ctx.lang[.databaseLabel] + ctx.databaseName, x: x, y: y + 5, style: .dim, maxWidth: body.width - x)
        if let accounts = demoAccounts, !accounts.isEmpty, y + 7 + accounts.count < body.maxY {
            canvas.put(ctx.lang[.demoAccountsTitle], x: x, y: y + 7, style: .dim, maxWidth: body.width - x)
            for (i, a) in accounts.enumerated() {
                let line = a.name.padding(toLength: 8, withPad: " ", startingAt: 0)
                    + a.password.padding(toLength: 14, withPad: " ", startingAt: 0) + a.role.label(ctx.lang)
                canvas.put(line, x: x + 2, y: y + 8 + i, style: .dim, maxWidth: body.width - x - 2)
            }
        }
    }
}

/// The message for any error a use case throws, in the user's language. Every screen turns errors
/// into messages here, so this is where each is written to the operator's log with its cause.
func describe(_ error: Error, _ lang: Lang) -> String {
    OperatorLog.errorShown(error, by: screenLog)
    return (error as? UserMessage)?.message(lang) ?? "\(error)"
}

/// The TUI's logger (the process's log file: never the screen).
let screenLog = OperatorLog.logger("tui")
