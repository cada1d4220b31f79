import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

/// `--csv FILE` on every list command: the rows of the command's filter (all of them, not one
/// page) written to a CSV file through `Session.exportCSV` (streamed, `OutputFile`, audited
/// `list.export`). Chosen over `export` subcommands so the filter options are the list's own,
/// once (docs/DECISIONS.md "A working day (issue 12): paging and CSV exports").
struct CSVExportOptions: ParsableArguments {
    @Option(name: .customLong("csv"), help: "Write every row of this filter (not one page) to this CSV file instead of listing them (mode 0600; refused if it exists, see --force).")
    var file: String?
    @Option(help: "The CSV file's encoding: utf8-bom (Excel, WPS, LibreOffice) or gb18030 (Excel on a Chinese Windows).")
    var encoding: BankFileEncoding = .utf8BOM
    @Flag(help: "Replace an existing --csv file (never the database or its companion files).")
    var force = false
}

struct ListExportJSON: Encodable {
    var list: String
    var file: String
    var rows: Int
    var bytes: Int
    var encoding: String
}

enum ListExportCLI {
    /// Writes `list` when `--csv` was given (then prints where and how many rows) and returns true;
    /// false when the command should list as usual.
    static func run(_ session: Session, _ list: ExportList, _ options: CSVExportOptions, json: Bool, lang: Lang) throws -> Bool {
        guard let file = options.file else { return false }
        let r = try session.exportCSV(list, to: file, encoding: options.encoding, replace: options.force, lang: lang)
        if json {
            Output.printJSON(ListExportJSON(list: list.name, file: file, rows: r.rows, bytes: r.bytes, encoding: options.encoding.rawValue))
        } else {
            Output.line(lang == .zh ? "已导出 \(r.rows) 行到 \(file)（\(options.encoding.rawValue)）"
                        : "exported \(r.rows) rows to \(file) (\(options.encoding.rawValue))")
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
