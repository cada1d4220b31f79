import Foundation
import GRDB
import SkillCore
import Testing
@testable import SkillStore
import SkillRecords

@Suite("Audit trail: hash chain and append-only triggers")
struct AuditTrailTests {
    /// A file store with `count` audit rows written in three transactions (one of them with
    /// two rows), plus a plain GRDB connection to the same file: the "attacker" with sqlite3.
    static func fixture(_ dir: TempDir) throws -> (Store, DatabaseQueue) {
        let path = dir.file("audit.sqlite")
        let store = try Store.open(path: path, create: true)
        let ids = (41...44).map { residentID(seq: $0) }
        try store.write { w throws in
            let row = try #require(try w.insertWorker(try makeWorker(id: ids[0], name: "张桂兰"), at: fixedNow))
            try w.audit(at: fixedNow, user: "clerk1", action: "worker.create", entity: "worker", key: row.id,
                        before: nil, after: #"{"name":"张桂兰"}"#)
        }
        try store.write { w throws in
            for (i, id) in ids[1...2].enumerated() {
                _ = try w.insertWorker(try makeWorker(id: id, name: i == 0 ? "李伟" : "王芳"), at: fixedNow)
                try w.audit(at: fixedNow.addingTimeInterval(1), user: "clerk1", action: "worker.create",
                            entity: "worker", key: id, before: nil, after: #"{"n":\#(i)}"#)
            }
        }
        try store.write { w throws in
            try w.audit(at: fixedNow.addingTimeInterval(2), user: "clerk2", action: "worker.update", entity: "worker",
                        key: ids[0], before: #"{"name":"张桂兰"}"#, after: #"{"name":"张桂芳"}"#)
        }
        return (store, try DatabaseQueue(path: path))
    }

    @Test func severalWritesVerifyIntactWithTheRightCount() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (store, _) = try Self.fixture(dir)
        try store.read { r throws in
            #expect(try r.auditCount() == 4)
            #expect(try r.verifyAudit() == .intact(entries: 4))
            // Each row links to the one before; the head is the last row's hash.
            let id = residentID(seq: 41)
            let history = try r.auditEntries(entity: "worker", key: id)
            #expect(history.map(\.seq) == [1, 4])
            #expect(history.map(\.action) == ["worker.create", "worker.update"])
            #expect(history[0].prevHash == AuditChain.genesis)
            #expect(history[1].before == #"{"name":"张桂兰"}"#)
            #expect(try r.auditHead() == history[1].hash)
            #expect(history[0].at == "2026-01-15T08:00:00.000Z")
        }
    }

    @Test func anEmptyTrailIsIntactWithZeroEntries() throws {
        let store = try Store.inMemory()
        try store.read { r throws in
            #expect(try r.verifyAudit() == .intact(entries: 0))
            #expect(try r.auditHead() == String(repeating: "0", count: 64))
        }
    }

    @Test func theTriggersRefuseUpdateAndDelete() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (store, sqlite) = try Self.fixture(dir)
        for sql in ["UPDATE audit SET after = '{\"name\":\"someone else\"}' WHERE seq = 2",
                    "DELETE FROM audit WHERE seq = 2",
                    "DELETE FROM audit"] {
            let error = #expect(throws: DatabaseError.self) { try sqlite.write { try $0.execute(sql: sql) } }
            #expect(error?.message?.contains("append-only") == true)
            // The program's own connection is refused the same way.
            #expect(throws: DatabaseError.self) { try store.writer.write { try $0.execute(sql: sql) } }
        }
        try store.read { r throws in
            #expect(try r.auditCount() == 4)
            #expect(try r.verifyAudit() == .intact(entries: 4))
        }
    }

    @Test func editingAnAfterBehindTheProgramsBackIsAHashMismatchAtThatRow() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (store, sqlite) = try Self.fixture(dir)
        try sqlite.write { db throws in
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            try db.execute(sql: #"UPDATE audit SET after = '{"n":7}' WHERE seq = 3"#)
        }
        #expect(try store.read { try $0.verifyAudit() } == .broken(seq: 3, reason: .hashMismatch))
    }

    @Test(arguments: ["user = 'admin'", "action = 'worker.delete'", "at = '2020-01-01T00:00:00.000Z'",
                      "before = NULL", "after = NULL", "key = 'x'"])
    func editingAnyFieldIsDetected(assignment: String) throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (store, sqlite) = try Self.fixture(dir)
        try sqlite.write { db throws in
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            try db.execute(sql: "UPDATE audit SET \(assignment) WHERE seq = 4")
        }
        #expect(try store.read { try $0.verifyAudit() } == .broken(seq: 4, reason: .hashMismatch))
    }

    @Test func rehashingAnEditedRowBreaksTheChainAtTheNextRow() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (store, sqlite) = try Self.fixture(dir)
        // A careful attacker recomputes row 2's hash after the edit; row 3 still names the old one.
        try sqlite.write { db throws in
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM audit WHERE seq = 2"))
            let e = AuditChain.entry(row)
            let forged = AuditChain.hash(seq: e.seq, at: e.at, user: e.user, action: e.action, entity: e.entity,
                                         key: e.key, before: e.before, after: #"{"n":9}"#, prevHash: e.prevHash)
            try db.execute(sql: #"UPDATE audit SET after = '{"n":9}', hash = ? WHERE seq = 2"#, arguments: [forged])
        }
        #expect(try store.read { try $0.verifyAudit() } == .broken(seq: 3, reason: .chainMismatch))
    }

    @Test func deletingAMiddleRowIsAGap() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (store, sqlite) = try Self.fixture(dir)
        try sqlite.write { db throws in
            try db.execute(sql: "DROP TRIGGER audit_no_delete")
            try db.execute(sql: "DELETE FROM audit WHERE seq = 2")
        }
        #expect(try store.read { try $0.verifyAudit() } == .broken(seq: 3, reason: .gap))
    }

    @Test func aRowInsertedBehindTheProgramsBackIsDetected() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (store, sqlite) = try Self.fixture(dir)
        // An extra row at the end that does not link to the head.
        try sqlite.write { db throws in
            try db.execute(sql: """
                INSERT INTO audit(seq, at, user, action, entity, key, before, after, prev_hash, hash)
                VALUES (5, '2026-01-15T09:00:00.000Z', 'x', 'worker.create', 'worker', 'k', NULL, NULL, ?, ?)
                """, arguments: [String(repeating: "a", count: 64), String(repeating: "b", count: 64)])
        }
        #expect(try store.read { try $0.verifyAudit() } == .broken(seq: 5, reason: .chainMismatch))
    }

    @Test func nullAndEmptyBeforeHashDifferently() {
        let a = AuditChain.hash(seq: 1, at: "t", user: "u", action: "a", entity: "e", key: "k",
                                before: nil, after: "x", prevHash: AuditChain.genesis)
        let b = AuditChain.hash(seq: 1, at: "t", user: "u", action: "a", entity: "e", key: "k",
                                before: "", after: "x", prevHash: AuditChain.genesis)
        #expect(a != b)
        #expect(a.count == 64)
    }

    @Test func timestampsAreUTCWithMilliseconds() {
        let t = Date(timeIntervalSince1970: 1_768_464_000.25)
        #expect(Timestamp.utc(t) == "2026-01-15T08:00:00.250Z")
        let parsed = Timestamp.parse("2026-01-15T08:00:00.250Z")
        #expect(parsed.map { abs($0.timeIntervalSince(t)) < 0.001 } == true)
    }
}
