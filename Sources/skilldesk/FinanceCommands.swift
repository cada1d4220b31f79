import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

// Funds, notices, payment batches, the working calendar and payee accounts (finance's and administrators' commands).
struct FundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fund", abstract: "Fund accounts (资金专账) per year and source.",
                                                    subcommands: [FundAllocate.self, FundShow.self])
}

struct FundAllocate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "allocate", abstract: "Add money to an account (administrators).")
    @OptionGroup var global: GlobalOptions
    @Option var year: Int
    @Option(help: "Fund source.") var source: FundSource
    @Option(name: .customLong("amount-fen")) var amountFen: Int64
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let a = try session.allocateFund(year: year, source: source, amountFen: amountFen)
            if output.json { Output.printJSON(FundAccountJSON(a)) }
            else { Output.line("\(a.year) \(a.source.label(lang)): \(Money.format(fen: a.allocatedFen)) / \(Money.format(fen: a.balanceFen))") }
        }
    }
}

struct FundShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A year's accounts and totals.")
    @OptionGroup var global: GlobalOptions
    @Option var year: Int
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let y = try session.fundYear(year)
            if output.json {
                Output.printJSON(FundYearJSON(year: y.year, allocatedFen: y.allocatedFen, reservedFen: y.reservedFen, paidFen: y.paidFen,
                                              recoveredFen: y.recoveredFen, clawbackDueFen: y.clawbackDueFen, balanceFen: y.balanceFen,
                                              accounts: y.accounts.map(FundAccountJSON.init)))
                return
            }
            for a in y.accounts {
                Output.line("\(a.source.label(lang)): allocated \(Money.format(fen: a.allocatedFen)) reserved \(Money.format(fen: a.reservedFen)) paid \(Money.format(fen: a.paidFen)) recovered \(Money.format(fen: a.recoveredFen)) balance \(Money.format(fen: a.balanceFen))")
            }
            Output.line("\(y.year): balance \(Money.format(fen: y.balanceFen))")
        }
    }
}

struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notice", abstract: "The public notice (公示).", subcommands: [NoticeList.self])
}

struct NoticeList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Claims on notice, masked as published.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var csv: CSVExportOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            if try ListExportCLI.run(session, .notices, csv, json: output.json, lang: lang) { return }
            let list = try session.noticeList()
            if output.json {
                Output.printJSON(list.map {
                    NoticeJSON(claim: $0.claimNumber, id: $0.claimID, name: $0.maskedName, residentID: $0.maskedID,
                               kind: $0.kind?.rawValue ?? "", amountFen: $0.amountFen, publishedOn: $0.publishedOn, endsOn: $0.endsOn)
                })
                return
            }
            for n in list {
                Output.line("\(n.claimNumber)  \(n.maskedName)  \(n.maskedID)  \(n.kind?.label(lang) ?? "")  \(Money.format(fen: n.amountFen))  \(n.publishedOn)–\(n.endsOn)")
            }
        }
    }
}

struct PaymentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "payment", abstract: "Payment batches and bank files (finance).",
                                                    subcommands: [PaymentList.self, PaymentBatch.self, PaymentExport.self, PaymentReconcile.self])
}

struct PaymentBatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "Make a batch of every payable claim not yet in one (finance).",
        discussion: "A claim whose payee has no bank account on record is left out and listed. Exit 73 when no claim can go into a batch.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let b = try session.createPaymentBatch()
            if output.json {
                Output.printJSON(PaymentBatchJSON(
                    batch: b.batch, count: b.summary.count, totalFen: b.summary.totalFen, claims: b.claimIDs,
                    perKind: b.summary.perKind.map { .init(kind: $0.kind.rawValue, count: $0.count, totalFen: $0.totalFen) },
                    skipped: b.skipped.map { IDReasonJSON(id: $0.id, number: b.numbers[$0.id], reason: $0.reason.message(lang)) }))
                return
            }
            Output.line("\(b.batch)  \(b.summary.count)  \(Money.format(fen: b.summary.totalFen))")
            for k in b.summary.perKind { Output.line("  \(k.kind.rawValue)  \(k.count)  \(Money.format(fen: k.totalFen))") }
            for s in b.skipped {
                Output.line((lang == .zh ? "未入批次 \(b.name(s.id, lang))：" : "left out \(b.name(s.id, lang)): ") + Sanitize.forDisplay(s.reason.message(lang)))
            }
        }
    }
}

struct PaymentExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a batch's bank file.")
    @OptionGroup var global: GlobalOptions
    @Argument var batch: String
    @Option(help: "The bank file's encoding.") var format: BankFileEncoding = .utf8BOM
    @Option(help: "The file to write (mode 0600; refused if it exists, see --force; never the database).") var out: String
    @Flag(help: "Replace an existing --out file (never the database or its companion files).") var force = false
    @OptionGroup var output: JSONOption

    func run() throws {
        try global.runAsUser(json: output.json) { session, _ in
            let enc = format
            // Written (temporary file, fsync, rename) before the export is audited; refusals first.
            let bytes = try session.exportPaymentBatch(batch, encoding: enc, to: out, replace: force)
            if output.json { Output.printJSON(PaymentExportJSON(batch: batch, file: out, bytes: bytes.count)) }
            else { Output.line(out) }
        }
    }
}

