import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// A record an anomaly names, which a screen opens: a worker (by resident ID), a claim (by id; shown
/// by its number), a class (by number, with its occupation) or an institution (by credit code, shown
/// by name).
public struct AnomalyRecord: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable { case worker, claim, klass = "class", institution }
    public var kind: Kind
    /// Resident ID, claim id, class id, credit code.
    public var key: String
    /// What names it in a list: the resident ID, `SD-2026-000123`, the class number, the credit code.
    public var number: String
    /// The worker's name, the claimant's name, the class's occupation, the institution's name.
    public var name: String
    /// One more fact, language-free: a class's level, institution and dates; a claim's kind code.
    public var detail: String

    public init(kind: Kind, key: String, number: String, name: String, detail: String = "") {
        self.kind = kind; self.key = key; self.number = number; self.name = name; self.detail = detail
    }

    static func worker(_ w: AnomalyWorker) -> AnomalyRecord {
        AnomalyRecord(kind: .worker, key: w.id, number: w.id, name: w.name)
    }
    static func claim(_ c: AnomalyClaim, workerName: String) -> AnomalyRecord {
        AnomalyRecord(kind: .claim, key: String(c.id), number: ClaimNumber.format(year: c.year, serial: Int(c.id)),
                      name: workerName, detail: c.kind)
    }
    static func klass(_ k: AnomalyClass) -> AnomalyRecord {
        AnomalyRecord(kind: .klass, key: String(k.id), number: String(k.id),
                      name: k.occupationName.isEmpty ? k.occupationCode : "\(k.occupationName) \(k.occupationCode)",
                      detail: "\(k.level) · \(k.institutionName) · \(k.startDate)..\(k.endDate)")
    }
    static func institution(code: String, name: String) -> AnomalyRecord {
        AnomalyRecord(kind: .institution, key: code, number: code, name: name)
    }
}

/// One occurrence of a signal: what it is about (`subject`: a claim number, a masked account, a
/// worker, a class), the figures that triggered it in both languages, and the records it names.
public struct AnomalyOccurrence: Codable, Equatable, Sendable {
    public var subject: String
    public var figuresZh: String
    public var figuresEn: String
    public var records: [AnomalyRecord]

    public func figures(_ lang: Lang) -> String { lang == .zh ? figuresZh : figuresEn }

    enum CodingKeys: String, CodingKey {
        case subject, records
        case figuresZh = "figures_zh", figuresEn = "figures_en"
    }
}

/// A signal's result: its count is its list's length (one occurrence per line).
public struct AnomalySignalResult: Codable, Equatable, Sendable {
    public var signal: AnomalySignal
    public var occurrences: [AnomalyOccurrence]
    public var count: Int { occurrences.count }
}

/// The sweep of a period: the signals run, in `AnomalySignal.allCases` order, each with its
/// occurrences in a fixed order (stated per signal), so two sweeps of unchanged data are equal.
public struct AnomalyReport: Codable, Equatable, Sendable {
    public var period: String
    public var first: String
    public var last: String
    public var signals: [AnomalySignalResult]
}

extension Session {
    /// The anomaly sweep (auditors and supervisors, `readAnomalies`): the chosen signals (default
    /// all) over `period`, one read transaction per signal. `progress(signal, done, total)` is
    /// called before each signal (done = signals finished) and once at the end (done = total).
    public func anomalySweep(period: ReportPeriod, signals: [AnomalySignal] = AnomalySignal.allCases,
                             progress: ((AnomalySignal?, Int, Int) -> Void)? = nil) throws -> AnomalyReport {
        try require(.readAnomalies)
        let chosen = AnomalySignal.allCases.filter(signals.contains)
        var results: [AnomalySignalResult] = []
        for (i, s) in chosen.enumerated() {
            progress?(s, i, chosen.count)
            // Without the memory map: a year's attendance read through it would count in the RSS (as the CSV export).
            let list = try read(.readAnomalies) { r in try r.withoutMemoryMap { try AnomalySweep(reader: r, session: self, period: period).run(s) } }
            results.append(AnomalySignalResult(signal: s, occurrences: list))
        }
        progress?(nil, chosen.count, chosen.count)
        return AnomalyReport(period: period.code, first: period.first.description, last: period.last.description,
                             signals: results)
    }
}

/// One signal's reading inside one read transaction.
struct AnomalySweep {
    let reader: StoreReader
    let session: Session
    var desk: Desk { session.desk }
    let period: ReportPeriod
    var first: CalendarDate { period.first }
    var last: CalendarDate { period.last }

    func run(_ s: AnomalySignal) throws -> [AnomalyOccurrence] {
        switch s {
        case .warnings: return try warnings()
        case .sharedAccount: return try shared(.bankAccount)
        case .sharedPhone: return try shared(.phone)
        case .institutionHopping: return try hopping()
        case .copiedAttendance: return try copiedAttendance()
        case .certificatesEnMasse: return try certificatesEnMasse()
        }
    }

