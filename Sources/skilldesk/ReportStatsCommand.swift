import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

/// `--by` of `report stats`: the six breakdowns of the training table.
enum StatsBy: String, CaseIterable, ClosedArgument {
    case type, group, level, occupation, institution, district
    init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    static func parseArgument(_ text: String) -> StatsBy? { StatsBy(rawValue: text.trimmedWhitespace().lowercased()) }
    static var noun: (en: String, zh: String) { ("a breakdown", "分类方式") }
    var dimension: StatsDimension { StatsDimension(rawValue: rawValue)! }
}

/// The period and area options every statistics command reads (through `ReportPeriod.parse` and
/// `StatsArea.parse`, so a wrong one says what is right).
struct StatsScope: ParsableArguments {
    @Option(help: "The period: 2026-07 (month), 2026-Q3 (quarter), 2026 (year) or 2026-07-01..2026-09-30.")
    var period: String
    @Option(help: "One district (or prefecture) by its six-digit GB/T 2260 code, e.g. 320102; rows are placed by the institution's credit code (characters 3–8). Default: the whole city.")
    var district: String?

    func parsed() throws -> (ReportPeriod, StatsArea) {
        let p = try PeriodOption.parse(period)
        guard let district else { return (p, .city) }
        switch StatsArea.parse(district) {
        case let .success(a): return (p, a)
        case let .failure(e): throw CLIError.usage(en: "--district: " + e.message(.en), zh: "--district：" + e.message(.zh))
        }
    }
}

struct ReportStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Statistics for a period (supervisors, finance, auditors, administrators).",
        discussion: """
            Person-times trained (completed enrolments of the classes that ended in the period) and enrolled, by --by; \
            certificates by type and level and the high-skill share; claims submitted, approved, rejected, paid and clawed \
            back by subsidy kind and fund source (counts and amounts); the fund accounts of the period's years; a month-by-month \
            trend. Each figure ends with its id: `report rows --period P --figure ID` lists the rows behind it. \
            A worker in two target groups counts in each group; the total counts them once.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: StatsScope
    @Option(help: "Break the training table down by: type, group, level, occupation, institution or district.")
    var by: StatsBy = .type
    @OptionGroup var csv: CSVExportOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        var parsed: (ReportPeriod, StatsArea)?
        try Output.run(json: output.json, lang: lang) { parsed = try scope.parsed() }
        let (period, area) = parsed!
        try global.runAsUser(json: output.json) { session, _ in
            if try ListExportCLI.run(session, .statistics(period: period, area: area, by: by.dimension), csv, json: output.json, lang: lang) { return }
            let r = try session.statistics(period: period, area: area, by: by.dimension)
            if output.json { Output.printJSON(r); return }
            for line in StatsText.lines(r, period: period, area: area, lang: lang) { Output.line(line) }
        }
    }
}

struct ReportRowsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rows", abstract: "The rows behind one figure of `report stats` (enrolments, certificates, claims or payments), a page at a time.",
        discussion: "The page ends with the command for the next one (--after KEY). With --csv, every row of the figure is written.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The period, as given to report stats.") var period: String
    @Option(help: "The figure's id as report stats prints it, e.g. completed/type=employment or paid/source=local_budget@320102.")
    var figure: String
    @Option(help: "At most this many rows (1–1000).") var limit: Int = 50
    @Option(help: "Continue after this row key (the last key the previous page printed).") var after: String?
    @OptionGroup var csv: CSVExportOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        var parsed: (ReportPeriod, FigureID)?
        try Output.run(json: output.json, lang: lang) {
            let p = try PeriodOption.parse(period)
            switch FigureID.parse(figure) {
            case let .success(f): parsed = (p, f)
            case let .failure(e): throw CLIError.usage(en: "--figure: " + e.message(.en), zh: "--figure：" + e.message(.zh))
            }
            guard (1...Session.statsRowsLimit).contains(limit) else {
                throw CLIError.usage(en: "--limit must be 1 to \(Session.statsRowsLimit), not \(limit)", zh: "--limit 须为 1 至 \(Session.statsRowsLimit)，不能是 \(limit)")
            }
        }
        let (p, f) = parsed!
        try global.runAsUser(json: output.json) { session, _ in
            if try ListExportCLI.run(session, .statisticsRows(period: p, figure: f), csv, json: output.json, lang: lang) { return }
            let page = try session.statisticsRows(period: p, figure: f, after: after, limit: limit)
            if output.json { Output.printJSON(page); return }
            Output.line(StatsText.figureTitle(f, period: p, lang: lang))
            if page.rows.isEmpty { Output.line(lang == .zh ? "（没有记录）" : "(no rows)") }
            for row in page.rows { Output.line(StatsText.row(row, lang: lang)) }
            if let next = page.next {
                Output.line((lang == .zh ? "下一页：" : "next page: ") + "--after \(next)")
            }
        }
    }
}
