import GRDB
import SkillCore
import SkillRecords

/// The anomaly sweep's reads (issue 13 item 5). Each is one streamed query over indexes, sized by
/// the period's activity, never by the registry (DECISIONS.md "Oversight (issue 13): anomalies").
extension StoreReader {
    /// Claims submitted in `first...last` that carried warnings at submission or whose evidence changed
    /// since (W5), by submission day then claim id. The day is the business date of the submission,
    /// `submitted_on` (v11), else the UTC day of `submitted_at`; partial index claims_warned
    /// (v18-anomaly-indexes) is built on that expression and holds only those claims.
    public func warnedClaims(from first: CalendarDate, to last: CalendarDate) throws -> [WarnedClaimRow] {
        let sql = """
            SELECT c.id, c.claim_year, c.worker_id, c.kind, COALESCE(w.name, ''), c.class_id, c.institution, i.name,
                   COALESCE(c.submitted_on, substr(c.submitted_at, 1, 10)) AS day,
                   c.warning_count, c.evidence_changed
            FROM claims c INDEXED BY claims_warned
            LEFT JOIN workers w ON w.id = c.worker_id
            LEFT JOIN institutions i ON i.code = c.institution
            WHERE COALESCE(c.submitted_on, substr(c.submitted_at, 1, 10)) BETWEEN ? AND ?
              AND (c.warning_count > 0 OR c.evidence_changed = 1)
            ORDER BY day, c.id
            """
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [first.description, last.description]).map { r in
            let workerID: String = r[2]
            return WarnedClaimRow(
                claim: AnomalyClaim(id: r[0], year: r.int(1), workerID: workerID, kind: r[3]),
                worker: AnomalyWorker(id: workerID, name: r[4]),
                classID: r[5], institution: r[6], institutionName: r[7], submittedOn: r[8],
                warningCount: r.int(9), evidenceChanged: r.int(10) != 0)
        }
    }

    /// Values (a bank account, a phone) recorded for at least `atLeast` distinct workers active in
    /// the period, by value. A bank account is the worker's own and, for claims dated in the period
    /// paid to the worker, the claim's account (an account changed since still shows).
    ///
    /// Found from the values side, not the workers side: the registry's values held by two workers
    /// or more (an index scan of workers_phone / workers_bank_account, few groups) and the accounts
    /// of the period's worker-paid claims (partial index claims_paid_account) are the candidates;
    /// only their workers are checked for activity (enrolled in a class running in the period, or a
    /// claim dated in it — indexes enrolments_worker, claims_worker). A city's year is then a scan of
    /// two indexes, not a sort of every active worker.
    public func sharedValues(_ field: SharedField, from first: CalendarDate, to last: CalendarDate,
                             atLeast: Int) throws -> [SharedValueRow] {
        let f = first.description, l = last.description
        var candidates: [String]
        switch field {
        case .phone:
            candidates = try String.fetchAll(db.makeStatement(sql: """
                SELECT phone FROM workers INDEXED BY workers_phone WHERE phone IS NOT NULL AND phone <> ''
                GROUP BY phone HAVING count(*) >= 2 ORDER BY phone
                """))
        case .bankAccount:
            candidates = try String.fetchAll(db.makeStatement(sql: """
                SELECT bank_account FROM workers INDEXED BY workers_bank_account WHERE bank_account IS NOT NULL AND bank_account <> ''
                GROUP BY bank_account HAVING count(*) >= 2
                UNION
                SELECT value FROM (
                    SELECT bank_account AS value, worker_id AS id FROM claims INDEXED BY claims_paid_account
                    WHERE payee = 'worker' AND bank_account IS NOT NULL AND claim_date BETWEEN :f AND :l
                    UNION
                    SELECT w.bank_account, w.id FROM workers w INDEXED BY workers_bank_account
                    WHERE w.bank_account IS NOT NULL AND w.bank_account IN (SELECT bank_account FROM claims INDEXED BY claims_paid_account
                                             WHERE payee = 'worker' AND bank_account IS NOT NULL AND claim_date BETWEEN :f AND :l))
                GROUP BY value HAVING count(*) >= 2
                ORDER BY 1
                """), arguments: ["f": f, "l": l])
        }
        var out: [SharedValueRow] = []
        for value in candidates {
            var byID: [String: String] = [:]
            let column = field == .phone ? "phone" : "bank_account"
            for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name FROM workers WHERE \(column) = ?"), arguments: [value]) {
                let id: String = r[0]
                if try isActive(workerID: id, first: f, last: l) { byID[id] = r[1] }
            }
            if field == .bankAccount {
                for r in try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT c.worker_id, COALESCE(w.name, '') FROM claims c INDEXED BY claims_paid_account
                    LEFT JOIN workers w ON w.id = c.worker_id
                    WHERE c.bank_account = ? AND c.payee = 'worker' AND c.bank_account IS NOT NULL AND c.claim_date BETWEEN ? AND ?
                    """), arguments: [value, f, l]) {
                    let id: String = r[0]
                    if byID[id] == nil { byID[id] = r[1] }
                }
            }
            if byID.count >= atLeast {
                out.append(SharedValueRow(value: value, workers: byID.keys.sorted().map { AnomalyWorker(id: $0, name: byID[$0]!) }))
            }
        }
        return out
    }

    /// Enrolled in a class running at some point in the period, or with a claim dated in it.
    func isActive(workerID: String, first: String, last: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS(SELECT 1 FROM enrolments e JOIN classes c ON c.id = e.class_id
                          WHERE e.worker_id = :w AND c.start_date <= :l AND c.end_date >= :f)
                OR EXISTS(SELECT 1 FROM claims WHERE worker_id = :w AND claim_date BETWEEN :f AND :l)
            """), arguments: ["w": workerID, "f": first, "l": last]) ?? false
    }

    /// A worker's claims dated in the period, by id (index claims_worker).
    public func claimsDated(workerID: String, from first: CalendarDate, to last: CalendarDate) throws -> [AnomalyClaim] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, claim_year, worker_id, kind FROM claims WHERE worker_id = ? AND claim_date BETWEEN ? AND ? ORDER BY id
            """), arguments: [workerID, first.description, last.description]).map {
            AnomalyClaim(id: $0[0], year: $0.int(1), workerID: $0[2], kind: $0[3])
        }
    }

    /// Every enrolment in a class that runs at some point in `first...last` (start ≤ last, end ≥ first),
    /// by worker then start date, streamed to `body`.
    public func forEachWorkerClassSpan(from first: CalendarDate, to last: CalendarDate,
                                       _ body: (WorkerClassSpan) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db.makeStatement(sql: """
            SELECT e.worker_id, c.id, c.institution, c.start_date, c.end_date
            FROM classes c INDEXED BY classes_end JOIN enrolments e ON e.class_id = c.id
            WHERE c.end_date >= ? AND c.start_date <= ?
            ORDER BY e.worker_id, c.start_date, c.id
            """), arguments: [first.description, last.description])
        while let r = try cursor.next() {
            try body(WorkerClassSpan(workerID: r[0], classID: r[1], institution: r[2], startDate: r[3], endDate: r[4]))
        }
    }

    /// The classes that ended in the period (as `enrolmentOutcomesSQL` finds them) whose enrolled
    /// workers — all of them, at least `atLeast` — have one identical grid of days (date, classroom
    /// and online minutes). One class at a time: its roster in the enrolments primary key's order and
    /// each worker's days in the attendance primary key's order, concatenated and compared in SQLite.
    /// (One statement over the whole period grouped a year's 10M rows in a temp b-tree: 109 s at city
    /// scale, docs/PERFORMANCE.md.)
    public func copiedGrids(from first: CalendarDate, to last: CalendarDate, atLeast: Int) throws -> [CopiedGridRow] {
        let ids = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT id FROM classes INDEXED BY classes_end
            WHERE end_date BETWEEN ? AND ? AND status IN ('completed', 'closed') ORDER BY id
            """), arguments: [first.description, last.description])
        let grid = try db.cachedStatement(sql: """
            SELECT count(*), count(DISTINCT g.grid), max(g.days), max(g.minutes),
                   (SELECT count(*) FROM enrolments WHERE class_id = :c)
            FROM (SELECT e.worker_id, count(*) AS days, sum(a.classroom_minutes + a.online_minutes) AS minutes,
                         group_concat(a.date || ' ' || a.classroom_minutes || ' ' || a.online_minutes, ',') AS grid
                  FROM enrolments e JOIN attendance a ON a.class_id = e.class_id AND a.worker_id = e.worker_id
                  WHERE e.class_id = :c GROUP BY e.worker_id) g
            """)
        var out: [CopiedGridRow] = []
        for id in ids {
            guard let r = try Row.fetchOne(grid, arguments: ["c": id]) else { continue }
            let workers = r.int(0), grids = r.int(1), enrolled = r.int(4)
            if grids == 1 && workers >= atLeast && workers == enrolled {
                out.append(CopiedGridRow(classID: id, workers: workers, days: r.int(2), minutes: r.int(3)))
            }
        }
        return out
    }

    /// The classes that ended in the period with their unvoided certificates: how many, and how many
    /// are dated on the class's end date (index certificates_class).
    public func classCertificates(from first: CalendarDate, to last: CalendarDate) throws -> [ClassCertificatesRow] {
        try Row.fetchAll(db.makeStatement(sql: """
            SELECT c.id, c.institution, c.end_date, count(*), sum(ce.issue_date = c.end_date)
            FROM classes c INDEXED BY classes_end
            JOIN certificates ce INDEXED BY certificates_class ON ce.class_id = c.id
            WHERE c.end_date BETWEEN ? AND ? AND c.status IN ('completed', 'closed') AND ce.voided_at IS NULL
            GROUP BY c.id ORDER BY c.id
            """), arguments: [first.description, last.description]).map {
            ClassCertificatesRow(classID: $0[0], institution: $0[1], endDate: $0[2], certificates: $0.int(3), onEndDate: $0.int(4))
        }
    }

    /// `forEachEnrolmentOutcome` for one institution's classes: the same definition (the same SQL with
    /// the institution added to its WHERE), for the institutions a signal asks about.
    public func forEachEnrolmentOutcome(institution: String, from first: CalendarDate, to last: CalendarDate,
                                        onlinePercent: Int, _ body: (EnrolmentOutcomeRow) throws -> Void) throws {
        let base = Self.enrolmentOutcomesSQL
        let sql = base.replacingOccurrences(of: "WHERE c.end_date BETWEEN ? AND ?",
                                            with: "WHERE c.institution = ? AND c.end_date BETWEEN ? AND ?")
        guard sql != base else { throw StoreError.failure("enrolmentOutcomesSQL changed: its WHERE is not the one the institution filter extends") }
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql),
                                         arguments: [onlinePercent, institution, first.description, last.description])
        while let row = try cursor.next() {
            try body(EnrolmentOutcomeRow(
                classID: row["class_id"], workerID: row["worker_id"], institution: row["institution"],
                occupationCode: row["occupation_code"], level: row["level"], trainingType: row["type"],
                endDate: row["end_date"], plannedHours: row["planned_hours"],
                countedMinutes: try Self.countedMinutes(row["counted"])))
        }
    }

    /// A class with the names a list shows (occupation's latest name, institution's name).
    public func anomalyClass(id: Int64) throws -> AnomalyClass? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT c.id, c.occupation_code,
                   COALESCE((SELECT name FROM occupations o WHERE o.code = c.occupation_code ORDER BY valid_from DESC LIMIT 1), ''),
                   c.level, c.institution, COALESCE(i.name, ''), c.start_date, c.end_date
            FROM classes c LEFT JOIN institutions i ON i.code = c.institution WHERE c.id = ?
            """), arguments: [id]).map {
            AnomalyClass(id: $0[0], occupationCode: $0[1], occupationName: $0[2], level: $0[3], institution: $0[4],
                         institutionName: $0[5], startDate: $0[6], endDate: $0[7])
        }
    }

    /// The workers enrolled in a class, by ID, with their names.
    public func anomalyRoster(classID: Int64) throws -> [AnomalyWorker] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.worker_id, COALESCE(w.name, '') FROM enrolments e LEFT JOIN workers w ON w.id = e.worker_id
            WHERE e.class_id = ? ORDER BY e.worker_id
            """), arguments: [classID]).map { AnomalyWorker(id: $0[0], name: $0[1]) }
    }

    /// The claims resting on a class, by id.
    public func anomalyClassClaims(classID: Int64) throws -> [AnomalyClaim] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT id, claim_year, worker_id, kind FROM claims WHERE class_id = ? ORDER BY id"),
                         arguments: [classID]).map { AnomalyClaim(id: $0[0], year: $0.int(1), workerID: $0[2], kind: $0[3]) }
    }
}
