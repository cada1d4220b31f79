import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import SkillStore
import TermUI

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new database (mode 0600) and its first administrator.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The first administrator's user name.") var admin: String
    @Option(help: "The policy profile claims are judged by (see `policy list`; default \(PolicyLibrary.defaultName)).")
    var policy: String = PolicyLibrary.defaultName
    @Flag(help: "A training database: its business date may be moved with SKILLDESK_TODAY (never a live one).")
    var training = false
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        let lang = global.language
        try Output.run(json: json, lang: lang) {
            var stdin = StdinLines()
            let path = global.databasePath
            if FileManager.default.fileExists(atPath: path) { throw DeskError.store(.alreadyInitialised(path: path)) }
            guard PolicyLibrary.profile(named: policy) != nil else { throw DeskError.unknownPolicy(policy) }
            let password = try global.actingPassword(stdin: &stdin, prompt: lang == .zh ? "\(admin) 的新密码：" : "New password for \(admin): ")
            try Desk.initialize(path: path, admin: admin, password: password, demo: training, policy: policy)
            if json { Output.printJSON(["database": path, "admin": admin, "policy": policy, "training": training] as [String: Any]) }
            else {
                Output.line(lang == .zh ? "已创建数据库 \(path)，管理员 \(admin)，政策方案 \(policy)"
                            : "created \(path) with administrator \(admin), policy \(policy)")
            }
        }
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Create a demo database with one user per role, print the users, and open the TUI.")
    @Option(help: "The demo database (default ./skilldesk-demo.sqlite).") var db: String = "skilldesk-demo.sqlite"
    @Flag(name: .customLong("no-tui"), help: "Only create the database and print the users.") var noTUI = false
    @Option(help: "Language: zh or en (else from LANG).") var lang: String?

    func run() throws {
        let language = lang.flatMap { Lang(rawValue: $0.lowercased()) } ?? Lang.fromEnvironment()
        try Output.run(json: false, lang: language) {
            if FileManager.default.fileExists(atPath: db) {
                let desk = try Desk.open(path: db)
                guard try desk.isDemo() else {
                    throw CLIError.exists(en: "\(db) exists and is not a demo database; it was left alone (give another --db)",
                                          zh: "\(db) 已存在且不是演示数据库，未作改动（请用 --db 指定其他文件）")
                }
                Output.line(language == .zh ? "使用已有的演示数据库 \(db)" : "using the existing demo database \(db)")
            } else {
                Output.line(language == .zh ? "正在创建演示数据库 \(db) …" : "creating the demo database \(db) …")
                try Demo.create(path: db)
            }
            Output.line(language == .zh ? "演示用户（用户名 / 密码 / 角色）：" : "Demo users (name / password / role):")
            for a in Demo.accounts {
                Output.line("  " + TextWidth.pad(a.name, to: 8) + TextWidth.pad(a.password, to: 14) + a.role.label(language))
            }
            if !noTUI { try TUILauncher.run(path: db, lang: language) }
        }
    }
}

struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui", abstract: "Open the terminal user interface (the default).")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        try Output.run(json: false, lang: lang) {
            _ = try global.openDesk()  // a clear message before the screen is taken over
            try TUILauncher.run(path: global.databasePath, lang: lang)
        }
    }
}

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage users (administrators).",
        subcommands: [UserAdd.self, UserList.self, UserPasswd.self, UserDisable.self, UserEnable.self])
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The new user's name.") var name: String
    @Option(help: "Role: clerk, supervisor, finance, admin or auditor (repeatable).") var role: [String]
    @Flag(name: .customLong("new-password-stdin"), help: "Read the new user's password from standard input (after the acting password, if that comes from stdin too).") var newPasswordStdin = false
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let lang = global.language
        try Output.run(json: json, lang: lang) {
            let roles = try role.map { r -> Role in
                guard let x = Role(rawValue: r.lowercased()) else {
                    throw CLIError.usage(en: "--role '\(r)' is not a role; use clerk, supervisor, finance, admin or auditor",
                                         zh: "--role “\(r)”不是有效角色；应为 clerk、supervisor、finance、admin 或 auditor")
                }
                return x
            }
            var stdin = StdinLines()
            let session = try global.session(try global.openDesk(), stdin: &stdin)
            let password = try Prompt.newPassword(lang: lang, stdin: &stdin, fromStdin: newPasswordStdin)
            try session.addUser(name: name, roles: roles, password: password)
            if json { Output.printJSON(["name": name, "roles": roles.map(\.rawValue)] as [String: Any]) }
            else { Output.line(lang == .zh ? "已添加用户 \(name)" : "added user \(name)") }
        }
    }
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print a JSON array.") var json = false

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: json) { session, stdin in
            let users = try session.users()
            if json {
                Output.printJSON(users.map { ["name": $0.name, "roles": $0.roles.map(\.rawValue), "disabled": $0.disabled,
                                              "locked_until": Output.nullable($0.lockedUntil), "created_at": $0.createdAt] as [String: Any] })
                return
            }
            for u in users {
                let state = u.disabled ? (lang == .zh ? "已停用" : "disabled") : (u.lockedUntil != nil ? (lang == .zh ? "锁定" : "locked") : "")
                Output.line(TextWidth.pad(u.name, to: 16) + TextWidth.pad(u.roles.map { $0.label(lang) }.joined(separator: ","), to: 20) + state)
            }
        }
    }
}

