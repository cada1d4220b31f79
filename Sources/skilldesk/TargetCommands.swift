import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

/// `target set|list|remove` (issue 13): administrators record targets; whoever reads reports lists them.
struct TargetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target", abstract: "Targets (目标任务): person-times over a span of years, or the high-skill share.",
        subcommands: [TargetSet.self, TargetList.self, TargetRemove.self])
}

/// A target as `--json` prints it: values exact (a share in basis points).
struct TargetJSON: Encodable {
    var id: Int64, kind: String, fromYear: Int, toYear: Int, value: Int64, clause: String, version: Int
    var updatedBy: String, updatedAt: String
    enum CodingKeys: String, CodingKey {
        case id, kind, value, clause, version
        case fromYear = "from_year", toYear = "to_year", updatedBy = "updated_by", updatedAt = "updated_at"
    }
    init(_ t: TargetRow) {
        id = t.id; kind = t.kind.rawValue; fromYear = t.fromYear; toYear = t.toYear; value = t.value; clause = t.clause
        version = t.version; updatedBy = t.updatedBy; updatedAt = t.updatedAt
    }
}

enum TargetText {
    /// `600,000` or `32.00%`.
    static func value(_ kind: TargetKind, _ v: Int64) -> String {
        kind.isShare ? formatBasisPoints(v) : grouped(v)
    }

    static func grouped(_ v: Int64) -> String {
        let s = String(v.magnitude)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (v < 0 ? "-" : "") + out
    }

    static func line(_ t: TargetRow, _ lang: Lang) -> String {
        "#\(t.id)  \(t.kind.label(lang))  \(t.spanText)  \(value(t.kind, t.value))  \(Sanitize.forDisplay(t.clause.isEmpty ? "—" : t.clause))"
    }
}

struct TargetSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Record a target (administrators; audited). The same kind and span again changes it.",
        discussion: """
            Examples: target set --kind person-times --from 2019 --to 2021 --value 600000 --clause "003 一"; \
            target set --kind high-skill-share --from 2026 --value 32%. A share is a percent with at most two \
            decimals, stored exactly in basis points. Shares the data cannot count (skilled workers as a share of \
            the employed) are refused with the reason.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "person-times or high-skill-share.") var kind: String
    @Option(help: "The first year of the span.") var from: String
    @Option(help: "The last year of the span (default: the first: one year).") var to: String = ""
    @Option(help: "Person-times (600000, 60万), or a percent for a share (32, 32.5%).") var value: String
    @Option(help: "The clause the target comes from (e.g. 003 一).") var clause: String = ""
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        let draft: TargetDraft
        switch TargetDraft.parse(kind: kind, from: from, to: to, value: value, clause: clause) {
        case let .success(d): draft = d
        case let .failure(p): try Output.run(json: output.json, lang: lang) { throw CLIError.usage(en: p.message(.en), zh: p.message(.zh)) }; return
        }
        try global.runAsUser(json: output.json) { session, _ in
            let t = try session.setTarget(draft)
            if output.json { Output.printJSON(TargetJSON(t)); return }
            Output.line((lang == .zh ? "目标已记录：" : "target recorded: ") + TargetText.line(t, lang))
        }
    }
}

struct TargetList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The targets recorded (whoever reads reports).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let list = try session.targets()
            if output.json { Output.printJSON(list.map(TargetJSON.init)); return }
            if list.isEmpty { Output.line(lang == .zh ? "尚未记录目标（target set 记录）" : "no targets recorded (target set records one)") }
            for t in list { Output.line(TargetText.line(t, lang)) }
        }
    }
}

struct TargetRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a target (administrators; audited).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The target's number (target list).") var id: String
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        guard let n = Int64(HalfWidth.ascii(id).trimmedWhitespace()), n > 0 else {
            try Output.run(json: output.json, lang: lang) {
                throw CLIError.usage(en: "'\(id)' is not a target number; see target list", zh: "“\(id)”不是目标编号；请用 target list 查看")
            }
            return
        }
        try global.runAsUser(json: output.json) { session, _ in
            try session.removeTarget(id: n)
            if output.json { Output.printJSON(["removed": n]); return }
            Output.line(lang == .zh ? "目标 #\(n) 已删除" : "target #\(n) removed")
        }
    }
}
