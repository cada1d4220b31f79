import ArgumentParser
import Foundation
import SkillCore
import SkillDesk

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (else $SKILLDESK_DB, else ~/.local/share/skilldesk/skilldesk.sqlite).")
    var db: String?

    @Option(name: .long, help: "The acting user (else $SKILLDESK_USER).")
    var user: String?

    @Flag(name: .long, help: "Read the acting user's password from the first line of standard input (else $SKILLDESK_PASSWORD, else a prompt).")
    var passwordStdin = false

    @Option(name: .long, help: "Language of messages (else from LC_ALL, LC_MESSAGES or LANG).")
    var lang: Lang?

    @Option(name: .long, help: "The file the audit chain's head is anchored to (else $SKILLDESK_ANCHOR_FILE, else DB.anchors beside the database).")
    var anchorFile: String?

    @Option(name: .long, help: ArgumentHelp(
        "What the operator's log keeps (default info).",
        discussion: "The log is $SKILLDESK_LOG, else DB.skilldesk.log beside the database, else $XDG_STATE_HOME/skilldesk/skilldesk.log; never the audit event log DB.log."))
    var logLevel: LogLevel = .info

    var language: Lang { lang ?? Lang.fromEnvironment() }

    var databasePath: String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["SKILLDESK_DB"], !env.isEmpty { return env }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/skilldesk/skilldesk.sqlite"
    }

    /// The environment with `--anchor-file` in it (it wins over SKILLDESK_ANCHOR_FILE).
    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        if let anchorFile, !anchorFile.isEmpty { env[TrustFiles.anchorVariable] = anchorFile }
        return env
    }

    /// Where the anchors and the log of this database go.
    var trustFiles: TrustFiles { TrustFiles.forDatabase(databasePath, environment: environment) }

    func openDesk() throws -> Desk { try Desk.open(path: databasePath, environment: environment) }

    /// Logs the acting user in; the password comes from stdin, the environment, or a prompt.
    func session(_ desk: Desk, stdin: inout StdinLines) throws -> Session {
        guard let name = user ?? ProcessInfo.processInfo.environment["SKILLDESK_USER"], !name.isEmpty else {
            throw CLIError.usage(en: "no acting user: give --user NAME or set SKILLDESK_USER",
                                 zh: "未指定操作用户：请用 --user 名称 或设置 SKILLDESK_USER")
        }
        let password = try actingPassword(stdin: &stdin, prompt: language == .zh ? "\(name) 的密码：" : "Password for \(name): ")
        return try desk.login(name: name, password: password)
    }

    /// Runs a command body as the logged-in acting user; refusals become messages and exit
    /// codes (`Output.run`). `stdin` still holds the lines after the acting password.
    func runAsUser(json: Bool, _ body: (Session, inout StdinLines) throws -> Void) throws {
        try Output.run(json: json, lang: language) {
            var stdin = StdinLines()
            let session = try session(try openDesk(), stdin: &stdin)
            try body(session, &stdin)
        }
    }

    func actingPassword(stdin: inout StdinLines, prompt: String) throws -> String {
        if passwordStdin {
            guard let line = stdin.next() else {
                throw CLIError.usage(en: "--password-stdin given but standard input is empty",
                                     zh: "指定了 --password-stdin，但标准输入为空")
            }
            return line
        }
        if let env = ProcessInfo.processInfo.environment["SKILLDESK_PASSWORD"] { return env }
        guard let p = Prompt.password(prompt) else {
            throw CLIError.notPermitted(en: "no password: use --password-stdin or SKILLDESK_PASSWORD (no terminal to ask on)",
                                        zh: "未提供密码：请用 --password-stdin 或 SKILLDESK_PASSWORD（无终端可供输入）")
        }
        return p
    }
}

extension Lang {
    /// zh when LC_ALL / LC_MESSAGES / LANG asks for Chinese, else English.
    static func fromEnvironment() -> Lang {
        let env = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }
}

/// Lines of standard input, read once and handed out in order (the acting password first,
/// then a new user's password).
struct StdinLines {
    private var lines: [String]?
    mutating func next() -> String? {
        if lines == nil {
            var all: [String] = []
            while let l = readLine(strippingNewline: true) { all.append(l) }
            lines = all
        }
        if lines!.isEmpty { return nil }
        return lines!.removeFirst()
    }
}

/// Asking for a password on the terminal with echo off.
enum Prompt {
    static func password(_ prompt: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        FileHandle.standardError.write(Data(prompt.utf8))
        var old = termios()
        tcgetattr(STDIN_FILENO, &old)
        var quiet = old
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &old)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }

    /// A new password, typed twice.
    static func newPassword(lang: Lang, stdin: inout StdinLines, fromStdin: Bool) throws -> String {
        if fromStdin {
            guard let p = stdin.next() else {
                throw CLIError.usage(en: "--new-password-stdin given but there is no line for it on standard input",
                                     zh: "指定了 --new-password-stdin，但标准输入中没有新密码")
            }
            return p
        }
        guard let a = password(lang == .zh ? "新密码：" : "New password: "),
              let b = password(lang == .zh ? "再次输入新密码：" : "Repeat the new password: ") else {
            throw CLIError.usage(en: "no terminal to ask for the new password on: use --new-password-stdin",
                                 zh: "无终端可输入新密码：请用 --new-password-stdin")
        }
        guard a == b else { throw CLIError.invalid(en: "the two passwords differ", zh: "两次输入的密码不一致") }
        return a
    }
}

/// `--json`, the one flag every command with a machine-readable answer takes. Each output is an
/// `Encodable` type in `JSONOutputs.swift` (snake_case keys, sorted, amounts as integer fen),
/// printed by `Output.printJSON`; a refusal with `--json` is `{"error":{"code","message"}}` on stderr.
struct JSONOption: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (snake_case keys, amounts in integer fen) instead of text; a refusal is {\"error\":{\"code\",\"message\"}} on stderr.")
    var json = false
}
