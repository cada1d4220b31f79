import Foundation
import SkillCore
import SkillDesk

// training-bench: the "Training at city scale" figures in docs/PERFORMANCE.md.
//
//   training-bench generate DB [--scale S]   fresh database: product setup (Demo catalogue, users),
//                                            then bulk SQL through the sqlite3 CLI. S = 1 is the
//                                            issue's scale: 1M workers, 2M enrolments (33,334
//                                            classes of 60), 20M attendance rows, 1M certificates.
//   training-bench measure DB [--reps N]     roster open, attendance commit, archive load
//
// The generator is never part of `swift test` (this package is separate from the product's).

let usage = """
    usage: training-bench generate DB [--scale S]
           training-bench measure DB [--reps N]
    """

let clerkName = "clerk1"         // Demo.accounts[1]
let clerkPassword = "clerk1-demo"
let perClass = 60
let days = 10
let stride = 7919                // prime, coprime to any 10^k·(1/4) worker count used here

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func fileSizeMiB(_ path: String) -> Double {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.doubleValue ?? 0
    return size / 1_048_576
}

func format(_ v: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", v) }

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    let i = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
    return sorted[i]
}

/// Synthetic resident ID of worker `n` (1-based): 18 characters, unique; not GB 11643-valid
/// (the rows bypass the use case). Must match the SQL in `bulkSQL`.
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

struct Scale {
    let workers: Int
    var enrolments: Int { workers * 2 }
    var classes: Int { (enrolments + perClass - 1) / perClass }
    var certificates: Int { workers }
}

