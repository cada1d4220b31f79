import ArgumentParser

/// `report …`: the oversight reports (issue 13). Each report is its own subcommand in its own file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Oversight reports for a period (statistics, targets, institutions, disclosure, anomalies).",
        subcommands: [ReportAnomaliesCommand.self])
}
