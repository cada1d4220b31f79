import Foundation
import SkillCore
import SkillDesk
import SkillStore

// claims-bench: the "Claims at city scale" figures in docs/PERFORMANCE.md.
//
//   claims-bench add-claims DB           adds 5,000,000 prior claims (plain SQL through the sqlite3
//                                        CLI) to a database made by `training-bench generate` (1M
//                                        workers, 33,334 classes, 2M enrolments, 20M attendance rows).
//   claims-bench measure DB [--reps N] [--pending N] [--batch N] [--threads T]
//                                        one `evaluateClaim` for N random workers (default 1,000);
//                                        `recheckClaims` over N pending claims (default 100,000) in
//                                        batches (default 1,000), one read transaction per batch;
//                                        with --threads T also T batches at once (one process).
//                                        The job's mode: facts read ahead per batch, verdicts
//                                        without messages; --per-claim looks facts up claim by
//                                        claim, --messages builds every message (as before).
//   claims-bench job DB [--threads T] [--runs N]
//                                        the product's re-evaluation job, `Session.recheckAll`, over
//                                        every pending claim with T readers (default: 1 and 2).
//   claims-bench workflow-prepare DB / workflow DB   issue 5's queue, approval and payment figures
//                                        (see Workflow.swift).

let usage = """
    usage: claims-bench add-claims DB
           claims-bench measure DB [--reps N] [--pending N] [--batch N] [--threads T] [--per-claim] [--messages]
           claims-bench job DB [--threads T] [--runs N]
           claims-bench workflow-prepare DB
           claims-bench workflow DB [--reps N] [--approve N] [--runs N] [--parts queue,approve,pay]
           claims-bench search DB [--reps N]
    """

let clerkName = "clerk1"         // Demo.accounts[1]
let clerkPassword = "clerk1-demo"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func format(_ v: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", v) }

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    let i = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
    return sorted[i]
}

/// Worker `n` of a training-bench database (1-based).
func workerID(_ n: Int) -> String { "3201" + String(format: "%014d", n) }

@discardableResult
func sqlite(_ db: String, _ sql: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    p.arguments = ["-batch", "-bail", db]
    let input = Pipe(), output = Pipe()
    p.standardInput = input
    p.standardOutput = output
    try p.run()
    input.fileHandleForWriting.write(Data(sql.utf8))
    try input.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { fail("sqlite3 failed (\(p.terminationStatus))") }
    return String(decoding: out, as: UTF8.self)
}

/// Worker x has (x · 2654435761) mod 11 claims: 0–10, 5 on average, 5M for 1M workers. Claims 0
/// and 1 rest on the worker's two real classes (enrolments); claim 0 is pending ('submitted') for
/// every 8th worker (~114k), else approved, rejected or a draft. Claims 2+ are history without a
/// class (occupations cycling through the demo scopes, years 2019–2024): mostly paid, some
/// approved, rejected, drafts and recovered. Institutions: the class's, or the scope's.
let claimsSQL = """
    PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=FILE;
    .timer on
    DROP INDEX IF EXISTS claims_worker; DROP INDEX IF EXISTS claims_status; DROP INDEX IF EXISTS claims_institution;
    DROP INDEX IF EXISTS claims_class;
    BEGIN;
    CREATE TEMP TABLE nums(i INTEGER PRIMARY KEY);
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9) INSERT INTO nums SELECT i FROM n;
    CREATE TEMP TABLE scopes AS
      SELECT row_number() OVER (ORDER BY s.institution, s.occupation_code, s.level) - 1 AS k,
             s.institution, s.occupation_code, s.level
      FROM institution_scopes s;
    CREATE TEMP TABLE wclass(worker_id TEXT, i INTEGER, class_id INTEGER, PRIMARY KEY(worker_id, i)) WITHOUT ROWID;
    INSERT INTO wclass SELECT worker_id, row_number() OVER (PARTITION BY worker_id ORDER BY class_id) - 1, class_id
      FROM enrolments;
    CREATE TEMP TABLE base AS
      SELECT w.id AS wid, w.rowid AS x, nums.i AS i, wc.class_id AS cid
      FROM workers w JOIN nums ON nums.i < (w.rowid * 2654435761) % 11
           LEFT JOIN wclass wc ON wc.worker_id = w.id AND wc.i = nums.i AND nums.i < 2;
    INSERT INTO claims(worker_id, kind, class_id, certificate_id, institution, occupation_code, level, training_type,
                       claim_year, claim_date, amount_fen, payee, status, prepared_by, created_at, updated_at)
    SELECT b.wid,
           CASE WHEN b.cid IS NOT NULL THEN 'training'
                WHEN (b.x + b.i) % 10 = 0 THEN 'appraisal'
                WHEN (b.x + b.i) % 10 = 1 THEN 'insured_upgrading'
                ELSE 'training' END,
           b.cid, NULL, COALESCE(c.institution, sc.institution),
           COALESCE(c.occupation_code, sc.occupation_code), COALESCE(c.level, sc.level),
           CASE WHEN b.cid IS NOT NULL THEN c.type ELSE 'employment' END,
           COALESCE(CAST(substr(c.end_date, 1, 4) AS INTEGER), 2019 + (b.x + b.i) % 6),
           COALESCE(c.end_date, (2019 + (b.x + b.i) % 6) || '-06-15'),
           100000 + (b.x % 5) * 20000, 'worker',
           CASE WHEN b.i = 0 THEN CASE b.x % 8 WHEN 0 THEN 'submitted' WHEN 7 THEN 'draft' WHEN 6 THEN 'rejected'
                                               ELSE 'approved' END
                ELSE CASE (b.x * 7 + b.i) % 20 WHEN 0 THEN 'rejected' WHEN 1 THEN 'rejected' WHEN 2 THEN 'draft'
                                               WHEN 3 THEN 'draft' WHEN 4 THEN 'recovered' WHEN 5 THEN 'approved'
                                               WHEN 6 THEN 'approved' ELSE 'paid' END END,
           'clerk1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
    FROM base b LEFT JOIN classes c ON c.id = b.cid
         JOIN scopes sc ON sc.k = (b.x + b.i) % (SELECT count(*) FROM scopes)
    ORDER BY b.x, b.i;
    COMMIT;
    CREATE INDEX claims_worker ON claims(worker_id, claim_year);
    CREATE INDEX claims_status ON claims(status, created_at);
    CREATE INDEX claims_institution ON claims(institution, class_id);
    CREATE INDEX claims_class ON claims(class_id);
    ANALYZE;
    PRAGMA wal_checkpoint(TRUNCATE);
    .timer off
    SELECT 'claims', count(*) FROM claims;
    SELECT status, count(*) FROM claims GROUP BY status ORDER BY status;
    SELECT 'claims per worker (0..10)', group_concat(n || ':' || c, ' ') FROM
      (SELECT n, count(*) AS c FROM (SELECT count(cl.id) AS n FROM workers w LEFT JOIN claims cl ON cl.worker_id = w.id
                                     GROUP BY w.id) GROUP BY n ORDER BY n);
    SELECT 'institution_claim_counts rows', count(*), sum(n) FROM institution_claim_counts;
    """

