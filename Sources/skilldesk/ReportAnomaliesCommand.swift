import ArgumentParser
import Foundation
import SkillCore
import SkillDesk

extension AnomalySignal: ExpressibleByArgument {
    public init?(argument: String) {
        guard let s = AnomalySignal.parse(argument) else { return nil }
        self = s
    }
    public static var allValueStrings: [String] { allCases.map(\.code) }
}

/// `report anomalies --period P [--signal NAME] [--json] [--csv FILE]` (auditors and supervisors):
/// the anomaly sweep (`Session.anomalySweep`), each signal with its definition, count and list.
struct ReportAnomaliesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomalies", abstract: "Anomaly signals over a period (auditors, supervisors): W1–W5, shared accounts and phones, institution hopping, copied attendance, certificates en masse.",
        discussion: "Each signal prints its definition, its count, and one line per occurrence with the figures that triggered it and the records it names. Progress goes to stderr when the sweep takes more than a second.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The period: 2026-07 (month), 2026-Q3 (quarter), 2026 (year) or 2026-07-01..2026-09-30.")
    var period: String
    @Option(help: "Only this signal: \(AnomalySignal.allCases.map(\.code).joined(separator: ", ")).")
    var signal: AnomalySignal?
    @Option(name: .customLong("csv"), help: "Also write the occurrences to this CSV file (one row per occurrence; mode 0600; refused if it exists, see --force).")
    var csvFile: String?
    @Option(help: "The CSV file's encoding: utf8-bom or gb18030.")
    var encoding: BankFileEncoding = .utf8BOM
    @Flag(help: "Replace an existing --csv file (never the database or its companion files).")
    var force = false
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        var parsed: ReportPeriod?
        try Output.run(json: output.json, lang: lang) {
            parsed = try PeriodOption.parse(period)
        }
        guard let period = parsed else { return }
        try global.runAsUser(json: output.json) { session, _ in
            let started = Date()
            var shown = false
            let report = try session.anomalySweep(period: period, signals: signal.map { [$0] } ?? AnomalySignal.allCases) { s, done, total in
                // Progress only once the sweep is slow enough to wonder about (a second), on stderr.
                guard Date().timeIntervalSince(started) > 1 || shown else { return }
                shown = true
                let name = s?.title(lang) ?? (lang == .zh ? "完成" : "done")
                Output.warn(lang == .zh ? "异常扫描 \(done)/\(total)：\(name)" : "anomaly sweep \(done)/\(total): \(name)")
            }
            if let csvFile {
                let r = try session.exportAnomalies(report, to: csvFile, encoding: encoding, replace: force, lang: lang)
                if !output.json {
                    Output.warn(lang == .zh ? "已导出 \(r.rows) 行到 \(csvFile)（\(encoding.rawValue)）"
                                : "exported \(r.rows) rows to \(csvFile) (\(encoding.rawValue))")
                }
            }
            if output.json { Output.printJSON(AnomalyReportJSON(report)); return }
            Output.line(lang == .zh ? "异常线索 · \(period.label(lang))（\(report.first) 至 \(report.last)）"
                                    : "Anomalies · \(period.label(lang)) (\(report.first) to \(report.last))")
            for s in report.signals {
                Output.line("")
                Output.line("\(s.signal.title(lang)) [\(s.signal.code)]: \(s.count)")
                Output.line("  " + s.signal.definition(lang))
                for o in s.occurrences {
                    Output.line("  - \(o.subject)  \(o.figures(lang))")
                    Output.line("      " + o.records.map { AnomalyText.record($0, lang) }.joined(separator: "; "))
                }
            }
        }
    }
}

/// How a record is named on one line: `职工 张三 320102…`, `申请 SD-2026-000123`, `班级 1832 电工`, `机构 南京技师学院`.
enum AnomalyText {
    static func record(_ r: AnomalyRecord, _ lang: Lang) -> String {
        switch (r.kind, lang) {
        case (.worker, .zh): return "职工 \(r.name) \(r.number)"
        case (.worker, .en): return "worker \(r.name) \(r.number)"
        case (.claim, .zh): return "申请 \(r.number)"
        case (.claim, .en): return "claim \(r.number)"
        case (.klass, .zh): return "班级 \(r.number) \(r.name)"
        case (.klass, .en): return "class \(r.number) \(r.name)"
        case (.institution, .zh): return "机构 \(r.name)"
        case (.institution, .en): return "institution \(r.name)"
        }
    }
}

/// `report anomalies --json`: the period, then per signal its code, title and definition in both
/// languages, its count and its occurrences (subject, figures in both languages, records).
struct AnomalyReportJSON: Encodable {
    struct Signal: Encodable {
        var signal: String
        var titleZh: String, titleEn: String
        var definitionZh: String, definitionEn: String
        var count: Int
        var occurrences: [AnomalyOccurrence]
        enum CodingKeys: String, CodingKey {
            case signal, count, occurrences
            case titleZh = "title_zh", titleEn = "title_en", definitionZh = "definition_zh", definitionEn = "definition_en"
        }
    }
    var period: String
    var first: String
    var last: String
    var signals: [Signal]
    init(_ r: AnomalyReport) {
        period = r.period; first = r.first; last = r.last
        signals = r.signals.map {
            Signal(signal: $0.signal.code, titleZh: $0.signal.title(.zh), titleEn: $0.signal.title(.en),
                   definitionZh: $0.signal.definition(.zh), definitionEn: $0.signal.definition(.en),
                   count: $0.count, occurrences: $0.occurrences)
        }
    }
}
