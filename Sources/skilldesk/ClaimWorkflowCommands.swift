import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

// The claims workflow on the command line (issue 5 §7). Exit codes: 77 role or maker-checker,
// 73 wrong state / short fund / lost race, 66 unknown claim, 64/65 bad input.

enum ClaimCLI {
    /// `--as-of`: nil when not given, else a YYYY-MM-DD day.
    static func asOf(_ s: String?) throws -> CalendarDate? {
        guard let s else { return nil }
        guard let d = CalendarDate(iso: s.trimmedWhitespace()) else {
            throw CLIError.usage(en: "--as-of '\(s)' is not a date (YYYY-MM-DD)", zh: "--as-of “\(s)”不是有效日期（YYYY-MM-DD）")
        }
        return d
    }

    static func printRow(_ c: ClaimRow, _ lang: Lang) {
        let st = c.status.label(lang)
        Output.line("#\(c.id) \(ClaimNumber.format(year: c.claimYear, serial: Int(c.id)))  \(st)  \(Money.format(fen: c.amountFen))")
    }

    /// Runs one claim step and prints the claim.
    static func step(_ global: GlobalOptions, json: Bool, _ body: (Session) throws -> ClaimRow) throws {
        let lang = global.language
        try global.runAsUser(json: json) { session, _ in
            let c = try body(session)
            if json { Output.printJSON(ClaimJSON(c)) } else { printRow(c, lang) }
        }
    }

    /// A batch decision (each claim all or nothing; see `Session.approveClaims`); exit 73 if any
    /// claim was left alone.
    static func batch(_ global: GlobalOptions, json: Bool, ids: [Int64],
                      _ all: (Session, [Int64]) throws -> BatchDecision) throws {
        let lang = global.language
        try global.runAsUser(json: json) { session, _ in
            let r = try all(session, ids)
            let done = r.done
            let skipped = r.skipped.map { ($0.id, $0.reason.message(lang)) }
            if json {
                Output.printJSON(BatchDecisionJSON(done: done, skipped: skipped.map { IDReasonJSON(id: $0.0, reason: $0.1) }))
            } else {
                for id in done { Output.line(lang == .zh ? "已处理 #\(id)" : "done #\(id)") }
                for (id, why) in skipped { Output.line((lang == .zh ? "未处理 #\(id)：" : "left alone #\(id): ") + Sanitize.forDisplay(why)) }
            }
            if !skipped.isEmpty { throw ExitCode(Exit.cantCreate) }
        }
    }
}

struct ClaimNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Save a claim as a draft (clerks): one worker, or with --class and no --worker one per trainee.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The worker's resident ID (leave out with --class for every trainee of the class).") var worker: String?
    @Option(help: "Subsidy kind.") var kind: SubsidyKind
    @Option(name: .customLong("class"), help: "The class the claim rests on.") var classID: Int64?
    @Option(help: "The certificate's number.") var cert: String?
    @Option(help: "Training through work: the months claimed.") var months: Int?
    @Option(name: .customLong("prepay-percent"), help: "Prepayment: the percent asked in advance.") var prepayPercent: Int?
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let k = kind
            guard let worker else {
                guard let classID else {
                    throw CLIError.usage(en: "give --worker ID, or --class N for every trainee of a class", zh: "请给出 --worker 身份证号，或 --class 班号（为全班学员创建）")
                }
                let r = try session.newClaims(forClass: classID, kind: k)
                if output.json {
                    Output.printJSON(ClaimsForClassJSON(created: r.created.map(ClaimJSON.init),
                                                        skipped: r.skipped.map { .init(worker: $0.worker, reason: $0.reason.message(lang)) }))
                } else {
                    for c in r.created { ClaimCLI.printRow(c, lang) }
                    for s in r.skipped { Output.line((lang == .zh ? "跳过 " : "skipped ") + s.worker + "：" + Sanitize.forDisplay(s.reason.message(lang))) }
                }
                return
            }
            let d = try session.newClaim(ClaimProposal(worker: worker, kind: k, classID: classID, certificateNumber: cert,
                                                       months: months, prepayPercent: prepayPercent))
            if output.json {
                var o = ClaimJSON(d.claim)
                o.eligible = d.eligible
                o.outcomes = RuleOutcomeJSON.list(d.outcomes, lang)
                Output.printJSON(o)
            } else {
                ClaimCLI.printRow(d.claim, lang)
                for f in d.outcomes where f.result == .fail || f.result == .warn {
                    Output.line("  \(f.rule) \(f.result.rawValue): " + Sanitize.forDisplay(f.message(lang)))
                }
            }
        }
    }
}

