import Foundation
import SkillCore
@testable import SkillDesk
@testable import SkillStore
import SkillRecords
import Testing

/// Claims of three workers prepared by two clerks, in several statuses, planted as the workflow
/// stores them (issue 12: finding claims, and who sees which).
struct SearchWorld {
    let f: Fixture
    let clerk1: Session
    let clerk2: Session
    let sup: Session
    let fin: Session
    let auditor: Session
    static let zhang = residentID(seq: 21)                 // 张桂兰, 320102…
    static let wang = residentID(seq: 22)                  // 王桂芳, 320102…
    static let li = residentID(region: "110101", seq: 23)  // 李四, 110101…
    /// Claim ids by (worker, preparer, status), in planting order.
    var ids: [Int64] = []

    init() throws {
        f = try Fixture()
        clerk1 = try f.session(.clerk, name: "clerk1")
        clerk2 = try f.session(.clerk, name: "clerk2")
        sup = try f.session(.supervisor, name: "sup1")
        fin = try f.session(.finance, name: "fin1")
        auditor = try f.session(.auditor, name: "audit1")
        var d = draft(seq: 21, name: "张桂兰"); _ = try clerk1.register(d)
        d = draft(seq: 22, name: "王桂芳"); _ = try clerk1.register(d)
        d = WorkerDraft(id: Self.li, name: "李四", hukouRegion: "110101", employment: .unemployed); _ = try clerk1.register(d)
        for (worker, by, status) in [(Self.zhang, "clerk1", ClaimStatus.draft), (Self.zhang, "clerk2", .rejected),
                                     (Self.wang, "clerk2", .submitted), (Self.li, "clerk1", .returned),
                                     (Self.wang, "clerk1", .paid)] {
            ids.append(try plant(worker, by: by, status: status))
        }
    }

    func plant(_ worker: String, by: String, status: ClaimStatus) throws -> Int64 {
        try f.desk.store.write { w in
            try w.insertClaim(NewClaim(workerID: worker, kind: .training, institution: "12320100466001234",
                                       occupationCode: "6-31-01-03", level: .l4, trainingType: .employment,
                                       claimYear: 2026, claimDate: CalendarDate(year: 2026, month: 3, day: 1)!,
                                       amountFen: 100_000, payee: .worker, status: status, preparedBy: by),
                              at: fixedNow).id
        }
    }

    func found(_ s: Session, _ text: String, status: ClaimStatus? = nil) throws -> [Int64] {
        try s.claimSearch(#require(ClaimSearchTerm.parse(text)), status: status).items.map(\.id)
    }
}

@Suite("Finding claims (issue 12)")
struct ClaimSearchTests {
    @Test func termsAreReadAsNumberSerialIDPrefixOrName() {
        #expect(ClaimSearchTerm.parse("SD-2026-000123") == .number(id: 123, year: 2026))
        #expect(ClaimSearchTerm.parse(" sd-2026-000123 ") == .number(id: 123, year: 2026))
        #expect(ClaimSearchTerm.parse("ＳＤ－２０２６－０００１２３") == .number(id: 123, year: 2026))
        #expect(ClaimSearchTerm.parse("123") == .serialOrIDPrefix(id: 123, prefix: "123"))
        #expect(ClaimSearchTerm.parse("#7") == .serialOrIDPrefix(id: 7, prefix: "7"))
        #expect(ClaimSearchTerm.parse("3201021") == .idPrefix("3201021"))
        #expect(ClaimSearchTerm.parse("11010119900101023x") == .idPrefix("11010119900101023X"))
        #expect(ClaimSearchTerm.parse("桂 兰") == .name("桂兰"))
        #expect(ClaimSearchTerm.parse("SD-2026") == .name("SD2026"))
        #expect(ClaimSearchTerm.parse("  ") == nil)
        #expect(ClaimSearchTerm.parse("\"*'") == nil)
    }

    @Test func claimRefTakesTheNumberOrTheSerialAndRefusesTheRest() {
        #expect(ClaimRef.parse("SD-2026-000001") == ClaimRef(id: 1, year: 2026))
        #expect(ClaimRef.parse("1") == ClaimRef(id: 1))
        #expect(ClaimRef.parse("#12") == ClaimRef(id: 12))
        #expect(ClaimRef.parse("１２") == ClaimRef(id: 12))
        for bad in ["", "0", "-3", "SD-26-000001", "SD-2026-1", "claim 4", "1.5"] {
            #expect(ClaimRef.parse(bad) == nil, "\(bad)")
        }
        #expect(ClaimRef.refusal("x1", .en) == "'x1' is not a claim number: use SD-year-serial (e.g. SD-2026-000123) or the serial (e.g. 123)")
        #expect(ClaimRef.refusal("x1", .zh) == "“x1”不是申请编号：应为 SD-年份-序号（如 SD-2026-000123）或序号（如 123）")
    }

