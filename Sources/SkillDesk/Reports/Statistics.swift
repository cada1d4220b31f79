import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// Statistics for any period and area (issue 13 items 1 and 7): every figure counted from the rows
/// of its period, in one read transaction, and every figure's rows paged by the same predicate
/// (`FigureID.includes`). Aggregation over indexes, no summary table (docs/DECISIONS.md
/// "Oversight (issue 13): statistics").
extension Session {
    /// Rows of a drill-down page at most.
    public static let statsRowsLimit = 1_000

    /// The report of `period` in `area`, its training table by `by` (supervisors, finance, auditors,
    /// administrators: `readReports`).
    public func statistics(period: ReportPeriod, area: StatsArea = .city, by: StatsDimension = .type) throws -> StatsReport {
        guard StatsDimension.trainingTable.contains(by) else {
            throw DeskError.invalidInput(
                "the training table is broken down by \(StatsDimension.trainingTable.map(\.rawValue).joined(separator: ", ")), not \(by.rawValue)",
                zh: "培训表可按 \(StatsDimension.trainingTable.map(\.rawValue).joined(separator: "、")) 分类，不能按 \(by.rawValue)")
        }
        // Two periods' rows are read whole: without the reader's memory map, as the CSV exports
        // (pages touched through the map count in the resident set; DECISIONS "paging and CSV exports").
        return try read(.readReports) { r in try r.withoutMemoryMap {
            let rule = try PolicySetting.rule(r, desk)
            let tally = try Self.tally(r, period, area, rule)
            let previous = try period.previous.map { try Self.tally(r, $0, area, rule) }
            var report = try Self.report(r, period: period, area: area, by: by, rule: rule, tally: tally, previous: previous)
            report.funds = try Self.funds(r, period)
            return report
        } }
    }

    /// One page of the rows behind `figure` in `period`, after the row whose key is `after`.
    public func statisticsRows(period: ReportPeriod, figure: FigureID, after: String? = nil, limit: Int = 50) throws -> StatsRowsPage {
        guard (1...Self.statsRowsLimit).contains(limit) else {
            throw DeskError.invalidInput("a page has 1 to \(Self.statsRowsLimit) rows, not \(limit)", zh: "每页 1 至 \(Self.statsRowsLimit) 行，不能是 \(limit)")
        }
        let resume = try after.map { try Self.rowAfter($0, figure.metric.rows) }
        return try read(.readReports) { r in
            let rule = try PolicySetting.rule(r, desk)
            var rows: [StatsRow] = []
            var more = false
            try Self.stream(r, period, figure.metric, rule, after: resume, narrowing: Self.narrowing(figure)) { fact in
                guard figure.includes(fact, rule) else { return true }
                if rows.count == limit { more = true; return false }
                rows.append(Self.row(fact, rule))
                return true
            }
            return StatsRowsPage(figure: figure.code, period: period.code, rows: rows, next: more ? rows.last?.key : nil)
        }
    }

    // MARK: streams

    /// Every row of `metric`'s stream in the period, in the stream's order, after `after`.
    static func stream(_ r: StoreReader, _ period: ReportPeriod, _ metric: StatsMetric, _ rule: AttendanceRule,
                       after: StatsRowAfter? = nil, narrowing: [StatsNarrowing] = [],
                       _ body: (StatsFact) throws -> Bool) throws {
        switch metric.rows {
        case .enrolment:
            try r.forEachStatsEnrolment(from: period.first, to: period.last, onlinePercent: rule.onlinePercent,
                                        after: after, narrowing: narrowing) { try body($0) }
        case .certificate:
            try r.forEachStatsCertificate(from: period.first, to: period.last, after: after) { try body($0) }
        case .claim, .payment:
            let event = ClaimFact.event(metric)!
            try r.forEachStatsClaim(event, from: period.first, to: period.last, after: after, narrowing: narrowing) {
                try body(ClaimFact(row: $0, metric: metric))
            }
        }
    }

    /// Every figure of the period: each stream read once.
    static func tally(_ r: StoreReader, _ period: ReportPeriod, _ area: StatsArea, _ rule: AttendanceRule) throws -> StatsTally {
        var t = StatsTally(area: area, rule: rule)
        for m: StatsMetric in [.enrolled, .certificates, .submitted, .approved, .rejected, .paid, .clawedBack] {
            try stream(r, period, m, rule) { fact in
                t.add(fact)
                if area.contains(fact.region) {
                    if let e = fact as? StatsEnrolmentRow, e.counts(.completed, rule) {
                        t.monthCompleted[String(e.outcome.endDate.prefix(7)), default: 0] += 1
                    } else if let c = fact as? ClaimFact, c.metric == .paid {
                        t.monthPaidFen[String(c.row.day.prefix(7)), default: 0] += c.row.amountFen
                    }
                }
                return true
            }
        }
        if t.overflow { throw DeskError.money(.sumOverflow(what: "the statistics' amounts", whatZh: "统计金额")) }
        return t
    }

