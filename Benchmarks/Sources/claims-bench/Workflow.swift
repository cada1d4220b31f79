import Foundation
import SkillCore
import SkillDesk
import SkillStore

// The "Claims workflow at scale" figures (issue 5) in docs/PERFORMANCE.md:
//   claims-bench workflow-prepare DB   on an `add-claims` database: submission dates, kinds and
//                                      warnings for the pending claims, 10,000 payable claims with
//                                      bank accounts, a large fund for this year.
//   claims-bench workflow DB [--reps N] [--approve N] [--runs N]
//                                      times claimQueue (first page, 4 filters), approveClaims of N
//                                      claims without warnings as sup1 (--runs fresh sets),
//                                      createPaymentBatch over the payable claims and
//                                      exportPaymentBatch in both encodings (--runs each).

let supName = "sup1", supPassword = "sup1-demo-1"       // Demo.accounts[2]
let finName = "fin1", finPassword = "fin1-demo-1"       // Demo.accounts[3]
let adminName = "admin", adminPassword = "admin-demo-1" // Demo.accounts[0]

/// A UnionPay-style 19-digit account number (62…) with a valid Luhn check digit.
func bankAccount(_ n: Int) -> String {
    let body = "62" + String(format: "%016d", n)
    var sum = 0
    for (i, ch) in body.reversed().enumerated() {
        var d = Int(ch.asciiValue! - 48)
        if i % 2 == 0 { d *= 2; if d > 9 { d -= 9 } }
        sum += d
    }
    return body + String((10 - sum % 10) % 10)
}

/// Pending claims: submitted over ~6 months (submission order unrelated to the claim id, so the
/// queue's index order is not the table's), by clerk1; ~10% with 1–3 warnings, ~1% with W5
/// (evidence_changed); kinds ~80% training, 10% living allowance, 9% insured upgrading, 1%
/// apprenticeship (a hash of the claim id modulo the prime 1009, so unrelated to the generator's
/// per-worker pattern). 10,000 approved history claims become payable in this year's employment fund
/// (paid to the worker, no batch, submitted in 2025), their workers get bank accounts.
let workflowSQL = """
    PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;
    .timer on
    BEGIN;
    UPDATE claims SET
      submitted_at = strftime('%Y-%m-%dT%H:%M:%fZ', '2026-05-01', '+' || ((id * 7919) % 15552000) || ' seconds'),
      submitted_by = 'clerk1', prepared_by = 'clerk1',
      warning_count = CASE WHEN (id * 2654435761) % 1009 < 100 THEN 1 + id % 3 ELSE 0 END,
      evidence_changed = CASE WHEN (id * 2654435761) % 1009 BETWEEN 100 AND 109 THEN 1 ELSE 0 END,
      kind = CASE WHEN (id * 2654435761) % 1009 >= 909 THEN 'living_allowance'
                  WHEN (id * 2654435761) % 1009 >= 818 THEN 'insured_upgrading'
                  WHEN (id * 2654435761) % 1009 >= 808 THEN 'apprenticeship' ELSE 'training' END
    WHERE status = 'submitted';
    CREATE TEMP TABLE pay AS SELECT id, worker_id FROM claims WHERE status = 'approved' AND class_id IS NULL
      AND kind = 'training' ORDER BY (id * 2654435761) % 1000003 LIMIT 10000;
    UPDATE claims SET status = 'payable', fund_year = CAST(strftime('%Y', 'now') AS INTEGER),
      fund_source = 'employment_subsidy', payee = 'worker', batch_id = NULL,
      submitted_at = strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || ((id * 7919) % 30000000) || ' seconds'),
      submitted_by = 'clerk1', decided_by = 'sup1', decided_at = '2026-01-02T00:00:00.000Z'
    WHERE id IN (SELECT id FROM pay);
    COMMIT;
    ANALYZE;
    PRAGMA wal_checkpoint(TRUNCATE);
    .timer off
    SELECT status, count(*) FROM claims GROUP BY status ORDER BY status;
    SELECT 'pending by kind', group_concat(kind || ':' || n, ' ') FROM (SELECT kind, count(*) AS n FROM claims WHERE status = 'submitted' GROUP BY kind);
    SELECT 'pending with warnings', count(*) FROM claims WHERE status = 'submitted' AND (warning_count > 0 OR evidence_changed = 1);
    SELECT 'payable workers', count(DISTINCT worker_id) FROM claims WHERE status = 'payable';
    """

