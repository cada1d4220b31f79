import Foundation
import SkillCore
@testable import SkillDesk
@testable import SkillStore
import SkillRecords
import Testing

/// Every figure equals counting its drill-down rows, and equals a recount by hand over every planted
/// row (issue 13 item 7): random classes, rosters, days, certificates, claims, payments and claw-backs
/// planted straight into the tables, for several periods and areas.
@Suite("Statistics: every figure is its rows")
struct StatisticsPropertyTests {
    struct PClass { var id: Int64; var inst: String; var type: String; var level: String; var occ: String; var end: String; var status: String; var planned: Int }
    struct PCert { var id: Int64; var type: String; var level: String?; var issue: String; var worker: String; var classID: Int64?; var voided: Bool }
    struct PClaim {
        var id: Int64; var worker: String; var kind: String; var source: String?; var inst: String?; var status: String
        var amount: Int64; var submittedOn: String?; var submittedAt: Date?; var decidedAt: Date?; var clawbackAt: Date?; var due: Int64
    }
    struct PLine { var batch: String; var date: String; var claim: Int64; var amount: Int64; var result: String? }

    static let regions = ["320102", "320104", "320211"]
    static let insts = regions.enumerated().map { i, r in "91\(r)MA00000\(i)X" }
    static let types = ["employment", "upgrading", "safety"]
    static let levels = ["L5", "L4", "L3", "L2", "special"]
    static let occs = ["6-31-01-03", "4-03-02-01"]
    static let groups = ["unemployed", "veteran", "disabled"]
    static let kinds = ["training", "appraisal", "living_allowance"]
    static let sources = ["employment_subsidy", "local_budget"]
    static let statuses = ["draft", "submitted", "returned", "approved", "on_notice", "payable", "rejected", "paid",
                           "clawback", "recovered", "withdrawn"]

