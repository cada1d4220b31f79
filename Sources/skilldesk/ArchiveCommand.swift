import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

/// `worker archive ID`: the worker's training archive (电子档案、学分累计 — 003 二(二)7).
struct WorkerArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive", abstract: "Show a worker's training archive: classes, counted hours, certificates (电子档案).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Resident ID.") var id: String
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, stdin in
            let a = try session.archive(workerID: id)
            if output.json { Output.printJSON(WorkerArchiveSnapshot(a)); return }
            for line in Self.text(a, lang: lang) { Output.line(line) }
        }
    }

    static func text(_ a: WorkerArchive, lang: Lang) -> [String] {
        let zh = lang == .zh
        let d = Sanitize.forDisplay
        var out = [(zh ? "培训档案：" : "Training archive: ") + "\(a.worker.id) \(d(a.worker.name))", ""]
        out.append(zh ? "培训班（\(a.classes.count)）" : "Classes (\(a.classes.count))")
        if a.classes.isEmpty { out.append(zh ? "  （无）" : "  (none)") }
        for c in a.classes {
            let done = c.completed ? (zh ? "已达标" : "completed") : (zh ? "未达标" : "not completed")
            out.append("  #\(c.row.id) \(c.row.occupationCode) \(d(c.occupationName ?? "")) · \(c.levelLabel(lang)) · \(c.typeLabel(lang))")
            out.append("    " + (zh ? "机构 " : "institution ") + "\(c.row.institution) \(d(c.institutionName ?? ""))")
            out.append("    \(c.row.startDate)–\(c.row.endDate) · \(c.statusLabel(lang)) · "
                + (zh ? "计入学时 \(Hours.text(c.countedMinutes))/\(c.row.plannedHours) · \(done)"
                      : "counted hours \(Hours.text(c.countedMinutes))/\(c.row.plannedHours) · \(done)"))
        }
        out.append("")
        out.append(zh ? "证书（\(a.certificates.count)）" : "Certificates (\(a.certificates.count))")
        if a.certificates.isEmpty { out.append(zh ? "  （无）" : "  (none)") }
        for c in a.certificates {
            var line = "  \(c.typeLabel(lang)) \(d(c.number)) · \(c.occupationCode) · \(c.levelLabel(lang)) · \(c.issueDate)"
            if let issuer = c.issuer { line += " · " + d(issuer) }
            if let cid = c.classID { line += zh ? " · 培训班 #\(cid)" : " · class #\(cid)" }
            out.append(line)
        }
        out.append("")
        out.append(zh ? "累计计入学时：\(Hours.text(a.countedMinutesTotal))" : "Counted hours in total: \(Hours.text(a.countedMinutesTotal))")
        return out
    }
}
