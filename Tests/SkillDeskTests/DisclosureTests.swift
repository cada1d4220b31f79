import Foundation
import Testing
import SkillCore
@testable import SkillDesk
@testable import SkillStore
import SkillRecords
import CoreTestSupport
import DeskTestSupport

/// A small deterministic generator (SplitMix64), so a failing scenario can be run again by its seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Payments planted in the store as reconciliation leaves them (batches, lines, claims), with the
/// test's own record of each, to recount by hand.
struct DisclosureWorld {
    struct Planted {
        var worker: String
        var name: String
        var kind: SubsidyKind
        var institution: String?
        var amountFen: Int64
        var businessDate: String
        var result: BankResultLine.Outcome?
        var status: ClaimStatus
    }

    static let schoolA = creditCode("52320100MJ1234567")
    static let schoolB = creditCode("52320100MJ7654321")
    static let hostile = "<script>alert('x')</script>&\"培训\"学校"
    static let phones = ["13912345678", "13800001111", "13700002222", "13600003333", "13500004444", "13400005555", "13300006666", "13200007777"]
    static let accounts = ["6222021234567890128", "6228480012345678901", "6217001234567890123", "6214830000123456789"]

    let f: Fixture
    let sup: Session
    let fin: Session
    var workers: [(id: String, name: String)] = []
    var planted: [Planted] = []

    init(names: [String]) throws {
        f = try Fixture()
        try Scenario.catalogue(as: f.admin, [Scenario.electrician(from: "2025-01-01")],
                               [Scenario.school(Self.schoolA, name: "南京技师学院"), Scenario.school(Self.schoolB)])
        try f.desk.store.write { w in
            try w.db.execute(sql: "UPDATE institutions SET name = ? WHERE code = ?", arguments: [Self.hostile, Self.schoolB])
        }
        let clerk = try f.clerk()
        var made: [(id: String, name: String)] = []
        for (i, n) in names.enumerated() {
            let w = try clerk.register(draft(seq: 500 + i, name: n, phone: Self.phones[i % Self.phones.count]))
            made.append((w.id, n))
        }
        workers = made
        try f.desk.store.write { w in
            for (i, wk) in made.enumerated() {
                try w.db.execute(sql: "UPDATE workers SET bank_account = ?, residence = ? WHERE id = ?",
                                 arguments: [Self.accounts[i % Self.accounts.count], "南京市玄武区某路\(i)号", wk.id])
            }
        }
        sup = try f.session(.supervisor, name: "sup1")
        fin = try f.session(.finance, name: "fin1")
    }

    /// Plants `count` claims with payment lines in random batches of 2026.
    mutating func plant(count: Int, using rng: inout SeededRandom) throws {
        let kinds: [SubsidyKind] = [.training, .appraisal, .livingAllowance, .highSkillReward]
        let dates = ["2026-06-30", "2026-07-01", "2026-07-15", "2026-08-31", "2026-09-30", "2026-10-01", "2027-01-02"]
        var batches: [String: [PaymentLineRow]] = [:]
        var batchDates: [String: String] = [:]
        for i in 0..<count {
            let wk = workers[Int.random(in: 0..<workers.count, using: &rng)]
            let kind = kinds[Int.random(in: 0..<kinds.count, using: &rng)]
            let inst = [Self.schoolA, Self.schoolB, nil][Int.random(in: 0..<3, using: &rng)]
            let amount = Int64.random(in: 1...800_000, using: &rng)
            let date = dates[Int.random(in: 0..<dates.count, using: &rng)]
            let result: BankResultLine.Outcome? = [.paid, .paid, .paid, .failed, nil][Int.random(in: 0..<5, using: &rng)]
            let status: ClaimStatus = result == .paid ? [.paid, .paid, .clawback, .recovered][Int.random(in: 0..<4, using: &rng)]
                : (result == .failed ? .payable : .approved)
            let batch = "PB\(date.replacingOccurrences(of: "-", with: ""))-00\(i % 2 + 1)"
            batchDates[batch] = date
            let claim = try f.desk.store.write { w in
                try w.insertClaim(NewClaim(workerID: wk.id, kind: kind, institution: inst, occupationCode: Scenario.electricianCode,
                                           level: .l4, claimYear: 2026, claimDate: CalendarDate(year: 2026, month: 6, day: 1)!,
                                           amountFen: amount, payee: .worker, status: status, preparedBy: "clerk1"), at: f.clock.now())
            }
            batches[batch, default: []].append(PaymentLineRow(batchID: batch, claimID: claim.id, amountFen: amount, payeeName: wk.name,
                                                              bankAccount: Self.accounts[0], kind: kind, payee: .worker))
            planted.append(Planted(worker: wk.id, name: wk.name, kind: kind, institution: inst, amountFen: amount,
                                   businessDate: date, result: result, status: status))
            let p = planted.count - 1
            _ = p
            if let result {
                batches[batch]![batches[batch]!.count - 1].result = result
            }
        }
        try f.desk.store.write { w in
            for (id, lines) in batches.sorted(by: { $0.key < $1.key }) {
                try w.insertPaymentBatch(PaymentBatchRow(id: id, createdAt: "2026-01-01T00:00:00Z", createdBy: "fin1", businessDate: batchDates[id]!,
                                                         count: lines.count, totalFen: lines.reduce(0) { $0 + $1.amountFen }), lines: lines)
                for l in lines { if let r = l.result { try w.setPaymentResult(batchID: id, claimID: l.claimID, result: r.rawValue, reason: nil) } }
            }
        }
    }
}

