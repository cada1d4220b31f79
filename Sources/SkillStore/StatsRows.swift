import GRDB
import SkillCore
import SkillRecords

/// The reads behind the statistics (issue 13): each streams one kind of row of a period, in a
/// stable order with a resumable key, so the report counts them and a drill-down pages them with
/// the same rows. Training rows come from the one definition of "trained" (`enrolmentOutcomesQuery`).
extension StoreReader {
    /// The UTC bounds of a span of bureau days: `[first 00:00 +08:00, last+1 00:00 +08:00)` as stored
    /// timestamps (`2026-06-30T16:00:00.000Z`), for columns that hold UTC times.
    public static func utcBounds(from first: CalendarDate, to last: CalendarDate) -> (String, String) {
        ("\(first.adding(days: -1))T16:00:00.000Z", "\(last)T16:00:00.000Z")
    }

    /// Enrolment outcomes of the span with the worker's name and groups, ordered by the class's end
    /// date, class and worker (`classes_end`'s order), after `after`; `body` returns false to stop.
    public func forEachStatsEnrolment(from first: CalendarDate, to last: CalendarDate, onlinePercent: Int,
                                      after: StatsRowAfter? = nil, narrowing: [StatsNarrowing] = [],
                                      _ body: (StatsEnrolmentRow) throws -> Bool) throws {
        var whereSQL = ""
        var args: [DatabaseValueConvertible] = []
        if case let .enrolment(end, cls, worker)? = after {
            whereSQL += " AND c.end_date >= ? AND (c.end_date, c.id, e.worker_id) > (?, ?, ?)"
            args += [end, end, cls, worker]
        }
        for n in narrowing where Self.statsClassColumns.contains(n.column) {
            whereSQL += " AND \(n.column) = ?"
            args.append(n.value)
        }
        let sql = Self.enrolmentOutcomesQuery(
            extraColumns: ", COALESCE(w.name, '') AS worker_name, COALESCE(w.groups, '') AS groups",
            extraJoins: " LEFT JOIN workers w ON w.id = e.worker_id",
            extraWhere: whereSQL, orderBy: "c.end_date, c.id, e.worker_id")
        let arguments = StatementArguments([onlinePercent, first.description, last.description] as [DatabaseValueConvertible] + args)
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try cursor.next() {
            let outcome = EnrolmentOutcomeRow(
                classID: row["class_id"], workerID: row["worker_id"], institution: row["institution"],
                occupationCode: row["occupation_code"], level: row["level"], trainingType: row["type"],
                endDate: row["end_date"], plannedHours: row["planned_hours"],
                countedMinutes: try Self.countedMinutes(row["counted"]))
            guard try body(StatsEnrolmentRow(outcome: outcome, workerName: row["worker_name"], groups: row["groups"])) else { return }
        }
    }

    /// The class columns a narrowing may name.
    static let statsClassColumns: Set<String> = ["c.type", "c.level", "c.occupation_code", "c.institution"]
    /// The claim columns a narrowing may name.
    static let statsClaimColumns: Set<String> = ["c.kind", "c.fund_source", "c.institution"]