    /// A column condition implied by the figure's key, pushed into the read (the predicate still
    /// decides): the class's type, level, occupation or institution; the claim's kind, source or
    /// institution.
    static func narrowing(_ f: FigureID) -> [StatsNarrowing] {
        guard let d = f.dimension, let key = f.key, key != StatsDimension.noneKey else { return [] }
        switch (f.metric.rows, d) {
        case (.enrolment, .type): return [StatsNarrowing(column: "c.type", value: key)]
        case (.enrolment, .level): return [StatsNarrowing(column: "c.level", value: key)]
        case (.enrolment, .occupation): return [StatsNarrowing(column: "c.occupation_code", value: key)]
        case (.enrolment, .institution), (.claim, .institution), (.payment, .institution):
            return [StatsNarrowing(column: "c.institution", value: key)]
        case (.claim, .kind), (.payment, .kind): return [StatsNarrowing(column: "c.kind", value: key)]
        case (.claim, .source), (.payment, .source): return [StatsNarrowing(column: "c.fund_source", value: key)]
        default: return []
        }
    }

    // MARK: keys

    static func key(_ fact: StatsFact) -> String {
        switch fact {
        case let e as StatsEnrolmentRow: return "\(e.outcome.endDate)/\(e.outcome.classID)/\(e.outcome.workerID)"
        case let c as StatsCertificateRow: return String(c.id)
        case let c as ClaimFact: return c.metric == .paid ? "\(c.row.batchID ?? "")/\(c.row.claimID)" : String(c.row.claimID)
        default: return ""
        }
    }

    static func rowAfter(_ text: String, _ kind: StatsRowKind) throws -> StatsRowAfter {
        let t = HalfWidth.ascii(text).trimmedWhitespace()
        let bad = DeskError.invalidInput(
            "'\(UnsafeText.forDisplay(t))' is not a row key of this figure: give the key the last page printed (e.g. \(Self.keyExample(kind)))",
            zh: "“\(UnsafeText.forDisplay(t))”不是此指标的行键：请照抄上一页末尾打印的键（如 \(Self.keyExample(kind))）")
        switch kind {
        case .enrolment:
            let p = t.split(separator: "/", maxSplits: 2).map(String.init)
            guard p.count == 3, CalendarDate(iso: p[0]) != nil, let c = Int64(p[1]), !p[2].isEmpty else { throw bad }
            return .enrolment(endDate: p[0], classID: c, workerID: p[2])
        case .certificate, .claim:
            if let id = Int64(t), id >= 0 { return .id(id) }
            if kind == .claim, let ref = ClaimRef.parse(t) { return .id(ref.id) }
            throw bad
        case .payment:
            guard let slash = t.lastIndex(of: "/"), let c = Int64(t[t.index(after: slash)...]) else { throw bad }
            return .payment(batchID: String(t[..<slash]), claimID: c)
        }
    }

    static func keyExample(_ kind: StatsRowKind) -> String {
        switch kind {
        case .enrolment: "2026-08-31/12/320102199001011234"
        case .certificate: "1042"
        case .claim: "SD-2026-000123"
        case .payment: "PB-20260915-01/123"
        }
    }

    static func row(_ fact: StatsFact, _ rule: AttendanceRule) -> StatsRow {
        var s = StatsRow(kind: .enrolment, key: key(fact), workerID: "", workerName: "", day: "")
        switch fact {
        case let e as StatsEnrolmentRow:
            s.workerID = e.outcome.workerID; s.workerName = e.workerName; s.classID = e.outcome.classID
            s.institution = e.outcome.institution; s.occupationCode = e.outcome.occupationCode; s.level = e.outcome.level
            s.countedMinutes = e.outcome.countedMinutes; s.plannedHours = e.outcome.plannedHours
            s.completed = e.outcome.completed(rule); s.day = e.outcome.endDate
        case let c as StatsCertificateRow:
            s.kind = .certificate; s.workerID = c.workerID; s.workerName = c.workerName; s.classID = c.classID
            s.institution = c.institution; s.occupationCode = c.occupationCode; s.level = c.level
            s.certificateID = c.id; s.certificateNumber = c.number; s.certificateType = c.type; s.day = c.issueDate
        case let c as ClaimFact:
            s.kind = c.metric == .paid ? .payment : .claim
            s.workerID = c.row.workerID; s.workerName = c.row.workerName; s.institution = c.row.institution
            s.claimID = c.row.claimID; s.claimNumber = ClaimNumber.format(year: c.row.claimYear, serial: Int(c.row.claimID))
            s.subsidyKind = c.row.kind; s.fundSource = c.row.fundSource; s.amountFen = c.row.amountFen
            s.day = c.row.day; s.batchID = c.row.batchID
        default: break
        }
        return s
    }
}
