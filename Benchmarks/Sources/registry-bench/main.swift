import Foundation
import SkillCore
import SkillDesk
import SkillStore

// registry-bench: the figures behind docs/PERFORMANCE.md.
//
//   registry-bench import CSV DB     fresh database, clerk imports CSV; wall time, rows/s, peak RSS
//   registry-bench search DB [--reps N] [--drop-caches]
//                                    first page (50 rows) of typical searches: cold, median, p95, max
//
// Plain argument parsing keeps this package's only dependency the product itself.

let usage = """
    usage: registry-bench import CSV DB
           registry-bench search DB [--reps N] [--drop-caches]
    """

let adminPassword = "bench-admin-pass-1"
let clerkPassword = "bench-clerk-pass-1"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

/// Monotonic seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Peak resident set size of this process in MiB (`ru_maxrss` is KiB on Linux).
func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func fileSizeMiB(_ path: String) -> Double {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.doubleValue ?? 0
    return size / 1_048_576
}

func format(_ v: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", v) }

// MARK: import

func runImport(csv: String, db: String) throws {
    guard FileManager.default.fileExists(atPath: csv) else { fail("no such CSV: \(csv)") }
    for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: db + suffix) }

    let setupStart = now()
    let desk = try Desk.initialize(path: db, admin: "admin", password: adminPassword)
    let admin = try desk.login(name: "admin", password: adminPassword)
    try admin.addUser(name: "clerk", roles: [.clerk], password: clerkPassword)
    let clerk = try desk.login(name: "clerk", password: clerkPassword)
    let setup = now() - setupStart
    let rssBefore = peakRSSMiB()

    let start = now()
    let report = try clerk.importWorkers(path: csv, options: ImportOptions())
    let wall = now() - start

    print("csv             \(csv) (\(format(fileSizeMiB(csv), 1)) MiB)")
    print("database        \(db)")
    print("setup           \(format(setup, 3)) s (initialize, 2 logins, addUser: yescrypt hashes)")
    print("import wall     \(format(wall, 3)) s")
    print("rows/s          \(format(Double(report.imported + report.rejected) / wall, 0))")
    print("imported        \(report.imported)")
    print("rejected        \(report.rejected)")
    for r in report.rejects.prefix(5) { print("  line \(r.line): \(r.reason)") }
    print("peak RSS        \(format(peakRSSMiB(), 1)) MiB (before import: \(format(rssBefore, 1)) MiB)")
    print("database size   \(format(fileSizeMiB(db), 1)) MiB (+ WAL \(format(fileSizeMiB(db + "-wal"), 1)) MiB)")
}

// MARK: search

struct SearchCase {
    let label: String
    /// Cycled through in the repetitions, so the timings are not only hits on one query's pages.
    let texts: [String]
}

let searchCases = [
    SearchCase(label: "ID prefix 4", texts: ["3201", "3202", "3203", "3204", "3205", "3206", "3207", "3208"]),
    SearchCase(label: "ID prefix 8", texts: ["32010219", "32020519", "32030319", "32041119",
                                             "32050619", "32058319", "32068119", "32070519"]),
    SearchCase(label: "surname 张/王...", texts: ["张", "王", "李", "刘", "陈", "杨", "赵", "黄"]),
    SearchCase(label: "name substring", texts: ["桂兰", "秀英", "建华", "玉兰", "志强", "秀兰", "红梅", "丽娟"]),
    SearchCase(label: "full name", texts: ["张桂兰", "王秀英", "李建华", "刘玉兰", "陈志强", "杨秀兰"]),
    SearchCase(label: "no match, rare", texts: ["鑫鑫鑫", "zzqx", "qqxz", "龘龘", "伟伟伟", "丽丽丽"]),
    SearchCase(label: "no match, common", texts: ["王张", "张王", "李王", "王李", "张李", "刘陈"]),
    SearchCase(label: "phone prefix", texts: ["139", "138", "137", "159", "186", "1391", "18912"]),
]

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    let i = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
    return sorted[i]
}

/// Asks the kernel to drop its page cache (root only); false when it cannot.
func dropOSCaches() -> Bool {
    sync()
    guard let h = FileHandle(forWritingAtPath: "/proc/sys/vm/drop_caches") else { return false }
    defer { try? h.close() }
    return (try? h.write(contentsOf: Data("3\n".utf8))) != nil
}

func runSearch(db: String, reps: Int, dropCaches: Bool) throws {
    guard FileManager.default.fileExists(atPath: db) else { fail("no such database: \(db)") }
    do {
        let desk = try Desk.open(path: db)
        let s = try desk.login(name: "clerk", password: clerkPassword)
        print("database        \(db) (\(format(fileSizeMiB(db), 1)) MiB), \(try s.workerCount()) workers")
    }
    print("cold = first query on a freshly opened database (empty SQLite cache)"
          + (dropCaches ? ", after dropping the OS page cache" : ", OS page cache as it is"))
    print("warm = \(reps) queries cycling through the case's texts; page = 50 rows (limit 50)\n")
    let header = ["case", "texts", "rows", "cold ms", "median ms", "p95 ms", "max ms"]
    print(header.joined(separator: " | "))
    var dropped = true
    for c in searchCases {
        // A fresh pool for each case, so its cold query does not ride on the previous case's pages.
        let desk = try Desk.open(path: db)
        let session = try desk.login(name: "clerk", password: clerkPassword)
        _ = try session.findWorker(id: "000000000000000000")  // opens the reader connection
        if dropCaches { dropped = dropOSCaches() && dropped }

        var t = now()
        let first = try session.searchWorkers(c.texts[0], offset: 0, limit: 50)
        let cold = (now() - t) * 1000
        var times: [Double] = []
        var rows: [Int] = []
        for i in 0..<reps {
            let text = c.texts[i % c.texts.count]
            t = now()
            let page = try session.searchWorkers(text, offset: 0, limit: 50)
            times.append((now() - t) * 1000)
            if i < c.texts.count { rows.append(page.rows.count) }
        }
        times.sort()
        let rowsText = "\(first.rows.count)\(first.hasMore ? "+" : "") [\(rows.map(String.init).joined(separator: ","))]"
        print([c.label, c.texts.joined(separator: " "), rowsText, format(cold), format(percentile(times, 0.5)),
               format(percentile(times, 0.95)), format(times.last!)].joined(separator: " | "))
    }
    if dropCaches && !dropped { print("\n(note: could not drop the OS page cache; cold figures are SQLite-cold only)") }
    print("\npeak RSS        \(format(peakRSSMiB(), 1)) MiB")
}

// MARK: main

let args = Array(CommandLine.arguments.dropFirst())
do {
    switch args.first {
    case "import":
        guard args.count == 3 else { fail(usage) }
        try runImport(csv: args[1], db: args[2])
    case "search":
        guard args.count >= 2 else { fail(usage) }
        var reps = 50
        var drop = false
        var i = 2
        while i < args.count {
            switch args[i] {
            case "--reps" where i + 1 < args.count: reps = Int(args[i + 1]) ?? reps; i += 2
            case "--drop-caches": drop = true; i += 1
            default: fail(usage)
            }
        }
        try runSearch(db: args[1], reps: max(1, reps), dropCaches: drop)
    default:
        fail(usage)
    }
} catch {
    fail("registry-bench: \(error)")
}