@Suite struct DisclosureTests {
    static let names = ["张伟", "欧阳娜娜", "李娜", "阿卜杜拉·艾尼", "王小明", "赵", "钱多多", "孙丽"]

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func totalsEqualAHandRecountOfThePaymentsOfThePeriod(seed: UInt64) throws {
        var rng = SeededRandom(state: seed)
        var x = try DisclosureWorld(names: Self.names)
        try x.plant(count: 40, using: &rng)
        for code in ["2026-Q3", "2026-07", "2026", "2026-06-30..2026-07-01", "2027", "2025"] {
            let period = try ReportPeriod.parse(code).get()
            let d = try x.fin.disclosure(period, lines: true)
            // By hand: the lines the bank confirmed paid, of batches dated in the period.
            let counted = x.planted.filter { $0.result == .paid && period.contains(CalendarDate(iso: $0.businessDate)!) }
            #expect(d.count == counted.count, "\(code)")
            #expect(d.amountFen == counted.reduce(0) { $0 + $1.amountFen }, "\(code)")
            for k in SubsidyKind.allCases {
                let mine = counted.filter { $0.kind == k }
                let theirs = d.byKind.first { $0.kind == k }
                #expect((theirs?.count ?? 0) == mine.count && (theirs?.amountFen ?? 0) == mine.reduce(0) { $0 + $1.amountFen }, "\(code) \(k)")
                if mine.isEmpty { #expect(theirs == nil) }
            }
            for code2 in [DisclosureWorld.schoolA, DisclosureWorld.schoolB, ""] {
                let mine = counted.filter { ($0.institution ?? "") == code2 }
                let theirs = d.byInstitution.first { $0.code == code2 }
                #expect((theirs?.count ?? 0) == mine.count && (theirs?.amountFen ?? 0) == mine.reduce(0) { $0 + $1.amountFen })
            }
            let clawed = counted.filter { $0.status == .clawback || $0.status == .recovered }
            #expect(d.clawedBackCount == clawed.count && d.clawedBackFen == clawed.reduce(0) { $0 + $1.amountFen })
            // The list: one line per payment, in paid-date order, totals that add up, masked.
            let lines = try #require(d.lines)
            #expect(lines.count == d.count && lines.reduce(0) { $0 + $1.amountFen } == d.amountFen)
            #expect(lines.map(\.paidOn) == lines.map(\.paidOn).sorted())
            #expect(lines.filter { $0.clawback != nil }.count == clawed.count)
            #expect(d.byKind.reduce(0) { $0 + $1.count } == d.count && d.byInstitution.reduce(0) { $0 + $1.amountFen } == d.amountFen)
            // Institutions by name, the one without a code last; the hostile name kept as text.
            let named = d.byInstitution.filter { !$0.code.isEmpty }
            #expect(named.map(\.name) == named.map(\.name).sorted())
            if let last = d.byInstitution.last, d.byInstitution.contains(where: { $0.code.isEmpty }) { #expect(last.code.isEmpty) }
            // Deterministic: the same period twice gives the same value.
            #expect(try x.fin.disclosure(period, lines: true) == d)
        }
    }

    @Test func theMaskedFilesHoldNoFullNameIDPhoneOrAccountAndTheHTMLEscapes() throws {
        var rng = SeededRandom(state: 42)
        var x = try DisclosureWorld(names: Self.names)
        try x.plant(count: 40, using: &rng)
        let dir = try TempDir()
        defer { dir.cleanup() }
        let period = try ReportPeriod.parse("2026").get()
        let d = try x.sup.disclosure(period)
        #expect(d.count > 0 && d.city == "南京市")
        var texts: [(String, String)] = []
        for (name, format, enc) in [("d.html", DisclosureFormat.html, BankFileEncoding.utf8BOM), ("d.csv", .csv, .utf8BOM),
                                    ("g.csv", .csv, .gb18030), ("d.xlsx", .xlsx, .utf8BOM)] {
            let r = try x.sup.writeDisclosure(period, to: dir.file(name), format: format, encoding: enc, replace: false, lang: .zh)
            #expect(r.rows == d.count)
            let bytes = try readBytes(dir.file(name))
            #expect(r.bytes == bytes.count)
            var h = SHA256(); h.update(bytes)
            #expect(r.sha256 == SHA256.hexString(h.finalize()))
            let text: String
            switch format {
            case .html: text = String(decoding: bytes, as: UTF8.self)
            case .csv: text = enc == .gb18030 ? TextEncoder.decode(bytes) : String(decoding: bytes.dropFirst(3), as: UTF8.self)
            case .xlsx:
                let book = try XLSXReadBack.read(dir.file(name))
                text = book.rows.map { $0.map(\.value).joined(separator: "|") }.joined(separator: "\n")
                #expect(book.rows.count == d.count + 2)   // header, lines, total
                let last = try #require(book.rows.last)
                #expect(last.contains { $0.type == "n" && $0.value == ExportCell.yuanText(d.amountFen) })
            }
            texts.append((name, text))
            // Audited with period, format, rows and the SHA-256 of the bytes.
            let e = try #require(try x.f.desk.store.read { try $0.auditEntries(entity: "report", key: "2026") }.last)
            #expect(e.action == "report.disclosure" && e.user == "sup1")
            #expect(e.after?.contains("\"sha256\":\"\(r.sha256)\"") == true && e.after?.contains("\"format\":\"\(format.rawValue)\"") == true)
            #expect(e.after?.contains("\"rows\":\(d.count)") == true)
        }
        for (name, text) in texts {
            for w in x.workers {
                #expect(!text.contains(w.id), "\(name) holds the full ID of \(w.name)")
                // A full name of 2 letters or more never appears (a 1-letter name shows as itself, as published).
                if PublicMask.name(w.name) != w.name { #expect(!text.contains(w.name), "\(name) holds the name \(w.name)") }
                #expect(text.contains(PublicMask.residentID(w.id)) || !x.planted.contains { $0.worker == w.id && $0.result == .paid })
            }
            for p in DisclosureWorld.phones { #expect(!text.contains(p), "\(name) holds a phone") }
            for a in DisclosureWorld.accounts { #expect(!text.contains(a) && !text.contains(String(a.suffix(8))), "\(name) holds an account") }
            #expect(!text.contains("玄武区某路"), "\(name) holds an address")
        }
        let html = try #require(texts.first { $0.0 == "d.html" }?.1)
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;培训&quot;学校"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src=") && !html.contains("<link"))
        #expect(html.contains("@media print") && html.contains("<title>南京市职业技能提升行动补贴资金使用情况公开（2026年）</title>"))
        #expect(html.contains("003 三(三)") && html.contains(Money.format(fen: d.amountFen)))
    }

    @Test func aPaymentCountsOnItsBatchDateOnlyOncePaidAndStaysAfterAClawback() throws {
        let x = try WorkflowWorld()
        let s = try x.submitted()
        _ = try x.sup.approveClaim(s.id)
        x.f.clock.advance(7 * 86_400)
        _ = try x.sup.claimQueue()
        try x.clerk.setBankAccount(workerID: x.w.worker, account: "6222 0212 3456 7890 128")
        let b = try x.fin.createPaymentBatch()           // business date 2026-01-22
        let jan = try ReportPeriod.parse("2026-01").get(), feb = try ReportPeriod.parse("2026-02").get()
        // Sent to the bank, no result yet: not disclosed.
        #expect(try x.fin.disclosure(jan).count == 0)
        x.f.clock.advance(14 * 86_400)                   // reconciled in February
        let number = ClaimNumber.format(year: try x.claim(s.id).claimYear, serial: Int(s.id))
        _ = try x.fin.reconcilePaymentBatch(b.batch, resultFile: Array("\(number),成功,1500.00,\r\n".utf8))
        let d = try x.fin.disclosure(jan, lines: true)
        #expect(d.count == 1 && d.amountFen == 150_000 && d.byKind == [Disclosure.KindTotal(kind: .training, count: 1, amountFen: 150_000)])
        #expect(d.lines?.first?.paidOn == "2026-01-22" && d.lines?.first?.maskedName == "学*" && d.lines?.first?.clawback == nil)
        #expect(d.lines?.first?.occupationName == "电工" && d.lines?.first?.institution == "南京某职业培训学校")
        #expect(try x.fin.disclosure(feb).count == 0)
        // Clawed back later: still disclosed where it was paid, marked.
        _ = try x.sup.clawbackClaim(s.id, reason: "伪造证书")
        let after = try x.fin.disclosure(jan, lines: true)
        #expect(after.count == 1 && after.clawedBackCount == 1 && after.clawedBackFen == 150_000 && after.lines?.first?.clawback == .clawback)
    }

    @Test func onlyReadersOfReportsMayDiscloseAndRefusalsLeaveNothing() throws {
        let x = try DisclosureWorld(names: ["张伟"])
        let dir = try TempDir()
        defer { dir.cleanup() }
        let period = try ReportPeriod.parse("2026-Q3").get()
        let clerk = try x.f.clerk()
        guard case .notPermitted(.readReports) = deskError({ _ = try clerk.disclosure(period) }) else { Issue.record("a clerk read it"); return }
        guard case .notPermitted(.readReports) = deskError({
            _ = try clerk.writeDisclosure(period, to: dir.file("c.html"), format: .html, replace: false, lang: .zh)
        }) else { Issue.record("a clerk wrote it"); return }
        #expect(!FileManager.default.fileExists(atPath: dir.file("c.html")))
        for role in [Role.auditor, .admin] {
            let s = role == .admin ? x.f.admin : try x.f.session(role, name: "u-\(role.rawValue)")
            #expect(try s.disclosure(period).count == 0)
        }
        // An empty period still writes a valid page; an existing file is not replaced without `replace`.
        _ = try x.fin.writeDisclosure(period, to: dir.file("e.html"), format: .html, replace: false, lang: .en)
        let before = try readBytes(dir.file("e.html"))
        let audits = try x.f.auditCount
        guard case .outputFile(.exists) = deskError({
            _ = try x.fin.writeDisclosure(period, to: dir.file("e.html"), format: .html, replace: false, lang: .en)
        }) else { Issue.record("replaced without confirmation"); return }
        #expect(try readBytes(dir.file("e.html")) == before && x.f.auditCount == audits)
        let again = try x.fin.writeDisclosure(period, to: dir.file("e.html"), format: .html, replace: true, lang: .en)
        let page = String(decoding: try readBytes(dir.file("e.html")), as: UTF8.self)
        #expect(again.rows == 0 && page.contains("Subsidies paid (0)"))
        #expect(DisclosureFormat.fromExtension("a.HTML") == .html && DisclosureFormat.fromExtension("a.htm") == .html
                && DisclosureFormat.fromExtension("a.xlsx") == .xlsx && DisclosureFormat.fromExtension("a.pdf") == nil)
    }
}
