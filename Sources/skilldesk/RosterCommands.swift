import ArgumentParser
import Foundation
import SkillCore
import SkillDesk

/// `class correct-roster`: enrolment on a completed class, as a distinct audited action (issue 12).
struct ClassCorrectRoster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct-roster",
        abstract: "Correct a completed class's roster: enrol workers after completion, with a reason (clerks).",
        discussion: "Ordinary enrolment refuses a completed class. This action is audited with its reason, and marks the class's submitted claims (W5) for the supervisor.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Class number.") var id: Int64
    @Argument(help: "Resident IDs.") var workers: [String]
    @Option(help: "Why the roster is corrected (required).") var reason: String
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let r = try session.correctRoster(classID: id, workerIDs: workers, reason: reason)
            if output.json {
                Output.printJSON(RosterCorrectionJSON(enrolled: r.enrolled, alreadyEnrolled: r.alreadyEnrolled, markedClaims: r.markedClaims))
                return
            }
            let zh = lang == .zh
            Output.line(zh ? "花名册已更正：新增 \(r.enrolled.count) 人；已标记该班 \(r.markedClaims) 笔已提交的申请（W5）"
                           : "roster corrected: \(r.enrolled.count) added; \(r.markedClaims) submitted claims of the class marked (W5)")
            if !r.alreadyEnrolled.isEmpty {
                Output.line((zh ? "已在花名册上（未重复）：" : "already on the roster (unchanged): ") + r.alreadyEnrolled.joined(separator: ", "))
            }
        }
    }
}

struct RosterCorrectionJSON: Encodable {
    var enrolled: [String]
    var alreadyEnrolled: [String]
    var markedClaims: Int
    enum CodingKeys: String, CodingKey { case enrolled, alreadyEnrolled = "already_enrolled", markedClaims = "marked_claims" }
}