func bulkSQL(_ s: Scale) -> String {
    """
    PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=FILE;
    .timer on
    -- secondary indexes are rebuilt after the fill (sorted build instead of random inserts)
    DROP INDEX workers_name; DROP INDEX workers_phone; DROP INDEX enrolments_worker;
    DROP INDEX attendance_worker_date; DROP INDEX certificates_worker;
    BEGIN;
    WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < \(s.workers))
    INSERT INTO workers(rowid, id, name, sex, birth_date, phone, employment, created_at, updated_at)
    SELECT x, '3201' || printf('%014d', x),
           substr('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗', x % 20 + 1, 1)
             || substr('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰', (x / 20) % 20 + 1, 1)
             || substr('华玉萍红娥玲芬燕彬鹏辉建国志宏文博浩宇涵', (x / 400) % 20 + 1, 1),
           CASE x % 2 WHEN 0 THEN 'F' ELSE 'M' END,
           date('1960-01-01', '+' || (x % 16000) || ' days'),
           '139' || printf('%08d', x),
           'unemployed', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
    FROM n;
    COMMIT;
    BEGIN;
    CREATE TEMP TABLE scopes AS
      SELECT row_number() OVER (ORDER BY s.institution, s.occupation_code, s.level) - 1 AS k,
             s.institution, s.occupation_code, s.level
      FROM institution_scopes s JOIN institutions i ON i.code = s.institution WHERE i.status = 'active';
    -- running classes of 20 days, all started 20–719 days before today (so days 0–9 are past)
    WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < \(s.classes))
    INSERT INTO classes(id, institution, occupation_code, level, type, start_date, end_date, planned_hours,
                        status, created_at, updated_at)
    SELECT x, sc.institution, sc.occupation_code, sc.level, 'employment',
           date('now', '-' || (20 + x % 700) || ' days'), date('now', '-' || (1 + x % 700) || ' days'),
           80, 'running', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
    FROM n JOIN scopes sc ON sc.k = x % (SELECT count(*) FROM scopes);
    -- enrolment j (0-based) → class j/60 + 1, worker (j·7919 mod W) + 1: every worker in 2 classes
    WITH RECURSIVE n(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM n WHERE j < \(s.enrolments - 1))
    INSERT INTO enrolments(class_id, worker_id, enrolled_at)
    SELECT j / \(perClass) + 1, '3201' || printf('%014d', (j * \(stride)) % \(s.workers) + 1), '2026-01-01T00:00:00.000Z'
    FROM n;
    COMMIT;
    BEGIN;
    CREATE TEMP TABLE class_days(class_id INTEGER, date TEXT, PRIMARY KEY(class_id, date)) WITHOUT ROWID;
    WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < \(days - 1))
    INSERT INTO class_days SELECT c.id, date(c.start_date, '+' || d.k || ' days') FROM classes c, d;
    INSERT INTO attendance(class_id, worker_id, date, classroom_minutes, online_minutes, updated_at)
    SELECT e.class_id, e.worker_id, cd.date,
           CASE WHEN (e.class_id + length(e.worker_id) + substr(e.worker_id, -3)) % 7 = 0 THEN 240 ELSE 480 END,
           CASE WHEN substr(e.worker_id, -2) % 5 = 0 THEN 60 ELSE 0 END,
           '2026-01-01T00:00:00.000Z'
    FROM enrolments e JOIN class_days cd ON cd.class_id = e.class_id
    ORDER BY e.class_id, e.worker_id, cd.date;
    COMMIT;
    BEGIN;
    WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < \(s.certificates))
    INSERT INTO certificates(id, type, number, occupation_code, level, issuer, issue_date, worker_id, class_id, created_at)
    SELECT x, 'skill_level', printf('Y%017d', x), c.occupation_code, c.level, c.institution,
           c.end_date, e.worker_id, e.class_id, '2026-01-01T00:00:00.000Z'
    FROM n JOIN enrolments e ON e.class_id = (x - 1) / \(perClass) * 2 % \(s.classes) + 1
                            AND e.worker_id = '3201' || printf('%014d', (((x - 1) / \(perClass) * 2 % \(s.classes)) * \(perClass) + (x - 1) % \(perClass)) * \(stride) % \(s.workers) + 1)
           JOIN classes c ON c.id = e.class_id;
    COMMIT;
    CREATE INDEX workers_name ON workers(name);
    CREATE INDEX workers_phone ON workers(phone);
    CREATE INDEX enrolments_worker ON enrolments(worker_id);
    CREATE INDEX attendance_worker_date ON attendance(worker_id, date);
    CREATE INDEX certificates_worker ON certificates(worker_id);
    INSERT OR REPLACE INTO meta(key, value) VALUES ('bench_workers', '\(s.workers)'), ('bench_classes', '\(s.classes)');
    ANALYZE;
    PRAGMA wal_checkpoint(TRUNCATE);
    .timer off
    SELECT 'workers', count(*) FROM workers; SELECT 'classes', count(*) FROM classes;
    SELECT 'enrolments', count(*) FROM enrolments; SELECT 'attendance', count(*) FROM attendance;
    SELECT 'certificates', count(*) FROM certificates;
    """
}

func runGenerate(db: String, scale: Double) throws {
    for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: db + suffix) }
    let s = Scale(workers: Int((1_000_000 * scale).rounded()))
    print("scale           \(scale): \(s.workers) workers, \(s.classes) classes, \(s.enrolments) enrolments, "
          + "\(s.enrolments * days) attendance rows, \(s.certificates) certificates")
    var t = now()
    do {
        // Through the product: schema, users (yescrypt), the demo catalogue (occupations,
        // institutions, may-train scopes). No demo workers.
        _ = try Demo.create(path: db, workers: 0)
    }
    print("product setup   \(format(now() - t, 1)) s (Demo.create with 0 workers)")
    t = now()
    let out = try sqlite(db, bulkSQL(s))
    print(out.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    print("bulk fill       \(format(now() - t, 1)) s")
    print("database size   \(format(fileSizeMiB(db), 1)) MiB")
}

