import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

/// `report targets [--on DATE]`: every target's progress on a business date.
struct ReportTargets: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets", abstract: "Targets against what was achieved, the share of the span gone, ahead or behind.",
        discussion: """
            Person-times: completed enrolments of the classes that ended from the span's first day to the date \
            (docs/DECISIONS.md "what counts as trained"). High-skill share: certificates not voided issued in \
            those days, of 高级工 (L3) and above over all that state a level. Shares in basis points in --json.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The business date to measure on, YYYY-MM-DD (default: today's).") var on: String?
    @OptionGroup var output: JSONOption

    struct LineJSON: Encodable {
        var target: TargetJSON
        var achieved: Int64
        var certificatesHighSkill: Int64?
        var certificatesWithLevel: Int64?
        var daysInSpan: Int, daysGone: Int, timeShareBP: Int64, achievedShareBP: Int64
        var expected: Int64?
        var difference: Int64
        var standing: String
        enum CodingKeys: String, CodingKey {
            case target, achieved, expected, difference, standing
            case certificatesHighSkill = "certificates_high_skill", certificatesWithLevel = "certificates_with_level"
            case daysInSpan = "days_in_span", daysGone = "days_gone", timeShareBP = "time_share_bp", achievedShareBP = "achieved_share_bp"
        }
    }

    struct ReportJSON: Encodable {
        var asOf: String
        var targets: [LineJSON]
        enum CodingKeys: String, CodingKey { case asOf = "as_of", targets }
    }

    func run() throws {
        let lang = global.language
        var day: CalendarDate?
        if let on {
            guard let d = CalendarDate(iso: HalfWidth.ascii(on).trimmedWhitespace()), d.isSupported else {
                try Output.run(json: output.json, lang: lang) {
                    throw CLIError.usage(en: "--on '\(on)' is not a date; give YYYY-MM-DD, e.g. 2020-06-30",
                                         zh: "--on “\(on)”不是日期；应为 YYYY-MM-DD，如 2020-06-30")
                }
                return
            }
            day = d
        }
        try global.runAsUser(json: output.json) { session, _ in
            let r = try session.targetReport(asOf: day)
            if output.json {
                Output.printJSON(ReportJSON(asOf: r.asOf.description, targets: r.lines.map { l in
                    let p = l.progress
                    return LineJSON(target: TargetJSON(l.target), achieved: p.achieved, certificatesHighSkill: p.shareOf?.part,
                                    certificatesWithLevel: p.shareOf?.whole, daysInSpan: p.daysInSpan, daysGone: p.daysGone,
                                    timeShareBP: p.timeShareBP, achievedShareBP: p.achievedShareBP, expected: p.expected,
                                    difference: p.difference, standing: p.standing.rawValue)
                }))
                return
            }
            Output.line(lang == .zh ? "目标进度（截至 \(r.asOf)）" : "Targets as of \(r.asOf)")
            if r.lines.isEmpty { Output.line(lang == .zh ? "尚未记录目标" : "no targets recorded") }
            for l in r.lines { Output.line(Self.text(l, lang)) }
        }
    }

    /// One target as a line: "#1 person-times 2019–2021: 412,000 of 600,000 (68.66%), 66.67% of the span gone — ahead by 12,000".
    static func text(_ l: TargetLine, _ lang: Lang) -> String {
        let t = l.target, p = l.progress, zh = lang == .zh
        let gone = formatBasisPoints(p.timeShareBP)
        var s = "#\(t.id) \(t.kind.label(lang)) \(t.spanText)："
        if !zh { s = "#\(t.id) \(t.kind.label(lang)) \(t.spanText): " }
        if t.kind.isShare {
            let of = p.shareOf.map { "\($0.part)/\($0.whole)" } ?? "0/0"
            s += zh ? "已达 \(formatBasisPoints(p.achieved))（\(of)），目标 \(formatBasisPoints(t.value))；期限已过 \(gone)"
                : "\(formatBasisPoints(p.achieved)) (\(of)) against \(formatBasisPoints(t.value)); \(gone) of the span gone"
            if p.standing == .behind { s += zh ? " — 落后 \(formatBasisPoints(-p.difference))" : " — behind by \(formatBasisPoints(-p.difference))" }
            else { s += " — " + p.standing.label(lang) }
            return s
        }
        s += zh ? "已完成 \(TargetText.grouped(p.achieved)) / \(TargetText.grouped(t.value))（\(formatBasisPoints(p.achievedShareBP))），期限已过 \(gone)"
            : "\(TargetText.grouped(p.achieved)) of \(TargetText.grouped(t.value)) (\(formatBasisPoints(p.achievedShareBP))), \(gone) of the span gone"
        switch p.standing {
        case .ahead: s += zh ? " — 超前 \(TargetText.grouped(p.difference)) 人次" : " — ahead by \(TargetText.grouped(p.difference))"
        case .behind: s += zh ? " — 落后 \(TargetText.grouped(-p.difference)) 人次" : " — behind by \(TargetText.grouped(-p.difference))"
        case .met, .notStarted: s += " — " + p.standing.label(lang)
        }
        return s
    }
}
