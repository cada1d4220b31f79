import Foundation
import Testing
import SkillCore
@testable import SkillDesk
import SkillStore
import SkillRecords

/// Keyset pages of the worker list and the claim queue, and CSV exports of every list: the rows of
/// the filter, in the list's order, each once; audited `list.export`; refused targets leave nothing.
@Suite struct ListExportTests {
    /// `n` workers registered in order (names 张一…), the clerk's session.
    func registered(_ n: Int) throws -> (Fixture, Session, [String]) {
        let f = try Fixture()
        let clerk = try f.clerk()
        var ids: [String] = []
        for i in 0..<n {
            let w = try clerk.register(draft(seq: 100 + i, name: "张" + String(UnicodeScalar(0x4E00 + i)!), phone: "1391234\(String(format: "%04d", i))"))
            ids.append(w.id)
        }
        return (f, clerk, ids)
    }

    func allPages(_ s: Session, _ text: String, limit: Int) throws -> [String] {
        var seen: [String] = []
        var page = try s.searchWorkers(text, offset: 0, limit: limit)
        seen += page.rows.map(\.id)
        var guardCount = 0
        while page.hasMore, let last = page.rows.last, guardCount < 100 {
            page = try s.searchWorkers(text, after: last.id, limit: limit)
            seen += page.rows.map(\.id)
            guardCount += 1
        }
        return seen
    }

    @Test func workerPagesAfterAKeySeeEveryRowOnceInEveryOrder() throws {
        let (_, clerk, ids) = try registered(23)
        // Everything (newest first), an ID prefix (by ID), a name (newest first), a phone-or-ID prefix.
        let all = try allPages(clerk, "", limit: 5)
        #expect(all == Array(ids.reversed()))
        let prefix = String(ids[0].prefix(6))
        #expect(try allPages(clerk, prefix, limit: 4) == ids.filter { $0.hasPrefix(prefix) }.sorted())
        #expect(try allPages(clerk, "张", limit: 7) == Array(ids.reversed()))
        let phone = try allPages(clerk, "1391234", limit: 6)
        #expect(phone.count == 23 && Set(phone) == Set(ids))
        // The same rows as the offset pages.
        let byOffset = try (0..<5).flatMap { try clerk.searchWorkers("", offset: $0 * 5, limit: 5).rows.map(\.id) }
        #expect(byOffset == all)
    }

    @Test func anUnknownWorkerKeyIsRefusedNamingWhatToGive() throws {
        let (_, clerk, _) = try registered(2)
        guard case let .invalidInput(en, zh) = deskError({ _ = try clerk.searchWorkers("", after: "110101199001010000", limit: 5) }) else {
            Issue.record("an unknown key was accepted"); return
        }
        #expect(en.contains("110101199001010000") && en.contains("last line of the previous page"))
        #expect(zh.contains("110101199001010000") && zh.contains("上一页最后一行"))
    }

    @Test func claimQueuePagesAfterANumberAndRefuseAKeyOfAnotherList() throws {
        let x = try WorkflowWorld()
        let claims = try (0..<3).map { try x.submitted(worker: $0) }
        var seen: [Int64] = []
        var page = try x.sup.claimQueue(ClaimQueueFilter(status: .submitted), offset: 0, limit: 2)
        seen += page.items.map(\.id)
        while page.hasMore, let last = page.items.last {
            let number = ClaimNumber.format(year: last.claimYear, serial: Int(last.id))
            page = try x.sup.claimQueue(ClaimQueueFilter(status: .submitted), after: number, limit: 2)
            seen += page.items.map(\.id)
        }
        #expect(seen == claims.map(\.id))
        // The bare id works too; a word does not; a claim of another status is not in this list.
        #expect(try x.sup.claimQueue(ClaimQueueFilter(status: .submitted), after: String(claims[1].id), limit: 5).items.map(\.id) == [claims[2].id])
        guard case let .invalidInput(en, _) = deskError({ _ = try x.sup.claimQueue(ClaimQueueFilter(status: .submitted), after: "abc", limit: 5) }) else {
            Issue.record("a word was taken as a key"); return
        }
        #expect(en.contains("\"abc\" is not a claim number") && en.contains("SD-2026-000123"))
        guard case let .invalidInput(en2, _) = deskError({ _ = try x.sup.claimQueue(ClaimQueueFilter(status: .approved), after: String(claims[0].id), limit: 5) }) else {
            Issue.record("a claim of another status was taken as a key"); return
        }
        #expect(en2.contains(ClaimNumber.format(year: claims[0].claimYear, serial: Int(claims[0].id))) && en2.contains("not in this list"))
    }

