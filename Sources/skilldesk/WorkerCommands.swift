import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Register, find and import workers (实名制登记).",
        subcommands: [WorkerAdd.self, WorkerUpdate.self, WorkerShow.self, WorkerList.self, WorkerImport.self, WorkerArchiveCommand.self])
}

struct WorkerAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a worker.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Resident ID (18 characters, GB 11643).") var id: String
    @Option(help: "Name as on the resident ID card: Chinese, a minority name joined by '·', or Latin letters with spaces; 1–30 characters.") var name: String
    @Option(help: "Mobile phone, 11 digits.") var phone: String?
    @Option(help: "Household registration region, 6-digit code (GB/T 2260).") var hukou: String?
    @Flag(help: "The household registration is rural (农村户籍).") var rural = false
    @Option(help: "Usual residence (常住地).") var residence: String?
    @Option(name: .customLong("work-region"), help: "Place of job-seeking or work (求职就业地), 6-digit region code (GB/T 2260); E10 accepts training there.") var workRegion: String?
    @Option(help: "Employment status.") var employment: EmploymentStatus?
    @Option(help: "Employer name.") var employer: String?
    @Option(name: .customLong("employer-code"), help: "Employer's unified social credit code.") var employerCode: String?
    @Flag(help: "Draws a monthly pension (按月领取养老金).") var pension = false
    @Flag(help: "Insured in unemployment insurance (参加失业保险; the insured-employee upgrading subsidy needs it).") var insured = false
    @Option(name: .customLong("group"), help: "A target group (repeatable; or several in one value separated by ';').") var groups: [TargetGroups] = []
    @Option(help: "Disability.") var disability: Disability?
    @Option(name: .customLong("relative-of"), help: "Resident ID of the registered poor or severely disabled worker this person is a direct relative of.") var relativeOf: String?
    @Option(name: .customLong("bank-account"), help: "The worker's bank account for subsidies (a UnionPay card is Luhn-checked).") var bankAccount: String?
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, stdin in
            var d = WorkerDraft()
            d.id = id; d.name = name; d.phone = phone ?? ""; d.hukouRegion = hukou ?? ""; d.rural = rural
            d.residence = residence ?? ""; d.workRegion = workRegion ?? ""; d.employer = employer ?? ""; d.employerCode = employerCode ?? ""
            d.pension = pension; d.unemploymentInsured = insured; d.relativeOf = relativeOf ?? ""
            if let employment { d.employment = employment }
            if let disability { d.disability = disability }
            if !groups.isEmpty { d.groups = TargetGroup.sorted(groups.flatMap(\.groups)) }
            if let bankAccount, case .failure(let e) = BankAccountNumber.parse(bankAccount, payee: .worker) {
                throw CLIError.invalid(en: "--bank-account: " + e.message(.en), zh: "--bank-account：" + e.message(.zh))
            }
            let row = try session.register(d)
            if let bankAccount { try session.setBankAccount(workerID: row.id, account: bankAccount) }
            // Invisible characters dropped from free text are said (on stderr: stdout may be JSON).
            for (field, n) in d.removedInvisible().sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let label = WorkerText.label(field, lang)
                Output.warn(lang == .zh ? "注意：\(label)中的 \(n) 个不可见字符（控制、方向或零宽字符）已删除"
                                        : "note: \(n) invisible character(s) (control, bidi, zero-width) removed from \(label)")
            }
            if output.json { Output.printJSON(WorkerSnapshot(row)) }
            else { Output.line(lang == .zh ? "已登记 \(row.id) \(row.name)" : "registered \(row.id) \(row.name)") }
        }
    }
}

struct WorkerShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one worker.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Resident ID.") var id: String
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, stdin in
            let row = try session.worker(id: id)
            if output.json { Output.printJSON(WorkerSnapshot(row)); return }
            for (label, value) in WorkerText.fields(row, lang: lang) {
                Output.line(TextWidth.pad(label, to: 14) + " " + value)
            }
        }
    }
}

