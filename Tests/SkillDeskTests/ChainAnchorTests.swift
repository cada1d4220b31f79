import Foundation
import SkillCore
import Testing
@testable import SkillDesk
@testable import SkillStore
import SkillRecords

/// Issue 10, break 3: the head anchored outside the database (at creation, every
/// `Desk.anchorInterval` entries, on request), and how a chain may begin.
@Suite("Trust: anchors outside the database and the chain's beginning")
struct ChainAnchorTests {
    static func tempDB() throws -> (dir: String, db: String) {
        let dir = NSTemporaryDirectory() + "skilldesk-anchors-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return (dir, dir + "/a.sqlite")
    }

    static func anchorLines(_ path: String) -> [Substring] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.contains(" anchor ") }
    }

    /// Written only with the API that existed before anchors: the files beside the database.
    @Test func theHeadIsAnchoredAtCreationAndEveryHundredEntriesAfterCommit() throws {
        let (dir, db) = try Self.tempDB()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let desk = try Desk.initialize(path: db, admin: "boss", password: "boss-pass-12")
        #expect(Self.anchorLines(db + ".anchors").count == 1)
        // Each refused login is one committed audit row; 3 rows exist after creation.
        for i in 0..<100 { _ = try? desk.login(name: "nobody\(i)", password: "whatever-123") }
        let anchors = Self.anchorLines(db + ".anchors")
        #expect(anchors.count == 2, "\(anchors)")
        #expect(anchors.last?.contains("seq=100 ") == true && anchors.last?.hasSuffix("why=every-100") == true, "\(anchors)")
        #expect(Self.anchorLines(db + ".log").count == 2)
        let mode = try FileManager.default.attributesOfItem(atPath: db + ".anchors")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func backupsAndReportsAnchorThroughOneCall() throws {
        let (dir, db) = try Self.tempDB()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let elsewhere = dir + "/sub/anchors"   // a directory that does not exist: refused, exit 74
        try FileManager.default.createDirectory(atPath: dir + "/other", withIntermediateDirectories: true)
        let trust = TrustFiles(anchorPath: dir + "/other/anchors", logPath: dir + "/other/log")
        let desk = try Desk.initialize(path: db, admin: "boss", password: "boss-pass-12", trust: trust)
        #expect(!FileManager.default.fileExists(atPath: db + ".anchors"))
        let a = try #require(try desk.anchor(why: "backup"))
        let head = try desk.store.read { try $0.auditHeadPosition() }
        #expect(a.seq == head.seq && a.hash == head.hash && a.why == "backup")
        #expect(Self.anchorLines(trust.anchorPath).last.flatMap(Anchor.parse) == a)
        #expect(Self.anchorLines(trust.logPath).last.flatMap(Anchor.parse) == a)
        let broken = Desk(store: desk.store, trust: TrustFiles(anchorPath: elsewhere, logPath: dir + "/other/log"))
        #expect(throws: DeskError.self) { try broken.anchor(why: "report") }
        // A database whose creation could not be anchored is not created at all.
        #expect(throws: DeskError.self) {
            try Desk.initialize(path: dir + "/b.sqlite", admin: "boss", password: "boss-pass-12",
                                trust: TrustFiles(anchorPath: elsewhere, logPath: dir + "/other/log"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/b.sqlite"))
        // Beside a database in a directory init makes: the anchors are made with it.
        let fresh = dir + "/new/sub/c.sqlite"
        try Desk.initialize(path: fresh, admin: "boss", password: "boss-pass-12")
        #expect(Self.anchorLines(fresh + ".anchors").count == 1 && Self.anchorLines(fresh + ".log").count == 1)
    }

    /// Reads go on with a dropped trigger (the lists that first sweep ended notices too); every
    /// write is refused, naming it, until an administrator's repair, which the chain records.
    @Test func withATriggerDroppedReadsWorkWritesWaitForRepair() throws {
        let (dir, db) = try Self.tempDB()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do { _ = try Desk.initialize(path: db, admin: "boss", password: "boss-pass-12") }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [db, "DROP TRIGGER attendance_insert_marks_claims"]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        let desk = try Desk.open(path: db)
        let boss = try desk.login(name: "boss", password: "boss-pass-12")
        #expect(try boss.claimQueue().items.isEmpty)
        #expect(try boss.noticeList().isEmpty)
        #expect(try boss.verifyChain().ok)
        let refused = #expect(throws: DeskError.self) { try boss.addUser(name: "ann", roles: [.clerk], password: "ann-pass-123") }
        #expect(refused?.message(.en).contains("trigger attendance_insert_marks_claims (missing)") == true)
        #expect(refused?.message(.en).contains("skilldesk repair") == true)
        #expect(try boss.users().count == 1)
        let clerkless = Session(desk: desk, user: "auditor1", roles: [.auditor])
        #expect(throws: DeskError.self) { try clerkless.repairSchema() }
        let repaired = try boss.repairSchema()
        #expect(repaired.map(\.description) == ["trigger attendance_insert_marks_claims (missing)"])
        #expect(try boss.repairSchema().isEmpty)   // nothing left: no second audit row
        try boss.addUser(name: "ann", roles: [.clerk], password: "ann-pass-123")
        let trail = try boss.auditEntries(entity: "database", key: try #require(try desk.store.read { try $0.meta("db_id") }))
        #expect(trail.map(\.action) == ["database.create", "schema.repair"])
        #expect(trail.last?.after?.contains(#""name":"attendance_insert_marks_claims","problem":"missing""#) == true)
    }

    static func entry(_ seq: Int64 = 1, action: String, user: String = "system", entity: String, key: String,
                      at: String = "2026-01-15T08:00:00.000Z", after: String? = nil) -> AuditEntry {
        AuditEntry(seq: seq, at: at, user: user, action: action, entity: entity, key: key, before: nil, after: after,
                   prevHash: String(repeating: "0", count: 64), hash: "")
    }

    @Test func aChainBeginsWithTheDatabasesCreationOrExactlyTheLegacyShape() {
        let at = "2026-01-15T08:00:00.000Z", id = "abc123"
        let creation = Self.entry(action: "database.create", entity: "database", key: id,
                                  after: ChainCheck.creationAfter(dbID: id, createdAt: at))
        #expect(ChainCheck.start(first: creation, dbID: id, createdAt: at, legacyHead: nil) == .creation(dbID: id, at: at))
        // Another id or time in meta than the creation entry carries: restarted.
        if case .restarted = ChainCheck.start(first: creation, dbID: "other", createdAt: at, legacyHead: nil) {} else { Issue.record("id") }
        if case .restarted = ChainCheck.start(first: creation, dbID: id, createdAt: "2026-01-16T08:00:00.000Z", legacyHead: nil) {} else { Issue.record("time") }

        let legacy = Self.entry(action: "policy.use", entity: "settings", key: "policy", after: #"{"policy":"nanjing-2019"}"#)
        #expect(ChainCheck.start(first: legacy, dbID: id, createdAt: at, legacyHead: "12 ab") == .legacy(at: at))
        // The legacy shape only for a database that had a trail when upgraded, by system, at meta.created_at.
        for (first, legacyHead) in [(legacy, nil as String?),
                                    (Self.entry(action: "policy.use", user: "boss", entity: "settings", key: "policy"), "12 ab"),
                                    (Self.entry(action: "policy.use", entity: "settings", key: "policy", at: "2026-01-15T08:00:01.000Z"), "12 ab"),
                                    (Self.entry(action: "login", user: "boss", entity: "user", key: "boss"), "12 ab"),
                                    (Self.entry(2, action: "database.create", entity: "database", key: id), "12 ab")] {
            if case .restarted = ChainCheck.start(first: first, dbID: id, createdAt: at, legacyHead: legacyHead) {} else {
                Issue.record("accepted \(first.action) by \(first.user) at \(first.at) seq \(first.seq)")
            }
        }
        if case .restarted = ChainCheck.start(first: nil, dbID: id, createdAt: at, legacyHead: "1 a") {} else { Issue.record("empty") }
    }

    @Test func anUpgradedDatabaseKeepsItsTrailAndBeginsTheLegacyWay() throws {
        // A database as earlier versions made it: migrated to v8, the bootstrap rows of those days.
        let (dir, db) = try Self.tempDB()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            let store = try Store.open(path: db, create: true)
            try store.write { w in
                try w.setMeta("created_at", Timestamp.utc(fixedNow))
                try w.audit(at: fixedNow, user: "system", action: "policy.use", entity: "settings", key: "policy",
                            before: nil, after: #"{"policy":"nanjing-2019"}"#)
            }
            // What the v9 migration would have found: an existing trail (set as it sets it).
            try store.write { w in try w.setMeta("legacy_head", "1 x") }
        }
        let desk = try Desk.open(path: db)
        let report = try desk.checkChain(by: "auditor")
        #expect(report.start == .legacy(at: Timestamp.utc(fixedNow)))
        // No anchors yet: the missing files are named but do not fail an older database's first verify.
        #expect(report.missingSources.count == 2 && !report.missingFails && report.ok)
        #expect(report.anchoredNow?.seq == 1)
        let again = try desk.checkChain(by: "auditor")
        #expect(again.ok && again.missingSources.isEmpty && again.anchorsChecked == 2 && again.missingFails)
    }
}
