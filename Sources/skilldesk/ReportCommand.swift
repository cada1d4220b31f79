import ArgumentParser

/// `report`: the oversight reports (issue 13). Each report is its own subcommand in its own file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Oversight reports: statistics for a period and the rows behind each figure.",
        subcommands: [ReportStatsCommand.self, ReportRowsCommand.self])
}
