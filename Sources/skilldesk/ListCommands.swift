import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

/// `--csv FILE` on every list command: the rows of the command's filter (all of them, not one
/// page) written to a CSV file through `Session.exportList` (streamed, `OutputFile`, audited
/// `list.export`). Chosen over `export` subcommands so the filter options are the list's own,
/// once (docs/DECISIONS.md "A working day (issue 12): paging and CSV exports"). Issue 13 adds
/// `--out FILE [--format csv|xlsx]` (the format from `--format`, else the file's extension), the
/// shape every report takes too; `--csv FILE` stays, as `--format csv --out FILE`.
struct CSVExportOptions: ParsableArguments {
    @Option(name: .customLong("csv"), help: "Write every row of this filter (not one page) to this CSV file instead of listing them (mode 0600; refused if it exists, see --force). The same as --format csv --out FILE.")
    var file: String?
    @Option(name: .customLong("out"), help: "Write every row of this filter (not one page) to this file instead of listing them: CSV or XLSX, from --format, else from the extension (.csv, .xlsx).")
    var out: String?
    @Option(help: "The file format of --out: csv or xlsx (default: from the file's extension).")
    var format: ExportFormat?
    @Option(help: "The CSV file's encoding: utf8-bom (Excel, WPS, LibreOffice; the default) or gb18030 (Excel on a Chinese Windows). Not for XLSX.")
    var encoding: BankFileEncoding?
    @Flag(help: "Replace an existing output file (never the database or its companion files).")
    var force = false

    /// The file to write and its format, nil when the command should list as usual; a usage error
    /// (64) for options that contradict each other.
    func target() throws -> (path: String, format: ExportFormat)? {
        switch (file, out) {
        case (nil, nil):
            if let format {
                throw CLIError.usage(en: "--format \(format.rawValue) needs --out FILE (the file to write)",
                                     zh: "--format \(format.rawValue) 需要 --out 文件（写到哪个文件）")
            }
            if encoding != nil {
                throw CLIError.usage(en: "--encoding needs --csv FILE or --out FILE", zh: "--encoding 需要 --csv 文件或 --out 文件")
            }
            return nil
        case (_?, _?):
            throw CLIError.usage(en: "give --csv FILE or --out FILE, not both (--csv FILE is --format csv --out FILE)",
                                 zh: "--csv 与 --out 只能给一个（--csv 文件 即 --format csv --out 文件）")
        case let (csv?, nil):
            if let format, format != .csv {
                throw CLIError.usage(en: "--csv writes CSV; for \(format.rawValue) give --format \(format.rawValue) --out FILE",
                                     zh: "--csv 写出 CSV；要 \(format.rawValue) 请用 --format \(format.rawValue) --out 文件")
            }
            return (csv, .csv)
        case let (nil, out?):
            guard let f = format ?? ExportFormat.fromExtension(out) else {
                throw CLIError.usage(en: "\(Sanitize.forDisplay(out)): give --format csv or --format xlsx, or a file name ending in .csv or .xlsx",
                                     zh: "\(Sanitize.forDisplay(out))：请给 --format csv 或 --format xlsx，或以 .csv、.xlsx 结尾的文件名")
            }
            if f == .xlsx, encoding != nil {
                throw CLIError.usage(en: "--encoding is for CSV; an XLSX file has none to choose",
                                     zh: "--encoding 只用于 CSV；XLSX 文件无须选择编码")
            }
            return (out, f)
        }
    }
}

extension ExportFormat: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> ExportFormat? { ExportFormat(rawValue: text.trimmedWhitespace().lowercased()) }
    public static var noun: (en: String, zh: String) { ("a file format", "文件格式") }
}

struct ListExportJSON: Encodable {
    var list: String
    var file: String
    var rows: Int
    var bytes: Int
    var encoding: String
    var format: String
}

enum ListExportCLI {
    /// Writes `list` when `--csv` or `--out` was given (then prints where and how many rows) and
    /// returns true; false when the command should list as usual.
    static func run(_ session: Session, _ list: ExportList, _ options: CSVExportOptions, json: Bool, lang: Lang) throws -> Bool {
        guard let (file, format) = try options.target() else { return false }
        let encoding = options.encoding ?? .utf8BOM
        let r = try session.exportList(list, to: file, format: format, encoding: encoding, replace: options.force, lang: lang)
        let what = format == .xlsx ? "xlsx" : encoding.rawValue
        if json {
            Output.printJSON(ListExportJSON(list: list.name, file: file, rows: r.rows, bytes: r.bytes,
                                            encoding: format == .xlsx ? "utf8" : encoding.rawValue, format: format.rawValue))
        } else {
            Output.line(lang == .zh ? "已导出 \(r.rows) 行到 \(Sanitize.forDisplay(file))（\(what)）"
                        : "exported \(r.rows) rows to \(Sanitize.forDisplay(file)) (\(what))")
        }
        return true
    }