    @Test func aNumberMustMatchTheClaimsYear() throws {
        let w = try SearchWorld()
        let id = w.ids[0]
        #expect(try w.sup.claimID(ClaimRef(id: id, year: 2026)) == id)
        #expect(try w.sup.claimID(ClaimRef(id: id)) == id)
        #expect(throws: DeskError.self) { try w.sup.claimID(ClaimRef(id: id, year: 2025)) }
        do { _ = try w.sup.claimID(ClaimRef(id: id, year: 2025)); Issue.record("a wrong year passed") } catch let e as DeskError {
            #expect(e.message(.en) == "no claim SD-2025-00000\(id); check the claim number (SD-year-serial)")
        }
    }

    @Test func searchByNumberNameAndIDPrefix() throws {
        let w = try SearchWorld()
        let (zDraft, zRejected, wSubmitted, lReturned, wPaid) = (w.ids[0], w.ids[1], w.ids[2], w.ids[3], w.ids[4])
        #expect(try w.found(w.sup, "SD-2026-" + String(format: "%06d", wSubmitted)) == [wSubmitted])
        #expect(try w.found(w.sup, "SD-2025-" + String(format: "%06d", wSubmitted)) == [])
        #expect(try w.found(w.sup, String(lReturned)) == [lReturned])
        // Any part of a name; newest worker first, then newest claim first.
        #expect(try w.found(w.sup, "桂") == [wPaid, wSubmitted, zRejected, zDraft])
        #expect(try w.found(w.sup, "桂兰") == [zRejected, zDraft])
        #expect(try w.found(w.sup, "桂芳") == [wPaid, wSubmitted])
        // A resident-ID prefix, in ID order.
        #expect(try w.found(w.sup, "110101") == [lReturned])
        #expect(try w.found(w.sup, "3201021990") == [zDraft, zRejected, wSubmitted, wPaid])
        // One status.
        #expect(try w.found(w.sup, "桂", status: .rejected) == [zRejected])
        #expect(try w.found(w.sup, "张", status: .submitted) == [])
        // Nothing matches.
        #expect(try w.found(w.sup, "欧阳") == [])
        #expect(try w.found(w.sup, "999999") == [])
    }

    @Test func pagesFollowEachOtherWithoutGapsOrRepeats() throws {
        let w = try SearchWorld()
        let term = try #require(ClaimSearchTerm.parse("桂"))
        var seen: [Int64] = []
        var after: ClaimSearchKey?
        var pages = 0
        repeat {
            let p = try w.sup.claimSearch(term, after: after, limit: 1)
            seen += p.items.map(\.id)
            after = p.next
            pages += 1
            if !p.hasMore { break }
        } while pages < 10
        #expect(seen == [w.ids[4], w.ids[2], w.ids[1], w.ids[0]])
        #expect(pages == 4)
        // ID prefix pages too.
        let idTerm = ClaimSearchTerm.idPrefix("3201021990")
        let first = try w.sup.claimSearch(idTerm, limit: 3)
        let second = try w.sup.claimSearch(idTerm, after: first.next, limit: 3)
        #expect(first.items.map(\.id) + second.items.map(\.id) == [w.ids[0], w.ids[1], w.ids[2], w.ids[4]])
        #expect(first.hasMore && !second.hasMore)
    }

    @Test func aClerkNeverSeesAnotherClerksClaims() throws {
        let w = try SearchWorld()
        // Search: clerk1 prepared ids 0, 3, 4; clerk2 prepared 1 and 2.
        #expect(try w.found(w.clerk1, "桂") == [w.ids[4], w.ids[0]])
        #expect(try w.found(w.clerk2, "桂") == [w.ids[2], w.ids[1]])
        #expect(try w.found(w.clerk1, "SD-2026-" + String(format: "%06d", w.ids[2])) == [])
        #expect(try w.found(w.clerk1, "3201021990") == [w.ids[0], w.ids[4]])
        #expect(try w.found(w.clerk2, "SD-2026-" + String(format: "%06d", w.ids[2])) == [w.ids[2]])
        // The lists by status, and their totals, even when asked for everyone's.
        #expect(try w.clerk1.claimQueue(ClaimQueueFilter(status: .submitted)).items.isEmpty)
        #expect(try w.clerk2.claimQueue(ClaimQueueFilter(status: .submitted)).items.map(\.id) == [w.ids[2]])
        #expect(try w.clerk1.claimQueue(ClaimQueueFilter(status: .rejected, preparedBy: "clerk2")).items.isEmpty)
        #expect(try w.clerk1.claimQueueTotals(ClaimQueueFilter(status: .rejected)).count == 0)
        #expect(try w.clerk2.claimQueueTotals(ClaimQueueFilter(status: .rejected)).count == 1)
    }

