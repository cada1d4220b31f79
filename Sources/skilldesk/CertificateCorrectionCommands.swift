import ArgumentParser
import Foundation
import SkillCore
import SkillDesk

struct CertificateUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Correct a certificate recorded wrongly (clerks).",
        discussion: "ID is the record number `cert add` printed (`cert list --worker ID` shows it). Fields not given keep their value; the holder cannot change (void it and record it for the right worker). A claim in review resting on it is marked (W5); once a claim resting on it is approved, on notice, payable or paid the correction is refused (exit 73), naming the claim.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The certificate's record number.") var id: Int64
    @Option(help: "Certificate type.") var type: CertificateType?
    @Option(help: "Certificate number.") var number: String?
    @Option(help: "Occupation code.") var occupation: String?
    @Option(help: "Level (only qualification and skill_level certificates; `none` clears it).") var level: String?
    @Option(help: "Issue date (YYYY-MM-DD).") var date: String?
    @Option(name: .customLong("class"), help: "The class it came from (0 clears it).") var classID: Int64?
    @Option(help: "Issuing body.") var issuer: String?
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let old = try session.certificate(id: id)
            var d = CertificateDraft()
            d.worker = old.workerID
            d.type = type?.rawValue ?? old.type.rawValue
            d.number = number ?? old.number
            d.occupation = occupation ?? old.occupationCode
            d.level = level.map { $0.lowercased() == "none" ? "" : $0 } ?? (old.level ?? "")
            d.issueDate = date ?? old.issueDate
            d.classID = classID.map { $0 == 0 ? nil : $0 } ?? old.classID
            d.issuer = issuer ?? (old.issuer ?? "")
            let r = try session.updateCertificate(id, d, version: old.version)
            for w in r.warnings { Output.warn((lang == .zh ? "警告：" : "warning: ") + w.message(lang)) }
            if output.json { Output.printJSON(CertificateSnapshot(r.row)) } else { Output.line(String(r.row.id)) }
        }
    }
}

struct CertificateVoid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void", abstract: "Void a certificate (clerks; reason required): it stays on record but backs no claim.",
        discussion: "A claim in review resting on it is marked (W5) and fails E3 when evaluated again; once a claim resting on it is approved, on notice, payable or paid the void is refused (exit 73), naming the claim.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The certificate's record number.") var id: Int64
    @Option(help: "Why it is void (required).") var reason: String
    @OptionGroup var output: JSONOption

    func run() throws {
        try global.runAsUser(json: output.json) { session, _ in
            let row = try session.voidCertificate(id, reason: reason)
            if output.json { Output.printJSON(CertificateSnapshot(row)) } else { Output.line(String(row.id)) }
        }
    }
}
