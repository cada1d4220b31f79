import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

struct OccupationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "occupation", abstract: "The occupation catalogue (职业/工种目录): administrators add entries, everyone reads.",
        subcommands: [OccupationAdd.self, OccupationList.self, OccupationShow.self, OccupationImport.self,
                      OccupationClose.self])
}

/// `YYYY-MM-DD` from an option, or a usage error naming the option.
func dateOption(_ text: String?, _ option: String) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let d = CalendarDate(iso: text.trimmedWhitespace()) else {
        throw CLIError.invalid(en: "\(option) '\(text)' is not a date; use YYYY-MM-DD", zh: "\(option) “\(text)”不是日期；应为 YYYY-MM-DD")
    }
    return d
}

struct OccupationAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a catalogue entry for one effective period (administrators).",
        discussion: "A new year's standards are a new entry with a later --from; periods of one code must not overlap.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "National occupation code, e.g. 6-31-01-03.") var code: String
    @Option(help: "Occupation (工种) name, e.g. 电工.") var name: String
    @Flag(help: "In the subsidised training catalogue (补贴性职业技能培训目录).") var subsidised = false
    @Flag(help: "On the shortage list (紧缺型职业目录).") var shortage = false
    @Flag(name: .customLong("access-controlled"), help: "Access-controlled occupation (准入类).") var accessControlled = false
    @Option(help: "Industry tier, 1 (top) to 9.") var tier: Int?
    @Option(name: .customLong("level"), help: "LEVEL:FEN:HOURS, e.g. L4:150000:120 (standard in fen); repeatable. Levels: \(SkillLevel.codes).") var levels: [String] = []
    @Option(help: "First day in force, YYYY-MM-DD (default today).") var from: String?
    @Option(help: "Last day in force, YYYY-MM-DD (default open-ended).") var to: String?
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            var d = OccupationDraft()
            d.code = code; d.name = name; d.subsidised = subsidised; d.shortage = shortage
            d.accessControlled = accessControlled; d.tier = tier
            d.from = try dateOption(from, "--from"); d.to = try dateOption(to, "--to")
            for text in levels {
                switch LevelStandard.parse(text) {
                case let .success(l): d.levels.append(l)
                case let .failure(p): throw CLIError.invalid(en: "--level \(text): " + p.message(.en), zh: "--level \(text)：" + p.message(.zh))
                }
            }
            let row = try session.addOccupation(d)
            if output.json { Output.printJSON(OccupationSnapshot(row)) }
            else { Output.line(lang == .zh ? "已添加 \(row.code) \(row.name)（\(row.from) 起）" : "added \(row.code) \(row.name) from \(row.from)") }
        }
    }
}

struct OccupationList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the entries in force on a day.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("as-of"), help: "The day, YYYY-MM-DD (default today).") var asOf: String?
    @Option(help: "A code prefix or any part of the name.") var search: String?
    @OptionGroup var output: JSONOption

    func run() throws {
        try global.runAsUser(json: output.json) { session, _ in
            let rows = try session.occupations(asOf: try dateOption(asOf, "--as-of"), search: search ?? "")
            if output.json { Output.printJSON(rows.map(OccupationSnapshot.init)); return }
            for row in rows {
                let flags = [row.subsidised ? "补" : "-", row.shortage ? "紧" : "-", row.accessControlled ? "准" : "-"].joined()
                let levels = row.levels.map { "\($0.level) \(Money.format(fen: $0.standardFen))/\($0.hours)h" }.joined(separator: "  ")
                Output.line([TextWidth.pad(row.code, to: 11), TextWidth.pad(Sanitize.forDisplay(row.name), to: 22), flags,
                             row.from, levels].joined(separator: "  "))
            }
        }
    }
}

struct OccupationShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the entry of one code in force on a day.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "National occupation code, e.g. 6-31-01-03.") var code: String
    @Option(name: .customLong("as-of"), help: "The day, YYYY-MM-DD (default today).") var asOf: String?
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let row = try session.occupation(code: code, asOf: try dateOption(asOf, "--as-of"))
            if output.json { Output.printJSON(OccupationSnapshot(row)); return }
            let zh = lang == .zh
            func yes(_ b: Bool) -> String { b ? (zh ? "是" : "yes") : (zh ? "否" : "no") }
            let fields: [(String, String)] = [
                (zh ? "职业编码" : "Code", row.code), (zh ? "名称" : "Name", Sanitize.forDisplay(row.name)),
                (zh ? "补贴目录" : "Subsidised", yes(row.subsidised)), (zh ? "紧缺目录" : "Shortage list", yes(row.shortage)),
                (zh ? "准入类" : "Access-controlled", yes(row.accessControlled)),
                (zh ? "产业层级" : "Industry tier", row.tier.map(String.init) ?? "—"),
                (zh ? "有效期" : "In force", "\(row.from) – \(row.to ?? "")"),
            ]
            for (label, value) in fields { Output.line(TextWidth.pad(label, to: 18) + " " + value) }
            for l in row.levels {
                let name = SkillLevel(rawValue: l.level)?.label(lang) ?? l.level
                Output.line(TextWidth.pad("  \(l.level) \(name)", to: 34) + " " + Money.format(fen: l.standardFen)
                            + (zh ? " 元，\(l.hours) 课时" : " yuan, \(l.hours) hours"))
            }
        }
    }
}

struct OccupationImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import catalogue entries from a CSV file (administrators).",
        discussion: "Columns: code,name,subsidised,shortage,access_controlled,tier,level,standard_fen,hours,from,to — one row per level; rows with the same code and from are one entry. Flags: 1/0, true/false, yes/no, 是/否.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var file: ImportFileOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let report = try session.importOccupations(path: file.file, options: file.options(lang: lang))
            try finishImport(report, json: output.json, lang: lang, noun: ("entries", "个条目"))
        }
    }
}

struct OccupationClose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Give an open-ended entry its last day (administrators).",
        discussion: "Sets --to on the entry of CODE that starts on --from and has no end, so a new entry can start after it. Refused (exit 73) if the entry already ends or a class of it runs past --to.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "National occupation code, e.g. 6-31-01-03.") var code: String
    @Option(help: "The entry's first day, YYYY-MM-DD.") var from: String
    @Option(help: "Its last day in force, YYYY-MM-DD.") var to: String
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let row = try session.closeOccupation(code: code, from: try dateOption(from, "--from")!, to: try dateOption(to, "--to")!)
            if output.json { Output.printJSON(OccupationSnapshot(row)) }
            else { Output.line(lang == .zh ? "\(row.code) \(row.name)：\(row.from) – \(row.to ?? "")" : "\(row.code) \(row.name): \(row.from) – \(row.to ?? "")") }
        }
    }
}