func runAddClaims(db: String) throws {
    let t = now()
    let out = try sqlite(db, claimsSQL)
    print(out.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    print("claims fill     \(format(now() - t, 1)) s")
}

final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0, failures = 0
    func add(_ n: Int, _ f: Int) { lock.lock(); count += n; failures += f; lock.unlock() }
    var value: (Int, Int) { lock.lock(); defer { lock.unlock() }; return (count, failures) }
}

func runMeasure(db: String, reps: Int, pending: Int, batch: Int, threads: Int, prefetch: Bool, messages: Bool) throws {
    let desk = try Desk.open(path: db)
    let clerk = try desk.login(name: clerkName, password: clerkPassword)
    let workers = Int(try sqlite(db, "SELECT value FROM meta WHERE key = 'bench_workers';")
        .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    guard workers > 0 else { fail("not a training-bench database") }
    print("database        \(db): \(workers) workers, profile \(try clerk.activePolicy().name)")
    var rng = SystemRandomNumberGenerator()

    // (a) one evaluation: a random worker's first class, as a training subsidy, as of today.
    func proposal() throws -> ClaimProposal {
        while true {
            let w = workerID(Int.random(in: 1...workers, using: &rng))
            if let c = try clerk.classes(ofWorker: w).first { return ClaimProposal(worker: w, kind: .training, classID: c.id) }
        }
    }
    var p = try proposal()
    var t = now()
    var e = try clerk.evaluateClaim(p)
    let cold = (now() - t) * 1000
    var times: [Double] = []
    var priors = 0, eligible = 0
    for _ in 0..<reps {
        p = try proposal()
        t = now()
        e = try clerk.evaluateClaim(p)
        times.append((now() - t) * 1000)
        priors += e.facts.priorClaims.count
        if e.eligible { eligible += 1 }
    }
    times.sort()
    print("evaluateClaim: cold \(format(cold)) ms, median \(format(percentile(times, 0.5))) ms, p95 "
          + "\(format(percentile(times, 0.95))) ms, p99 \(format(percentile(times, 0.99))) ms, max \(format(times.last!)) ms "
          + "(n=\(reps), \(format(Double(priors) / Double(reps), 1)) prior claims per worker, \(eligible) eligible)")

    // (b) re-evaluate pending claims in batches, one read transaction per batch.
    var done = 0, evaluated = 0, refused = 0, stillEligible = 0
    var last: ClaimRow?
    var sequentialStarts: [ClaimRow?] = [nil]  // where each batch began, for the parallel run
    var batchTimes: [Double] = []
    let start = now()
    while done < pending {
        t = now()
        let rows = try clerk.recheckClaims(status: .submitted, after: last, limit: min(batch, pending - done),
                                           prefetch: prefetch, messages: messages)
        batchTimes.append((now() - t) * 1000)
        if rows.isEmpty { break }
        for r in rows {
            switch r.result {
            case .success(let ev): evaluated += 1; if ev.eligible { stillEligible += 1 }
            case .failure: refused += 1
            }
        }
        done += rows.count
        last = rows.last?.claim
        sequentialStarts.append(last)
    }
    let total = now() - start
    batchTimes.sort()
    defer { if threads > 1 { try? parallel() } }
    /// The same claims with `threads` batches running at once (one read transaction each, on the
    /// pool's concurrent readers). Batch starts are those the sequential run ended its batches on
    /// (the store is not reachable from outside the use-case layer since issue 11).
    func parallel() throws {
        let t0 = now()
        let starts = Array(sequentialStarts.dropLast())
        let tally = Tally()
        let batchStarts = starts, total = done
        DispatchQueue.concurrentPerform(iterations: threads) { k in
            var i = k
            while i < batchStarts.count {
                let n = min(batch, total - i * batch)
                let rows = (try? clerk.recheckClaims(status: .submitted, after: batchStarts[i], limit: n,
                                                     prefetch: prefetch, messages: messages)) ?? []
                tally.add(rows.count, rows.filter { if case .failure = $0.result { true } else { false } }.count)
                i += threads
            }
        }
        let (count, failures) = tally.value
        let wall = now() - t0
        print("recheckClaims, \(threads) batches at once: \(count) pending claims in \(format(wall)) s "
              + "(\(format(wall / Double(max(count, 1)) * 1e6, 0)) µs per claim, \(failures) refused)")
    }
    print("recheckClaims mode: \(prefetch ? "read ahead per batch" : "per claim"), \(messages ? "with messages" : "verdicts only")")
    print("recheckClaims: \(done) pending claims in \(format(total)) s (\(format(total / Double(max(done, 1)) * 1e6, 0)) µs per claim; "
          + "batches of \(batch): median \(format(percentile(batchTimes, 0.5))) ms, max \(format(batchTimes.last ?? 0)) ms; "
          + "\(evaluated) evaluated, \(refused) refused, \(stillEligible) eligible)")
}

/// `Session.recheckAll` (what `claim recheck` runs) over every pending claim, timed whole:
/// batch boundaries, the batches on `readers` threads, the report.
func runJob(db: String, readers: [Int], runs: Int) throws {
    let desk = try Desk.open(path: db)
    let clerk = try desk.login(name: clerkName, password: clerkPassword)
    print("load average    \(loadLine()) (start)")
    for n in readers {
        for run in 1...runs {
            let t = now(), cpu0 = cpuTime()
            let r = try clerk.recheckAll(readers: n)
            let wall = now() - t, cpu = cpuTime() - cpu0
            print("recheckAll, \(r.readers) reader(s), run \(run): \(r.evaluated) pending claims in \(format(wall)) s "
                  + "(\(format(wall / Double(max(r.evaluated, 1)) * 1e6, 0)) µs a claim, 100,000 in \(format(wall / Double(max(r.evaluated, 1)) * 1e5)) s; "
                  + "CPU \(format(cpu)) s; \(r.eligible) eligible, \(r.failing.count) failing, \(r.refused.count) refused); load \(loadLine())")
        }
    }
}

let args = Array(CommandLine.arguments.dropFirst())
do {
    guard args.count >= 2 else { fail(usage) }
    var parts: Set<String> = ["queue", "approve", "pay"]
    var reps = 1_000, pending = 100_000, batch = 1_000, threads = 1, approve = 500, runs = 3, prefetch = true, messages = false
    var i = 2
    while i < args.count {
        switch args[i] {
        case "--reps" where i + 1 < args.count: reps = Int(args[i + 1]) ?? reps; i += 2
        case "--pending" where i + 1 < args.count: pending = Int(args[i + 1]) ?? pending; i += 2
        case "--batch" where i + 1 < args.count: batch = Int(args[i + 1]) ?? batch; i += 2
        case "--threads" where i + 1 < args.count: threads = Int(args[i + 1]) ?? threads; i += 2
        case "--approve" where i + 1 < args.count: approve = Int(args[i + 1]) ?? approve; i += 2
        case "--parts" where i + 1 < args.count: parts = Set(args[i + 1].split(separator: ",").map(String.init)); i += 2
        case "--runs" where i + 1 < args.count: runs = Int(args[i + 1]) ?? runs; i += 2
        case "--per-claim": prefetch = false; i += 1
        case "--messages": messages = true; i += 1
        default: fail(usage)
        }
    }
    switch args[0] {
    case "add-claims": try runAddClaims(db: args[1])
    case "measure": try runMeasure(db: args[1], reps: max(1, reps), pending: max(1, pending), batch: max(1, batch), threads: max(1, threads),
                                    prefetch: prefetch, messages: messages)
    case "job": try runJob(db: args[1], readers: args.contains("--threads") ? [max(1, threads)] : [1, 2], runs: max(1, runs))
    case "workflow-prepare": try runWorkflowPrepare(db: args[1])
    case "search": try runSearch(db: args[1], reps: args.contains("--reps") ? max(1, reps) : 50)
    case "workflow": try runWorkflow(db: args[1], reps: args.contains("--reps") ? max(1, reps) : 50, approve: max(1, approve), runs: max(1, runs), parts: parts)
    default: fail(usage)
    }
} catch {
    fail("claims-bench: \(error)")
}