    @Test func workersExportStreamsTheFilterWithBOMAndIsAudited() throws {
        let (f, clerk, ids) = try registered(12)
        let dir = try TempDir()
        defer { dir.cleanup() }
        let before = try f.auditCount
        var reported: [Int] = []
        let r = try clerk.exportCSV(.workers(search: ""), to: dir.file("w.csv"), encoding: .utf8BOM, replace: false, lang: .zh) { reported.append($0) }
        #expect(r.rows == 12 && reported.isEmpty)
        let bytes = try readBytes(dir.file("w.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) && r.bytes == bytes.count)
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 13)
        #expect(lines[0].hasPrefix("身份证号,姓名,手机号,户籍地,农村户籍"))
        #expect(lines[1].hasPrefix("\"\t\(ids[11])\",张" ))
        // The audit row: who, which list, which filter, how many rows.
        #expect(try f.auditCount == before + 1)
        let e = try #require(try f.desk.store.read { try $0.auditEntries(entity: "export", key: "workers") }.last)
        #expect(e.user == clerk.user && e.action == "list.export")
        #expect(e.after?.contains("\"rows\":12") == true && e.after?.contains("\"filter\":\"\"") == true)
        // A search exports its rows only, and says so in the trail.
        let one = try clerk.exportCSV(.workers(search: ids[3]), to: dir.file("one.csv"), encoding: .utf8BOM, replace: false, lang: .en)
        #expect(one.rows == 1)
        let last = try #require(try f.desk.store.read { try $0.auditEntries(entity: "export", key: "workers") }.last)
        #expect(last.after?.contains("search=\(ids[3])") == true)
    }

    @Test func gb18030ExportReadsBackAndAnExistingFileIsLeftAloneWithoutReplace() throws {
        let (f, clerk, _) = try registered(3)
        let dir = try TempDir()
        defer { dir.cleanup() }
        _ = try clerk.exportCSV(.workers(search: ""), to: dir.file("g.csv"), encoding: .gb18030, replace: false, lang: .zh)
        let bytes = try readBytes(dir.file("g.csv"))
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "GB18030, not UTF-8")
        let text = TextEncoder.decode(bytes)
        #expect(text.hasPrefix("身份证号,姓名") && text.contains("张丂") && gb18030(text) == bytes)
        let audits = try f.auditCount
        guard case .outputFile(.exists) = deskError({
            _ = try clerk.exportCSV(.workers(search: ""), to: dir.file("g.csv"), encoding: .utf8BOM, replace: false, lang: .zh)
        }) else { Issue.record("an existing file was replaced"); return }
        #expect(try readBytes(dir.file("g.csv")) == bytes)
        #expect(try f.auditCount == audits)
        let r = try clerk.exportCSV(.workers(search: ""), to: dir.file("g.csv"), encoding: .utf8BOM, replace: true, lang: .zh)
        let replaced = try readBytes(dir.file("g.csv"))
        #expect(r.rows == 3 && replaced.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test func claimsBatchesAndNoticesExportWhatTheirListsShow() throws {
        let x = try WorkflowWorld()
        let a = try x.submitted(worker: 0), b = try x.submitted(worker: 1)
        let dir = try TempDir()
        defer { dir.cleanup() }
        let r = try x.sup.exportCSV(.claims(ClaimQueueFilter(status: .submitted)), to: dir.file("c.csv"), encoding: .utf8BOM, replace: false, lang: .en)
        #expect(r.rows == 2)
        let text = String(decoding: try readBytes(dir.file("c.csv")).dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0] == "claim_number,status,worker_id,worker_name,kind,institution,institution_code,amount_yuan,warnings,prepared_by,submitted_at,decided_by,batch")
        #expect(lines[1].hasPrefix(ClaimNumber.format(year: a.claimYear, serial: Int(a.id)) + ",submitted,\"\t\(a.workerID)\""))
        #expect(lines[2].hasPrefix(ClaimNumber.format(year: b.claimYear, serial: Int(b.id))))
        #expect(lines[1].contains("," + CSVCell.yuan(a.amountFen) + ","))
        // Payment batches: finance and supervisors may export them, a clerk may not.
        for c in [a, b] { _ = try x.sup.approveClaim(c.id) }
        x.f.clock.advance(14 * 86_400)
        try x.clerk.setBankAccount(workerID: x.w.t.workers[0], account: "6222 0212 3456 7890 128")
        let batch = try x.fin.createPaymentBatch()
        let batches = try x.fin.exportCSV(.paymentBatches, to: dir.file("b.csv"), encoding: .utf8BOM, replace: false, lang: .en)
        #expect(batches.rows == 1)
        let lineExport = try x.sup.exportCSV(.paymentLines(batch: batch.batch), to: dir.file("l.csv"), encoding: .utf8BOM, replace: false, lang: .zh)
        #expect(lineExport.rows == 1)
        let lineText = String(decoding: try readBytes(dir.file("l.csv")).dropFirst(3), as: UTF8.self)
        #expect(lineText.contains("***************0128") && !lineText.contains("6222021234567890128"))
        guard case .notPermitted = deskError({ _ = try x.clerk.exportCSV(.paymentBatches, to: dir.file("no.csv"), encoding: .utf8BOM, replace: false, lang: .zh) }) else {
            Issue.record("a clerk exported payment batches"); return
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("no.csv")))
        guard case .invalidInput = deskError({ _ = try x.fin.exportCSV(.paymentLines(batch: "PB-NONE"), to: dir.file("none.csv"), encoding: .utf8BOM, replace: false, lang: .zh) }) else {
            Issue.record("an unknown batch was exported"); return
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("none.csv")))
        let classes = try x.clerk.exportCSV(.classes(search: ""), to: dir.file("k.csv"), encoding: .utf8BOM, replace: false, lang: .zh)
        #expect(classes.rows == 1)
        // A search on the class list exports the rows it shows (one rule, `ClassListItem.matches`).
        let item = try #require(try x.clerk.classList().first)
        for query in [String(item.row.id), String(item.occupationName.prefix(2)), item.institutionName.uppercased(), "没有这个机构"] {
            let file = dir.file("k-\(abs(query.hashValue)).csv")
            let shown = try x.clerk.classList().filter { $0.matches(query) }.count
            let found = try x.clerk.exportCSV(.classes(search: query), to: file, encoding: .utf8BOM, replace: false, lang: .zh)
            #expect(found.rows == shown, "\(query)")
        }
        #expect(try x.clerk.classList().filter { $0.matches("没有这个机构") }.isEmpty)
        let notices = try x.clerk.exportCSV(.notices, to: dir.file("n.csv"), encoding: .utf8BOM, replace: false, lang: .zh)
        #expect(notices.rows == 0)
    }
}
