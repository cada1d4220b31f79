import ArgumentParser
import SkillCore
import SkillDesk

struct ClaimWithdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw a draft or returned claim (clerks; final).",
        discussion: "The claim keeps its history and audit trail, leaves the lists of work, and no longer holds the worker's one live claim of its kind on the class, so a new claim can be prepared. Exit 73 when the claim is in any other status.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The claim's number.") var id: Int64
    @Option(help: "Why it is withdrawn (required).") var reason: String
    @OptionGroup var output: JSONOption
    func run() throws { try ClaimCLI.step(global, json: output.json) { try $0.withdrawClaim(id, reason: reason) } }
}
