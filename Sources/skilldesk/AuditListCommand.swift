import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

/// `audit list`: the audit trail filtered, newest first, a page at a time (keyset on seq), or
/// written whole to CSV (docs/DECISIONS.md "Oversight (issue 13): the audit trail, readable").
struct AuditList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Browse the audit trail, newest first (auditors and administrators).",
        discussion: """
            Filters combine: --by USER (exact; the global --user is who runs the command), --action (exact, or a prefix ending in *, e.g. 'claim.*'), --entity, \
            --key (a claim's key may be its number SD-2026-000123), --since/--until (UTC days, both included: the \
            trail's times are UTC). A page ends with the command for the next one: --after the Seq on its last line. \
            Columns: seq, time (UTC), user, action, entity, key, summary. --csv FILE writes every entry of the filter. \
            --json prints an array of {seq, at, user, action, entity, key, key_label, summary, before, after, hash}.
            """)
    @OptionGroup var global: GlobalOptions
    // `--by`, not `--user`: the global `--user` names who runs the command.
    @Option(name: .customLong("by"), help: "Only entries by this user (the global --user is who runs the command).") var byUser: String?
    @Option(help: "Only this action (claim.approve), or actions starting with a prefix ending in * (claim.*).") var action: String?
    @Option(help: "Only entries about this kind of record: claim, worker, class, certificate, user, …") var entity: String?
    @Option(help: "Only entries about the record with this key (with --entity claim: a claim number or id).") var key: String?
    @Option(help: "From this UTC day (YYYY-MM-DD), included.") var since: String?
    @Option(help: "Until this UTC day (YYYY-MM-DD), included.") var until: String?
    @Option(help: "At most this many entries (1–10000).") var limit: Int = 50
    @Option(help: "Continue after this entry (the Seq on the last line of the previous page of the same filter).") var after: String?
    @OptionGroup var csv: CSVExportOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        var query = AuditQuery()
        var afterSeq: Int64?
        try Output.run(json: output.json, lang: lang) {  // before the database is opened
            try Paging.check(offset: 0, limit: limit)
            switch AuditQuery.parse(user: byUser, action: action, entity: entity, key: key, from: since, to: until) {
            case let .success(q): query = q
            case let .failure(e): throw CLIError.usage(en: e.message(.en), zh: e.message(.zh))
            }
            if let after { afterSeq = try Session.auditSeq(after) }
        }
        try global.runAsUser(json: output.json) { session, _ in
            if try ListExportCLI.run(session, .audit(query), csv, json: output.json, lang: lang) { return }
            let page = try session.auditPage(query, before: afterSeq, limit: limit)
            if output.json { Output.printJSON(page.items.map { AuditListJSON($0, lang) }); return }
            if page.items.isEmpty {
                Output.line(lang == .zh ? "没有符合条件的审计记录" : "no audit entries match")
                return
            }
            for i in page.items {
                let e = i.entry
                Output.line([String(e.seq), String(e.at.prefix(19)).replacingOccurrences(of: "T", with: " "),
                             TextWidth.pad(Sanitize.forDisplay(e.user), to: 8), TextWidth.pad(Sanitize.forDisplay(e.action), to: 22),
                             TextWidth.pad(Sanitize.forDisplay(e.entity), to: 11), TextWidth.pad(Sanitize.forDisplay(i.keyLabel), to: 14),
                             i.summary(lang)].joined(separator: "  "))
            }
            if page.hasMore, let last = page.items.last {
                Output.line(lang == .zh ? "……还有更多；下一页：--after \(last.entry.seq)" : "… more; next page: --after \(last.entry.seq)")
            }
        }
    }
}

struct AuditListJSON: Encodable {
    var seq: Int64
    var at: String
    var user: String
    var action: String
    var entity: String
    var key: String
    var keyLabel: String
    var summary: String
    @Null var before: String?
    @Null var after: String?
    var hash: String
    init(_ i: AuditListItem, _ lang: Lang) {
        let e = i.entry
        seq = e.seq; at = e.at; user = e.user; action = e.action; entity = e.entity; key = e.key
        keyLabel = i.keyLabel; summary = i.summary(lang); before = e.before; after = e.after; hash = e.hash
    }
    enum CodingKeys: String, CodingKey {
        case seq, at, user, action, entity, key, summary, before, after, hash, keyLabel = "key_label"
    }
}

/// `audit show SEQ`: one entry with its before → after field by field.
enum AuditEntryOutput {
    static func print(_ d: AuditEntryDetail, _ lang: Lang) {
        let zh = lang == .zh
        let e = d.item.entry
        let rows: [(String, String)] = [
            (zh ? "序号" : "Seq", String(e.seq)), (zh ? "时间（UTC）" : "When (UTC)", e.at), (zh ? "用户" : "User", e.user),
            (zh ? "操作" : "Action", e.action), (zh ? "对象" : "Entity", e.entity), (zh ? "键" : "Key", d.item.keyLabel),
            (zh ? "摘要" : "Summary", d.item.summary(lang)), (zh ? "哈希" : "Hash", e.hash)]
        for (k, v) in rows { Output.line(TextWidth.pad(k, to: 12) + Sanitize.forDisplay(v)) }
        switch d.diff.kind {
        case .created: Output.line(zh ? "新建（无前像）" : "created (no before-image)")
        case .deleted: Output.line(zh ? "删除（无后像）" : "deleted (no after-image)")
        case .none: Output.line(zh ? "无前后像" : "no before- or after-image")
        case .changed: break
        }
        for f in d.diff.fields {
            let mark = f.changed ? "*" : " "
            let b = f.before ?? "—", a = f.after ?? "—"
            Output.line("\(mark) \(f.path): " + (f.changed ? "\(b) → \(a)" : a))
        }
    }
}

struct AuditEntryJSONOut: Encodable {
    struct Field: Encodable {
        var path: String
        @Null var before: String?
        @Null var after: String?
        var changed: Bool
    }
    var entry: AuditListJSON
    var kind: String
    var fields: [Field]
}