func runWorkflowPrepare(db: String) throws {
    var t = now()
    print(try sqlite(db, workflowSQL).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    print("claims update   \(format(now() - t, 1)) s")
    // Bank accounts for the payable claims' workers (checked by the product's own parser).
    t = now()
    let workers = try sqlite(db, "SELECT DISTINCT worker_id FROM claims WHERE status = 'payable';")
        .split(separator: "\n").map(String.init)
    var sql = "BEGIN;\n"
    for (i, w) in workers.enumerated() {
        let acct = bankAccount(i + 1)
        guard case .success = BankAccountNumber.parse(acct, payee: .worker) else { fail("bad generated account \(acct)") }
        sql += "UPDATE workers SET bank_account = '\(acct)' WHERE id = '\(w)';\n"
    }
    sql += "COMMIT;\n"
    try sqlite(db, sql)
    print("bank accounts   \(workers.count) workers, \(format(now() - t, 1)) s")
    // A fund large enough for every approval of the runs (through the use case, audited).
    let desk = try Desk.open(path: db)
    let admin = try desk.login(name: adminName, password: adminPassword)
    let year = desk.today().year
    let a = try admin.allocateFund(year: year, source: .employmentSubsidy, amountFen: 100_000_000_000)
    print("fund            \(year) employment subsidy: allocated \(a.allocatedFen) fen, balance \(a.balanceFen) fen")
}

struct FrozenEvidence: Codable {
    struct Cert: Codable { var type: String; var number: String; var level: String?; var date: String }
    struct Catalogue: Codable { var subsidised: Bool; var shortage: Bool; var standardFen: Int64; var hours: Int }
    struct Profile: Codable {
        var name: String; var groups: [String]; var disability: String; var insured: Bool; var pension: Bool
        var hukou: String?; var residence: String?; var employer: String?
    }
    var attendance: [String: [Int]]
    var certificate: Cert?
    var catalogue: Catalogue?
    var profile: Profile
    var policy: String
}

/// Freezes evidence on `ids` as submission would (the facts the engine gathers now, the class's
/// attendance), so approval re-checks it exactly as for a claim submitted through the use case.
/// Not timed. Written through the sqlite3 CLI (the claims cannot be submitted through the use
/// case: the generated resident IDs fail E1).
func freezeEvidence(db: String, clerk: Session, claims: [ClaimQueueItem]) throws {
    let rows = try sqlite(db, "SELECT id, class_id FROM claims WHERE id IN (\(claims.map { String($0.id) }.joined(separator: ",")));")
    var classOf: [Int64: Int64] = [:]
    for line in rows.split(separator: "\n") {
        let f = line.split(separator: "|", omittingEmptySubsequences: false)
        if f.count == 2, let id = Int64(f[0]), let c = Int64(f[1]) { classOf[id] = c }
    }
    var days: [String: [String: [Int]]] = [:]   // "class|worker" → day → minutes
    let pairs = claims.compactMap { q in classOf[q.id].map { "(\($0), '\(q.workerID)')" } }.joined(separator: ",")
    for line in try sqlite(db, "SELECT class_id, worker_id, date, classroom_minutes, online_minutes FROM attendance WHERE (class_id, worker_id) IN (VALUES \(pairs));")
        .split(separator: "\n") {
        let f = line.split(separator: "|")
        if f.count == 5 { days["\(f[0])|\(f[1])", default: [:]][String(f[2])] = [Int(f[3])!, Int(f[4])!] }
    }
    let enc = JSONEncoder()
    enc.outputFormatting = .sortedKeys
    var sql = "BEGIN;\n"
    for q in claims {
        guard let cid = classOf[q.id] else { fail("claim \(q.id) has no class") }
        let e = try clerk.evaluateClaim(ClaimProposal(worker: q.workerID, kind: .training, classID: cid))
        let w = e.facts.worker
        let ev = FrozenEvidence(
            attendance: days["\(cid)|\(q.workerID)"] ?? [:],
            certificate: e.facts.certificate.map { .init(type: $0.type.rawValue, number: $0.number, level: $0.level?.rawValue, date: $0.date.description) },
            catalogue: e.facts.catalogue.map { .init(subsidised: $0.subsidised, shortage: $0.shortage, standardFen: $0.standardFen, hours: $0.hours) },
            profile: .init(name: w.name, groups: w.groups.map(\.rawValue).sorted(), disability: w.disability.rawValue,
                           insured: w.unemploymentInsured, pension: w.drawsPension, hukou: w.hukouRegion,
                           residence: w.residenceRegion, employer: w.workRegion),
            policy: e.profileName)
        let json = String(decoding: try enc.encode(ev), as: UTF8.self).replacingOccurrences(of: "'", with: "''")
        sql += "UPDATE claims SET evidence_json = '\(json)', evidence_sha256 = 'bench' WHERE id = \(q.id);\n"
    }
    sql += "COMMIT;\n"
    try sqlite(db, sql)
}

/// This process's CPU time (user + system), seconds.
func cpuTime() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
}

func stats(_ xs: [Double]) -> String {
    let s = xs.sorted()
    return "median \(format(percentile(s, 0.5))) ms, p95 \(format(percentile(s, 0.95))) ms, max \(format(s.last ?? 0)) ms"
}

func loadLine() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
}