    /// Found merging `/` search with CSV export: an export of a claim list is the rows the user's
    /// list shows — a clerk's own claims only, even when asking for everyone's — and an export
    /// taken during a search writes the search's rows, not the status filter's.
    @Test func anExportHoldsOnlyTheClaimsTheListShows() throws {
        let w = try SearchWorld()
        let dir = NSTemporaryDirectory() + "claim-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func numbers(_ path: String) throws -> [String] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return text.split(whereSeparator: \.isNewline).dropFirst().map { String($0.prefix { $0 != "," }) }
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}\"")) }
        }
        func number(_ i: Int) -> String { "SD-2026-" + String(format: "%06d", w.ids[i]) }
        // clerk1 asks for the rejected claims of clerk2: none are theirs.
        var r = try w.clerk1.exportCSV(.claims(ClaimQueueFilter(status: .rejected, preparedBy: "clerk2")),
                                       to: dir + "/a.csv", encoding: .utf8BOM, replace: false, lang: .en)
        #expect(r.rows == 0)
        #expect(try numbers(dir + "/a.csv").isEmpty)
        r = try w.clerk2.exportCSV(.claims(ClaimQueueFilter(status: .rejected)), to: dir + "/b.csv", encoding: .utf8BOM,
                                   replace: false, lang: .en)
        #expect(try numbers(dir + "/b.csv") == [number(1)])
        // A search export: the search's rows, the clerk's own only; a supervisor's holds every one.
        let term = try #require(ClaimSearchTerm.parse("桂"))
        r = try w.clerk1.exportCSV(.claimSearch(ClaimSearchFilter(term: term), text: "桂"), to: dir + "/c.csv",
                                   encoding: .utf8BOM, replace: false, lang: .en)
        #expect(try numbers(dir + "/c.csv") == [number(4), number(0)])
        r = try w.sup.exportCSV(.claimSearch(ClaimSearchFilter(term: term), text: "桂"), to: dir + "/d.csv",
                                encoding: .utf8BOM, replace: false, lang: .en)
        #expect(Set(try numbers(dir + "/d.csv")) == Set([0, 1, 2, 4].map(number)))
        // The audit rows record the filter applied.
        let rows = try w.f.desk.store.read { try $0.auditEntries(entity: "export", key: "claims") }
        #expect(rows.count == 4)
        #expect(rows[0].after?.contains("prepared_by=clerk1") == true, "\(rows[0].after ?? "")")
        #expect(rows[2].after?.contains("search=桂") == true && rows[2].after?.contains("prepared_by=clerk1") == true)
        #expect(rows[3].after?.contains("search=桂") == true && rows[3].after?.contains("prepared_by") == false)
    }

    @Test func supervisorsFinanceAndAuditorsSeeEveryClaimAndTheAuditorMayDoNothing() throws {
        let w = try SearchWorld()
        for s in [w.sup, w.fin, w.auditor] {
            #expect(try w.found(s, "桂").count == 4, "\(s.user)")
            #expect(try s.claimQueue(ClaimQueueFilter(status: .submitted)).items.map(\.id) == [w.ids[2]], "\(s.user)")
        }
        // The auditor reads the claims but no action is offered on any (the workflow's own answer).
        for id in w.ids {
            #expect(try w.auditor.claimDetail(id).actions.isEmpty, "claim \(id)")
        }
        #expect(!(try w.sup.claimDetail(w.ids[2]).actions.isEmpty))
        #expect(w.auditor.can(.readAllClaims) && !w.clerk1.can(.readAllClaims))
    }

    @Test func theArchiveListsTheWorkersClaims() throws {
        let w = try SearchWorld()
        let a = try w.clerk2.archive(workerID: SearchWorld.wang)
        #expect(a.claims.map(\.id) == [w.ids[2], w.ids[4]])
        #expect(a.claims.map(\.status) == [.submitted, .paid])
        #expect(a.claims.map(\.number) == [w.ids[2], w.ids[4]].map { ClaimNumber.format(year: 2026, serial: Int($0)) })
        #expect(try w.clerk1.archive(workerID: SearchWorld.li).claims.map(\.amountFen) == [100_000])
    }
}
