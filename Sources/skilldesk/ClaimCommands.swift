import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Subsidy claims (补贴申请).",
        subcommands: [ClaimEvaluate.self, ClaimNew.self, ClaimList.self, ClaimShow.self, ClaimSubmit.self, ClaimApprove.self,
                      ClaimReturn.self, ClaimReject.self, ClaimObject.self, ClaimClawback.self, ClaimRecover.self,
                      ClaimRecheckCommand.self, ClaimWithdraw.self])
}

struct ClaimEvaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate a claim under the active policy profile without saving it.",
        discussion: """
            Exit 0 whenever the claim was evaluated, eligible or not: scripts read "eligible" in the JSON. \
            64 for a usage error, 65 for a value the claim cannot take, 66 for an unknown worker, class or \
            certificate, 77 when not permitted.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The worker's resident ID.") var worker: String
    @Option(help: "Subsidy kind.") var kind: SubsidyKind
    @Option(name: .customLong("class"), help: "The class the claim rests on (its number).") var classID: Int64?
    @Option(help: "The certificate's number (default: the worker's certificate linked to the class).") var cert: String?
    @Option(help: "Training through work: the months claimed.") var months: Int?
    @Option(name: .customLong("prepay-percent"), help: "Prepayment: the percent asked in advance.") var prepayPercent: Int?
    @Option(name: .customLong("as-of"), help: "Judge the claim as of this day (YYYY-MM-DD; default today).") var asOf: String?
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try Output.run(json: output.json, lang: lang) {
            let k = kind
            let day = try ClaimCLI.asOf(asOf)
            var stdin = StdinLines()
            let session = try global.session(try global.openDesk(), stdin: &stdin)
            let e = try session.evaluateClaim(ClaimProposal(worker: worker, kind: k, classID: classID, certificateNumber: cert,
                                                            months: months, prepayPercent: prepayPercent, asOf: day))
            if output.json { Output.printJSON(Self.json(e, lang)) } else { Self.print(e, lang) }
        }
    }

    static func json(_ e: ClaimEvaluation, _ lang: Lang) -> EvaluationJSON {
        EvaluationJSON(eligible: e.eligible, amountFen: e.amountFen, computation: e.evaluation.computation(lang),
                       profile: e.profileName, profileTitle: e.profileTitle, outcomes: e.outcomes.map { RuleOutcomeJSON($0, message: lang == .zh ? $0.zh : $0.en) },
                       kind: e.evaluation.kind.rawValue, payee: e.evaluation.payee.rawValue, workerID: e.workerID,
                       workerName: e.workerName, classID: e.facts.klass?.id, certificate: e.facts.certificate?.number,
                       claimYear: e.claimYear, asOf: e.asOf.description)
    }

    static func print(_ e: ClaimEvaluation, _ lang: Lang) {
        let zh = lang == .zh
        let head = zh ? "\(e.workerName)（\(e.workerID)）· \(e.evaluation.kind.label(.zh)) · 方案 \(e.profileName) · 截至 \(e.asOf)"
            : "\(e.workerName) (\(e.workerID)) · \(e.evaluation.kind.label(.en)) · profile \(e.profileName) · as of \(e.asOf)"
        Output.line(Sanitize.forDisplay(head))
        if let c = e.classLabel(lang) { Output.line((zh ? "培训班：" : "Class: ") + Sanitize.forDisplay(c)) }
        if let c = e.certificateLabel(lang) { Output.line((zh ? "证书：" : "Certificate: ") + Sanitize.forDisplay(c)) }
        let verdict = e.eligible ? (zh ? "符合条件" : "eligible") : (zh ? "不符合条件" : "not eligible")
        Output.line((zh ? "金额：" : "Amount: ") + Money.format(fen: e.amountFen) + " · " + verdict)
        for l in (zh ? e.evaluation.computationZh : e.evaluation.computationEn) { Output.line("  " + Sanitize.forDisplay(l)) }
        let groups: [(RuleResult, String)] = [(.fail, zh ? "不通过" : "Failed"), (.warn, zh ? "警示" : "Warnings"),
                                              (.pass, zh ? "通过" : "Passed")]
        for (result, title) in groups {
            let rows = e.outcomes.filter { $0.result == result }
            guard !rows.isEmpty else { continue }
            Output.line(title + (zh ? "：" : ":"))
            for o in rows {
                let clause = o.clause.isEmpty ? "" : " [\(o.clause)]"
                Output.line("  " + Sanitize.forDisplay(o.message(lang)) + clause)
            }
        }
        let na = e.outcomes.filter { $0.result == .notApplicable }.map(\.rule)
        if !na.isEmpty { Output.line((zh ? "不适用：" : "Not applicable: ") + na.joined(separator: ", ")) }
    }
}

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Policy profiles (政策方案): list, show, and choose the active one (administrators).",
        subcommands: [PolicyList.self, PolicyShow.self, PolicyUse.self])
}

struct PolicyList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the profiles; * marks the active one.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        try global.runAsUser(json: output.json) { session, _ in
            let active = try session.activePolicy().name
            let all = session.policyProfiles
            if output.json {
                Output.printJSON(all.map { PolicyListJSON(name: $0.name, title: $0.title, seed: $0.seed, active: $0.name == active) })
                return
            }
            for p in all {
                Output.line((p.name == active ? "* " : "  ") + TextWidth.pad(p.name, to: 16) + p.seed + "  " + p.title)
            }
        }
    }
}

struct PolicyShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show every number of a profile with its source clause (or demo).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The profile's name (policy list).") var name: String
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let p = try session.policyProfile(named: name)
            let active = try session.activePolicy().name == p.name
            let numbers = p.numbers
            if output.json {
                var kinds: [String: PolicyShowJSON.Kind] = [:]
                for (kind, kp) in p.kinds { kinds[kind.rawValue] = .init(clause: kp.clause, label: kp.kind.label(lang)) }
                Output.printJSON(PolicyShowJSON(
                    name: p.name, title: p.title, seed: p.seed, active: active, kinds: kinds,
                    numbers: numbers.map { .init(section: $0.section, key: $0.key, value: $0.text, source: $0.source.description, fen: $0.fen) }))
                return
            }
            let zh = lang == .zh
            Output.line(p.name + (active ? (zh ? "（当前方案）" : " (active)") : "") + "  " + p.title)
            Output.line((zh ? "种子文件 " : "seed ") + p.seed)
            var section = ""
            for n in numbers {
                if n.section != section {
                    section = n.section
                    if let kind = SubsidyKind(rawValue: section), let kp = p.kinds[kind] {
                        Output.line("[\(section)] \(kind.label(lang)) — \(kp.clause)")
                    } else {
                        Output.line("[\(section)]")
                    }
                }
                Output.line("  " + TextWidth.pad(n.key, to: 28) + TextWidth.pad(n.text, to: 10) + n.source.description)
            }
            // Kinds with no numbers of their own (training, settlement) still show their clause.
            for kind in SubsidyKind.allCases where p.kinds[kind] != nil && !numbers.contains(where: { $0.section == kind.rawValue }) {
                Output.line("[\(kind.rawValue)] \(kind.label(lang)) — \(p.kinds[kind]!.clause)")
            }
        }
    }
}

struct PolicyUse: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "use", abstract: "Make a profile the active one (administrators; audited).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The profile's name (policy list).") var name: String
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let c = try session.usePolicy(name)
            if output.json {
                Output.printJSON(PolicyUseJSON(policy: c.profile.name, before: c.before, changed: c.changed))
                return
            }
            if c.changed {
                Output.line(lang == .zh ? "当前政策方案：\(c.profile.name)（原为 \(c.before)）" : "active policy: \(c.profile.name) (was \(c.before))")
            } else {
                Output.line(lang == .zh ? "\(c.profile.name) 已是当前方案，未作改动" : "\(c.profile.name) is already the active policy; nothing changed")
            }
        }
    }
}

struct ClaimRecheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recheck",
        abstract: "Evaluate every claim in a status again (default: submitted) and list those that now fail.",
        discussion: """
            After a policy, catalogue or record change: which pending claims would no longer pass, whose \
            amount would change, and which can no longer be evaluated. Nothing is written. Exit 0 when the \
            job ran, whatever it found; scripts read the JSON (failing, amount_changed, refused).
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "Status.") var status: ClaimStatus = .submitted
    @Option(name: .customLong("as-of"), help: "Judge as of this day (YYYY-MM-DD; default today).") var asOf: String?
    @Option(help: "Batches evaluated at once, 1–8 (default: one per processor, at most 4).") var readers: Int?
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let st = status
            let day = try ClaimCLI.asOf(asOf)
            if let readers, !(1...8).contains(readers) {
                throw CLIError.usage(en: "--readers is 1 to 8", zh: "--readers 应为 1 至 8")
            }
            let start = Date()
            let r = try session.recheckAll(status: st, asOf: day, readers: readers)
            let seconds = Date().timeIntervalSince(start)
            if output.json {
                Output.printJSON(RecheckJSON(
                    status: r.status.rawValue, asOf: r.asOf.description, profile: r.profile,
                    evaluated: r.evaluated, eligible: r.eligible, seconds: (seconds * 1000).rounded() / 1000,
                    failing: r.failing.map { var e = RecheckJSON.Entry($0.id, $0.ref); e.rules = $0.rules; return e },
                    amountChanged: r.amountChanged.map {
                        var e = RecheckJSON.Entry($0.id, $0.ref); e.storedFen = $0.storedFen; e.nowFen = $0.nowFen; return e
                    },
                    refused: r.refused.map { var e = RecheckJSON.Entry($0.id, $0.ref); e.message = $0.error.message(lang); return e }))
                return
            }
            let statusLabel = r.status.label(lang)
            Output.line(lang == .zh
                ? "复核 \(r.evaluated) 件“\(statusLabel)”申请（政策方案 \(r.profile)，截至 \(r.asOf)，\(String(format: "%.1f", seconds)) 秒）：仍符合 \(r.eligible) 件，不再符合 \(r.failing.count) 件，金额变化 \(r.amountChanged.count) 件，无法评估 \(r.refused.count) 件"
                : "Rechecked \(r.evaluated) \(statusLabel) claims (profile \(r.profile), as of \(r.asOf), \(String(format: "%.1f", seconds)) s): \(r.eligible) still eligible, \(r.failing.count) now failing, \(r.amountChanged.count) with a changed amount, \(r.refused.count) cannot be evaluated")
            let shown = 50
            for f in r.failing.prefix(shown) {
                Output.line(Self.who(f.id, f.ref) + (lang == .zh ? "不符合：" : "fails: ") + f.rules.joined(separator: " "))
            }
            for a in r.amountChanged.prefix(shown) {
                Output.line(Self.who(a.id, a.ref) + (lang == .zh ? "金额：" : "amount: ") + "\(Money.format(fen: a.storedFen)) → \(Money.format(fen: a.nowFen))")
            }
            for x in r.refused.prefix(shown) { Output.line(Self.who(x.id, x.ref) + x.error.message(lang)) }
            if r.failing.count > shown || r.amountChanged.count > shown || r.refused.count > shown {
                Output.line(lang == .zh ? "……（仅列出每类前 \(shown) 件；全部见 --json）" : "… (the first \(shown) of each; --json lists all)")
            }
        }
    }

    /// "#12 SD-2026-000012 李娜  " — the id scripts use, the number and name people read.
    static func who(_ id: Int64, _ ref: RecheckReport.ClaimRef) -> String {
        "#\(id) \(ClaimNumber.format(year: ref.year, serial: Int(id))) \(Sanitize.forDisplay(ref.workerName))  "
    }

}