struct ClaimList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The queue: claims in a status (default submitted), oldest first.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Status.") var status: ClaimStatus = .submitted
    @Option(help: "Subsidy kind.") var kind: SubsidyKind?
    @Option(help: "Institution credit code.") var institution: String?
    @Option(help: "yes: only claims with warnings; no: only without.") var warnings: YesNo?
    @Option(name: .customLong("min-fen"), help: "Smallest amount (fen).") var minFen: Int64?
    @Option(name: .customLong("max-fen"), help: "Largest amount (fen).") var maxFen: Int64?
    @Option(help: "Skip this many (0 or more).") var offset: Int = 0
    @Option(help: "At most this many (1–10000).") var limit: Int = 50
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try Output.run(json: output.json, lang: lang) { try Paging.check(offset: offset, limit: limit) }  // before the database is opened
        try global.runAsUser(json: output.json) { session, _ in
            let filter = ClaimQueueFilter(status: status, kind: kind, institution: institution,
                                          hasWarnings: warnings?.bool, minAmountFen: minFen, maxAmountFen: maxFen)
            let page = try session.claimQueue(filter, offset: offset, limit: limit)
            if output.json {
                Output.printJSON(page.items.map {
                    QueueItemJSON(id: $0.id, ageDays: $0.ageDays, workerID: $0.workerID, workerName: $0.workerName,
                                  kind: $0.kind?.rawValue ?? "", amountFen: $0.amountFen, warnings: $0.warningCount,
                                  institution: $0.institution, preparedBy: $0.preparedBy)
                })
                return
            }
            for i in page.items {
                Output.line("#\(i.id)  \(i.ageDays)d  \(Sanitize.forDisplay(i.workerName))  \(i.kind?.label(lang) ?? "")  \(Money.format(fen: i.amountFen))  W\(i.warningCount)")
            }
            if page.hasMore { Output.line(lang == .zh ? "……（还有更多，用 --offset 翻页）" : "… (more: use --offset)") }
        }
    }
}

struct ClaimShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A claim with its evaluation and history.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The claim's number.") var id: Int64
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let d = try session.claimDetail(id)
            if output.json {
                var o = ClaimJSON(d.claim)
                o.workerName = d.workerName
                o.eligible = d.eligible
                o.outcomes = RuleOutcomeJSON.list(d.outcomes, lang)
                o.evidenceChanges = d.evidenceChanges
                o.history = d.history.map(ClaimHistoryJSON.init)
                Output.printJSON(o)
                return
            }
            ClaimCLI.printRow(d.claim, lang)
            Output.line((lang == .zh ? "劳动者：" : "Worker: ") + Sanitize.forDisplay(d.workerName) + " " + d.claim.workerID)
            Output.line((lang == .zh ? "经办：" : "Prepared by: ") + d.claim.preparedBy + "  " + (lang == .zh ? "审核：" : "Decided by: ") + (d.claim.decidedBy ?? "-"))
            for f in d.outcomes where f.result == .fail || f.result == .warn {
                Output.line("  \(f.rule) \(f.result.rawValue): " + Sanitize.forDisplay(f.message(lang)))
            }
            for h in d.history { Output.line("  \(h.at)  \(h.user)  \(h.action)") }
        }
    }
}

struct ClaimSubmit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: "Submit a draft or returned claim (clerks).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The claim's number.") var id: Int64
    @OptionGroup var output: JSONOption
    func run() throws { try ClaimCLI.step(global, json: output.json) { try $0.submitClaim(id) } }
}

