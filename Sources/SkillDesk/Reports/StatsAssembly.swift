import SkillCore
import SkillStore
import SkillRecords

/// Turning a tally into the report's values: lines in a deterministic order, names for the keys.
extension Session {
    static let headlineMetrics: [StatsMetric] = [.completed, .enrolled, .certificates, .highSkill, .leveled,
                                                 .submitted, .approved, .rejected, .paid, .clawedBack]
    static let claimMetrics: [StatsMetric] = [.submitted, .approved, .rejected, .paid, .clawedBack]

    static func report(_ r: StoreReader, period: ReportPeriod, area: StatsArea, by: StatsDimension, rule: AttendanceRule,
                       tally t: StatsTally, previous p: StatsTally?) throws -> StatsReport {
        var names = KeyNames(reader: r)
        let headline = try headlineMetrics.map { m in
            let c = t.cell(m)
            let pc = p?.cell(m)
            return StatsHeadline(metric: m, figure: FigureID(m, area: area).code, count: c.count,
                                 amountFen: m.hasAmount ? c.amountFen : nil, previousPeriod: p == nil ? nil : period.previous?.code,
                                 previousCount: pc?.count, previousAmountFen: m.hasAmount ? pc?.amountFen : nil)
        }
        let keys = Set(t.keys(.enrolled, by)).union(t.keys(.completed, by))
        var training: [StatsTrainingLine] = []
        for k in keys {
            training.append(StatsTrainingLine(
                key: k, name: try names.name(by, k), enrolled: t.cell(.enrolled, by, k).count,
                completed: t.cell(.completed, by, k).count,
                enrolledFigure: FigureID(.enrolled, by, k, area: area).code,
                completedFigure: FigureID(.completed, by, k, area: area).code))
        }
        training.sort { ($0.completed, $0.enrolled) != ($1.completed, $1.enrolled) ? ($0.completed, $0.enrolled) > ($1.completed, $1.enrolled) : $0.key < $1.key }
        let total = StatsTrainingLine(key: "total", name: nil, enrolled: t.cell(.enrolled).count, completed: t.cell(.completed).count,
                                      enrolledFigure: FigureID(.enrolled, area: area).code, completedFigure: FigureID(.completed, area: area).code)
        func lines(_ m: StatsMetric, _ d: StatsDimension) throws -> [StatsLine] {
            try t.keys(m, d).map { k in
                let c = t.cell(m, d, k)
                return StatsLine(figure: FigureID(m, d, k, area: area).code, key: k, name: try names.name(d, k),
                                 count: c.count, amountFen: m.hasAmount ? c.amountFen : nil)
            }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
        }
        let claims = try claimMetrics.map { m in
            let c = t.cell(m)
            return StatsClaimTable(metric: m, total: StatsLine(figure: FigureID(m, area: area).code, key: "total", name: nil,
                                                               count: c.count, amountFen: c.amountFen),
                                   byKind: try lines(m, .kind), bySource: try lines(m, .source))
        }
        let months = period.months.map { ym -> StatsMonth in
            let code = "\(ym.year)-" + (ym.month < 10 ? "0" : "") + "\(ym.month)"
            return StatsMonth(month: code, completed: t.monthCompleted[code] ?? 0, paidFen: t.monthPaidFen[code] ?? 0)
        }
        return StatsReport(
            period: period.code, area: area.code, by: by, onlinePercent: rule.onlinePercent, completionPercent: rule.completionPercent,
            headline: headline, training: training, trainingTotal: total,
            certificatesByType: try lines(.certificates, .certificateType), certificatesByLevel: try lines(.certificates, .level),
            highSkill: HighSkillShare(highSkill: t.cell(.highSkill).count, leveled: t.cell(.leveled).count),
            claims: claims, funds: [], months: months)
    }

    /// The fund accounts of every year the period touches, as `fund show` computes them.
    static func funds(_ r: StoreReader, _ period: ReportPeriod) throws -> [StatsFundLine] {
        var out: [StatsFundLine] = []
        for year in period.first.year...period.last.year {
            let y: FundYear
            do { y = try FundYear(year: year, accounts: try r.fundAccounts(year: year)) } catch let e as MoneyError { throw DeskError.money(e) }
            for a in y.accounts.sorted(by: { $0.source.rawValue < $1.source.rawValue }) {
                out.append(StatsFundLine(year: year, source: a.source.rawValue, allocatedFen: a.allocatedFen, reservedFen: a.reservedFen,
                                         paidFen: a.paidFen, recoveredFen: a.recoveredFen, clawbackDueFen: a.clawbackDueFen,
                                         balanceFen: a.balanceFen))
            }
        }
        return out
    }
}

/// Names for keys that are data (institutions, occupations, districts), looked up once each.
struct KeyNames {
    let reader: StoreReader
    var cache: [String: String?] = [:]

    init(reader: StoreReader) { self.reader = reader }

    mutating func name(_ d: StatsDimension, _ key: String) throws -> String? {
        guard key != StatsDimension.noneKey else { return nil }
        let k = "\(d.rawValue)|\(key)"
        if let hit = cache[k] { return hit }
        let n: String?
        switch d {
        case .institution: n = try reader.institutionNames([key])[key]
        case .occupation: n = try reader.occupationName(code: key)
        case .district: n = RegionTable.shared.name(key)
        default: n = nil
        }
        cache[k] = n
        return n
    }
}