struct PaymentReconcile: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reconcile", abstract: "Import the bank's result file (exit 65 if lines did not match).",
        discussion: "Paid lines move their claims to paid, failed lines put them back among the payable claims with the bank's reason. A line for a claim already reconciled the same way (the same file imported again) is reported as already reconciled and changes nothing; a file that moves no claim adds no audit entry.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The batch number, e.g. PB20250701-001.") var batch: String
    @Argument(help: "The bank's result file (CSV: claim number, result, amount, reason).") var file: String
    @OptionGroup var output: JSONOption

    func run() throws {
        try global.runAsUser(json: output.json) { session, _ in
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError.notFound(en: "cannot read \(file)", zh: "无法读取 \(file)")
            }
            let r = try session.reconcilePaymentBatch(batch, resultFile: [UInt8](data))
            if output.json {
                Output.printJSON(ReconcileResultJSON(batch: r.batch, paid: r.paid, failed: r.failed, problems: r.problems,
                                                     alreadyReconciled: r.alreadyReconciled))
            } else {
                let lang = global.language
                let again = r.alreadyReconciled.count
                Output.line(lang == .zh
                    ? "已支付 \(r.paid.count) 笔，失败 \(r.failed.count) 笔" + (again > 0 ? "，已对账过 \(again) 笔（未重复处理）" : "")
                    : "paid \(r.paid.count), failed \(r.failed.count)" + (again > 0 ? ", already reconciled \(again) (nothing done again)" : ""))
                for m in r.alreadyMessages { Output.line("  " + Sanitize.forDisplay(m.message(lang))) }
                for p in r.problemMessages { Output.line("  " + Sanitize.forDisplay(p.message(lang))) }
            }
            if !r.problems.isEmpty { throw ExitCode(Exit.dataErr) }
        }
    }
}

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calendar", abstract: "The working-day calendar notices are counted on.",
                                                    subcommands: [CalendarList.self, CalendarSet.self])
}

struct CalendarList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Holidays and weekend working days of a year.")
    @OptionGroup var global: GlobalOptions
    @Option var year: Int
    @OptionGroup var output: JSONOption

    func run() throws {
        try global.runAsUser(json: output.json) { session, _ in
            let days = try session.calendarEntries().filter { $0.date.year == year }
            if output.json {
                Output.printJSON(days.map { CalendarDayJSON(date: $0.date.description, kind: $0.kind.rawValue, name: $0.name) })
                return
            }
            for d in days { Output.line("\(d.date)  \(d.kind.rawValue)  \(Sanitize.forDisplay(d.name))") }
        }
    }
}

struct CalendarSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Set a day (administrators): holiday, workday, or normal to remove it.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The day, YYYY-MM-DD.") var date: String
    @Option(help: "holiday, workday (a weekend working day) or normal (none: the same).") var kind: CalendarDaySetting
    @Option(help: "The holiday's name.") var name: String = ""
    @OptionGroup var output: JSONOption

    func run() throws {
        try global.runAsUser(json: output.json) { session, _ in
            guard let d = CalendarDate(iso: date.trimmedWhitespace()) else {
                throw CLIError.usage(en: "'\(date)' is not a date (YYYY-MM-DD)", zh: "“\(date)”不是有效日期（YYYY-MM-DD）")
            }
            let k = kind.dayKind
            try session.setCalendarDay(d, kind: k, name: name)
            if output.json { Output.printJSON(CalendarSetJSON(date: d.description, kind: k?.rawValue ?? "normal")) }
            else { Output.line("\(d) \(k?.rawValue ?? "normal")") }
        }
    }
}

struct PayeeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payee", abstract: "Bank accounts of the institutions and enterprises subsidies are paid to.",
        subcommands: [PayeeSet.self, PayeeList.self])
}

struct PayeeSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Record or change an organisation's bank account (clerks; audited, masked).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The organisation's unified social credit code.") var code: String
    @Option(help: "The account holder's name, as the bank has it (开户名称).") var name: String
    @Option(help: "The account number (12–30 digits).") var account: String
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let a = try session.setPayeeAccount(code: code, name: name, account: account)
            if output.json {
                Output.printJSON(PayeeJSON(code: a.code, name: a.name, bankAccount: a.maskedAccount))
            } else {
                Output.line(lang == .zh ? "\(a.code) 的收款账户已登记：\(a.maskedAccount)" : "bank account of \(a.code) recorded: \(a.maskedAccount)")
            }
        }
    }
}

struct PayeeList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Organisations' bank accounts (masked).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        try global.runAsUser(json: output.json) { session, _ in
            let list = try session.payeeAccounts()
            if output.json {
                Output.printJSON(list.map { PayeeJSON(code: $0.code, name: $0.name, bankAccount: $0.maskedAccount) })
                return
            }
            for a in list { Output.line("\(a.code)  \(Sanitize.forDisplay(a.name))  \(a.maskedAccount)") }
        }
    }
}