    static func who(_ w: AnomalyWorker) -> String { w.name.isEmpty ? w.id : "\(w.name) (\(w.id))" }

    /// By submission day, then claim number. The rules are found by evaluating the claim again as of
    /// its submission day (the stored count says how many there were then).
    func warnings() throws -> [AnomalyOccurrence] {
        let profile = try PolicySetting.profile(reader, desk)
        var classes: [Int64: AnomalyClass] = [:]
        return try reader.warnedClaims(from: first, to: last).map { w in
            let day = CalendarDate(iso: w.submittedOn) ?? first
            var g = ClaimGatherer(reader: reader, profile: profile, today: day)
            var rules: [String] = []
            if let c = try reader.claim(id: w.claim.id),
               let e = try? session.evaluateStored(&g, c, asOf: day) {
                rules = e.evaluation.warnings.map(\.rule)
            }
            if w.evidenceChanged, !rules.contains("W5") { rules.append("W5") }
            let named = rules.isEmpty ? "W?" : rules.joined(separator: " ")
            let number = ClaimNumber.format(year: w.claim.year, serial: Int(w.claim.id))
            var records: [AnomalyRecord] = [.claim(w.claim, workerName: w.worker.name), .worker(w.worker)]
            if let id = w.classID {
                if classes[id] == nil { classes[id] = try reader.anomalyClass(id: id) }
                if let k = classes[id] { records.append(.klass(k)) }
            }
            if let code = w.institution { records.append(.institution(code: code, name: w.institutionName ?? code)) }
            let changed = w.evidenceChanged
            return AnomalyOccurrence(
                subject: number,
                figuresZh: "\(named) · 提交时预警 \(w.warningCount) 条\(changed ? "，证据此后被改动（W5）" : "") · \(Self.who(w.worker)) · 提交于 \(w.submittedOn)",
                figuresEn: "\(named) · \(w.warningCount) warning(s) at submission\(changed ? ", evidence changed since (W5)" : "") · \(Self.who(w.worker)) · submitted \(w.submittedOn)",
                records: records)
        }
    }

    /// By the value (account or phone number). Records: the workers, then their claims dated in the period.
    func shared(_ field: SharedField) throws -> [AnomalyOccurrence] {
        try reader.sharedValues(field, from: first, to: last, atLeast: AnomalyThresholds.sharedByAtLeast).map { row in
            var records = row.workers.map(AnomalyRecord.worker)
            for w in row.workers {
                records += try reader.claimsDated(workerID: w.id, from: first, to: last).map { .claim($0, workerName: w.name) }
            }
            let shown = field == .bankAccount ? "****" + String(row.value.suffix(4)) : Self.maskedPhone(row.value)
            let names = row.workers.prefix(3).map(\.name).joined(separator: "、") + (row.workers.count > 3 ? "…" : "")
            return AnomalyOccurrence(
                subject: shown,
                figuresZh: "\(row.workers.count) 名职工共用\(field == .bankAccount ? "账户" : "手机号") \(shown)：\(names)",
                figuresEn: "\(row.workers.count) workers share \(field == .bankAccount ? "account" : "phone") \(shown): \(names)",
                records: records)
        }
    }

    static func maskedPhone(_ p: String) -> String {
        p.count == 11 ? String(p.prefix(3)) + "****" + String(p.suffix(4)) : p
    }

    /// By resident ID. Records: the worker, then the classes involved (by start date) and their institutions.
    func hopping() throws -> [AnomalyOccurrence] {
        let n = AnomalyThresholds.hoppingDays
        // A pair counts when one class starts in the period; the other may start up to N days either side.
        let from = first.adding(days: -n), to = last.adding(days: n)
        var flagged: [(workerID: String, classes: [WorkerClassSpan])] = []
        var current: [WorkerClassSpan] = []
        func check() {
            guard current.count > 1 else { return }
            var involved = Set<Int64>()
            for i in 0..<current.count {
                for j in (i + 1)..<current.count {
                    let a = current[i], b = current[j]
                    guard a.institution != b.institution,
                          let sa = CalendarDate(iso: a.startDate), let sb = CalendarDate(iso: b.startDate) else { continue }
                    guard period.contains(sa) || period.contains(sb) else { continue }
                    let overlap = a.startDate <= b.endDate && b.startDate <= a.endDate
                    if overlap || abs(sa.days(to: sb)) <= n { involved.insert(a.classID); involved.insert(b.classID) }
                }
            }
            if !involved.isEmpty { flagged.append((current[0].workerID, current.filter { involved.contains($0.classID) })) }
        }
        try reader.forEachWorkerClassSpan(from: from, to: to) { span in
            if let w = current.first?.workerID, w != span.workerID { check(); current.removeAll(keepingCapacity: true) }
            current.append(span)
        }
        check()
        var classes: [Int64: AnomalyClass] = [:]
        return try flagged.map { f in
            let worker = AnomalyWorker(id: f.workerID, name: try reader.workerName(id: f.workerID) ?? "")
            var records: [AnomalyRecord] = [.worker(worker)]
            var named: [AnomalyClass] = []
            for s in f.classes {
                if classes[s.classID] == nil { classes[s.classID] = try reader.anomalyClass(id: s.classID) }
                if let k = classes[s.classID] { named.append(k); records.append(.klass(k)) }
            }
            var seen = Set<String>()
            for k in named where seen.insert(k.institution).inserted {
                records.append(.institution(code: k.institution, name: k.institutionName))
            }
            let places = named.map { "\($0.institutionName) \($0.startDate)" }.joined(separator: "；")
            return AnomalyOccurrence(
                subject: Self.who(worker),
                figuresZh: "\(seen.count) 家机构的 \(named.count) 个班（重叠或开班相距 ≤ \(n) 天）：\(places)",
                figuresEn: "\(named.count) classes at \(seen.count) institutions (overlapping or starting ≤ \(n) days apart): \(places)",
                records: records)
        }
    }

