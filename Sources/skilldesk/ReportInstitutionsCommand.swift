import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

extension PerformanceSort: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> PerformanceSort? { PerformanceSort(rawValue: text.trimmedWhitespace().lowercased()) }
    public static var noun: (en: String, zh: String) { ("a sort order", "排序方式") }
}

/// `report institutions --period P [--sort …] [--code CODE] [--csv FILE]`.
struct ReportInstitutions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "institutions", abstract: "Institution performance for a period, and (with --code) the suggested credit grade and why.",
        discussion: """
            Per institution: classes that ended in the period, enrolled, completed (E14) and the rate, certified \
            (certificates not voided from those classes) and the rate, claims submitted in the period, approved \
            and rejected in it and the rejection rate (rejected / decided), warnings raised at submission by \
            rule (W1–W5), amount paid in it. Rates in basis points in --json. The grade rule is the active \
            policy profile's [credit_grade] section; a grade is applied only by `institution grade`.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The period: 2026-Q3, 2026-07, 2026 or 2026-07-01..2026-09-30.") var period: String
    @Option(help: "Order: name, completion (lowest first), rejection (highest first), paid (largest first).") var sort: PerformanceSort = .name
    @Option(help: "One institution's figures with its suggested grade.") var code: String?
    @Option(name: .customLong("csv"), help: "Write the list to this CSV file (UTF-8 with BOM; mode 0600; refused if it exists, see --force).") var csvPath: String?
    @Flag(help: "Replace an existing --csv file.") var force = false
    @OptionGroup var output: JSONOption

    struct RowJSON: Encodable {
        var code: String, name: String, grade: String?, status: String
        var classes: Int, enrolled: Int, completed: Int, completionBP: Int64?, certified: Int, certifiedBP: Int64?
        var submitted: Int, approved: Int, rejected: Int, rejectionBP: Int64?
        var warnings: [String: Int], warningsUnrecorded: Int, paidFen: Int64
        enum CodingKeys: String, CodingKey {
            case code, name, grade, status, classes, enrolled, completed, certified, submitted, approved, rejected, warnings
            case completionBP = "completion_bp", certifiedBP = "certified_bp", rejectionBP = "rejection_bp"
            case warningsUnrecorded = "warnings_unrecorded", paidFen = "paid_fen"
        }
        init(_ p: InstitutionPerformance) {
            code = p.code; name = p.name; grade = p.grade; status = p.status.rawValue; classes = p.classes
            enrolled = p.enrolled; completed = p.completed; completionBP = p.completionBP; certified = p.certified
            certifiedBP = p.certifiedBP; submitted = p.submitted; approved = p.approved; rejected = p.rejected
            rejectionBP = p.rejectionBP; warningsUnrecorded = p.warningsUnrecorded; paidFen = p.paidFen
            warnings = Dictionary(uniqueKeysWithValues: p.warnings.enumerated().map { ("W\($0.offset + 1)", $0.element) })
        }
    }

    struct ReportJSON: Encodable {
        var period: String, from: String, to: String, sort: String, institutions: [RowJSON]
    }

    struct CheckJSON: Encodable {
        var grade: String, measure: String, comparison: String, threshold: Int, part: Int, whole: Int, met: Bool, source: String
    }

    struct GradeJSON: Encodable {
        var period: String, profile: String, institution: RowJSON
        var suggested: String?, notEnoughData: Bool, reason: String?, clause: String?, checks: [CheckJSON]
        enum CodingKeys: String, CodingKey {
            case period, profile, institution, suggested, reason, clause, checks
            case notEnoughData = "not_enough_data"
        }
    }

    func run() throws {
        let lang = global.language
        var parsed: ReportPeriod?
        try Output.run(json: output.json, lang: lang) { parsed = try PeriodOption.parse(period) }
        guard let p = parsed else { return }
        try global.runAsUser(json: output.json) { session, _ in
            if let code {
                let v = try session.institutionGrade(code: code, period: p)
                if output.json {
                    let s = v.suggestion
                    Output.printJSON(GradeJSON(
                        period: p.code, profile: v.profileName, institution: RowJSON(v.performance), suggested: s?.grade?.rawValue,
                        notEnoughData: s.map { $0.grade == nil } ?? false, reason: s?.reason(lang), clause: s?.clause,
                        checks: (s?.checks ?? []).map { CheckJSON(grade: $0.grade, measure: $0.measure.rawValue, comparison: $0.comparison.rawValue,
                                                                   threshold: $0.threshold, part: $0.part, whole: $0.whole, met: $0.met, source: $0.source) }))
                    return
                }
                for l in Self.detail(v, lang) { Output.line(l) }
                return
            }
            if let csvPath {
                let r = try session.exportInstitutionPerformance(p, sort: sort, to: csvPath, replace: force)
                if output.json { Output.printJSON(["rows": r.rows, "bytes": r.bytes]); return }
                Output.line(lang == .zh ? "已写入 \(r.path)：\(r.rows) 家机构" : "wrote \(r.path): \(r.rows) institutions")
                return
            }
            let r = try session.institutionPerformance(p, sort: sort)
            if output.json {
                Output.printJSON(ReportJSON(period: r.period, from: r.first.description, to: r.last.description, sort: r.sort.rawValue,
                                            institutions: r.rows.map(RowJSON.init)))
                return
            }
            let zh = lang == .zh
            Output.line(zh ? "机构绩效 · \(p.label(lang))（\(r.first) 至 \(r.last)）" : "Institution performance · \(p.label(lang)) (\(r.first) to \(r.last))")
            if r.rows.isEmpty { Output.line(zh ? "该期间没有结业的培训班、申请或支付" : "no class ended, no claim and no payment in this period"); return }
            Output.line(zh ? "机构  等级  班数  参训  结业(率)  取证(率)  提交/批准/驳回(驳回率)  预警W1-W5  已支付"
                           : "Institution  grade  classes  enrolled  completed(rate)  certified(rate)  submitted/approved/rejected(rejection)  W1-W5  paid")
            for x in r.rows {
                Output.line([Sanitize.forDisplay(x.name), x.grade ?? "—", String(x.classes), String(x.enrolled),
                             "\(x.completed)(\(Self.rate(x.completionBP)))", "\(x.certified)(\(Self.rate(x.certifiedBP)))",
                             "\(x.submitted)/\(x.approved)/\(x.rejected)(\(Self.rate(x.rejectionBP)))",
                             x.warnings.map(String.init).joined(separator: "/") + (x.warningsUnrecorded > 0 ? "+\(x.warningsUnrecorded)?" : ""),
                             Money.format(fen: x.paidFen)].joined(separator: "  "))
            }
        }
    }

    static func rate(_ bp: Int64?) -> String { bp.map(formatBasisPoints) ?? "—" }

    /// The figures, the suggestion and each threshold met (✓) or missed (✗).
    static func detail(_ v: InstitutionGradeView, _ lang: Lang) -> [String] {
        let x = v.performance, zh = lang == .zh
        var out = [
            "\(Sanitize.forDisplay(x.name))  \(x.code)  " + (zh ? "现等级 \(x.grade ?? "—")" : "applied grade \(x.grade ?? "—")"),
            (zh ? "期间 " : "Period ") + v.period.label(lang),
            (zh ? "结业 \(x.completed)/\(x.enrolled)（\(rate(x.completionBP))）  取证 \(x.certified)/\(x.completed)（\(rate(x.certifiedBP))）"
                : "Completed \(x.completed)/\(x.enrolled) (\(rate(x.completionBP)))  certified \(x.certified)/\(x.completed) (\(rate(x.certifiedBP)))"),
            (zh ? "申请 提交 \(x.submitted) 批准 \(x.approved) 驳回 \(x.rejected)（驳回率 \(rate(x.rejectionBP))）  预警 W1–W5 \(x.warnings.map(String.init).joined(separator: "/"))"
                : "Claims submitted \(x.submitted) approved \(x.approved) rejected \(x.rejected) (rejection \(rate(x.rejectionBP)))  warnings W1–W5 \(x.warnings.map(String.init).joined(separator: "/"))"),
        ]
        guard let s = v.suggestion else {
            out.append(zh ? "政策方案 \(v.profileName) 没有信用等级规则（[credit_grade]），不给出建议等级"
                          : "the policy profile \(v.profileName) has no credit-grade rule ([credit_grade]); no grade is suggested")
            return out
        }
        out.append((zh ? "建议等级：" : "Suggested grade: ") + s.label(lang) + "  " + s.reason(lang))
        for c in s.checks { out.append("  \(c.met ? "✓" : "✗") \(c.grade)  \(c.text(lang))  ; \(c.source)") }
        return out
    }
}
