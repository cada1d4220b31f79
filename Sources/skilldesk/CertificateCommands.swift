import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

struct CertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert", abstract: "Certificates (证书): clerks record them; W1 warnings go to stderr.",
        subcommands: [CertificateAdd.self, CertificateList.self, CertificateShow.self, CertificateUpdate.self, CertificateVoid.self])
}

struct CertificateAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a certificate (clerks).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The holder's resident ID (a registered worker).") var worker: String
    @Option(help: "Certificate type.") var type: CertificateType
    @Option(help: "Certificate number.") var number: String
    @Option(help: "Occupation code.") var occupation: String
    @Option(help: "Level (only qualification and skill_level certificates).") var level: SkillLevel?
    @Option(help: "Issue date (YYYY-MM-DD).") var date: String
    @Option(name: .customLong("class"), help: "The class it came from.") var classID: Int64?
    @Option(help: "Issuing body.") var issuer: String?
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            var d = CertificateDraft()
            d.worker = worker; d.type = type.rawValue; d.number = number; d.occupation = occupation; d.level = level?.rawValue ?? ""
            d.issueDate = date; d.classID = classID; d.issuer = issuer ?? ""
            let r = try session.addCertificate(d)
            for w in r.warnings {
                Output.warn((lang == .zh ? "警告：" : "warning: ") + w.message(lang))
            }
            if output.json { Output.printJSON(CertificateSnapshot(r.row)) } else { Output.line(String(r.row.id)) }
        }
    }
}

struct CertificateList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List certificates.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this worker's (resident ID).") var worker: String?
    @OptionGroup var output: JSONOption

    func run() throws {
        try global.runAsUser(json: output.json) { session, _ in
            let rows = try session.certificates(worker: worker)
            if output.json { Output.printJSON(rows.map(CertificateSnapshot.init)); return }
            for r in rows {
                Output.line([String(r.id), r.type.rawValue, r.number, r.occupationCode, r.level ?? "-", r.issueDate, r.workerID,
                             r.classID.map(String.init) ?? "-"].joined(separator: "  ") + (r.isVoided ? "  void" : ""))
            }
        }
    }
}

struct CertificateShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the certificate(s) with a number: holder, details and W1 flags. Exit 66 when none.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Certificate number.") var number: String
    @Option(help: "Only this certificate type.") var type: CertificateType?
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let found = try session.certificates(number: number, type: type?.rawValue)
            if output.json {
                Output.printJSON(found.map { d in
                    let r = d.row
                    return CertificateDetailJSON(id: r.id, type: storedCode(r.type), number: r.number, occupationCode: r.occupationCode,
                                                 level: storedCode(r.level), issuer: r.issuer, issueDate: r.issueDate,
                                                 workerID: r.workerID, holderName: d.holderName, classID: r.classID,
                                                 warnings: d.warnings.map { $0.message(lang) })
                })
                return
            }
            let zh = lang == .zh
            for (i, d) in found.enumerated() {
                if i > 0 { Output.line("") }
                let r = d.row
                let fields: [(String, String)] = [
                    (zh ? "证书编号" : "Number", Sanitize.forDisplay(r.number)),
                    (zh ? "类型" : "Type", r.type.label(lang)),
                    (zh ? "持证人" : "Holder", Sanitize.forDisplay(d.holderName ?? "—")),
                    (zh ? "身份证号" : "Resident ID", r.workerID),
                    (zh ? "职业" : "Occupation", r.occupationCode),
                    (zh ? "等级" : "Level", r.level.map { SkillLevel(rawValue: $0)?.label(lang) ?? $0 } ?? "—"),
                    (zh ? "发证机构" : "Issuer", Sanitize.forDisplay(r.issuer ?? "—")),
                    (zh ? "发证日期" : "Issued", r.issueDate),
                    (zh ? "培训班" : "Class", r.classID.map(String.init) ?? "—"),
                ]
                for (label, value) in fields { Output.line(TextWidth.pad(label, to: 12) + " " + value) }
                if r.isVoided {
                    Output.line(TextWidth.pad(zh ? "已作废" : "Voided", to: 12) + " " + (r.voidedAt ?? "") + "  " + (r.voidedBy ?? "")
                                + "  " + Sanitize.forDisplay(r.voidReason ?? ""))
                }
                for w in d.warnings { Output.line("  " + w.message(lang)) }
            }
        }
    }
}