    /// `--after` and `--offset` together are refused before the database is opened.
    static func checkPaging(after: String?, offset: Int) throws {
        if after != nil && offset != 0 {
            throw CLIError.usage(en: "give --after or --offset, not both (--after continues after the key the last page printed; --offset skips rows)",
                                 zh: "--after 与 --offset 只能给一个（--after 从上一页末尾打印的键之后接着列出；--offset 跳过若干行）")
        }
    }
}

struct PaymentList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Payment batches, newest first (finance, supervisors, auditors); with --batch, the lines of one batch.",
        discussion: "Columns: batch, business date, lines, total, bank result (paid/failed/pending, or reconciled with its time), created by. Accounts in a batch's lines are masked to their last 4 digits.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "List the lines of this batch instead of the batches.") var batch: String?
    @Option(help: "At most this many batches (1–10000).") var limit: Int = 200
    @OptionGroup var csv: CSVExportOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try Output.run(json: output.json, lang: lang) { try Paging.check(offset: 0, limit: limit) }
        try global.runAsUser(json: output.json) { session, _ in
            if let batch {
                if try ListExportCLI.run(session, .paymentLines(batch: batch), csv, json: output.json, lang: lang) { return }
                let lines = try session.paymentBatchLines(batch)
                if output.json { Output.printJSON(lines.map(PaymentLineJSON.init)); return }
                for l in lines {
                    let state = PaymentLineJSON.stateLabel(l.state, lang)
                    Output.line([l.claimNumber, TextWidth.pad(Sanitize.forDisplay(l.payeeName), to: 12), l.maskedAccount,
                                 Money.format(fen: l.amountFen), l.kind?.label(lang) ?? "", state,
                                 Sanitize.forDisplay(l.bankReason ?? "")].joined(separator: "  "))
                }
                return
            }
            if try ListExportCLI.run(session, .paymentBatches, csv, json: output.json, lang: lang) { return }
            let batches = try session.paymentBatches(limit: limit)
            if output.json { Output.printJSON(batches.map(PaymentBatchInfoJSON.init)); return }
            if batches.isEmpty { Output.line(lang == .zh ? "还没有支付批次" : "no payment batches yet"); return }
            for b in batches {
                let result: String
                if let at = b.reconciledAt {
                    result = (lang == .zh ? "已对账 " : "reconciled ") + at + " " + (lang == .zh ? "已付 \(b.paid) 失败 \(b.failed)" : "paid \(b.paid) failed \(b.failed)")
                } else if b.paid + b.failed == 0 {
                    result = lang == .zh ? "待银行结果" : "awaiting the bank"
                } else {
                    result = lang == .zh ? "已付 \(b.paid) 失败 \(b.failed) 待 \(b.pending)" : "paid \(b.paid) failed \(b.failed) pending \(b.pending)"
                }
                Output.line([b.id, b.businessDate, lang == .zh ? "\(b.count) 笔" : "\(b.count) lines",
                             Money.format(fen: b.totalFen), result, b.createdBy].joined(separator: "  "))
            }
        }
    }
}

struct PaymentBatchInfoJSON: Encodable {
    var batch: String
    var businessDate: String
    var createdAt: String
    var createdBy: String
    var lines: Int
    var totalFen: Int64
    var paid: Int
    var failed: Int
    var pending: Int
    @Null var reconciledAt: String?
    init(_ b: PaymentBatchInfo) {
        batch = b.id; businessDate = b.businessDate; createdAt = b.createdAt; createdBy = b.createdBy; lines = b.count
        totalFen = b.totalFen; paid = b.paid; failed = b.failed; pending = b.pending; reconciledAt = b.reconciledAt
    }
    enum CodingKeys: String, CodingKey {
        case batch, lines, paid, failed, pending, businessDate = "business_date", createdAt = "created_at",
             createdBy = "created_by", totalFen = "total_fen", reconciledAt = "reconciled_at"
    }
}

struct PaymentLineJSON: Encodable {
    var claimID: Int64
    var claimNumber: String
    var payeeName: String
    var account: String
    var amountFen: Int64
    var kind: String
    var state: String
    @Null var bankReason: String?
    init(_ l: PaymentLineInfo) {
        claimID = l.claimID; claimNumber = l.claimNumber; payeeName = l.payeeName; account = l.maskedAccount
        amountFen = l.amountFen; kind = l.kind?.rawValue ?? ""; state = l.state.rawValue; bankReason = l.bankReason
    }
    static func stateLabel(_ s: PaymentLineState, _ lang: Lang) -> String {
        switch (s, lang) {
        case (.pending, .zh): return "待银行结果"
        case (.paid, .zh): return "已支付"
        case (.failed, .zh): return "失败"
        case (.pending, _): return "pending"
        case (.paid, _): return "paid"
        case (.failed, _): return "failed"
        }
    }
    enum CodingKeys: String, CodingKey {
        case kind, state, account, claimID = "claim_id", claimNumber = "claim_number", payeeName = "payee_name",
             amountFen = "amount_fen", bankReason = "bank_reason"
    }
}
