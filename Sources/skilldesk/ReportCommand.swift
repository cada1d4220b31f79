import ArgumentParser

/// `report …`: the oversight reports of issue 13, one subcommand per report, each in its own file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports for supervisors, finance, auditors and administrators (issue 13).",
        subcommands: [ReportDisclosureCommand.self])
}
