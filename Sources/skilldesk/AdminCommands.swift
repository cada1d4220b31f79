import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new database (mode 0600) and its first administrator.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The first administrator's user name.") var admin: String
    @Option(help: "The policy profile claims are judged by (see `policy list`).")
    var policy: PolicyName = PolicyName(name: PolicyLibrary.defaultName)
    @Flag(help: "A training database: its business date may be moved with SKILLDESK_TODAY (never a live one).")
    var training = false
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try Output.run(json: output.json, lang: lang) {
            var stdin = StdinLines()
            let path = global.databasePath
            if FileManager.default.fileExists(atPath: path) { throw DeskError.store(.alreadyInitialised(path: path)) }
            let policy = self.policy.name
            let password = try global.actingPassword(stdin: &stdin, prompt: lang == .zh ? "\(admin) 的新密码：" : "New password for \(admin): ")
            try Desk.initialize(path: path, admin: admin, password: password, demo: training, policy: policy,
                                trust: global.trustFiles)
            if output.json { Output.printJSON(InitJSON(database: path, admin: admin, policy: policy, training: training)) }
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
    @Option(help: "Language (else from LANG).") var lang: Lang?

    func run() throws {
        let language = lang ?? Lang.fromEnvironment()
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
    @Option(help: "Role (repeatable).") var role: [Role]
    @Flag(name: .customLong("new-password-stdin"), help: "Read the new user's password from standard input (after the acting password, if that comes from stdin too).") var newPasswordStdin = false
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try Output.run(json: output.json, lang: lang) {
            let roles = role
            var stdin = StdinLines()
            let session = try global.session(try global.openDesk(), stdin: &stdin)
            let password = try Prompt.newPassword(lang: lang, stdin: &stdin, fromStdin: newPasswordStdin)
            try session.addUser(name: name, roles: roles, password: password)
            if output.json { Output.printJSON(UserAddJSON(name: name, roles: roles.map(\.rawValue))) }
            else { Output.line(lang == .zh ? "已添加用户 \(name)" : "added user \(name)") }
        }
    }
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, stdin in
            let users = try session.users()
            if output.json {
                Output.printJSON(users.map { UserJSON(name: $0.name, roles: $0.roles.map(\.rawValue), disabled: $0.disabled,
                                                      lockedUntil: $0.lockedUntil, createdAt: $0.createdAt) })
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
                                                    subcommands: [AuditVerify.self, AuditCheck.self, AuditShow.self, AuditList.self])
}

struct AuditVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the hash chain, check how it begins and check it against every anchor outside the database; anchor the head; exit 65 on any break.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, stdin in
            let report = try session.verifyChain()
            if output.json {
                Output.printJSON(Self.json(report))
            } else {
                if report.ok { Output.line(lang == .zh ? "OK：审计链完整并与外部锚点一致" : "OK: the audit chain is intact and agrees with its anchors") }
                for l in report.summary(lang) { Output.line(Sanitize.forDisplay(l)) }
                for l in report.problemLines(lang) {
                    Output.warn(l)
                }
            }
            if !report.ok { throw ExitCode(Exit.dataErr) }
        }
    }

    static func json(_ r: ChainReport) -> ChainJSON {
        let start: String
        switch r.start {
        case .creation: start = "creation"
        case .legacy: start = "legacy"
        case .restarted: start = "restarted"
        }
        var obj = ChainJSON(
            ok: r.ok, entries: r.entries, head: r.head.hash, headSeq: r.head.seq, restarted: r.restarted,
            dbID: r.dbID, anchorsChecked: r.anchorsChecked,
            firstAnchor: r.firstAnchor.map(ChainJSON.AnchorJSON.init), lastAnchor: r.lastAnchor.map(ChainJSON.AnchorJSON.init),
            anchoredNow: r.anchoredNow.map(ChainJSON.AnchorJSON.init),
            sources: r.sources.map { ChainJSON.SourceJSON(name: $0.name, path: $0.path, status: $0.failure ?? "read", anchors: $0.anchors) },
            start: start, problems: [])
        if case let .broken(seq, reason) = r.chain {
            obj.brokenSeq = seq
            obj.reason = reason.rawValue
            obj.problems.append(.init(kind: "broken", seq: seq, reason: reason.rawValue))
        }
        if case let .restarted(en, _) = r.start { obj.problems.append(.init(kind: "restarted", detail: en)) }
        for p in r.problems {
            switch p {
            case let .mismatch(seq, anchored, found, source):
                obj.problems.append(.init(kind: "anchor_mismatch", seq: seq, anchored: anchored, found: found, source: source))
            case let .beyondHead(seq, head, source):
                obj.problems.append(.init(kind: "anchor_beyond_head", seq: seq, source: source, headSeq: head))
            }
        }
        for s in r.missingSources {
            obj.problems.append(.init(kind: "missing", reason: s.failure ?? "missing", source: s.name, path: s.path,
                                      fails: r.missingFails))
        }
        return obj
    }
}

struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Put back triggers and indexes found missing or altered (administrators); recorded in the audit trail.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let repaired = try session.repairSchema()
            if output.json {
                Output.printJSON(RepairJSON(repaired: repaired.map { RepairJSON.Item(type: $0.type, name: $0.name, problem: $0.kind.rawValue) }))
                return
            }
            if repaired.isEmpty {
                Output.line(lang == .zh ? "无需修复：本程序依赖的触发器和索引均完好" : "nothing to repair: every trigger and index the program relies on is in place")
                return
            }
            Output.line(lang == .zh ? "已修复并记入审计链（schema.repair）：" : "repaired, and recorded in the audit trail (schema.repair):")
            for p in repaired { Output.line("  " + Sanitize.forDisplay(p.description)) }
        }
    }
}

struct AuditCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare every audited table with the audit trail's last after-images; exit 65 naming each row that differs.",
        discussion: """
            Reads every worker, claim, class (with its enrolments and attendance), certificate, institution, \
            occupation, user, organisation account, fund account, the active policy and the calendar days an \
            administrator set, and compares each row with what the audit trail last recorded for it. A row edited, \
            inserted or deleted outside the program (the sqlite3 shell) is named with the field, the audited value \
            and the stored one. Fund accounts are compared with the claims that hold their money. Nothing is written. \
            At city scale this takes minutes (an index probe per row): run it overnight, with `audit verify`. \
            --json prints {ok, checked{table: rows}, findings[{table, key, problem, fields[]}], bulk_imported_workers}.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let report = try session.checkAuditedTables()
            if output.json {
                let findings = report.findings.map { f in
                    var o = AuditCheckJSON.Finding(table: f.table, key: f.key, message: f.message(lang), problem: "")
                    switch f.problem {
                    case let .differs(d):
                        o.problem = "differs"
                        o.fields = d.map { AuditCheckJSON.Field(field: $0.field, audited: $0.audited, stored: $0.stored) }
                    case .notAudited: o.problem = "not_audited"
                    case .missing: o.problem = "missing"
                    case .removedButPresent: o.problem = "removed_but_present"
                    }
                    return o
                }
                Output.printJSON(AuditCheckJSON(ok: report.ok, checked: report.checked, findings: findings,
                                                bulkImportedWorkers: report.bulkImportedWorkers))
            } else {
                for f in report.findings { Output.line(Sanitize.forDisplay(f.message(lang))) }
                let rows = report.checked.values.reduce(0, +)
                let tables = report.checked.keys.sorted().map { "\($0) \(report.checked[$0]!)" }.joined(separator: ", ")
                let bulk = report.bulkImportedWorkers
                if lang == .zh {
                    Output.line((report.ok ? "OK：" : "发现 \(report.findings.count) 处不符；") + "已核对 \(rows) 行（\(tables)）"
                                + (bulk > 0 ? "；\(bulk) 名批量导入的劳动者没有逐行审计记录，未核对" : ""))
                } else {
                    Output.line((report.ok ? "OK: " : "\(report.findings.count) rows differ from the audit trail; ") + "checked \(rows) rows (\(tables))"
                                + (bulk > 0 ? "; \(bulk) workers imported in bulk have no per-row image and were not compared" : ""))
                }
            }
            if !report.ok { throw ExitCode(Exit.dataErr) }
        }
    }
}

struct AuditShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one audit entry (SEQ) with its before → after field by field, or the audit history of one record (--entity --key).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The entry's Seq (as audit list prints it).") var seq: String?
    @Option(help: "Entity: worker, user, import…") var entity: String?
    @Option(help: "The record's key (e.g. a resident ID).") var key: String?
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        var number: Int64?
        try Output.run(json: output.json, lang: lang) {
            if let seq { number = try Session.auditSeq(seq) }
            else if entity == nil || key == nil {
                throw CLIError.usage(en: "give an entry's Seq (audit show 1198204), or --entity and --key for a record's history",
                                     zh: "请给出审计记录的序号（audit show 1198204），或用 --entity 与 --key 查看某条记录的历史")
            }
        }
        try global.runAsUser(json: output.json) { session, _ in
            if let number {
                let d = try session.auditEntry(seq: number)
                if output.json {
                    Output.printJSON(AuditEntryJSONOut(entry: AuditListJSON(d.item, lang), kind: d.diff.kind.rawValue,
                                                       fields: d.diff.fields.map { .init(path: $0.path, before: $0.before, after: $0.after, changed: $0.changed) }))
                } else {
                    AuditEntryOutput.print(d, lang)
                }
                return
            }
            let entries = try session.auditEntries(entity: entity ?? "", key: key ?? "")
            if output.json {
                Output.printJSON(entries.map(AuditEntryJSON.init))
                return
            }
            for e in entries { Output.line("\(e.seq)  \(e.at)  \(e.user)  \(e.action)  \(Sanitize.forDisplay(e.after ?? ""))") }
        }
    }
}
