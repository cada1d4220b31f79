import ArgumentParser
import Foundation
import SkillCore
import SkillDesk

/// What every `… import FILE` command takes: the file, its encoding, where to put the refused rows.
struct ImportFileOptions: ParsableArguments {
    @Argument(help: "The CSV file (header row).") var file: String
    @Option(help: "The file's encoding (auto: GB18030 unless the start of the file is valid UTF-8; utf-8 may be written utf8).") var encoding: TextEncoding = .auto
    @Option(help: "Write the refused rows (line, reason, then the row's own fields) to this CSV file (mode 0600), to fix and import again. Refused if it exists (see --force), and always if it is the database or the input file.")
    var rejects: String?
    @Flag(help: "Replace an existing --rejects file (never the database or the input file).") var force = false

    func options(lang: Lang) -> ImportOptions {
        var o = ImportOptions()
        o.encoding = encoding
        o.rejectsPath = rejects
        o.replaceRejects = force
        o.lang = lang
        return o
    }
}

/// Prints an import's outcome — JSON `{imported, rejected, rejects[], warnings[]}` or one line per
/// refused row (at most 50) and warning, then the counts — and exits 65 when any row was refused,
/// although the good rows were committed (DECISIONS.md, "Import exit code"). When the rejects
/// file could not be put in place after the commit, says the import stands and exits 74.
func finishImport(_ report: ImportReport, json: Bool, lang: Lang, noun: (en: String, zh: String)) throws {
    let lines = { (list: [ImportReject]) in list.map { ImportJSON.Line(line: $0.line, reason: $0.reason) } }
    let fileError = report.rejectsFileError
    if json {
        Output.printJSON(ImportJSON(imported: report.imported, rejected: report.rejected, rejects: lines(report.rejects),
                                    warnings: lines(report.warnings),
                                    rejectsFileError: fileError.map { CodeMessageJSON(code: Exit.classify($0).name, message: $0.message(lang)) }))
    } else {
        // Every refused line is listed when the rejects file is missing: it is their only record.
        for r in report.rejects.prefix(fileError == nil ? 50 : Int.max) { Output.line((lang == .zh ? "第 \(r.line) 行：" : "line \(r.line): ") + r.reason) }
        if report.rejects.count > 50 && fileError == nil {
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
    if let fileError {
        let done = report.rolledBack
            ? (lang == .zh ? "按 --all-or-nothing 未导入任何行" : "with --all-or-nothing nothing was imported")
            : (lang == .zh ? "导入已提交（导入 \(report.imported)，拒收 \(report.rejected) 行），请勿重复导入"
               : "the import IS committed (imported \(report.imported), rejected \(report.rejected)); do not import the file again")
        let text = lang == .zh ? "拒收文件未写成：\(fileError.message(lang))；\(done)；被拒的行见上面的输出"
            : "the rejects file was not written: \(fileError.message(lang)); \(done); the refused lines are in the output above"
        if json {
            FileHandle.standardError.write(Output.jsonData(ErrorJSON(code: "rejects_not_written", message: text)) + Data("\n".utf8))
        } else {
            Output.warn((lang == .zh ? "错误：" : "error: ") + text)
        }
        // 74 whatever the cause: the rows are in but the file is not (a refusal before the commit is 73).
        throw ExitCode(Exit.ioErr)
    }
    if report.rejected > 0 { throw ExitCode(Exit.dataErr) }
}

/// `--encoding`: `utf8` and `utf-8` are both accepted.
extension TextEncoding: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> TextEncoding? {
        let t = text.trimmedWhitespace().lowercased()
        return t == "utf8" ? .utf8 : TextEncoding(rawValue: t)
    }
    public static var noun: (en: String, zh: String) { ("an encoding", "编码") }
}