    /// Certificates issued in the span (issue date), not voided, by id, after `after`.
    public func forEachStatsCertificate(from first: CalendarDate, to last: CalendarDate, after: StatsRowAfter? = nil,
                                        _ body: (StatsCertificateRow) throws -> Bool) throws {
        var sql = """
            SELECT t.id, t.type, t.number, t.occupation_code, t.level, t.issue_date, t.worker_id,
                   COALESCE(w.name, '') AS worker_name, t.class_id, c.institution
            FROM certificates t INDEXED BY certificates_issued
            LEFT JOIN classes c ON c.id = t.class_id
            LEFT JOIN workers w ON w.id = t.worker_id
            WHERE t.issue_date BETWEEN ? AND ? AND t.voided_at IS NULL
            """
        var args: [DatabaseValueConvertible] = [first.description, last.description]
        if case let .id(id)? = after { sql += " AND t.id > ?"; args.append(id) }
        sql += " ORDER BY t.id"
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(args))
        while let r = try cursor.next() {
            guard try body(StatsCertificateRow(
                id: r[0], type: r[1], number: r[2], occupationCode: r[3], level: r[4], issueDate: r[5],
                workerID: r[6], workerName: r[7], classID: r[8], institution: r[9])) else { return }
        }
    }

    /// The claim rows of one event in the span, after `after`:
    /// - submitted: the day of the (last) submission, `submitted_on` (a claim from before it was
    ///   recorded: `submitted_at`'s bureau day), whatever the claim's status now;
    /// - approved: `decided_at`'s bureau day, for a claim that is now approved or past it;
    /// - rejected: `decided_at`'s bureau day, for a rejected claim;
    /// - paid: payment lines the bank paid, by their batch's business date (amount: the line's);
    /// - clawed back: the bureau day of the claim's `claim.clawback` entry in the audit trail
    ///   (amount: the amount clawed back).
    public func forEachStatsClaim(_ event: StatsClaimEvent, from first: CalendarDate, to last: CalendarDate,
                                  after: StatsRowAfter? = nil, narrowing: [StatsNarrowing] = [],
                                  _ body: (StatsClaimRow) throws -> Bool) throws {
        let (lo, hi) = Self.utcBounds(from: first, to: last)
        var args: [DatabaseValueConvertible]
        var sql = """
            SELECT c.id, c.claim_year, c.worker_id, COALESCE(w.name, ''), c.kind, c.fund_source, c.institution, c.status,
            """
        switch event {
        case .submitted:
            sql += """
                 c.amount_fen, \(Self.submittedDay) AS day, NULL
                FROM claims c INDEXED BY claims_submitted_day LEFT JOIN workers w ON w.id = c.worker_id
                WHERE \(Self.submittedDay) BETWEEN ? AND ?
                """
            args = [first.description, last.description]
        case .approved, .rejected:
            sql += """
                 c.amount_fen, date(c.decided_at, '+8 hours') AS day, NULL
                FROM claims c INDEXED BY claims_decided LEFT JOIN workers w ON w.id = c.worker_id
                WHERE c.decided_at >= ? AND c.decided_at < ? AND c.status
                """
            sql += event == .rejected ? " = 'rejected'" : " IN ('approved', 'on_notice', 'payable', 'paid', 'clawback', 'recovered')"
            args = [lo, hi]
        case .paid:
            sql += """
                 l.amount_fen, b.business_date AS day, b.id
                FROM payment_batches b JOIN payment_lines l ON l.batch_id = b.id
                JOIN claims c ON c.id = l.claim_id LEFT JOIN workers w ON w.id = c.worker_id
                WHERE b.business_date BETWEEN ? AND ? AND l.result = 'paid'
                """
            args = [first.description, last.description]
        case .clawedBack:
            sql += """
                 c.clawback_due_fen, date(k.at, '+8 hours') AS day, NULL
                FROM claims c JOIN audit k ON k.seq = (SELECT max(a.seq) FROM audit a
                    WHERE a.entity = 'claim' AND a.key = CAST(c.id AS TEXT) AND a.action = 'claim.clawback')
                LEFT JOIN workers w ON w.id = c.worker_id
                WHERE c.status IN ('clawback', 'recovered') AND k.at >= ? AND k.at < ?
                """
            args = [lo, hi]
        }
        switch after {
        case let .id(id)?: sql += " AND c.id > ?"; args.append(id)
        case let .payment(batch, claim)?: sql += " AND (b.id, l.claim_id) > (?, ?)"; args += [batch, claim]
        default: break
        }
        for n in narrowing where Self.statsClaimColumns.contains(n.column) {
            sql += " AND \(n.column) = ?"
            args.append(n.value)
        }
        sql += event == .paid ? " ORDER BY b.id, l.claim_id" : " ORDER BY c.id"
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(args))
        while let r = try cursor.next() {
            guard try body(StatsClaimRow(
                claimID: r[0], claimYear: r[1], workerID: r[2], workerName: r[3], kind: r[4], fundSource: r[5],
                institution: r[6], status: r[7], amountFen: r[8], day: r[9], batchID: r[10])) else { return }
        }
    }

    /// The bureau day of a claim's last submission (indexed as `claims_submitted_day`).
    static let submittedDay = "COALESCE(c.submitted_on, date(c.submitted_at, '+8 hours'))"

    /// Names for a breakdown's keys: institutions and occupations by code (the current name).
    public func institutionNames(_ codes: some Sequence<String>) throws -> [String: String] {
        var out: [String: String] = [:]
        for c in codes where out[c] == nil {
            if let n = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM institutions WHERE code = ?"), arguments: [c]) { out[c] = n }
        }
        return out
    }
}