func runWorkflow(db: String, reps: Int, approve: Int, runs: Int, parts: Set<String>) throws {
    print("load average    \(loadLine()) (start)")
    if parts.contains("queue") {
    let rarestInstitution = try sqlite(db, "SELECT institution FROM claims WHERE status = 'submitted' GROUP BY institution ORDER BY count(*) LIMIT 1;")
        .trimmingCharacters(in: .whitespacesAndNewlines)
    // (a) the queue's first page, oldest submission first.
    let cases: [(String, ClaimQueueFilter)] = [
        ("default (submitted)", ClaimQueueFilter()),
        ("kind = training (80%)", ClaimQueueFilter(kind: .training)),
        ("kind = apprenticeship (1%)", ClaimQueueFilter(kind: .apprenticeship)),
        ("with warnings (11%)", ClaimQueueFilter(hasWarnings: true)),
        ("without warnings", ClaimQueueFilter(hasWarnings: false)),
        ("kind = appraisal (none pending)", ClaimQueueFilter(kind: .appraisal)),
        ("institution = the rarest among pending", ClaimQueueFilter(institution: rarestInstitution)),
    ]
    for (name, filter) in cases {
        let desk = try Desk.open(path: db)   // a fresh pool: the first call prepares its statements
        let sup = try desk.login(name: supName, password: supPassword)
        var t = now()
        var page = try sup.claimQueue(filter)
        let cold = (now() - t) * 1000
        var times: [Double] = []
        for _ in 0..<reps {
            t = now()
            page = try sup.claimQueue(filter)
            times.append((now() - t) * 1000)
        }
        print("claimQueue \(name): \(page.items.count) rows\(page.hasMore ? "+" : ""), cold \(format(cold)) ms, \(stats(times)) (n=\(reps))")
    }
    let pending = try sqlite(db, "SELECT count(*) FROM claims WHERE status = 'submitted';").trimmingCharacters(in: .whitespacesAndNewlines)
    let others = try sqlite(db, "SELECT count(*) FROM claims WHERE status <> 'submitted';").trimmingCharacters(in: .whitespacesAndNewlines)
    print("queue over      \(pending) pending claims, \(others) others; load \(loadLine())")
    }

    // (b) approveClaims of `approve` fresh claims without warnings, as sup1 (prepared by clerk1).
    let desk = try Desk.open(path: db)
    let sup = try desk.login(name: supName, password: supPassword)
    let clerk = try desk.login(name: clerkName, password: clerkPassword)
    for run in 1...runs where parts.contains("approve") {
        let items = try sup.claimQueue(ClaimQueueFilter(kind: .training, hasWarnings: false), limit: approve).items
        guard items.count == approve else { fail("only \(items.count) claims to approve") }
        var t = now()
        try freezeEvidence(db: db, clerk: clerk, claims: items)
        let freeze = now() - t
        t = now()
        let cpu0 = cpuTime()
        let r = try sup.approveClaims(items.map(\.id))
        let wall = now() - t, cpu = cpuTime() - cpu0
        print("approveClaims run \(run): \(r.done.count) approved, \(r.skipped.count) skipped in \(format(wall, 3)) s "
              + "(\(format(wall / Double(approve) * 1000, 2)) ms a claim, CPU \(format(cpu, 3)) s; evidence frozen beforehand in \(format(freeze, 1)) s); load \(loadLine())")
        if let s = r.skipped.first { print("  first skipped: \(s.id): \(s.reason)") }
    }

    // (c) createPaymentBatch over the payable claims, exportPaymentBatch in both encodings. The
    // batch is undone by SQL after each run (not timed) so every run batches the same claims.
    let fin = try desk.login(name: finName, password: finPassword)
    for run in 1...runs where parts.contains("pay") {
        var t = now()
        var cpu0 = cpuTime()
        let b = try fin.createPaymentBatch()
        let create = now() - t, createCPU = cpuTime() - cpu0
        print("createPaymentBatch run \(run): \(b.batch), \(b.summary.count) lines, \(b.summary.totalFen) fen, "
              + "\(b.skipped.count) left out, in \(format(create, 3)) s (CPU \(format(createCPU, 3)) s); load \(loadLine())")
        for enc in BankFileEncoding.allCases {
            for k in 1...runs {
                t = now()
                cpu0 = cpuTime()
                let out = NSTemporaryDirectory() + "claims-bench-\(b.batch)-\(enc.rawValue).txt"
                let bytes = try fin.exportPaymentBatch(b.batch, encoding: enc, to: out, replace: true)  // written and audited as in the product
                try? FileManager.default.removeItem(atPath: out)
                let wall = now() - t, cpu = cpuTime() - cpu0
                print("  exportPaymentBatch \(enc.rawValue) #\(k): \(bytes.count) bytes in \(format(wall * 1000, 1)) ms (CPU \(format(cpu * 1000, 1)) ms)")
            }
        }
        do {   // always undone, so the next run (and the next invocation) batches the same claims
            try sqlite(db, """
                BEGIN;
                UPDATE claims SET batch_id = NULL, payee_name = NULL, bank_account = NULL WHERE batch_id = '\(b.batch)';
                DELETE FROM payment_lines WHERE batch_id = '\(b.batch)';
                DELETE FROM payment_batches WHERE id = '\(b.batch)';
                COMMIT;
                """)
        }
    }
    print("load average    \(loadLine()) (end)")
}
