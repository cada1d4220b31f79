import Foundation
import GRDB
import SkillCore
import Testing
@testable import SkillStore
import SkillRecords

@Suite("WAL checkpoints run off the commit path")
struct CheckpointTests {
    /// Frames in the -wal file (a frame is a 4 KiB page plus a 24-byte header).
    static func walFrames(_ path: String) -> Int {
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)??.intValue ?? 0
        return size / (4096 + 24)
    }

    /// 1,200 commits of about two pages each.
    static func fill(_ store: Store) throws {
        let blob = String(repeating: "x", count: 3_000)
        try store.writer.write { db in try db.execute(sql: "CREATE TABLE t(x TEXT)") }
        for _ in 0..<1_200 {
            try store.writer.write { db in try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: [blob]) }
        }
    }

    @Test func aCommitNeverCheckpoints() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("cp.sqlite")
        let store = try Store.open(path: path, create: true, checkpointPages: Int.max)
        try Self.fill(store)
        // SQLite's own auto-checkpoint (1,000 pages) would have reset the WAL along the way and
        // kept it near 1,000 frames; with the hook in its place the commits never checkpoint.
        #expect(Self.walFrames(path) > 2_000)
        #expect(store.checkpointer?.completed == 0)
    }

    @Test func pastTheThresholdTheBackgroundCheckpointRuns() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("cp.sqlite")
        let store = try Store.open(path: path, create: true)
        let cp = try #require(store.checkpointer)
        #expect(cp.thresholdPages == 1_000)
        try Self.fill(store)
        cp.waitIdle()
        #expect(cp.completed >= 1)
        // Commits as fast as a loop can make them may outrun a checkpoint; once writes pause, a
        // commit over the threshold schedules one that catches up and the next commit starts the
        // WAL afresh — either way the WAL ends below the threshold (3,400 frames were written).
        let one = { try store.writer.write { db in try db.execute(sql: "INSERT INTO t VALUES ('y')") } }
        try one()
        cp.waitIdle()
        try one()
        let frames = try store.writer.writeWithoutTransaction { db in try db.checkpoint(.passive).walFrameCount }
        #expect(frames < 1_000, "the WAL was checkpointed and restarted")
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") } == 1_202)
    }

    @Test func anInMemoryStoreHasNone() throws {
        #expect(try Store.inMemory().checkpointer == nil)
    }
}