struct ClaimApprove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve submitted claims (supervisors) and put them on notice.",
        discussion: "With several numbers they are committed 50 claims to a transaction, each claim in its own savepoint: a claim is approved whole (status, fund reservation, audit rows) or not at all, a refused one is reported and the rest go on, and an interruption loses at most the uncommitted chunk, whose claims are left untouched. A claim with any warning is left alone (open it and approve it by itself). Exit 73 if any claim was left alone or refused.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Claim numbers.") var ids: [Int64]
    @Option(help: "A note.") var note: String?
    @Option(help: "Fund source to reserve from (default: the first of the year with enough balance).") var source: FundSource?
    @OptionGroup var output: JSONOption

    func run() throws {
        let src = source
        if ids.count == 1 {
            try ClaimCLI.step(global, json: output.json) { try $0.approveClaim(ids[0], note: note, source: src) }
        } else {
            try ClaimCLI.batch(global, json: output.json, ids: ids) { try $0.approveClaims($1, note: note, source: src) }
        }
    }
}

struct ClaimReturn: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "return", abstract: "Return a submitted claim for correction (supervisors).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The claim's number.") var id: Int64
    @Option(help: "Why (required).") var reason: String
    @OptionGroup var output: JSONOption
    func run() throws { try ClaimCLI.step(global, json: output.json) { try $0.returnClaim(id, reason: reason) } }
}

struct ClaimReject: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject submitted claims (supervisors; final).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Claim numbers.") var ids: [Int64]
    @Option(help: "Reason code.") var code: RejectReason
    @Option(help: "Why (required).") var reason: String
    @OptionGroup var output: JSONOption

    func run() throws {
        let c = code
        if ids.count == 1 {
            try ClaimCLI.step(global, json: output.json) { try $0.rejectClaim(ids[0], code: c, reason: reason) }
        } else {
            try ClaimCLI.batch(global, json: output.json, ids: ids) { try $0.rejectClaims($1, code: c, reason: reason) }
        }
    }
}

struct ClaimObject: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "object", abstract: "Record an objection during the notice (clerks): the claim goes back to submitted, for a supervisor to decide again.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The claim's number.") var id: Int64
    @Option(help: "What the objection says (required).") var reason: String
    @OptionGroup var output: JSONOption
    func run() throws { try ClaimCLI.step(global, json: output.json) { try $0.objectToClaim(id, reason: reason) } }
}

struct ClaimClawback: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clawback", abstract: "Claw back a paid claim (supervisors).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The claim's number.") var id: Int64
    @Option(help: "Why (required).") var reason: String
    @OptionGroup var output: JSONOption
    func run() throws { try ClaimCLI.step(global, json: output.json) { try $0.clawbackClaim(id, reason: reason) } }
}

struct ClaimRecover: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "recover", abstract: "Record money clawed back coming in (finance).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The claim's number.") var id: Int64
    @Option(name: .customLong("amount-fen"), help: "A partial amount (default: all still due, which completes it).") var amountFen: Int64?
    @Option(help: "A note.") var note: String?
    @OptionGroup var output: JSONOption
    func run() throws { try ClaimCLI.step(global, json: output.json) { try $0.recoverClaim(id, amountFen: amountFen, note: note) } }
}

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
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
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
                                                    subcommands: [PaymentBatch.self, PaymentExport.self, PaymentReconcile.self])
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
                    skipped: b.skipped.map { IDReasonJSON(id: $0.id, reason: $0.reason.message(lang)) }))
                return
            }
            Output.line("\(b.batch)  \(b.summary.count)  \(Money.format(fen: b.summary.totalFen))")
            for k in b.summary.perKind { Output.line("  \(k.kind.rawValue)  \(k.count)  \(Money.format(fen: k.totalFen))") }
            for s in b.skipped {
                Output.line((lang == .zh ? "未入批次 #\(s.id)：" : "left out #\(s.id): ") + Sanitize.forDisplay(s.reason.message(lang)))
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
