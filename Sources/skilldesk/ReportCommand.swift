import ArgumentParser
import Foundation
import SkillCore
import SkillDesk

/// `report …`: oversight (issue 13) — statistics, targets, institutions, the disclosure, anomalies,
/// and filing (报送).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports: statistics, targets, institutions, disclosure, anomalies, filing (报送).",
        subcommands: [ReportStatsCommand.self, ReportRowsCommand.self, ReportAnomaliesCommand.self, ReportTargets.self, ReportInstitutions.self, ReportDisclosureCommand.self, ReportFileCommand.self, ReportFiledCommand.self])
}

/// `--period P`: read by the one rule (`ReportPeriod.parse`); a wrong one exits 64 saying the shapes.
struct PeriodOption: ParsableArguments {
    @Option(name: .long, help: "The period: 2026-07 (month), 2026-Q3 (quarter), 2026 (year) or 2026-07-01..2026-09-30.")
    var period: String

    func value() throws -> ReportPeriod { try Self.parse(period) }

    /// The one reading of a `--period` value on the command line: a wrong one is a usage error
    /// (exit 64) that names the option and the accepted shapes.
    static func parse(_ text: String) throws -> ReportPeriod {
        switch ReportPeriod.parse(text) {
        case let .success(p): return p
        case let .failure(e): throw CLIError.usage(en: "--period: " + e.message(.en), zh: "--period：" + e.message(.zh))
        }
    }

}