func runMeasure(db: String, reps: Int) throws {
    let desk = try Desk.open(path: db)
    let clerk = try desk.login(name: clerkName, password: clerkPassword)
    let counts = try sqlite(db, "SELECT value FROM meta WHERE key IN ('bench_workers','bench_classes') ORDER BY key;")
        .split(separator: "\n").compactMap { Int($0) }
    guard counts.count == 2 else { fail("not a training-bench database") }
    let (classes, workers) = (counts[0], counts[1])
    print("database        \(db) (\(format(fileSizeMiB(db), 1)) MiB): \(workers) workers, \(classes) classes")
    var rng = SystemRandomNumberGenerator()

    // (a) roster with counted hours
    var t = now()
    let first = try clerk.trainingClass(Int64.random(in: 1...Int64(classes - 1), using: &rng))
    let cold = (now() - t) * 1000
    var times: [Double] = []
    for _ in 0..<reps {
        let id = Int64.random(in: 1...Int64(classes - 1), using: &rng)
        t = now()
        let d = try clerk.trainingClass(id)
        times.append((now() - t) * 1000)
        precondition(d.roster.count == perClass)
    }
    times.sort()
    print("roster (trainingClass, \(first.roster.count) trainees): cold \(format(cold)) ms, median "
          + "\(format(percentile(times, 0.5))) ms, p95 \(format(percentile(times, 0.95))) ms, max \(format(times.last!)) ms (n=\(reps))")

    // (b) one attendance cell; class and roster looked up outside the timing
    times = []
    let attendReps = reps * 4
    var replaced = 0
    for _ in 0..<attendReps {
        let id = Int64.random(in: 1...Int64(classes - 1), using: &rng)
        let d = try clerk.trainingClass(id)
        let worker = d.roster.randomElement(using: &rng)!.workerID
        let date = CalendarDate(iso: d.row.startDate)!.adding(days: Int.random(in: 0...14, using: &rng))
        t = now()
        let r = try clerk.attend(classID: id, workerID: worker, date: date,
                                 classroomMinutes: 30 * Int.random(in: 1...16, using: &rng), onlineMinutes: 0)
        times.append((now() - t) * 1000)
        if r.before != nil { replaced += 1 }
    }
    let slowest = times.enumerated().max(by: { $0.element < $1.element })!.offset
    let slow = times.enumerated().filter { $0.element > 5 }.map { "#\($0.offset) \(format($0.element, 1))" }
    times.sort()
    print("attend (one cell, commit): min \(format(times.first!)) ms, median \(format(percentile(times, 0.5))) ms, p95 "
          + "\(format(percentile(times, 0.95))) ms, max \(format(times.last!)) ms (n=\(attendReps), \(replaced) replaced a row; slowest was #\(slowest); over 5 ms: \(slow.isEmpty ? "none" : slow.joined(separator: ", ")))")

    // (c) archive on a fresh pool
    let desk2 = try Desk.open(path: db)
    let clerk2 = try desk2.login(name: clerkName, password: clerkPassword)
    t = now()
    let a0 = try clerk2.archive(workerID: workerID(Int.random(in: 1...workers, using: &rng)))
    let coldA = (now() - t) * 1000
    times = []
    var certs = 0
    for _ in 0..<reps {
        let w = workerID(Int.random(in: 1...workers, using: &rng))
        t = now()
        let a = try clerk2.archive(workerID: w)
        times.append((now() - t) * 1000)
        precondition(a.classes.count == 2)
        certs += a.certificates.count
    }
    times.sort()
    print("archive (\(a0.classes.count) classes, \(a0.certificates.count) certs): cold \(format(coldA)) ms, median "
          + "\(format(percentile(times, 0.5))) ms, p95 \(format(percentile(times, 0.95))) ms, max \(format(times.last!)) ms "
          + "(n=\(reps), \(certs) certificates in total)")
}

let args = Array(CommandLine.arguments.dropFirst())
do {
    guard args.count >= 2 else { fail(usage) }
    var scale = 1.0, reps = 50
    var i = 2
    while i < args.count {
        switch args[i] {
        case "--scale" where i + 1 < args.count: scale = Double(args[i + 1]) ?? scale; i += 2
        case "--reps" where i + 1 < args.count: reps = Int(args[i + 1]) ?? reps; i += 2
        default: fail(usage)
        }
    }
    switch args[0] {
    case "generate": try runGenerate(db: args[1], scale: scale)
    case "measure": try runMeasure(db: args[1], reps: max(1, reps))
    default: fail(usage)
    }
} catch {
    fail("training-bench: \(error)")
}
