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
        Output.line("\(ClaimNumber.format(year: c.claimYear, serial: Int(c.id)))  \(st)  \(Money.format(fen: c.amountFen))")
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
    static func batch(_ global: GlobalOptions, json: Bool, ids: [ClaimRef],
                      _ all: (Session, [ClaimRef]) throws -> BatchDecision) throws {
        let lang = global.language
        try global.runAsUser(json: json) { session, _ in
            let r = try all(session, ids)
            let done = r.done
            let skipped = r.skipped.map { ($0.id, $0.reason.message(lang)) }
            if json {
                Output.printJSON(BatchDecisionJSON(done: done, skipped: skipped.map { IDReasonJSON(id: $0.0, number: r.numbers[$0.0], reason: $0.1) },
                                                   numbers: done.compactMap { r.numbers[$0] }))
            } else {
                // Claims named by number, as every other message names them (issue 12).
                for id in done { Output.line((lang == .zh ? "已处理 " : "done ") + r.name(id, lang)) }
                for (id, why) in skipped {
                    Output.line((lang == .zh ? "未处理 \(r.name(id, lang))：" : "left alone \(r.name(id, lang)): ") + Sanitize.forDisplay(why))
                }
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
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The queue: claims in a status (default submitted), oldest first; or --search.",
        discussion: "A page ends with the command for the next one: --after the claim number on its last line (keyset on the queue's index). --offset N skips N rows instead. --csv FILE writes every claim of the filter instead of a page. --search TEXT finds claims by number (SD-2026-000123 or its serial), resident-ID prefix or any part of a worker's name, in every status you may read (or the one --status names), as the TUI's / does; it takes --limit (up to 10000) and --csv, not the queue's filters or paging.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Status (default submitted; with --search, every status).") var status: ClaimStatus?
    @Option(help: "Find claims by number, resident-ID prefix or part of a name, in every status you may read.") var search: String?
    @Option(help: "Subsidy kind.") var kind: SubsidyKind?
    @Option(help: "Institution credit code.") var institution: String?
    @Option(help: "yes: only claims with warnings; no: only without.") var warnings: YesNo?
    @Option(name: .customLong("min-fen"), help: "Smallest amount (fen).") var minFen: Int64?
    @Option(name: .customLong("max-fen"), help: "Largest amount (fen).") var maxFen: Int64?
    @Option(help: "Skip this many (0 or more; --after is the faster way to page).") var offset: Int = 0
    @Option(help: "Continue after this claim (the number on the last line of the previous page, SD-2026-000123, or its id).") var after: String?
    @Option(help: "At most this many (1–10000).") var limit: Int = 50
    @OptionGroup var csv: CSVExportOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        var term: ClaimSearchTerm?
        try Output.run(json: output.json, lang: lang) {  // before the database is opened
            try Paging.check(offset: offset, limit: limit)
            try ListExportCLI.checkPaging(after: after, offset: offset)
            if let search { term = try Self.searchTerm(search) }
        }
        if let term {
            try runSearch(term, lang: lang)
            return
        }
        let status = self.status ?? .submitted
        try global.runAsUser(json: output.json) { session, _ in
            let filter = ClaimQueueFilter(status: status, kind: kind, institution: institution,
                                          hasWarnings: warnings?.bool, minAmountFen: minFen, maxAmountFen: maxFen)
            if try ListExportCLI.run(session, .claims(filter), csv, json: output.json, lang: lang) { return }
            let page = try after.map { try session.claimQueue(filter, after: $0, limit: limit) }
                ?? session.claimQueue(filter, offset: offset, limit: limit)
            if Self.print(page.items, json: output.json, lang: lang, middle: { "\($0.ageDays)d" }) { return }
            if page.hasMore, let last = page.items.last {
                let number = ClaimNumber.format(year: last.claimYear, serial: Int(last.id))
                Output.line(lang == .zh ? "……还有更多；下一页：--after \(number)" : "… more; next page: --after \(number)")
            }
        }
    }

    /// Prints a page of claims: JSON, or one line each (number, `middle` — the queue's age or a
    /// search's status —, name, kind, amount, warnings). True when the page was JSON (nothing follows).
    static func print(_ items: [ClaimQueueItem], json: Bool, lang: Lang, middle: (ClaimQueueItem) -> String) -> Bool {
        if json {
            Output.printJSON(items.map {
                QueueItemJSON(id: $0.id, ageDays: $0.ageDays, workerID: $0.workerID, workerName: $0.workerName,
                              kind: $0.kind?.rawValue ?? "", amountFen: $0.amountFen, warnings: $0.warningCount,
                              institution: $0.institution, preparedBy: $0.preparedBy)
            })
            return true
        }
        for i in items {
            Output.line("\(ClaimNumber.format(year: i.claimYear, serial: Int(i.id)))  \(middle(i))  \(Sanitize.forDisplay(i.workerName))  \(i.kind?.label(lang) ?? "")  \(Money.format(fen: i.amountFen))  W\(i.warningCount)")
        }
        return false
    }

    /// The search text read as the TUI's `/` reads it; nothing to look for is a usage error saying
    /// what to give.
    static func searchTerm(_ text: String) throws -> ClaimSearchTerm {
        guard let term = ClaimSearchTerm.parse(text) else {
            throw CLIError.usage(en: "nothing to search for in '\(Sanitize.forDisplay(text))': give a claim number (SD-2026-000123) or its serial, the start of a resident ID, or part of a name",
                                 zh: "“\(Sanitize.forDisplay(text))”中没有可查找的内容：请给出申请编号（SD-2026-000123）或序号、身份证号的开头，或姓名的一部分")
        }
        return term
    }

    /// `--search`: the claims found, in the search's order (newest worker first), at most `limit`.
    func runSearch(_ term: ClaimSearchTerm, lang: Lang) throws {
        try Output.run(json: output.json, lang: lang) {
            if kind != nil || institution != nil || warnings != nil || minFen != nil || maxFen != nil || after != nil || offset != 0 {
                throw CLIError.usage(en: "--search finds claims in every status (or --status); it does not take --kind, --institution, --warnings, --min-fen, --max-fen, --after or --offset: list the queue without --search for those",
                                     zh: "--search 在所有状态（或 --status 指定的状态）中查找，不与 --kind、--institution、--warnings、--min-fen、--max-fen、--after、--offset 同用；要用这些条件请不加 --search 列出")
            }
        }
        try global.runAsUser(json: output.json) { session, _ in
            let filter = ClaimSearchFilter(term: term, status: status)
            if try ListExportCLI.run(session, .claimSearch(filter, text: search ?? ""), csv, json: output.json, lang: lang) { return }
            let page = try session.claimSearch(term, status: status, limit: limit)
            if Self.print(page.items, json: output.json, lang: lang, middle: { $0.status.label(lang) }) { return }
            if page.hasMore {
                Output.line(lang == .zh ? "……还有更多；请把查找内容写得更具体，或加 --limit（至多 10000）"
                                        : "… more; make the search narrower or raise --limit (up to 10000)")
            }
        }
    }
}

