import ArgumentParser

/// `report …` (issue 13): one group; each report is its own subcommand in its own file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports: targets, institution performance.",
        subcommands: [ReportTargets.self, ReportInstitutions.self])
}