struct WorkerList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List or search workers (ID prefix, phone prefix, or any part of a name).",
        discussion: "A page ends with the command for the next one: --after the resident ID on its last line (keyset: as fast on the last page as on the first, and no row skipped or repeated when workers are registered meanwhile). --offset N skips N rows instead (a quick look; slower deep in a large list). --csv FILE writes every row of the search instead of a page.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Search text.") var search: String?
    @Option(help: "At most this many rows (1–10000).") var limit: Int = 50
    @Option(help: "Continue after this worker (the resident ID on the last line of the previous page of the same search).") var after: String?
    @Option(help: "Skip this many rows (0 or more; --after is the faster way to page).") var offset: Int = 0
    @OptionGroup var csv: CSVExportOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try Output.run(json: output.json, lang: lang) {  // before the database is opened
            try Paging.check(offset: offset, limit: limit)
            try ListExportCLI.checkPaging(after: after, offset: offset)
        }
        try global.runAsUser(json: output.json) { session, stdin in
            if try ListExportCLI.run(session, .workers(search: search ?? ""), csv, json: output.json, lang: lang) { return }
            let page = try after.map { try session.searchWorkers(search ?? "", after: $0, limit: limit) }
                ?? session.searchWorkers(search ?? "", offset: offset, limit: limit)
            if output.json { Output.printJSON(page.rows.map(WorkerSnapshot.init)); return }
            for row in page.rows {
                Output.line([TextWidth.pad(row.id, to: 18), TextWidth.pad(Sanitize.forDisplay(row.name), to: 16),
                             row.sex, row.birthDate, row.phone ?? "—"].joined(separator: "  "))
            }
            if page.hasMore, let last = page.rows.last {
                Output.line(lang == .zh ? "……还有更多；下一页：--after \(last.id)" : "… more; next page: --after \(last.id)")
            }
        }
    }
}

struct WorkerImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import workers from a CSV file (header row; id and name required).",
        discussion: "Columns: id,name,phone,hukou_region,rural,residence,employment,employer,employer_code,pension,groups,disability and optionally unemployment_insured, work_region (or 身份证号,姓名,手机号,户籍地,农村户籍,常住地,就业状态,工作单位,单位信用代码,领取养老金,重点群体,残疾,参加失业保险,求职就业地); groups separated by ';'.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var file: ImportFileOptions
    @Flag(name: .customLong("all-or-nothing"), help: "Import nothing if any row is bad.") var allOrNothing = false
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, stdin in
            var options = file.options(lang: lang)
            options.allOrNothing = allOrNothing
            let bar = isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
            let report = try session.importWorkers(path: file.file, options: options) { done, total in bar?.show(done, of: total) }
            bar?.finish()
            try finishImport(report, json: output.json, lang: lang, noun: ("rows", "行"))
        }
    }
}

/// A one-line progress bar on stderr, redrawn at most ten times a second by the caller.
final class ProgressBar {
    func show(_ done: Int64, of total: Int64) {
        let share = total > 0 ? Double(done) / Double(total) : 1
        let width = 40
        let filled = Int(share * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data(String(format: "\r%@ %5.1f%%", bar, share * 100).utf8))
    }
    func finish() { FileHandle.standardError.write(Data("\n".utf8)) }
}

struct WorkerUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a worker's bank account or place of job-seeking or work (other fields are edited in the worker form).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Resident ID.") var id: String
    @Option(name: .customLong("bank-account"), help: "The worker's bank account (a UnionPay card is Luhn-checked).") var bankAccount: String?
    @Option(name: .customLong("work-region"), help: "Place of job-seeking or work (求职就业地), 6-digit region code; an empty value clears it.") var workRegion: String?
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try Output.run(json: output.json, lang: lang) {
            if bankAccount == nil && workRegion == nil {
                throw CLIError.invalid(en: "nothing to change: give --bank-account or --work-region",
                                       zh: "没有要修改的内容：请给出 --bank-account 或 --work-region")
            }
        }
        try global.runAsUser(json: output.json) { session, _ in
            var row: WorkerRow?
            if let workRegion {
                let old = try session.worker(id: id)
                var d = WorkerDraft(row: old)
                d.workRegion = workRegion
                row = try session.update(id: old.id, with: d, expectedVersion: old.version)
            }
            if let bankAccount { try session.setBankAccount(workerID: id, account: bankAccount) }
            if output.json {
                if let row, bankAccount == nil { Output.printJSON(WorkerSnapshot(row)) }
                else if let bankAccount { Output.printJSON(BankAccountJSON(id: id.uppercased(), bankAccount: PublicMask.bankAccount(bankAccount))) }
                return
            }
            if let row {
                Output.line(lang == .zh ? "已更新 \(row.id) \(row.name) 的求职就业地：\(WorkerText.region(row.workRegion, lang))"
                                        : "place of job-seeking or work of \(row.id) \(row.name) updated: \(WorkerText.region(row.workRegion, lang))")
            }
            if bankAccount != nil { Output.line(lang == .zh ? "已更新 \(id) 的银行账户" : "bank account of \(id) updated") }
        }
    }
}