    static func bureauDay(_ d: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let c = cal.dateComponents([.year, .month, .day], from: d)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    static func date(_ iso: String) -> Date {
        let f = ISO8601DateFormatter()
        return f.date(from: iso + "T00:00:00Z")!
    }

    @Test(arguments: [11, 12, 13, 14])
    func figuresEqualTheirRowsAndAHandRecount(seed: UInt64) throws {
        var rng = CoreTestSupport.SeededGenerator(seed: seed)
        let f = try Fixture()
        let rule = f.admin.attendanceRule
        var workers: [(id: String, name: String, groups: String)] = []
        for i in 0..<14 {
            let g = Self.groups.filter { _ in Int.random(in: 0..<3, using: &rng) == 0 }
            workers.append((residentID(seq: 100 + i), "学员\(i)", g.joined(separator: ";")))
        }
        var classes: [PClass] = [], rosters: [Int64: [String]] = [:], minutes: [String: Int] = [:]
        var certs: [PCert] = [], claims: [PClaim] = [], lines: [PLine] = []
        func day(_ lo: String, _ hi: String) -> String {
            let a = Self.date(lo), b = Self.date(hi)
            let n = Int(b.timeIntervalSince(a) / 86_400)
            return String(Self.bureauDay(a.addingTimeInterval(Double(Int.random(in: 0...n, using: &rng)) * 86_400 + 3_600)))
        }
        func time() -> Date { Self.date("2026-06-25").addingTimeInterval(Double(Int.random(in: 0...(110 * 86_400), using: &rng))) }
        try f.desk.store.write { w in
            for (i, code) in Self.insts.enumerated() {
                try w.db.execute(sql: "INSERT INTO institutions(code, name, kind, created_at, updated_at) VALUES (?, ?, 'private_school', 'now', 'now')",
                                 arguments: [code, "机构\(i)"])
            }
            for x in workers {
                try w.db.execute(sql: """
                    INSERT INTO workers(id, name, sex, birth_date, employment, groups, created_at, updated_at)
                    VALUES (?, ?, 'male', '1990-01-01', 'unemployed', ?, 'now', 'now')
                    """, arguments: [x.id, x.name, x.groups])
            }
            for id in Int64(1)...14 {
                let c = PClass(id: id, inst: Self.insts.randomElement(using: &rng)!, type: Self.types.randomElement(using: &rng)!,
                               level: Self.levels.randomElement(using: &rng)!, occ: Self.occs.randomElement(using: &rng)!,
                               end: day("2026-06-01", "2026-10-31"), status: ["running", "completed", "closed"].randomElement(using: &rng)!,
                               planned: Int.random(in: 1...6, using: &rng))
                classes.append(c)
                try w.db.execute(sql: """
                    INSERT INTO classes(id, institution, occupation_code, level, type, start_date, end_date, planned_hours, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, '2026-01-01', ?, ?, ?, 'now', 'now')
                    """, arguments: [c.id, c.inst, c.occ, c.level, c.type, c.end, c.planned, c.status])
                for x in workers.shuffled(using: &rng).prefix(Int.random(in: 0...5, using: &rng)) {
                    rosters[id, default: []].append(x.id)
                    try w.db.execute(sql: "INSERT INTO enrolments(class_id, worker_id, enrolled_at) VALUES (?, ?, 'now')", arguments: [id, x.id])
                    for d in 1...3 where Bool.random(using: &rng) {
                        let cm = Int.random(in: 0...200, using: &rng), om = Int.random(in: 0...121, using: &rng)
                        minutes["\(id)|\(x.id)", default: 0] += rule.countedMinutes(classroom: cm, online: om)
                        try w.db.execute(sql: "INSERT INTO attendance VALUES (?, ?, ?, ?, ?, 'now')",
                                         arguments: [id, x.id, "2026-05-0\(d)", cm, om])
                    }
                }
            }
            for id in Int64(1)...24 {
                let cls: PClass? = Bool.random(using: &rng) ? classes.randomElement(using: &rng) : nil
                let c = PCert(id: id, type: ["skill_level", "qualification", "training"].randomElement(using: &rng)!,
                              level: Int.random(in: 0..<4, using: &rng) == 0 ? nil : Self.levels.randomElement(using: &rng)!,
                              issue: day("2026-06-01", "2026-10-31"), worker: workers.randomElement(using: &rng)!.id,
                              classID: cls?.id, voided: Int.random(in: 0..<5, using: &rng) == 0)
                certs.append(c)
                try w.db.execute(sql: """
                    INSERT INTO certificates(id, type, number, occupation_code, level, issue_date, worker_id, class_id, created_at, voided_at)
                    VALUES (?, ?, ?, '6-31-01-03', ?, ?, ?, ?, 'now', ?)
                    """, arguments: [c.id, c.type, "N\(id)", c.level, c.issue, c.worker, c.classID, c.voided ? "2026-11-01T00:00:00.000Z" : nil])
            }
            for id in Int64(1)...30 {
                let status = Self.statuses.randomElement(using: &rng)!
                let submitted = status != "draft"
                var c = PClaim(id: id, worker: workers.randomElement(using: &rng)!.id, kind: Self.kinds.randomElement(using: &rng)!,
                               source: nil, inst: Bool.random(using: &rng) ? Self.insts.randomElement(using: &rng)! : nil,
                               status: status, amount: Int64.random(in: 0...500_000, using: &rng), submittedOn: nil, submittedAt: nil,
                               decidedAt: nil, clawbackAt: nil, due: 0)
                if submitted {
                    c.submittedAt = time()
                    if Bool.random(using: &rng) { c.submittedOn = day("2026-06-20", "2026-10-10") }
                }
                if ["returned", "approved", "on_notice", "payable", "rejected", "paid", "clawback", "recovered"].contains(status) { c.decidedAt = time() }
                if ["approved", "on_notice", "payable", "paid", "clawback", "recovered"].contains(status) { c.source = Self.sources.randomElement(using: &rng)! }
                if ["clawback", "recovered"].contains(status) { c.clawbackAt = time(); c.due = c.amount }
                claims.append(c)
                try w.db.execute(sql: """
                    INSERT INTO claims(id, worker_id, kind, institution, occupation_code, level, claim_year, claim_date, amount_fen, payee,
                                       status, prepared_by, created_at, updated_at, submitted_at, submitted_on, decided_at, fund_source, clawback_due_fen)
                    VALUES (?, ?, ?, ?, '6-31-01-03', 'L4', 2026, '2026-06-01', ?, 'worker', ?, 'clerk1', 'now', 'now', ?, ?, ?, ?, ?)
                    """, arguments: [c.id, c.worker, c.kind, c.inst, c.amount, c.status, c.submittedAt.map(Timestamp.utc), c.submittedOn,
                                     c.decidedAt.map(Timestamp.utc), c.source, c.due])
                // The trail: a decoy entry, and the claw-back the figure dates by.
                try w.db.execute(sql: "INSERT INTO audit(seq, at, user, action, entity, key, prev_hash, hash) VALUES (?, ?, 'sup1', 'claim.approve', 'claim', ?, ?, 'h')",
                                 arguments: [1_000_000 + id * 2, Timestamp.utc(time()), String(id), "p\(id)a"])
                if let at = c.clawbackAt {
                    try w.db.execute(sql: "INSERT INTO audit(seq, at, user, action, entity, key, prev_hash, hash) VALUES (?, ?, 'sup1', 'claim.clawback', 'claim', ?, ?, 'h')",
                                     arguments: [1_000_001 + id * 2, Timestamp.utc(at), String(id), "p\(id)b"])
                }
            }
            for b in 1...4 {
                let batch = "PB2026-\(b)", date = day("2026-06-15", "2026-10-15")
                try w.db.execute(sql: "INSERT INTO payment_batches(id, created_at, created_by, business_date, count, total_fen) VALUES (?, 'now', 'fin1', ?, 0, 0)",
                                 arguments: [batch, date])
                for c in claims.shuffled(using: &rng).prefix(4) {
                    let l = PLine(batch: batch, date: date, claim: c.id, amount: Int64.random(in: 1...300_000, using: &rng),
                                  result: [nil, "paid", "paid", "failed"].randomElement(using: &rng)!)
                    lines.append(l)
                    try w.db.execute(sql: "INSERT INTO payment_lines VALUES (?, ?, ?, '某', '6222', 'training', 'worker', ?, NULL)",
                                     arguments: [l.batch, l.claim, l.amount, l.result])
                }
            }
        }

        // The recount by hand: figure code → (count, amount), from the planted rows only.
        func region(_ inst: String?) -> String? { inst.map { String(Array($0)[2..<8]) } }
        func expected(_ p: ReportPeriod, _ area: StatsArea) -> [String: (Int, Int64)] {
            var out: [String: (Int, Int64)] = [:]
            let lo = p.first.description, hi = p.last.description
            func inPeriod(_ d: String) -> Bool { lo <= d && d <= hi }
            func placed(_ r: String?) -> Bool {
                switch area {
                case .city: return true
                case let .region(code):
                    let prefix = code.hasSuffix("00") ? String(code.prefix(4)) : code
                    return r?.hasPrefix(prefix) ?? false
                }
            }
            func add(_ m: String, _ dims: [(String, [String])], _ fen: Int64 = 0) {
                let suffix = area == .city ? "" : "@\(area.code)"
                var codes = [m + suffix]
                for (d, ks) in dims { for k in Set(ks) { codes.append("\(m)/\(d)=\(k)\(suffix)") } }
                for c in codes { out[c, default: (0, 0)].0 += 1; out[c, default: (0, 0)].1 += fen }
            }
            for c in classes where inPeriod(c.end) && ["completed", "closed"].contains(c.status) && placed(region(c.inst)) {
                for wid in rosters[c.id] ?? [] {
                    let g = workers.first { $0.id == wid }!.groups.split(separator: ";").map(String.init)
                    let dims = [("type", [c.type]), ("group", g.isEmpty ? ["none"] : g), ("level", [c.level]), ("occupation", [c.occ]),
                                ("institution", [c.inst]), ("district", [region(c.inst)!])]
                    add("enrolled", dims)
                    if minutes["\(c.id)|\(wid)", default: 0] * 100 >= c.planned * 60 * rule.completionPercent { add("completed", dims) }
                }
            }
            for t in certs where inPeriod(t.issue) && !t.voided {
                let inst = t.classID.map { id in classes.first { $0.id == id }!.inst }
                guard placed(region(inst)) else { continue }
                let dims = [("cert_type", [t.type]), ("level", [t.level ?? "none"]), ("occupation", ["6-31-01-03"]),
                            ("institution", [inst ?? "none"]), ("district", [region(inst) ?? "none"])]
                add("certificates", dims)
                if let l = t.level {
                    add("leveled", dims)
                    if ["L3", "L2", "L1", "special", "chief"].contains(l) { add("high_skill", dims) }
                }
            }
            for c in claims where placed(region(c.inst)) {
                let dims = [("kind", [c.kind]), ("source", [c.source ?? "none"]), ("institution", [c.inst ?? "none"]),
                            ("district", [region(c.inst) ?? "none"])]
                if let d = c.submittedOn ?? c.submittedAt.map(Self.bureauDay), inPeriod(d) { add("submitted", dims, c.amount) }
                if let d = c.decidedAt.map(Self.bureauDay), inPeriod(d) {
                    if c.status == "rejected" { add("rejected", dims, c.amount) }
                    if ["approved", "on_notice", "payable", "paid", "clawback", "recovered"].contains(c.status) { add("approved", dims, c.amount) }
                }
                if let d = c.clawbackAt.map(Self.bureauDay), inPeriod(d) { add("clawed_back", dims, c.due) }
            }
            for l in lines where l.result == "paid" && inPeriod(l.date) {
                let c = claims.first { $0.id == l.claim }!
                guard placed(region(c.inst)) else { continue }
                add("paid", [("kind", [c.kind]), ("source", [c.source ?? "none"]), ("institution", [c.inst ?? "none"]),
                             ("district", [region(c.inst) ?? "none"])], l.amount)
            }
            return out
        }

        let periods: [ReportPeriod] = [.quarter(year: 2026, quarter: 3), .month(year: 2026, month: 8),
                                       .span(from: CalendarDate(iso: "2026-07-15")!, to: CalendarDate(iso: "2026-09-10")!)]
        let areas: [StatsArea] = [.city, .region("320102"), .region("320100")]
        var checked = 0
        for p in periods {
            for area in areas {
                let hand = expected(p, area)
                // The report's figures, every training breakdown.
                var shown: [String: (Int, Int64)] = [:]
                for by in StatsDimension.trainingTable {
                    let r = try f.admin.statistics(period: p, area: area, by: by)
                    for l in r.training + [r.trainingTotal] { shown[l.enrolledFigure] = (l.enrolled, 0); shown[l.completedFigure] = (l.completed, 0) }
                    for l in r.certificatesByType + r.certificatesByLevel { shown[l.figure] = (l.count, 0) }
                    for t in r.claims { for l in [t.total] + t.byKind + t.bySource { shown[l.figure] = (l.count, l.amountFen ?? 0) } }
                    for h in r.headline { shown[h.figure] = (h.count, h.amountFen ?? 0) }
                    #expect(r.highSkill.highSkill == hand["high_skill" + (area == .city ? "" : "@\(area.code)")]?.0 ?? 0)
                }
                // Every figure shown equals the hand recount; every non-zero recount of a shown kind is shown.
                for (code, v) in shown {
                    let e = hand[code] ?? (0, 0)
                    #expect(v.0 == e.0 && v.1 == e.1, "seed \(seed) \(p.code) \(code): shown \(v), by hand \(e)")
                }
                for (code, e) in hand where e.0 > 0 {
                    let id = try FigureID.parse(code).get()
                    let shownKind: Bool
                    switch (id.metric, id.dimension) {
                    case (_, nil): shownKind = true
                    case (.enrolled, _?), (.completed, _?): shownKind = true
                    case (.certificates, .certificateType?), (.certificates, .level?): shownKind = true
                    case (let m, .kind?), (let m, .source?): shownKind = m.hasAmount
                    default: shownKind = false
                    }
                    if shownKind { #expect(shown[code] != nil, "seed \(seed) \(p.code) \(code) (\(e.0)) is not in the report") }
                }
                // Every figure by hand (shown or not) equals counting its drill-down rows, two to a page.
                for (code, e) in hand {
                    let id = try FigureID.parse(code).get()
                    var count = 0, fen: Int64 = 0, after: String?
                    var keys: [String] = []
                    repeat {
                        let page = try f.admin.statisticsRows(period: p, figure: id, after: after, limit: 2)
                        count += page.rows.count
                        fen += page.rows.reduce(0) { $0 + ($1.amountFen ?? 0) }
                        keys += page.rows.map(\.key)
                        after = page.next
                    } while after != nil
                    #expect(count == e.0 && (id.metric.hasAmount ? fen == e.1 : true), "seed \(seed) \(p.code) \(code): rows \(count)/\(fen), by hand \(e)")
                    #expect(Set(keys).count == keys.count, "a row listed twice in \(code)")
                    checked += 1
                }
            }
        }
        #expect(checked > 200, "only \(checked) figures checked")
    }
}
