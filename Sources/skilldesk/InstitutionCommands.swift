import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

struct InstitutionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "institution", abstract: "Training institutions (培训机构): administrators add them and change their standing.",
        subcommands: [InstitutionAdd.self, InstitutionList.self, InstitutionShow.self, InstitutionImport.self,
                      InstitutionSuspend.self, InstitutionReinstate.self, InstitutionDisqualify.self,
                      InstitutionGrade.self])
}

struct InstitutionAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a training institution (administrators).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Unified social credit code (18 characters, GB 32100).") var code: String
    @Option(help: "Name.") var name: String
    @Option(help: "Kind.") var kind: InstitutionKind
    @Option(help: "Credit grade (信用等级).") var grade: CreditGrade?
    @Flag(help: "In the published institution catalogue (目录).") var catalogue = false
    @Option(name: .customLong("may-train"), help: "CODE:LEVEL it may train, e.g. 6-31-01-03:L4; repeatable; must be in the occupation catalogue.") var mayTrain: [String] = []
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            var d = InstitutionDraft()
            d.code = code; d.name = name; d.kind = kind.rawValue; d.grade = grade?.rawValue ?? ""; d.catalogue = catalogue; d.mayTrain = mayTrain
            let row = try session.addInstitution(d)
            if output.json { Output.printJSON(InstitutionSnapshot(row)) }
            else { Output.line(lang == .zh ? "已添加 \(row.code) \(row.name)" : "added \(row.code) \(row.name)") }
        }
    }
}

struct InstitutionList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List training institutions.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "A credit-code prefix or any part of the name.") var search: String?
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let rows = try session.institutions(search: search ?? "")
            if output.json { Output.printJSON(rows.map(InstitutionSnapshot.init)); return }
            for row in rows {
                let kind = row.kind.label(lang)
                let status = row.status.label(lang)
                Output.line([row.code, TextWidth.pad(Sanitize.forDisplay(row.name), to: 28), TextWidth.pad(kind, to: 16),
                             row.grade ?? "-", status].joined(separator: "  "))
            }
        }
    }
}

struct InstitutionShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one training institution.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Unified social credit code.") var code: String
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let row = try session.institution(code: code)
            if output.json { Output.printJSON(InstitutionSnapshot(row)); return }
            let zh = lang == .zh
            let fields: [(String, String)] = [
                (zh ? "统一社会信用代码" : "Credit code", row.code), (zh ? "名称" : "Name", Sanitize.forDisplay(row.name)),
                (zh ? "类型" : "Kind", row.kind.label(lang)),
                (zh ? "信用等级" : "Credit grade", row.grade ?? "—"),
                (zh ? "列入目录" : "In catalogue", row.catalogue ? (zh ? "是" : "yes") : (zh ? "否" : "no")),
                (zh ? "状态" : "Status", row.status.label(lang)),
                (zh ? "状态理由" : "Reason", Sanitize.forDisplay(row.statusReason ?? "—")),
                (zh ? "状态日期" : "Status date", row.statusDate ?? "—"),
                (zh ? "可培训" : "May train", row.mayTrain.map { "\($0.occupationCode):\($0.level)" }.joined(separator: ", ")),
            ]
            for (label, value) in fields { Output.line(TextWidth.pad(label, to: 18) + " " + value) }
        }
    }
}

/// The three audited changes of standing share one shape.
protocol InstitutionStatusCommand: ParsableCommand {
    var global: GlobalOptions { get }
    var code: String { get }
    var output: JSONOption { get }
    func apply(_ session: Session) throws -> InstitutionRow
}

extension InstitutionStatusCommand {
    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let row = try apply(session)
            if output.json { Output.printJSON(InstitutionSnapshot(row)); return }
            let status = row.status.label(lang)
            Output.line(lang == .zh ? "\(row.code) \(row.name)：\(status)" : "\(row.code) \(row.name): \(status)")
        }
    }
}

struct InstitutionSuspend: InstitutionStatusCommand {
    static let configuration = CommandConfiguration(commandName: "suspend", abstract: "Suspend an active institution (administrators).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Unified social credit code.") var code: String
    @Option(help: "Why (required).") var reason: String
    @OptionGroup var output: JSONOption
    func apply(_ session: Session) throws -> InstitutionRow { try session.suspendInstitution(code: code, reason: reason) }
}

struct InstitutionReinstate: InstitutionStatusCommand {
    static let configuration = CommandConfiguration(commandName: "reinstate", abstract: "Reinstate a suspended institution (never a disqualified one).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Unified social credit code.") var code: String
    @OptionGroup var output: JSONOption
    func apply(_ session: Session) throws -> InstitutionRow { try session.reinstateInstitution(code: code) }
}

struct InstitutionDisqualify: InstitutionStatusCommand {
    static let configuration = CommandConfiguration(commandName: "disqualify", abstract: "Disqualify an institution (取消培训资格) — final.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Unified social credit code.") var code: String
    @Option(help: "Why (required), e.g. the fraud found.") var reason: String
    @OptionGroup var output: JSONOption
    func apply(_ session: Session) throws -> InstitutionRow { try session.disqualifyInstitution(code: code, reason: reason) }
}

struct InstitutionImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import institutions from a CSV file (administrators).",
        discussion: "Columns: code,name,kind,grade,may_train[,catalogue] — may_train like 6-31-01-03:L4;6-31-01-03:L3 (each in the occupation catalogue); kind: \(InstitutionKind.codes); grade A–D or empty. A code already registered is refused, not overwritten. Exit 65 if any row was refused.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var file: ImportFileOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let report = try session.importInstitutions(path: file.file, options: file.options(lang: lang))
            try finishImport(report, json: output.json, lang: lang, noun: ("institutions", "个机构"))
        }
    }
}
