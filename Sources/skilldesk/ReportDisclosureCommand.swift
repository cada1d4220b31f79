import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

/// `report disclosure --period P --out FILE.html|FILE.csv|FILE.xlsx`: the public disclosure of
/// fund use (003 三(三)) written to a file, its format from the extension (issue 13).
struct ReportDisclosureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclosure",
        abstract: "The public disclosure of fund use for a period (003 三(三)): totals by subsidy kind and institution, and the subsidies paid with names and resident IDs masked (supervisors, finance, auditors, administrators).",
        discussion: """
            A payment counts in the period of its payment batch's business date, once the bank's result says paid; \
            a claim clawed back later stays listed where it was paid, marked in the note column. \
            The file's format is taken from its extension: .html (a self-contained printable page), .csv (--encoding \
            utf8-bom or gb18030) or .xlsx. The file is 0600 and replaces an existing one only with --force; \
            writing it is audited (report.disclosure: period, format, rows and the SHA-256 of the file). \
            Without --out, prints the totals.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The period: 2026-07 (a month), 2026-Q3 (a quarter), 2026 (a year) or 2026-07-01..2026-09-30.")
    var period: String
    @Option(help: "Write the disclosure to this file: .html, .csv or .xlsx (the format follows the extension).")
    var out: String?
    @Option(help: "The CSV file's encoding: utf8-bom (the default) or gb18030. Only for .csv.")
    var encoding: BankFileEncoding?
    @Flag(help: "Replace an existing file (never the database or its companion files).")
    var force = false
    @OptionGroup var output: JSONOption

    /// The period and the target's format, checked before the database is opened (usage, 64).
    func checked() throws -> (ReportPeriod, DisclosureFormat?) {
        let p = try PeriodOption.parse(period)
        guard let out else {
            if encoding != nil || force {
                throw CLIError.usage(en: "--encoding and --force need --out FILE", zh: "--encoding 与 --force 需要 --out 文件")
            }
            return (p, nil)
        }
        guard let f = DisclosureFormat.fromExtension(out) else {
            throw CLIError.usage(en: "\(Sanitize.forDisplay(out)): the file name must end in .html, .csv or .xlsx (the format follows the extension)",
                                 zh: "\(Sanitize.forDisplay(out))：文件名须以 .html、.csv 或 .xlsx 结尾（按扩展名决定格式）")
        }
        if f != .csv, encoding != nil {
            throw CLIError.usage(en: "--encoding is only for a .csv file", zh: "--encoding 只用于 .csv 文件")
        }
        return (p, f)
    }

    func run() throws {
        let lang = global.language
        var parsed: (ReportPeriod, DisclosureFormat?)?
        try Output.run(json: output.json, lang: lang) { parsed = try checked() }
        guard let (period, format) = parsed else { return }
        try global.runAsUser(json: output.json) { session, _ in
            if let out, let format {
                let r = try session.writeDisclosure(period, to: out, format: format, encoding: encoding ?? .utf8BOM,
                                                    replace: force, lang: lang)
                if output.json { Output.printJSON(DisclosureFileJSON(r)); return }
                Output.line(lang == .zh
                            ? "已写出 \(period.label(lang)) 资金使用公开：\(r.rows) 笔，到 \(Sanitize.forDisplay(out))（\(format.rawValue)，SHA-256 \(r.sha256)，已记入审计日志）"
                            : "wrote the fund disclosure of \(period.label(lang)): \(r.rows) payments to \(Sanitize.forDisplay(out)) (\(format.rawValue), SHA-256 \(r.sha256); recorded in the audit trail)")
                return
            }
            let d = try session.disclosure(period)
            if output.json { Output.printJSON(DisclosureJSON(d)); return }
            Output.line(lang == .zh ? "\(Sanitize.forDisplay(d.city)) 资金使用公开 \(period.label(lang))（\(d.first) 至 \(d.last)，\(d.clause)）"
                                    : "\(Sanitize.forDisplay(d.city)) fund disclosure, \(period.label(lang)) (\(d.first) to \(d.last), \(d.clause))")
            Output.line((lang == .zh ? "合计  \(d.count) 笔  " : "total  \(d.count) payments  ") + Money.format(fen: d.amountFen))
            if d.clawedBackCount > 0 {
                Output.line((lang == .zh ? "其中支付后被追回  \(d.clawedBackCount) 笔  " : "of which clawed back since  \(d.clawedBackCount)  ")
                            + Money.format(fen: d.clawedBackFen))
            }
            for k in d.byKind {
                Output.line("  " + TextWidth.pad(k.kind.label(lang), to: 30) + "  " + TextWidth.pad("\(k.count)", to: 7, alignRight: true) + "  "
                            + TextWidth.pad(Money.format(fen: k.amountFen), to: 16, alignRight: true))
            }
            for i in d.byInstitution {
                let name = i.code.isEmpty ? (lang == .zh ? "（无培训机构）" : "(no institution)") : Sanitize.forDisplay(i.name.isEmpty ? i.code : i.name)
                Output.line("  " + TextWidth.pad(name, to: 30) + "  " + TextWidth.pad("\(i.count)", to: 7, alignRight: true) + "  "
                            + TextWidth.pad(Money.format(fen: i.amountFen), to: 16, alignRight: true))
            }
        }
    }
}

struct DisclosureFileJSON: Encodable {
    var period: String
    var format: String
    var file: String
    var rows: Int
    var bytes: Int
    var sha256: String
    init(_ r: DisclosureFileResult) {
        period = r.period; format = r.format.rawValue; file = r.path; rows = r.rows; bytes = r.bytes; sha256 = r.sha256
    }
}

/// The disclosure's totals as JSON (amounts in fen, snake_case keys).
struct DisclosureJSON: Encodable {
    struct Kind: Encodable {
        var kind: String; var count: Int; var amountFen: Int64
        enum CodingKeys: String, CodingKey { case kind, count, amountFen = "amount_fen" }
    }
    struct Institution: Encodable {
        var code: String; var name: String; var count: Int; var amountFen: Int64
        enum CodingKeys: String, CodingKey { case code, name, count, amountFen = "amount_fen" }
    }
    enum CodingKeys: String, CodingKey {
        case period, first, last, city, clause, count, amountFen = "amount_fen", clawedBackCount = "clawed_back_count",
             clawedBackFen = "clawed_back_fen", byKind = "by_kind", byInstitution = "by_institution"
    }
    var period: String
    var first: String
    var last: String
    var city: String
    var clause: String
    var count: Int
    var amountFen: Int64
    var clawedBackCount: Int
    var clawedBackFen: Int64
    var byKind: [Kind]
    var byInstitution: [Institution]
    init(_ d: Disclosure) {
        period = d.period; first = d.first; last = d.last; city = d.city; clause = d.clause; count = d.count; amountFen = d.amountFen
        clawedBackCount = d.clawedBackCount; clawedBackFen = d.clawedBackFen
        byKind = d.byKind.map { Kind(kind: $0.kind.rawValue, count: $0.count, amountFen: $0.amountFen) }
        byInstitution = d.byInstitution.map { Institution(code: $0.code, name: $0.name, count: $0.count, amountFen: $0.amountFen) }
    }
}
