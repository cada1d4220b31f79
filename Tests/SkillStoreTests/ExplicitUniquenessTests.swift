import Foundation
import GRDB
import SkillCore
import Testing
@testable import SkillStore
import SkillRecords

/// What SQLite's single writer hid, as constraints (migration v10, issue 11 item 7): each test
/// does through the store what a second writer racing the first would do, and would pass the
/// write without the constraint.
@Suite("Explicit uniqueness: live claims, fund versions, audit chain, batch numbers")
struct ExplicitUniquenessTests {
    /// An institution, classes 1 and 2, and certificate 1 of worker W (the claims' foreign keys).
    static func store() throws -> Store {
        let store = try Store.inMemory()
        try store.write { w throws in
            try w.db.execute(sql: """
                INSERT INTO institutions(code, name, kind, created_at, updated_at) VALUES ('INST', '学校', 'school', 'now', 'now');
                INSERT INTO classes(id, institution, occupation_code, level, type, start_date, end_date, planned_hours, created_at, updated_at)
                VALUES (1, 'INST', '6-31-01-03', '4', 'employment', '2025-01-01', '2025-02-01', 100, 'now', 'now'),
                       (2, 'INST', '6-31-01-03', '4', 'employment', '2025-03-01', '2025-04-01', 100, 'now', 'now');
                INSERT INTO certificates(id, type, number, occupation_code, issue_date, worker_id, created_at)
                VALUES (1, 'vocational', 'N1', '6-31-01-03', '2025-03-01', 'W', 'now'),
                       (2, 'vocational', 'N2', '6-31-01-03', '2025-03-02', 'W', 'now');
                """)
        }
        return store
    }

    static func claim(_ kind: SubsidyKind = .training, classID: Int64? = 1, certificateID: Int64? = nil,
                      worker: String = "W", status: ClaimStatus = .draft) -> NewClaim {
        NewClaim(workerID: worker, kind: kind, classID: classID, certificateID: certificateID, institution: "INST",
                 occupationCode: "6-31-01-03", level: .l4, claimYear: 2025, claimDate: CalendarDate(year: 2025, month: 6, day: 1)!,
                 amountFen: 100, payee: .worker, status: status, preparedBy: "clerk1")
    }

    static func count(_ store: Store) throws -> Int {
        try store.read { r throws in try Int.fetchOne(r.db, sql: "SELECT count(*) FROM claims") ?? 0 }
    }

    // MARK: live claims

