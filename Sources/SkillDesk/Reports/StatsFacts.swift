import SkillCore
import SkillRecords

/// One row behind the statistics, as the counting sees it: where it is placed, which keys it has in
/// each breakdown, and which figures it counts in. A figure and its drill-down both ask these
/// (`FigureID.includes`), so they count the same rows (docs/DECISIONS.md "Oversight (issue 13):
/// statistics").
protocol StatsFact {
    /// The region the row is placed in (`StatsArea.region(ofInstitution:)`); nil: unplaced.
    var region: String? { get }
    /// The row's keys in a breakdown (several only for target groups).
    func keys(_ dimension: StatsDimension) -> [String]
    /// Whether the row counts in `metric`.
    func counts(_ metric: StatsMetric, _ rule: AttendanceRule) -> Bool
    /// What it adds to the figure's amount (claims and payments), fen.
    var amountFen: Int64 { get }
    /// The metrics a row of this stream may count in.
    var metrics: [StatsMetric] { get }
}

extension FigureID {
    /// THE predicate: whether `fact` is one of the rows this figure counts.
    func includes(_ fact: StatsFact, _ rule: AttendanceRule) -> Bool {
        guard fact.metrics.contains(metric), area.contains(fact.region), fact.counts(metric, rule) else { return false }
        guard let dimension, let key else { return true }
        return fact.keys(dimension).contains(key)
    }
}

extension StatsEnrolmentRow: StatsFact {
    var region: String? { StatsArea.region(ofInstitution: outcome.institution) }
    var metrics: [StatsMetric] { [.enrolled, .completed] }
    var amountFen: Int64 { 0 }

    func keys(_ d: StatsDimension) -> [String] {
        switch d {
        case .type: [outcome.trainingType]
        case .group: Self.groupKeys(groups)
        case .level: [outcome.level]
        case .occupation: [outcome.occupationCode]
        case .institution: [outcome.institution]
        case .district: [region ?? StatsDimension.noneKey]
        case .certificateType, .kind, .source: []
        }
    }

    func counts(_ m: StatsMetric, _ rule: AttendanceRule) -> Bool {
        switch m {
        case .enrolled: true
        case .completed: outcome.completed(rule)
        default: false
        }
    }

    /// A worker's distinct stored group codes, sorted; `none` for a worker in no group.
    static func groupKeys(_ stored: String) -> [String] {
        let set = Set(stored.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        return set.isEmpty ? [StatsDimension.noneKey] : set.sorted()
    }
}

extension StatsCertificateRow: StatsFact {
    var region: String? { StatsArea.region(ofInstitution: institution) }
    var metrics: [StatsMetric] { [.certificates, .leveled, .highSkill] }
    var amountFen: Int64 { 0 }

    func keys(_ d: StatsDimension) -> [String] {
        switch d {
        case .certificateType: [type]
        case .level: [level ?? StatsDimension.noneKey]
        case .occupation: [occupationCode]
        case .institution: [institution ?? StatsDimension.noneKey]
        case .district: [region ?? StatsDimension.noneKey]
        case .type, .group, .kind, .source: []
        }
    }

    func counts(_ m: StatsMetric, _ rule: AttendanceRule) -> Bool {
        switch m {
        case .certificates: true
        case .leveled: HighSkillShare.counts(level: level).leveled
        case .highSkill: HighSkillShare.counts(level: level).highSkill
        default: false
        }
    }
}

/// A claim row of one stream: the stream says which figure it belongs to.
struct ClaimFact: StatsFact {
    var row: StatsClaimRow
    var metric: StatsMetric

    var region: String? { StatsArea.region(ofInstitution: row.institution) }
    var metrics: [StatsMetric] { [metric] }
    var amountFen: Int64 { row.amountFen }

    func keys(_ d: StatsDimension) -> [String] {
        switch d {
        case .kind: [row.kind]
        case .source: [row.fundSource ?? StatsDimension.noneKey]
        case .institution: [row.institution ?? StatsDimension.noneKey]
        case .district: [region ?? StatsDimension.noneKey]
        case .type, .group, .level, .occupation, .certificateType: []
        }
    }

    func counts(_ m: StatsMetric, _ rule: AttendanceRule) -> Bool { m == metric }

    static func event(_ m: StatsMetric) -> StatsClaimEvent? {
        switch m {
        case .submitted: .submitted
        case .approved: .approved
        case .rejected: .rejected
        case .paid: .paid
        case .clawedBack: .clawedBack
        default: nil
        }
    }
}

/// Counts and amounts of every figure of a period and area, filled row by row through the same
/// questions `FigureID.includes` asks.
struct StatsTally {
    struct Cell: Equatable { var count = 0; var amountFen: Int64 = 0 }
    struct Key: Hashable { var metric: StatsMetric; var dimension: StatsDimension?; var key: String? }

    let area: StatsArea
    let rule: AttendanceRule
    var cells: [Key: Cell] = [:]
    /// Person-times and amounts paid per month (`YYYY-MM`).
    var monthCompleted: [String: Int] = [:]
    var monthPaidFen: [String: Int64] = [:]
    var overflow = false

    init(area: StatsArea, rule: AttendanceRule) { self.area = area; self.rule = rule }

    mutating func add(_ fact: StatsFact) {
        guard area.contains(fact.region) else { return }
        for m in fact.metrics where fact.counts(m, rule) {
            bump(Key(metric: m, dimension: nil, key: nil), fact.amountFen)
            for d in m.dimensions {
                for k in fact.keys(d) { bump(Key(metric: m, dimension: d, key: k), fact.amountFen) }
            }
        }
    }

    private mutating func bump(_ k: Key, _ fen: Int64) {
        var c = cells[k] ?? Cell()
        c.count += 1
        let (sum, o) = c.amountFen.addingReportingOverflow(fen)
        if o { overflow = true } else { c.amountFen = sum }
        cells[k] = c
    }

    func cell(_ m: StatsMetric, _ d: StatsDimension? = nil, _ key: String? = nil) -> Cell {
        cells[Key(metric: m, dimension: d, key: key)] ?? Cell()
    }

    /// The keys seen for a metric's breakdown.
    func keys(_ m: StatsMetric, _ d: StatsDimension) -> [String] {
        cells.keys.filter { $0.metric == m && $0.dimension == d }.compactMap(\.key)
    }
}
