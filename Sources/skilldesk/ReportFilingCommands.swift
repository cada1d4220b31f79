import ArgumentParser
import Foundation
import SkillCore
import SkillDesk

extension ReportKind: ClosedArgument {
    public init?(argument: String) {
        guard let v = Self.accept(argument) else { return nil }
        self = v
    }
    public static func parseArgument(_ text: String) -> ReportKind? { parse(text) }
    public static var noun: (en: String, zh: String) { ("a report kind", "报表种类") }
}

/// `report file --period 2026-Q3`: files (报送) a quarter's or a year's report (administrators).
struct ReportFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file", abstract: "File (报送) a quarter's or a year's report: its figures are frozen with their SHA-256 in the audit chain.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOption
    @Option(name: .long, help: "What to file (\(ReportKind.allCases.map(\.rawValue).joined(separator: ", "))).")
    var kind: ReportKind = .funds
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let filed = try session.fileReport(kind, period: try period.value())
            if output.json { Output.printJSON(FiledReportJSON(filed)); return }
            Output.line(lang == .zh
                ? "已报送 \(filed.number)：\(kind.label(.zh)) \(filed.row.period)，SHA-256 \(filed.row.sha256)"
                : "Filed \(filed.number): \(kind.label(.en)) \(filed.row.period), SHA-256 \(filed.row.sha256)")
        }
    }
}

/// `report filed list|show|diff|export`.
struct ReportFiledCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filed", abstract: "Filed reports: list, show, what changed since filing, export byte-identical.",
        subcommands: [List.self, Show.self, Diff.self, Export.self])

    /// `RPT-000012`, `12` or `000012`.
    static func id(_ text: String) throws -> Int64 {
        var t = HalfWidth.ascii(text).trimmedWhitespace().uppercased()
        if t.hasPrefix("RPT-") { t.removeFirst(4) }
        guard let n = Int64(t), n > 0 else {
            throw CLIError.usage(en: "'\(Output.neutralised(text))' is not a filed report number; give RPT-000012 or 12 (report filed list shows them)",
                                 zh: "“\(Output.neutralised(text))”不是已报送报表编号；请写 RPT-000012 或 12（report filed list 可查看）")
        }
        return n
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Filed reports, newest first, each checked against the audit chain.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: "Only this period (2026-Q3, 2026).") var period: String?
        @OptionGroup var output: JSONOption

        func run() throws {
            let lang = global.language
            try global.runAsUser(json: output.json) { session, _ in
                let p = try period.map(PeriodOption.parse)
                let list = try session.filedReports(period: p)
                if output.json { Output.printJSON(list.map { FiledReportJSON($0) }); return }
                if list.isEmpty { Output.line(lang == .zh ? "（尚无已报送的报表）" : "(no report has been filed)") }
                for f in list {
                    let mark = f.integrity.isIntact ? "✓" : "✗ " + f.integrity.message(lang)
                    Output.line("\(f.number)  \(f.row.period)  \(f.kind?.label(lang) ?? f.row.kind)  \(f.row.filedAt)  \(f.row.filedBy)  \(f.row.sha256.prefix(12))…  \(mark)")
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One filing: who, when, its SHA-256 and whether it is still as filed; the content with --json.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The filing (RPT-000012 or 12).") var id: String
        @OptionGroup var output: JSONOption

        func run() throws {
            let lang = global.language
            try global.runAsUser(json: output.json) { session, _ in
                let f = try session.filedReport(id: try ReportFiledCommand.id(id))
                if output.json { Output.printJSON(FiledReportJSON(f, withContent: true)); return }
                let zh = lang == .zh
                Output.line("\(f.number)  \(f.kind?.label(lang) ?? f.row.kind)  \(f.row.period)  \(zh ? "区域" : "area") \(f.row.area)")
                Output.line((zh ? "报送：" : "Filed: ") + "\(f.row.filedAt)  \(f.row.filedBy)")
                Output.line("SHA-256: \(f.row.sha256)  (\(f.row.content.count) " + (zh ? "字节)" : "bytes)"))
                Output.line((zh ? "校验：" : "Check: ") + f.integrity.message(lang))
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "diff", abstract: "What changed since a report was filed (late corrections), figure by figure.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The filing (RPT-000012 or 12).") var id: String
        @OptionGroup var output: JSONOption

        func run() throws {
            let lang = global.language
            try global.runAsUser(json: output.json) { session, _ in
                let (f, changes) = try session.changesSinceFiling(id: try ReportFiledCommand.id(id))
                if output.json {
                    Output.printJSON(FiledDiffJSON(filing: f.number, integrity: f.integrity.isIntact ? "intact" : "altered",
                                                   changes: changes.map { .init(path: $0.path, filed: $0.before, now: $0.after) }))
                    return
                }
                let zh = lang == .zh
                if !f.integrity.isIntact { Output.warn(f.integrity.message(lang)) }
                if changes.isEmpty {
                    Output.line(zh ? "\(f.number) 报送后数字没有变化" : "Nothing has changed since \(f.number) was filed")
                    return
                }
                Output.line(zh ? "\(f.number) 报送后有 \(changes.count) 项变化（报送时 → 现在）："
                               : "\(changes.count) figures changed since \(f.number) was filed (filed → now):")
                for c in changes {
                    Output.line("  \(Output.neutralised(c.path)): \(Output.neutralised(c.before ?? "—")) → \(Output.neutralised(c.after ?? "—"))")
                }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a filing's bytes exactly as filed.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The filing (RPT-000012 or 12).") var id: String
        @Option(name: .long, help: "The file to write (never over an existing one without --force).") var out: String
        @Flag(name: .long, help: "Replace the file if it exists.") var force = false
        @OptionGroup var output: JSONOption

        func run() throws {
            let lang = global.language
            try global.runAsUser(json: output.json) { session, _ in
                let f = try session.exportFiledReport(id: try ReportFiledCommand.id(id), to: out, replace: force)
                if output.json { Output.printJSON(FiledReportJSON(f)); return }
                Output.line(lang == .zh ? "已写出 \(f.number)（\(f.row.content.count) 字节，SHA-256 \(f.row.sha256)）到 \(Output.neutralised(out))"
                                        : "Wrote \(f.number) (\(f.row.content.count) bytes, SHA-256 \(f.row.sha256)) to \(Output.neutralised(out))")
            }
        }
    }
}

struct FiledReportJSON: Encodable {
    var number: String, id: Int64, kind: String, period: String, area: String, filed_at: String, filed_by: String
    var sha256: String, bytes: Int, intact: Bool, check: String
    var content: String?
    init(_ f: FiledReport, withContent: Bool = false) {
        number = f.number; id = f.row.id; kind = f.row.kind; period = f.row.period; area = f.row.area
        filed_at = f.row.filedAt; filed_by = f.row.filedBy; sha256 = f.row.sha256; bytes = f.row.content.count
        intact = f.integrity.isIntact; check = f.integrity.message(.en)
        content = withContent ? String(decoding: f.row.content, as: UTF8.self) : nil
    }
}

struct FiledDiffJSON: Encodable {
    struct Change: Encodable { var path: String; var filed: String?; var now: String? }
    var filing: String, integrity: String, changes: [Change]
}
