import Foundation
import GRDB
import SkillRecords
#if canImport(GRDBSQLite)
import GRDBSQLite  // the C API GRDB is built on (Linux)
#else
import SQLite3
#endif

/// Runs WAL checkpoints off the commit path. SQLite's default (`wal_autocheckpoint`, 1,000 pages)
/// checkpoints inside the commit that crosses the threshold, so about one attendance commit in
/// 170 took 17–50 ms instead of under 1 ms (docs/PERFORMANCE.md). Instead, a WAL hook on the
/// writer connection (which replaces SQLite's auto-checkpoint hook: never set the pragma after
/// it) notes the WAL's size after each commit, and past the threshold a PASSIVE checkpoint runs on
/// a background queue, on a connection of its own, so it holds neither GRDB's writer queue nor
/// SQLite's write lock. One at a time; every later commit over the threshold tries again, so a
/// checkpoint that readers held back, or that a process's exit cut short (harmless: a checkpoint
/// is crash-safe), is retried. `Store` waits for a running one when it goes away.
final class Checkpointer: @unchecked Sendable {
    let path: String
    let thresholdPages: Int
    private let queue = DispatchQueue(label: "SkillDesk.checkpoint", qos: .utility)
    private let lock = NSLock()
    private var pending = false
    private var connection: DatabaseQueue?
    private var done = 0

    init(path: String, thresholdPages: Int = 1_000) {
        self.path = path
        self.thresholdPages = thresholdPages
    }

    /// Checkpoints run so far (tests).
    var completed: Int { lock.lock(); defer { lock.unlock() }; return done }

    /// Installs the hook on a writer connection.
    func install(on db: Database) {
        sqlite3_wal_hook(db.sqliteConnection, { context, _, _, pages in
            Unmanaged<Checkpointer>.fromOpaque(context!).takeUnretainedValue().walGrew(pages: Int(pages))
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Called by SQLite right after a commit, on the committing thread: must stay cheap.
    func walGrew(pages: Int) {
        guard pages >= thresholdPages else { return }
        lock.lock()
        if pending { lock.unlock(); return }
        pending = true
        lock.unlock()
        queue.async { [self] in
            // ignoring is right: a checkpoint that fails (busy readers) is retried after the next
            // commits, and SQLite's WAL stays correct meanwhile — only larger.
            try? checkpoint()
            lock.lock()
            pending = false
            done += 1
            lock.unlock()
        }
    }

    private func checkpoint() throws {
        if connection == nil {
            var config = Configuration()
            config.label = "SkillDesk.checkpoint"
            connection = try DatabaseQueue(path: path, configuration: config)
        }
        try connection?.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
    }

    /// Waits for a checkpoint under way (tests).
    func waitIdle() { queue.sync {} }

    /// Waits for a checkpoint under way, then closes the checkpoint connection.
    func finish() {
        queue.sync {
            // ignoring is right: closing at the end; the store is going away and nothing is left to write.
            try? connection?.close()
            connection = nil
        }
    }
}
