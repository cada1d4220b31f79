import Foundation
import SkillCore
import SkillDesk
import TermUI

/// `report stats` and `report rows` as text: columns padded by display width, names neutralised,
/// each figure followed by the id `report rows --figure` takes.
enum StatsText {
    static func cell(_ s: String, _ w: Int, right: Bool = false) -> String {
        TextWidth.pad(TextWidth.clip(Sanitize.forDisplay(s), to: w), to: w, alignRight: right)
    }

    static func lines(_ r: StatsReport, period: ReportPeriod, area: StatsArea, lang: Lang) -> [String] {
        let zh = lang == .zh
        var out: [String] = []
        out.append((zh ? "统计 " : "Statistics ") + period.label(lang) + " · " + area.label(lang)
                   + (zh ? "（结业：线上学时按 \(r.onlinePercent)% 折算，达计划学时 \(r.completionPercent)%）"
                         : " (completed: online hours at \(r.onlinePercent)%, \(r.completionPercent)% of planned hours)"))
        let prev = r.headline.first?.previousPeriod.map { zh ? "较 \($0)" : "on \($0)" } ?? ""
        out.append(cell(zh ? "指标" : "Figure", 30) + cell(zh ? "数量" : "Count", 11, right: true)
                   + cell(zh ? "金额" : "Amount", 17, right: true) + "  " + cell(prev, 12) + "  " + (zh ? "编号" : "id"))
        for h in r.headline {
            out.append(cell(h.metric.label(lang), 30) + cell(StatsFormat.count(h.count), 11, right: true)
                       + cell(h.amountFen.map { Money.format(fen: $0) } ?? "", 17, right: true) + "  "
                       + cell(StatsFormat.change(h.changePermille), 12) + "  " + h.figure)
        }
        out.append((zh ? "高技能人才占比 " : "High-skill share ") + StatsFormat.percent(r.highSkill.basisPoints)
                   + " (\(StatsFormat.count(r.highSkill.highSkill)) / \(StatsFormat.count(r.highSkill.leveled)))")
        out.append("")
        out.append(cell(r.by.label(lang), 34) + cell(zh ? "报名" : "Enrolled", 10, right: true) + cell(zh ? "结业" : "Completed", 10, right: true)
                   + cell(zh ? "结业率" : "Rate", 8, right: true) + "  " + (zh ? "编号" : "id"))
        for l in r.training + [r.trainingTotal] {
            let name = l.key == "total" ? (zh ? "合计" : "Total") : StatsKeyLabel.text(r.by, l.key, name: l.name, lang)
            out.append(cell(name, 34) + cell(StatsFormat.count(l.enrolled), 10, right: true) + cell(StatsFormat.count(l.completed), 10, right: true)
                       + cell(StatsFormat.percent(l.rateBasisPoints), 8, right: true) + "  " + l.completedFigure)
        }
        if r.by == .group {
            out.append(zh ? "同属两个人群的学员在每个人群各计一次，合计只计一次。" : "A worker in two groups counts in each group; the total counts them once.")
        }
        func table(_ title: String, _ d: StatsDimension, _ lines: [StatsLine]) {
            out.append("")
            out.append(title)
            if lines.isEmpty { out.append(zh ? "  （无）" : "  (none)") }
            for l in lines {
                out.append("  " + cell(StatsKeyLabel.text(d, l.key, name: l.name, lang), 32) + cell(StatsFormat.count(l.count), 10, right: true)
                           + cell(l.amountFen.map { Money.format(fen: $0) } ?? "", 17, right: true) + "  " + l.figure)
            }
        }
        table(zh ? "证书（按类型）" : "Certificates by type", .certificateType, r.certificatesByType)
        table(zh ? "证书（按等级）" : "Certificates by level", .level, r.certificatesByLevel)
        for t in r.claims {
            table(t.metric.label(lang) + (zh ? "（按补贴类别）" : " by subsidy kind"), .kind, t.byKind)
            table(t.metric.label(lang) + (zh ? "（按资金来源）" : " by fund source"), .source, t.bySource)
        }
        out.append("")
        out.append(zh ? "专账资金（全市）" : "Fund accounts (the city's)")
        out.append("  " + cell(zh ? "年度/来源" : "Year/source", 36) + [zh ? "拨付" : "Allocated", zh ? "预留" : "Reserved", zh ? "已付" : "Paid",
                                                                     zh ? "已追回" : "Recovered", zh ? "结余" : "Balance"].map { cell($0, 17, right: true) }.joined())
        if r.funds.isEmpty { out.append(zh ? "  （无）" : "  (none)") }
        for f in r.funds {
            let source = FundSource(rawValue: f.source)?.label(lang) ?? f.source
            out.append("  " + cell("\(f.year) \(source)", 36) + [f.allocatedFen, f.reservedFen, f.paidFen, f.recoveredFen, f.balanceFen]
                .map { cell(Money.format(fen: $0), 17, right: true) }.joined())
        }
        out.append("")
        out.append(zh ? "月度（培训人次 / 支付金额）" : "By month (person-times / amount paid)")
        for m in r.months {
            out.append("  " + m.month + "  " + cell(StatsFormat.count(m.completed), 10, right: true) + cell(Money.format(fen: m.paidFen), 17, right: true))
        }
        return out
    }

    static func figureTitle(_ f: FigureID, period: ReportPeriod, lang: Lang) -> String {
        var s = f.metric.label(lang)
        if let d = f.dimension, let k = f.key { s += " · " + d.label(lang) + " = " + StatsKeyLabel.text(d, k, name: nil, lang) }
        return s + " · " + period.label(lang) + " · " + f.area.label(lang)
    }

    static func row(_ r: StatsRow, lang: Lang) -> String {
        let zh = lang == .zh
        var parts = [r.key, cell(r.workerName, 10), r.workerID]
        switch r.kind {
        case .enrolment:
            let hours = Double(r.countedMinutes ?? 0) / 60
            parts += [(zh ? "班级 " : "class ") + "\(r.classID ?? 0)", r.occupationCode ?? "", r.level ?? "",
                      String(format: zh ? "计 %.1f / %d 学时" : "%.1f of %d h", hours, r.plannedHours ?? 0),
                      r.completed == true ? (zh ? "结业" : "completed") : (zh ? "未达标" : "short"), r.day]
        case .certificate:
            parts += [r.certificateNumber ?? "", CertificateType(rawValue: r.certificateType ?? "")?.label(lang) ?? "",
                      r.level ?? "—", r.day] + (r.classID.map { [(zh ? "班级 " : "class ") + "\($0)"] } ?? [])
        case .claim, .payment:
            parts += [r.claimNumber ?? "", SubsidyKind(rawValue: r.subsidyKind ?? "")?.label(lang) ?? "",
                      Money.format(fen: r.amountFen ?? 0), r.day] + (r.batchID.map { [$0] } ?? [])
        }
        return parts.map { Sanitize.forDisplay($0) }.joined(separator: "  ")
    }
}
