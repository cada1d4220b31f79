import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import SkillStore

struct CertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert", abstract: "Certificates (证书): clerks record them; W1 warnings go to stderr.",
        subcommands: [CertificateAdd.self, CertificateList.self])
}

struct CertificateAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a certificate (clerks).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The holder's resident ID (a registered worker).") var worker: String
    @Option(help: "Type: \(CertificateType.allCases.map(\.rawValue).joined(separator: ", ")).") var type: String
    @Option(help: "Certificate number.") var number: String
    @Option(help: "Occupation code.") var occupation: String
    @Option(help: "Level (only qualification and skill_level certificates).") var level: String?
    @Option(help: "Issue date (YYYY-MM-DD).") var date: String
    @Option(name: .customLong("class"), help: "The class it came from.") var classID: Int64?
    @Option(help: "Issuing body.") var issuer: String?
    @Flag(help: "Print the certificate as JSON.") var json = false

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: json) { session, _ in
            var d = CertificateDraft()
            d.worker = worker; d.type = type; d.number = number; d.occupation = occupation; d.level = level ?? ""
            d.issueDate = date; d.classID = classID; d.issuer = issuer ?? ""
            let r = try session.addCertificate(d)
            for w in r.warnings {
                FileHandle.standardError.write(Data(((lang == .zh ? "警告：" : "warning: ") + w.message(lang) + "\n").utf8))
            }
            if json { Output.printJSON(encodable: CertificateSnapshot(r.row)) } else { Output.line(String(r.row.id)) }
        }
    }
}

struct CertificateList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List certificates.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this worker's (resident ID).") var worker: String?
    @Flag(help: "Print a JSON array.") var json = false

    func run() throws {
        try global.runAsUser(json: json) { session, _ in
            let rows = try session.certificates(worker: worker)
            if json { Output.printJSON(encodable: rows.map(CertificateSnapshot.init)); return }
            for r in rows {
                Output.line([String(r.id), r.type, r.number, r.occupationCode, r.level ?? "-", r.issueDate, r.workerID,
                             r.classID.map(String.init) ?? "-"].joined(separator: "  "))
            }
        }
    }
}
