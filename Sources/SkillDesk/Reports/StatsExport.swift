import SkillCore
import SkillStore
import SkillRecords

/// The statistics as CSV through the list-export path (`Session.exportCSV`): a report as one line
/// per figure (its id first, so a spreadsheet row leads back to `report rows`), a figure's rows as
/// the drill-down shows them, every one of them (streamed, not paged).
enum StatsExport {
    static func header(_ list: ExportList) -> [(String, String, ExportColumnKind)] {
        switch list {
        case .statisticsRows:
            return [("行键", "key", .text), ("类别", "row_kind", .text), ("身份证号", "worker_id", .code), ("姓名", "worker_name", .text),
                    ("班号", "class", .integer), ("机构信用代码", "institution_code", .code), ("职业代码", "occupation_code", .code),
                    ("等级", "level", .text), ("计入分钟", "counted_minutes", .integer), ("计划学时", "planned_hours", .integer),
                    ("结业", "completed", .text), ("证书编号", "certificate_number", .text), ("证书类型", "certificate_type", .text),
                    ("申请编号", "claim_number", .code), ("补贴种类", "kind", .text), ("资金来源", "fund_source", .text),
                    ("金额（元）", "amount_yuan", .money), ("日期", "day", .date), ("支付批次", "batch", .code)]
        default:
            return [("指标编号", "figure", .text), ("期间", "period", .text), ("范围", "area", .text), ("指标", "metric", .text),
                    ("分类", "dimension", .text), ("分类值", "key", .text), ("名称", "name", .text), ("数量", "count", .integer),
                    ("金额（元）", "amount_yuan", .money)]
        }
    }
}

extension Session {
    /// Writes the statistics lines or a figure's rows to `row`, inside the export's read.
    func exportStatistics(_ list: ExportList, _ r: StoreReader, _ lang: Lang, _ row: ([ExportCell]) throws -> Void) throws {
        switch list {
        case let .statistics(period, area, by):
            let rule = try PolicySetting.rule(r, desk)
            let tally = try Self.tally(r, period, area, rule)
            let report = try Self.report(r, period: period, area: area, by: by, rule: rule, tally: tally, previous: nil)
            func line(_ figure: String, _ m: StatsMetric, _ d: StatsDimension?, _ key: String?, _ name: String?, _ count: Int, _ fen: Int64?) throws {
                let label = d.flatMap { d in key.map { StatsKeyLabel.text(d, $0, name: name, lang) } } ?? ""
                try row([.text(figure), .text(period.code), .text(area.code), .text(m.label(lang)),
                         .text(d?.label(lang) ?? ""), .text(key ?? ""), .text(label),
                         .integer(Int64(count)), fen.map(ExportCell.money) ?? .text("")])
            }
            for h in report.headline { try line(h.figure, h.metric, nil, nil, nil, h.count, h.amountFen) }
            for l in report.training {
                try line(l.enrolledFigure, .enrolled, by, l.key, l.name, l.enrolled, nil)
                try line(l.completedFigure, .completed, by, l.key, l.name, l.completed, nil)
            }
            for l in report.certificatesByType { try line(l.figure, .certificates, .certificateType, l.key, l.name, l.count, nil) }
            for l in report.certificatesByLevel { try line(l.figure, .certificates, .level, l.key, l.name, l.count, nil) }
            for t in report.claims {
                for l in t.byKind { try line(l.figure, t.metric, .kind, l.key, l.name, l.count, l.amountFen) }
                for l in t.bySource { try line(l.figure, t.metric, .source, l.key, l.name, l.count, l.amountFen) }
            }
        case let .statisticsRows(period, figure):
            let rule = try PolicySetting.rule(r, desk)
            try Self.stream(r, period, figure.metric, rule, narrowing: Self.narrowing(figure)) { fact in
                guard figure.includes(fact, rule) else { return true }
                let s = Self.row(fact, rule)
                try row([.text(s.key), .text(s.kind.rawValue), .code(s.workerID), .text(s.workerName),
                         s.classID.map { .integer($0) } ?? .text(""), .code(s.institution ?? ""),
                         .code(s.occupationCode ?? ""), .text(s.level ?? ""),
                         s.countedMinutes.map { .integer(Int64($0)) } ?? .text(""), s.plannedHours.map { .integer(Int64($0)) } ?? .text(""),
                         .text(s.completed.map { ExportColumns.yesNo($0, lang) } ?? ""), .text(s.certificateNumber ?? ""),
                         .text(s.certificateType ?? ""), .text(s.claimNumber ?? ""), .text(s.subsidyKind ?? ""),
                         .text(s.fundSource ?? ""), s.amountFen.map(ExportCell.money) ?? .text(""), .text(s.day), .text(s.batchID ?? "")])
                return true
            }
        default: break
        }
    }
}