struct ClaimShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A claim with its evaluation and history.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The claim: its number (SD-2026-000123) or serial (123).") var id: ClaimRef
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let d = try session.claimDetail(try session.claimID(id))
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
    @Argument(help: "The claim: its number (SD-2026-000123) or serial (123).") var id: ClaimRef
    @OptionGroup var output: JSONOption
    func run() throws { try ClaimCLI.step(global, json: output.json) { try $0.submitClaim(try $0.claimID(id)) } }
}

struct ClaimApprove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve submitted claims (supervisors) and put them on notice.",
        discussion: "With several numbers they are committed 50 claims to a transaction, each claim in its own savepoint: a claim is approved whole (status, fund reservation, audit rows) or not at all, a refused one is reported and the rest go on, and an interruption loses at most the uncommitted chunk, whose claims are left untouched. A claim with any warning is left alone (open it and approve it by itself). Exit 73 if any claim was left alone or refused.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Claims: numbers (SD-2026-000123) or serials (123).") var ids: [ClaimRef]
    @Option(help: "A note.") var note: String?
    @Option(help: "Fund source to reserve from (default: the first of the year with enough balance).") var source: FundSource?
    @OptionGroup var output: JSONOption

    func run() throws {
        let src = source
        if ids.count == 1 {
            try ClaimCLI.step(global, json: output.json) { try $0.approveClaim(try $0.claimID(ids[0]), note: note, source: src) }
        } else {
            try ClaimCLI.batch(global, json: output.json, ids: ids) { try $0.approveClaims(try $1.map($0.claimID), note: note, source: src) }
        }
    }
}

struct ClaimReturn: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "return", abstract: "Return a submitted claim for correction (supervisors).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The claim: its number (SD-2026-000123) or serial (123).") var id: ClaimRef
    @Option(help: "Why (required).") var reason: String
    @OptionGroup var output: JSONOption
    func run() throws { try ClaimCLI.step(global, json: output.json) { try $0.returnClaim(try $0.claimID(id), reason: reason) } }
}

struct ClaimReject: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject submitted claims (supervisors; final).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Claims: numbers (SD-2026-000123) or serials (123).") var ids: [ClaimRef]
    @Option(help: "Reason code.") var code: RejectReason
    @Option(help: "Why (required).") var reason: String
    @OptionGroup var output: JSONOption

    func run() throws {
        let c = code
        if ids.count == 1 {
            try ClaimCLI.step(global, json: output.json) { try $0.rejectClaim(try $0.claimID(ids[0]), code: c, reason: reason) }
        } else {
            try ClaimCLI.batch(global, json: output.json, ids: ids) { try $0.rejectClaims(try $1.map($0.claimID), code: c, reason: reason) }
        }
    }
}

struct ClaimObject: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "object", abstract: "Record an objection during the notice (clerks): the claim goes back to submitted, for a supervisor to decide again.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The claim: its number (SD-2026-000123) or serial (123).") var id: ClaimRef
    @Option(help: "What the objection says (required).") var reason: String
    @OptionGroup var output: JSONOption
    func run() throws { try ClaimCLI.step(global, json: output.json) { try $0.objectToClaim(try $0.claimID(id), reason: reason) } }
}

struct ClaimClawback: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clawback", abstract: "Claw back a paid claim (supervisors).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The claim: its number (SD-2026-000123) or serial (123).") var id: ClaimRef
    @Option(help: "Why (required).") var reason: String
    @OptionGroup var output: JSONOption
    func run() throws { try ClaimCLI.step(global, json: output.json) { try $0.clawbackClaim(try $0.claimID(id), reason: reason) } }
}

struct ClaimRecover: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "recover", abstract: "Record money clawed back coming in (finance).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The claim: its number (SD-2026-000123) or serial (123).") var id: ClaimRef
    @Option(name: .customLong("amount-fen"), help: "A partial amount (default: all still due, which completes it).") var amountFen: Int64?
    @Option(help: "A note.") var note: String?
    @OptionGroup var output: JSONOption
    func run() throws { try ClaimCLI.step(global, json: output.json) { try $0.recoverClaim(try $0.claimID(id), amountFen: amountFen, note: note) } }
}
