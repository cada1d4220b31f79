import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

/// `institution grade CODE --grade A|B|C|D --reason TEXT` (administrators; audited `institution.grade`).
struct InstitutionGrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Apply a credit grade to an institution (administrators; audited with the reason). See report institutions --code for the suggestion.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Unified social credit code.") var code: String
    @Option(help: "The credit grade.") var grade: CreditGrade
    @Option(help: "Why (e.g. the period and figures it rests on).") var reason: String
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let row = try session.applyInstitutionGrade(code: code, grade: grade, reason: reason)
            if output.json { Output.printJSON(InstitutionSnapshot(row)); return }
            Output.line(lang == .zh ? "\(Sanitize.forDisplay(row.name))（\(row.code)）的信用等级已定为 \(grade.rawValue)"
                                    : "\(Sanitize.forDisplay(row.name)) (\(row.code)) now has credit grade \(grade.rawValue)")
        }
    }
}