struct UserPasswd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a user's password (administrators, or oneself).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user.") var name: String
    @Flag(name: .customLong("new-password-stdin"), help: "Read the new password from standard input.") var newPasswordStdin = false

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: false) { session, stdin in
            let password = try Prompt.newPassword(lang: lang, stdin: &stdin, fromStdin: newPasswordStdin)
            try session.setPassword(name: name, password: password)
            Output.line(lang == .zh ? "已更改 \(name) 的密码" : "password of \(name) changed")
        }
    }
}

struct UserDisable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a user (they can no longer log in; never the last active administrator).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user.") var name: String

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: false) { session, stdin in
            try session.disableUser(name: name)
            Output.line(lang == .zh ? "已停用 \(name)" : "disabled \(name)")
        }
    }
}

struct UserEnable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled user again (clears a lock too; audited).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user.") var name: String

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: false) { session, stdin in
            try session.enableUser(name: name)
            Output.line(lang == .zh ? "已启用 \(name)" : "enabled \(name)")
        }
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "The audit trail.",
                                                    subcommands: [AuditVerify.self, AuditShow.self])
}

struct AuditVerify: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Walk the hash chain; exit 65 at the first broken entry.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: json) { session, stdin in
            let (result, head) = try session.verifyAudit()
            switch result {
            case let .intact(n):
                if json { Output.printJSON(["ok": true, "entries": n, "head": head] as [String: Any]) }
                else { Output.line(lang == .zh ? "OK：审计链完整，共 \(n) 条，末条哈希 \(head)" : "OK: \(n) entries, chain intact, head \(head)") }
            case let .broken(seq, reason):
                if json { Output.printJSON(["ok": false, "broken_seq": seq, "reason": reason.rawValue] as [String: Any]) }
                else {
                    let why: String
                    switch reason {
                    case .hashMismatch: why = lang == .zh ? "内容与其哈希不符（被改动）" : "its content no longer matches its hash (edited)"
                    case .chainMismatch: why = lang == .zh ? "与上一条的哈希不衔接" : "it does not chain to the entry before it"
                    case .gap: why = lang == .zh ? "之前有记录缺失" : "entries before it are missing"
                    }
                    FileHandle.standardError.write(Data(((lang == .zh ? "审计链断裂：第 \(seq) 条 " : "audit chain broken at entry \(seq): ") + why + "\n").utf8))
                }
                throw ExitCode(Exit.dataErr)
            }
        }
    }
}

struct AuditShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the audit history of one record.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Entity: worker, user, import…") var entity: String
    @Option(help: "The record's key (e.g. a resident ID).") var key: String
    @Flag(help: "Print a JSON array.") var json = false

    func run() throws {
        try global.runAsUser(json: json) { session, _ in
            let entries = try session.auditEntries(entity: entity, key: key)
            if json {
                Output.printJSON(entries.map { ["seq": $0.seq, "at": $0.at, "user": $0.user, "action": $0.action,
                                                "entity": $0.entity, "key": $0.key, "before": Output.nullable($0.before),
                                                "after": Output.nullable($0.after), "hash": $0.hash] as [String: Any] })
                return
            }
            for e in entries { Output.line("\(e.seq)  \(e.at)  \(e.user)  \(e.action)  \(Sanitize.forDisplay(e.after ?? ""))") }
        }
    }
}
