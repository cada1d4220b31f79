import SkillCore
import SkillStore
import SkillRecords

/// The statistics as CSV through the list-export path (`Session.exportCSV`): a report as one line
/// per figure (its id first, so a spreadsheet row leads back to `report rows`), a figure's rows as
/// the drill-down shows them, every one of them (streamed, not paged).
enum StatsExport {
    static func header(_ list: ExportList) -> [(String, String)] {
        switch list {
        case .statisticsRows:
            return [("行键", "key"), ("类别", "row_kind"), ("身份证号", "worker_id"), ("姓名", "worker_name"), ("班号", "class"),
                    ("机构信用代码", "institution_code"), ("职业代码", "occupation_code"), ("等级", "level"),
                    ("计入分钟", "counted_minutes"), ("计划学时", "planned_hours"), ("结业", "completed"), ("证书编号", "certificate_number"),
                    ("证书类型", "certificate_type"), ("申请编号", "claim_number"), ("补贴种类", "kind"), ("资金来源", "fund_source"),
                    ("金额（元）", "amount_yuan"), ("日期", "day"), ("支付批次", "batch")]
        default:
            return [("指标编号", "figure"), ("期间", "period"), ("范围", "area"), ("指标", "metric"), ("分类", "dimension"),
                    ("分类值", "key"), ("名称", "name"), ("数量", "count"), ("金额（元）", "amount_yuan")]
        }
    }
}

extension Session {
    /// Writes the statistics lines or a figure's rows to `row`, inside the export's read.
    func exportStatistics(_ list: ExportList, _ r: StoreReader, _ lang: Lang, _ row: ([String]) throws -> Void) throws {
        switch list {
        case let .statistics(period, area, by):
            let rule = try PolicySetting.rule(r, desk)
            let tally = try Self.tally(r, period, area, rule)
            let report = try Self.report(r, period: period, area: area, by: by, rule: rule, tally: tally, previous: nil)
            func line(_ figure: String, _ m: StatsMetric, _ d: StatsDimension?, _ key: String?, _ name: String?, _ count: Int, _ fen: Int64?) throws {
                let label = d.flatMap { d in key.map { StatsKeyLabel.text(d, $0, name: name, lang) } } ?? ""
                try row([CSVCell.text(figure), CSVCell.text(period.code), CSVCell.text(area.code), CSVCell.text(m.label(lang)),
                         CSVCell.text(d?.label(lang) ?? ""), CSVCell.text(key ?? ""), CSVCell.text(label),
                         CSVCell.number(String(count)), fen.map(CSVCell.yuan) ?? ""])
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
                try row([CSVCell.text(s.key), CSVCell.text(s.kind.rawValue), CSVCell.digits(s.workerID), CSVCell.text(s.workerName),
                         s.classID.map { CSVCell.number(String($0)) } ?? "", CSVCell.digits(s.institution ?? ""),
                         CSVCell.digits(s.occupationCode ?? ""), CSVCell.text(s.level ?? ""),
                         s.countedMinutes.map { CSVCell.number(String($0)) } ?? "", s.plannedHours.map { CSVCell.number(String($0)) } ?? "",
                         s.completed.map { CSVCell.text(ExportColumns.yesNo($0, lang)) } ?? "", CSVCell.text(s.certificateNumber ?? ""),
                         CSVCell.text(s.certificateType ?? ""), CSVCell.text(s.claimNumber ?? ""), CSVCell.text(s.subsidyKind ?? ""),
                         CSVCell.text(s.fundSource ?? ""), s.amountFen.map(CSVCell.yuan) ?? "", CSVCell.text(s.day), CSVCell.text(s.batchID ?? "")])
                return true
            }
        default: break
        }
    }
}
