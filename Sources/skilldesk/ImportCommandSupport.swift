import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import SkillStore

/// What every `… import FILE` command takes: the file, its encoding, where to put the refused rows.
struct ImportFileOptions: ParsableArguments {
    @Argument(help: "The CSV file (header row).") var file: String
    @Option(help: "auto, utf8 or gb18030 (auto: GB18030 unless the start of the file is valid UTF-8).") var encoding: String = "auto"
    @Option(help: "Write the refused rows (line, reason, then the row's own fields) to this CSV file, to fix and import again.")
    var rejects: String?

    func validate() throws {
        if Self.encoding(encoding) == nil {
            throw ValidationError("--encoding must be auto, utf8 or gb18030, not '\(encoding)'")
        }
    }

    /// `utf8` and `utf-8` are both accepted.
    static func encoding(_ text: String) -> TextEncoding? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        return t == "utf8" ? .utf8 : TextEncoding(rawValue: t)
    }

    func options(lang: Lang) -> ImportOptions {
        var o = ImportOptions()
        o.encoding = Self.encoding(encoding) ?? .auto
        o.rejectsPath = rejects
        o.lang = lang
        return o
    }
}

/// Prints an import's outcome — JSON `{imported, rejected, rejects[], warnings[]}` or one line per
/// refused row (at most 50) and warning, then the counts — and exits 65 when any row was refused,
/// although the good rows were committed (DECISIONS.md, "Import exit code").
func finishImport(_ report: ImportReport, json: Bool, lang: Lang, noun: (en: String, zh: String)) throws {
    let lines = { (list: [ImportReject]) in list.map { ["line": $0.line, "reason": $0.reason] as [String: Any] } }
    if json {
        Output.printJSON(["imported": report.imported, "rejected": report.rejected, "rejects": lines(report.rejects),
                          "warnings": lines(report.warnings)] as [String: Any])
    } else {
        for r in report.rejects.prefix(50) { Output.line((lang == .zh ? "第 \(r.line) 行：" : "line \(r.line): ") + r.reason) }
        if report.rejects.count > 50 {
            Output.line(lang == .zh ? "……另有 \(report.rejects.count - 50) 行被拒（见 --rejects 文件）"
                        : "… and \(report.rejects.count - 50) more rejected rows (see --rejects)")
        }
        if report.rolledBack {
            Output.line(lang == .zh ? "有 \(report.rejected) 行错误，按 --all-or-nothing 未导入任何行"
                        : "\(report.rejected) bad rows: with --all-or-nothing nothing was imported")
        } else {
            Output.line(lang == .zh ? "导入 \(report.imported) \(noun.zh)，拒收 \(report.rejected) 行"
                        : "imported \(report.imported) \(noun.en), rejected \(report.rejected) rows")
        }
    }
    for w in report.warnings {
        let prefix = lang == .zh ? "警告：第 \(w.line) 行：" : "warning: line \(w.line): "
        Output.warn(prefix + w.reason)
    }
    if report.rejected > 0 { throw ExitCode(Exit.dataErr) }
}