    /// By class number. Records: the class, its institution, the workers, the class's claims.
    func copiedAttendance() throws -> [AnomalyOccurrence] {
        try reader.copiedGrids(from: first, to: last, atLeast: AnomalyThresholds.copiedAtLeast).compactMap { g in
            guard let k = try reader.anomalyClass(id: g.classID) else { return nil }
            let roster = try reader.anomalyRoster(classID: g.classID)
            let names = Dictionary(roster.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            var records: [AnomalyRecord] = [.klass(k), .institution(code: k.institution, name: k.institutionName)]
            records += roster.map(AnomalyRecord.worker)
            records += try reader.anomalyClassClaims(classID: g.classID).map { .claim($0, workerName: names[$0.workerID] ?? "") }
            return AnomalyOccurrence(
                subject: "\(k.id) \(k.occupationName)",
                figuresZh: "全部 \(g.workers) 名学员考勤相同：\(g.days) 天，每人 \(g.minutes) 分钟 · \(k.institutionName)",
                figuresEn: "all \(g.workers) workers have one grid: \(g.days) days, \(g.minutes) minutes each · \(k.institutionName)",
                records: records)
        }
    }

    /// By class number. The institution's completion rate is counted by the one definition
    /// (`forEachEnrolmentOutcome` + `completed`), only for the institutions with a candidate class.
    func certificatesEnMasse() throws -> [AnomalyOccurrence] {
        let t = AnomalyThresholds.self
        let candidates = try reader.classCertificates(from: first, to: last).filter {
            $0.certificates >= t.enMasseAtLeast && $0.onEndDate * 100 >= t.enMassePercent * $0.certificates
        }
        guard !candidates.isEmpty else { return [] }
        let rule = try PolicySetting.profile(reader, desk).attendanceRule
        var rates: [String: (completed: Int, enrolled: Int)] = [:]
        for code in Set(candidates.map(\.institution)) {
            var c = 0, n = 0
            try reader.forEachEnrolmentOutcome(institution: code, from: first, to: last, onlinePercent: rule.onlinePercent) {
                n += 1
                if $0.completed(rule) { c += 1 }
            }
            rates[code] = (c, n)
        }
        return try candidates.compactMap { row in
            guard let rate = rates[row.institution], rate.enrolled > 0,
                  rate.completed * 100 < t.lowCompletionPercent * rate.enrolled,
                  let k = try reader.anomalyClass(id: row.classID) else { return nil }
            let roster = try reader.anomalyRoster(classID: row.classID)
            let names = Dictionary(roster.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            var records: [AnomalyRecord] = [.klass(k), .institution(code: k.institution, name: k.institutionName)]
            records += roster.map(AnomalyRecord.worker)
            records += try reader.anomalyClassClaims(classID: row.classID).map { .claim($0, workerName: names[$0.workerID] ?? "") }
            let pct = Self.percent(rate.completed, rate.enrolled)
            return AnomalyOccurrence(
                subject: "\(k.id) \(k.occupationName)",
                figuresZh: "\(row.certificates) 本证书中 \(row.onEndDate) 本发于结业日 \(row.endDate) · \(k.institutionName) 期间合格率 \(pct)（\(rate.completed)/\(rate.enrolled)）",
                figuresEn: "\(row.onEndDate) of \(row.certificates) certificates dated on the end date \(row.endDate) · \(k.institutionName) completion \(pct) (\(rate.completed)/\(rate.enrolled))",
                records: records)
        }
    }

    /// `12.5%`, rounded down to one decimal (a rate just under the threshold never shows as it).
    static func percent(_ a: Int, _ b: Int) -> String {
        guard b > 0 else { return "—" }
        let tenths = a * 1000 / b
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
