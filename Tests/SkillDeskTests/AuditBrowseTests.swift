import Foundation
import Testing
import SkillCore
@testable import SkillDesk
@testable import SkillStore
import SkillRecords

/// The audit trail's browser: every filter and their combinations against a hand count over all
/// entries (random trails, the clock sometimes set back), keyset pages newest first with each entry
/// once, the count, the diff and summary, verify's break, permissions, the CSV export.
@Suite struct AuditBrowseTests {
    static let users = ["sup1", "clerk1", "张三", "fin1"]
    static let actions = ["claim.approve", "claim.return", "claim.create", "claims.x", "worker.update", "class.create"]
    static let entities = ["claim", "worker", "class"]

    /// A desk whose trail has `n` more random entries, written at times that mostly go forward over
    /// a few days and sometimes go back (the clock set back).
    func randomTrail(_ n: Int, seed: UInt64) throws -> (Fixture, Session) {
        let f = try Fixture()
        var rng = CoreTestSupport.SeededGenerator(seed: UInt64(seed))
        var t = Date(timeIntervalSince1970: 1_790_000_000)   // 2026-09-21
        try f.desk.store.write { w in
            for _ in 0..<n {
                let step = Double(rng.next() % 20_000)
                t = rng.next() % 17 == 0 ? t.addingTimeInterval(-3 * step) : t.addingTimeInterval(step)
                let entity = Self.entities[Int(rng.next() % 3)]
                let before: String? = rng.next() % 3 == 0 ? nil : #"{"status":"submitted","amount_fen":150000}"#
                try w.audit(at: t, user: Self.users[Int(rng.next() % 4)], action: Self.actions[Int(rng.next() % 6)],
                            entity: entity, key: String(rng.next() % 5 + 1), before: before,
                            after: #"{"status":"approved","amount_fen":150000}"#)
            }
        }
        return (f, try f.session(.auditor, name: "audit1"))
    }

    /// Every entry, read one by one (not through the browser).
    func all(_ f: Fixture) throws -> [AuditEntry] {
        try f.desk.store.read { r in
            let head = try r.auditHeadPosition().seq
            return try (1...head).compactMap { try r.auditEntry(seq: $0) }
        }
    }

    func matches(_ e: AuditEntry, _ q: AuditQuery) -> Bool {
        if let u = q.user, e.user != u { return false }
        if let a = q.action, q.actionIsPrefix ? !e.action.hasPrefix(a) : e.action != a { return false }
        if let x = q.entity, e.entity != x { return false }
        if let k = q.key, e.key != k { return false }
        if let s = q.since, e.at < s { return false }
        if let u = q.until, e.at >= u { return false }
        return true
    }

    func walk(_ s: Session, _ q: AuditQuery, limit: Int) throws -> [Int64] {
        var seen: [Int64] = []
        var before: Int64?
        var pages = 0
        repeat {
            let page = try s.auditPage(q, before: before, limit: limit)
            seen += page.items.map(\.entry.seq)
            before = page.hasMore ? page.items.last?.entry.seq : nil
            pages += 1
        } while before != nil && pages < 1_000
        return seen
    }

    @Test func everyFilterAndCombinationFindsExactlyTheHandCountNewestFirstEachOnce() throws {
        for seed in [1, 2, 3] as [UInt64] {
            let (f, audit) = try randomTrail(300, seed: seed)
            let entries = try all(f)
            #expect(entries.count > 300)
            var rng = CoreTestSupport.SeededGenerator(seed: UInt64(seed * 7))
            let days = Set(entries.map { String($0.at.prefix(10)) }).sorted()
            var queries: [AuditQuery] = [AuditQuery()]
            for _ in 0..<60 {
                var q = AuditQuery()
                if rng.next() % 2 == 0 { q.user = Self.users[Int(rng.next() % 4)] }
                switch rng.next() % 4 {
                case 0: q.action = Self.actions[Int(rng.next() % 6)]
                case 1: q.action = ["claim.", "claim", "class.", "nothing."][Int(rng.next() % 4)]; q.actionIsPrefix = true
                default: break
                }
                if rng.next() % 3 == 0 { q.entity = Self.entities[Int(rng.next() % 3)] }
                if rng.next() % 3 == 0 { q.key = String(rng.next() % 6 + 1) }
                if rng.next() % 2 == 0, !days.isEmpty {
                    let a = Int(rng.next() % UInt64(days.count)), b = Int(rng.next() % UInt64(days.count))
                    q.from = CalendarDate(iso: days[min(a, b)])
                    if rng.next() % 2 == 0 { q.to = CalendarDate(iso: days[max(a, b)]) }
                }
                queries.append(q)
            }
            for q in queries {
                let expected = entries.filter { matches($0, q) }.map(\.seq).sorted(by: >)
                let got = try walk(audit, q, limit: 7)
                #expect(got == expected, "seed \(seed) \(q)")
                switch try audit.auditCount(q) {
                case let .exact(n): #expect(n == expected.count, "count \(q)")
                case .atLeast, .unknown: Issue.record("a small trail's count is exact: \(q)")
                }
            }
        }
    }

    @Test func theTimeSpanFindsEntriesWrittenAfterTheClockWentBack() throws {
        let f = try Fixture()
        let day = { (s: String) in Timestamp.parse(s)! }
        try f.desk.store.write { w in
            for (at, key) in [("2026-09-10T10:00:00.000Z", "1"), ("2026-09-12T10:00:00.000Z", "2"),
                              ("2026-09-01T08:00:00.000Z", "3"),   // the clock set back by 11 days
                              ("2026-09-02T08:00:00.000Z", "4"), ("2026-09-11T09:00:00.000Z", "5")] {
                try w.audit(at: day(at), user: "sup1", action: "claim.approve", entity: "claim", key: key, before: nil, after: "{}")
            }
        }
        let audit = try f.session(.auditor, name: "audit1")
        let keys = { (from: String, to: String) in
            try audit.auditPage(AuditQuery(from: CalendarDate(iso: from), to: CalendarDate(iso: to))).items.map(\.entry.key)
        }
        #expect(try keys("2026-09-01", "2026-09-02") == ["4", "3"])
        #expect(try keys("2026-09-10", "2026-09-11") == ["5", "1"])
        #expect(try keys("2026-09-12", "2026-09-12") == ["2"])
        #expect(try f.desk.store.read { try $0.auditCount(AuditQuery(from: CalendarDate(iso: "2026-09-01"), to: CalendarDate(iso: "2026-09-30"))) } == .exact(5))
    }

    @Test func theCountIsCappedAndUnknownWhenItWouldReadTooMuch() throws {
        let (f, _) = try randomTrail(120, seed: 9)
        try f.desk.store.read { r in
            #expect(try r.auditCount(AuditQuery(), cap: 50) == .atLeast(50))
            // sup1's entries with a rare action: more than the cap of sup1's entries to read, few matches.
            let q = AuditQuery(user: "sup1", action: "claims.x")
            let sup1 = try r.auditCount(AuditQuery(user: "sup1")).exactValue!
            let rare = try r.auditCount(q).exactValue!
            #expect(try r.auditCount(q, cap: sup1 - 1) == (rare >= sup1 - 1 ? .atLeast(sup1 - 1) : .unknown))
        }
    }

    @Test func filtersAreReadAsTypedAndRefusedSayingWhatIsRight() throws {
        let q = try AuditQuery.parse(user: " sup1 ", action: "ＣＬＡＩＭ.*", entity: "Claim", key: "SD-2026-000123",
                                     from: "２０２６-09-01", to: "2026-09-30").get()
        #expect(q == AuditQuery(user: "sup1", action: "claim.", actionIsPrefix: true, entity: "claim", key: "123",
                                from: CalendarDate(iso: "2026-09-01"), to: CalendarDate(iso: "2026-09-30")))
        #expect(q.since == "2026-09-01T00:00:00.000Z" && q.until == "2026-10-01T00:00:00.000Z")
        #expect(try AuditQuery.parse(action: "*", entity: "").get() == AuditQuery())
        let bad: [(Result<AuditQuery, AuditQueryError>, String, String)] = [
            (AuditQuery.parse(action: "claim approve"), "claim.approve", "claim.*"),
            (AuditQuery.parse(entity: "claims!"), "one of: attendance", "以下之一"),
            (AuditQuery.parse(from: "2026-13-01"), "YYYY-MM-DD", "UTC"),
            (AuditQuery.parse(from: "2026-09-30", to: "2026-09-01"), "on or before", "不晚于"),
            (AuditQuery.parse(user: "a\u{1B}[2J"), "e.g. sup1", "sup1"),
        ]
        for (r, en, zh) in bad {
            guard case let .failure(e) = r else { Issue.record("accepted: \(r)"); continue }
            #expect(e.message(.en).contains(en) || e.message(.zh).contains(en), "\(e.message(.en))")
            #expect(e.message(.zh).contains(zh), "\(e.message(.zh))")
            #expect(UnsafeText.isDisplayClean(e.message(.en)) && UnsafeText.isDisplayClean(e.message(.zh)))
        }
        #expect(throws: DeskError.self) { _ = try Session.auditSeq("abc") }
        #expect(try Session.auditSeq("１,198,204") == 1_198_204)
    }

    @Test func anEntryShowsItsFieldsChangedFirstCreatedDeletedNestedAndNeutralised() throws {
        let changed = AuditDiff(before: #"{"status":"submitted","amount_fen":150000,"seal":{"payee":"张三","id":4},"note":"x"}"#,
                                after: #"{"status":"approved","amount_fen":150000,"seal":{"payee":"李四\u001b[31m","id":4},"tags":[1,"a"]}"#)
        #expect(changed.kind == .changed)
        #expect(changed.fields.map(\.path) == ["note", "seal.payee", "status", "tags", "amount_fen", "seal.id"])
        #expect(changed.fields.map(\.changed) == [true, true, true, true, false, false])
        #expect(changed.fields[0].before == "x" && changed.fields[0].after == nil)
        #expect(changed.fields[1].after.map(UnsafeText.isDisplayClean) == true && changed.fields[1].after?.contains("李四") == true)
        #expect(changed.fields[3].after == #"[1, "a"]"#)
        let created = AuditDiff(before: nil, after: #"{"name":"张伟"}"#)
        #expect(created.kind == .created && created.fields == [.init(path: "name", before: nil, after: "张伟", changed: true)])
        let deleted = AuditDiff(before: #"{"name":"张伟"}"#, after: nil)
        #expect(deleted.kind == .deleted && deleted.changed.count == 1)
        let hostile = AuditDiff(before: nil, after: "not json \u{202E}\u{7}")
        #expect(hostile.fields.count == 1 && hostile.fields[0].path == "(text)" && hostile.fields[0].after.map(UnsafeText.isDisplayClean) == true)
    }

    @Test func theSummarySaysWhatHappenedInOneLine() throws {
        func e(_ before: String?, _ after: String?) -> AuditEntry {
            AuditEntry(seq: 1, at: "2026-09-30T09:14:02.000Z", user: "sup1", action: "claim.approve", entity: "claim", key: "4",
                       before: before, after: after, prevHash: "", hash: "")
        }
        #expect(AuditText.summary(e(#"{"status":"submitted","amount_fen":150000}"#, #"{"status":"approved","amount_fen":150000}"#), .en)
                == "submitted → approved, ¥1,500.00")
        #expect(AuditText.summary(e(#"{"status":"submitted","amount_fen":150000}"#, #"{"status":"approved","amount_fen":150000}"#), .zh)
                == "已提交 → 已批准，¥1,500.00")
        #expect(AuditText.summary(e(#"{"status":"submitted"}"#, #"{"status":"returned","reason":"证书编号与原件不符"}"#), .en)
                == "submitted → returned, reason: 证书编号与原件不符")
        #expect(AuditText.summary(e(nil, #"{"name":"张伟"}"#), .en) == "created: 张伟")
        #expect(AuditText.summary(e(#"{"name":"张伟"}"#, nil), .zh) == "删除")
        #expect(AuditText.summary(e(#"{"phone":"1","name":"a"}"#, #"{"phone":"2","name":"b"}"#), .en) == "changed: name, phone")
        let hostile = AuditText.summary(e(nil, "\u{1B}[2J\u{202E}" + String(repeating: "长", count: 200)), .en)
        #expect(UnsafeText.isDisplayClean(hostile) && hostile.count == 80)
    }

    @Test func anEntryOpensByItsSeqWithTheClaimNumberAndAMissingOneIsNamed() throws {
        let x = try WorkflowWorld()
        let c = try x.submitted()
        let audit = try x.f.session(.auditor, name: "audit1")
        let page = try audit.auditPage(AuditQuery(entity: "claim", key: String(c.id)))
        #expect(!page.items.isEmpty && page.items.allSatisfy { $0.keyLabel == ClaimNumber.format(year: c.claimYear, serial: Int(c.id)) })
        let d = try audit.auditEntry(seq: page.items[0].entry.seq)
        #expect(d.item.entry == page.items[0].entry)
        guard case let .auditEntryNotFound(seq) = deskError({ _ = try audit.auditEntry(seq: 99_999_999) }) else {
            Issue.record("a missing entry was not named"); return
        }
        #expect(seq == 99_999_999)
    }

    @Test func aClerkMayNotBrowseTheTrail() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        for body in [{ _ = try clerk.auditPage(AuditQuery()) }, { _ = try clerk.auditCount(AuditQuery()) },
                     { _ = try clerk.auditEntry(seq: 1) }] as [() throws -> Void] {
            guard case .notPermitted(.readAudit) = deskError(body) else { Issue.record("a clerk read the trail"); continue }
        }
        let dir = try TempDir()
        guard case .notPermitted = deskError({ _ = try clerk.exportCSV(.audit(AuditQuery()), to: dir.file("a.csv"), encoding: .utf8BOM, replace: false, lang: .en) }) else {
            Issue.record("a clerk exported the trail"); return
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("a.csv")))
    }

    @Test func theExportWritesTheFilteredEntriesNewestFirstAndIsAudited() throws {
        let (f, audit) = try randomTrail(80, seed: 4)
        let q = AuditQuery(action: "claim.", actionIsPrefix: true)
        let expected = try all(f).filter { matches($0, q) }.map { String($0.seq) }.reversed()
        let dir = try TempDir()
        let r = try audit.exportCSV(.audit(q), to: dir.file("a.csv"), encoding: .utf8BOM, replace: false, lang: .en)
        let rows = try csvRows(dir.file("a.csv"))
        #expect(rows.first?.first == "\u{FEFF}seq" || rows.first?.first == "seq")
        #expect(rows.dropFirst().map { $0[0] ?? "" } == Array(expected))
        #expect(r.rows == expected.count)
        let last = try f.desk.store.read { try $0.auditEntries(entity: "export", key: "audit") }.last
        #expect(last?.action == "list.export" && last?.after?.contains(#""filter":"action=claim.*""#) == true)
    }

    @Test func verifyFindsThePlantedBreakAndSaysWhyInPlainWords() throws {
        let (f, audit) = try randomTrail(30, seed: 5)
        let admin = f.admin
        try f.desk.store.write { w in try w.db.execute(sql: "DROP TRIGGER audit_no_update; UPDATE audit SET user = 'nobody' WHERE seq = 17") }
        let report = try admin.verifyChain()
        guard case let .broken(seq, reason) = report.chain else { Issue.record("the tampered chain verified"); return }
        #expect(seq == 17 && reason == .hashMismatch)
        #expect(AuditText.breakExplanation(seq: seq, reason: reason, .en).contains("entry 17 was changed after it was written") == false)
        #expect(AuditText.breakExplanation(seq: seq, reason: reason, .en).contains("broken at entry 17: this entry was changed"))
        // The browser's page starting at the broken entry shows it first.
        #expect(try audit.auditPage(AuditQuery(), before: seq + 1, limit: 3).items.first?.entry.seq == 17)
    }
}

extension AuditCount {
    var exactValue: Int? { if case let .exact(n) = self { return n } else { return nil } }
}