    @Test func twoInsertsOfTheSameLiveClaimAreRefusedByTheStore() throws {
        let store = try Self.store()
        let first = try store.write { w throws in try w.insertClaim(Self.claim(), at: fixedNow) }
        #expect(throws: StoreError.conflict(.liveClaim(existing: first.id, workerID: "W", kind: "training"))) {
            try store.write { w throws in _ = try w.insertClaim(Self.claim(status: .submitted), at: fixedNow) }
        }
        #expect(try Self.count(store) == 1)
        // Refused in a write that did other work first: the whole write is undone.
        #expect(throws: StoreError.self) {
            try store.write { w throws in
                _ = try w.insertClaim(Self.claim(.training, classID: 2), at: fixedNow)
                _ = try w.insertClaim(Self.claim(), at: fixedNow)
            }
        }
        #expect(try Self.count(store) == 1)
        // The message names the claim there, in both languages.
        let e = StoreError.conflict(.liveClaim(existing: first.id, workerID: "W", kind: "training"))
        #expect(e.message(.en).contains("(\(first.id))") && e.message(.zh).contains(" \(first.id)"))
    }

    @Test func onlyExactLiveDuplicatesAreRefused() throws {
        let store = try Self.store()
        try store.write { w throws in
            _ = try w.insertClaim(Self.claim(), at: fixedNow)
            _ = try w.insertClaim(Self.claim(.livingAllowance), at: fixedNow)             // another kind, same class
            _ = try w.insertClaim(Self.claim(classID: 2), at: fixedNow)                   // same kind, another class
            _ = try w.insertClaim(Self.claim(worker: "V"), at: fixedNow)                  // another worker
            _ = try w.insertClaim(Self.claim(.appraisal, classID: nil, certificateID: 1), at: fixedNow)
            _ = try w.insertClaim(Self.claim(.appraisal, classID: nil, certificateID: 2), at: fixedNow)
            // A certificate claim and a class claim whose ids are equal are different keys.
            _ = try w.insertClaim(Self.claim(.appraisal, classID: 1), at: fixedNow)
            // Neither class nor certificate: the use case never calls these duplicates.
            _ = try w.insertClaim(Self.claim(.highSkillReward, classID: nil), at: fixedNow)
            _ = try w.insertClaim(Self.claim(.highSkillReward, classID: nil), at: fixedNow)
        }
        #expect(try Self.count(store) == 9)
        #expect(throws: StoreError.conflict(.liveClaim(existing: 5, workerID: "W", kind: "appraisal"))) {
            try store.write { w throws in _ = try w.insertClaim(Self.claim(.appraisal, classID: nil, certificateID: 1), at: fixedNow) }
        }
        #expect(try Self.count(store) == 9)
    }

    @Test func aRejectedOrRecoveredClaimMakesRoomForANewOne() throws {
        let store = try Self.store()
        try store.write { w throws in
            _ = try w.insertClaim(Self.claim(status: .rejected), at: fixedNow)
            _ = try w.insertClaim(Self.claim(status: .recovered), at: fixedNow)
            _ = try w.insertClaim(Self.claim(status: .paid), at: fixedNow)
        }
        #expect(throws: StoreError.conflict(.liveClaim(existing: 3, workerID: "W", kind: "training"))) {
            try store.write { w throws in _ = try w.insertClaim(Self.claim(status: .clawback), at: fixedNow) }
        }
    }

    @Test func aSavedClaimCannotBecomeASecondLiveOne() throws {
        let store = try Self.store()
        let (a, b) = try store.write { w throws in
            (try w.insertClaim(Self.claim(.appraisal, classID: nil, certificateID: 1), at: fixedNow),
             try w.insertClaim(Self.claim(.appraisal, classID: nil, certificateID: 2), at: fixedNow))
        }
        var moved = b
        moved.certificateID = a.certificateID
        #expect(throws: StoreError.conflict(.liveClaim(existing: a.id, workerID: "W", kind: "appraisal"))) {
            try store.write { w throws in _ = try w.saveClaim(moved, at: fixedNow) }
        }
        #expect(try store.read { try $0.claim(id: b.id)?.certificateID } == 2)
    }

    /// A database from before v10 with two live claims the index forbids is refused, naming them,
    /// and left at v9; one whose duplicate is rejected migrates.
    @Test func aDatabaseHoldingLiveDuplicatesIsRefusedByTheMigrationUnchanged() throws {
        for (status, refused) in [("submitted", true), ("rejected", false)] {
            let queue = try DatabaseQueue(configuration: Store.configuration())
            try Schema.migrator.migrate(queue, upTo: "v9-database-identity")
            try queue.write { db throws in
                try db.execute(sql: """
                    INSERT INTO institutions(code, name, kind, created_at, updated_at) VALUES ('INST', '学校', 'school', 'now', 'now');
                    INSERT INTO classes(id, institution, occupation_code, level, type, start_date, end_date, planned_hours, created_at, updated_at)
                    VALUES (1, 'INST', '6-31-01-03', '4', 'employment', '2025-01-01', '2025-02-01', 100, 'now', 'now');
                    """)
                for (worker, s) in [("W", "draft"), ("V", "draft"), ("W", status), ("W", "paid")] {
                    try db.execute(sql: """
                        INSERT INTO claims(worker_id, kind, class_id, occupation_code, level, claim_year, claim_date, amount_fen,
                            payee, status, prepared_by, created_at, updated_at)
                        VALUES (?, 'training', 1, '6-31-01-03', '4', 2025, '2025-06-01', 1, 'worker', ?, 'c', 'now', 'now')
                        """, arguments: [worker, s])
                }
            }
            if refused {
                #expect(throws: StoreError.duplicateLiveClaims([[1, 3, 4]])) { try Schema.migrator.migrate(queue) }
                try queue.read { db throws in
                    #expect(try Schema.migrator.appliedIdentifiers(db).contains(Schema.explicitUniqueness) == false)
                    #expect(try Self.uniqueIndex(db, "claims_one_live") == nil)
                    #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") == 4)
                }
                #expect(StoreError.duplicateLiveClaims([[1, 3, 4]]).message(.en).contains("1, 3, 4"))
                #expect(StoreError.duplicateLiveClaims([[1, 3, 4]]).message(.zh).contains("1、3、4"))
            } else {
                // Still two live claims of W on class 1 (draft and paid): refused all the same.
                #expect(throws: StoreError.duplicateLiveClaims([[1, 4]])) { try Schema.migrator.migrate(queue) }
                try queue.write { db throws in try db.execute(sql: "UPDATE claims SET status = 'recovered' WHERE id = 4") }
                try Schema.migrator.migrate(queue)
                try queue.read { db throws in
                    #expect(try Self.uniqueIndex(db, "claims_one_live")?.hasPrefix("CREATE UNIQUE INDEX claims_one_live ON claims(") == true)
                    #expect(try Self.uniqueIndex(db, "audit_one_successor") == "CREATE UNIQUE INDEX audit_one_successor ON audit(prev_hash)")
                }
            }
        }
    }

    /// Through `Store.open` on a file, as an operator meets it: the clear refusal, not a database
    /// error, and the file still at v9 (the previous program opens it); once fixed, it opens.
    @Test func openingAFileWithLiveDuplicatesIsRefusedUntilTheyAreResolved() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("v9.sqlite")
        do {
            let queue = try DatabaseQueue(path: path, configuration: Store.configuration())
            try Schema.migrator.migrate(queue, upTo: "v9-database-identity")
            try queue.write { db throws in
                try db.execute(sql: """
                    INSERT INTO institutions(code, name, kind, created_at, updated_at) VALUES ('INST', '学校', 'school', 'now', 'now');
                    INSERT INTO certificates(id, type, number, occupation_code, issue_date, worker_id, created_at)
                    VALUES (1, 'vocational', 'N1', '6-31-01-03', '2025-03-01', 'W', 'now');
                    """)
                for _ in 0..<2 {
                    try db.execute(sql: """
                        INSERT INTO claims(worker_id, kind, certificate_id, occupation_code, level, claim_year, claim_date, amount_fen,
                            payee, status, prepared_by, created_at, updated_at)
                        VALUES ('W', 'appraisal', 1, '6-31-01-03', '4', 2025, '2025-06-01', 1, 'worker', 'submitted', 'c', 'now', 'now')
                        """)
                }
            }
            try queue.close()
        }
        #expect(throws: StoreError.duplicateLiveClaims([[1, 2]])) { try Store.open(path: path) }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db throws in
                #expect(try Schema.migrator.appliedIdentifiers(db).contains(Schema.explicitUniqueness) == false)
                try db.execute(sql: "UPDATE claims SET status = 'rejected' WHERE id = 2")
            }
            try queue.close()
        }
        let store = try Store.open(path: path)
        #expect(throws: StoreError.conflict(.liveClaim(existing: 1, workerID: "W", kind: "appraisal"))) {
            try store.write { w throws in _ = try w.insertClaim(Self.claim(.appraisal, classID: nil, certificateID: 1), at: fixedNow) }
        }
    }

    static func uniqueIndex(_ db: Database, _ name: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name])
    }

    // MARK: fund accounts

    @Test func aFundAccountIsSavedOnlyOverTheVersionThatWasRead() throws {
        let store = try Store.inMemory()
        try store.write { w throws in try w.saveFund(FundAccount(year: 2026, source: .employmentSubsidy, allocatedFen: 1_000), readVersion: nil) }
        // Two users read the same version.
        let first = try #require(try store.read { try $0.storedFundAccount(year: 2026, source: .employmentSubsidy) })
        let second = first
        #expect(first.version == 1)
        var a = first
        try a.account.reserve(600)
        try store.write { w throws in try w.saveFund(a) }
        var b = second
        try b.account.reserve(700)
        #expect(throws: StoreError.conflict(.fundAccount(year: 2026, source: "employment_subsidy"))) {
            try store.write { w throws in try w.saveFund(b) }
        }
        let now = try #require(try store.read { try $0.storedFundAccount(year: 2026, source: .employmentSubsidy) })
        #expect(now.version == 2 && now.account.reservedFen == 600 && now.account.balanceFen == 400)
        // Creating an account another writer created meanwhile is refused too.
        #expect(throws: StoreError.conflict(.fundAccount(year: 2026, source: "employment_subsidy"))) {
            try store.write { w throws in try w.saveFund(FundAccount(year: 2026, source: .employmentSubsidy, allocatedFen: 5), readVersion: nil) }
        }
        #expect(try store.read { try $0.fundAccount(year: 2026, source: .employmentSubsidy)?.allocatedFen } == 1_000)
    }

    // MARK: audit chain

    @Test func twoWritersThatReadTheSameAuditHeadCannotFork() throws {
        let store = try Store.inMemory()
        try store.write { w throws in
            try w.audit(at: fixedNow, user: "clerk1", action: "worker.create", entity: "worker", key: "A", before: nil, after: "{}")
        }
        // Both read the head; the first appends after it, then the second tries to.
        let head = try store.read { r throws in try AuditChain.head(r.db) }
        try store.write { w throws in
            try w.audit(at: fixedNow, user: "clerk1", action: "worker.create", entity: "worker", key: "B", before: nil, after: "{}")
        }
        #expect(throws: StoreError.conflict(.auditHead(seq: 2))) {
            try store.write { w throws in
                try AuditChain.append(w.db, after: head, at: Timestamp.utc(fixedNow), user: "clerk2", action: "worker.create",
                                      entity: "worker", key: "C", before: nil, after: "{}")
            }
        }
        try store.read { r throws in
            #expect(try r.verifyAudit() == .intact(entries: 2))
            #expect(try r.auditEntries(entity: "worker", key: "C").isEmpty)
        }
    }

    /// seq's primary key alone would let a second successor of one entry in under a new seq: the
    /// unique prev_hash does not.
    @Test func anEntryHasAtMostOneSuccessor() throws {
        let store = try Store.inMemory()
        try store.write { w throws in
            try w.audit(at: fixedNow, user: "clerk1", action: "worker.create", entity: "worker", key: "A", before: nil, after: "{}")
            try w.audit(at: fixedNow, user: "clerk1", action: "worker.create", entity: "worker", key: "B", before: nil, after: "{}")
        }
        let first = try #require(try store.read { try $0.auditEntries(entity: "worker", key: "A").first })
        #expect(throws: StoreError.conflict(.auditHead(seq: 3))) {
            try store.write { w throws in
                try AuditChain.append(w.db, after: (seq: 2, hash: first.hash), at: Timestamp.utc(fixedNow), user: "clerk2",
                                      action: "worker.create", entity: "worker", key: "C", before: nil, after: "{}")
            }
        }
        #expect(try store.read { try $0.verifyAudit() } == .intact(entries: 2))
    }

    // MARK: payment batches

    static func batch(_ id: String) -> PaymentBatchRow {
        PaymentBatchRow(id: id, createdAt: "2026-01-15T08:00:00.000Z", createdBy: "fin1", businessDate: "2026-01-15", count: 0, totalFen: 0)
    }

    @Test func aSecondBatchWithTheSameNumberIsRefusedByTheStore() throws {
        let store = try Store.inMemory()
        try store.write { w throws in try w.insertPaymentBatch(Self.batch("PB20260115-001"), lines: []) }
        #expect(throws: StoreError.conflict(.batchNumber("PB20260115-001"))) {
            try store.write { w throws in try w.insertPaymentBatch(Self.batch("PB20260115-001"), lines: []) }
        }
        #expect(try store.read { try $0.paymentBatchCount(prefix: "PB20260115-") } == 1)
    }

    /// The next number follows the highest of the day, not the count: with a number missing the
    /// count would repeat the last one; past 999 text order would repeat 1000.
    @Test func batchNumbersFollowTheHighestOfTheDay() throws {
        let store = try Store.inMemory()
        let prefix = "PB20260115-"
        #expect(try store.read { try $0.nextPaymentBatchNumber(prefix: prefix) } == "PB20260115-001")
        try store.write { w throws in
            try w.insertPaymentBatch(Self.batch("PB20260114-007"), lines: [])
            try w.insertPaymentBatch(Self.batch(prefix + "002"), lines: [])
        }
        #expect(try store.read { try $0.nextPaymentBatchNumber(prefix: prefix) } == "PB20260115-003")
        try store.write { w throws in try w.insertPaymentBatch(Self.batch(prefix + "999"), lines: []) }
        #expect(try store.read { try $0.nextPaymentBatchNumber(prefix: prefix) } == "PB20260115-1000")
        try store.write { w throws in try w.insertPaymentBatch(Self.batch(prefix + "1000"), lines: []) }
        #expect(try store.read { try $0.nextPaymentBatchNumber(prefix: prefix) } == "PB20260115-1001")
    }
}
