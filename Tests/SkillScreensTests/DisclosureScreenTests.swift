import Foundation
import Testing
import SkillCore
@testable import SkillDesk
import SkillScreens
import SkillStore
import SkillRecords
import TermUI

/// 资金使用公开: the totals of a period on screen, F4 another period, F9 a file in a chosen format.
@Suite struct DisclosureScreenTests {
    static let schoolA = creditCode("52320100MJ1234567")
    static let schoolB = creditCode("52320100MJ7654321")

    /// Three payments in 2025 Q2 (two of them paid, one clawed back since), one in Q1, one failed; a
    /// supervisor's context.
    static func world(_ lang: Lang) throws -> (Fixture, ScreenContext) {
        let f = try Fixture()
        let admin = try f.desk.login(name: "admin", password: "admin-pass-1")
        try Scenario.catalogue(as: admin, [Scenario.electrician(from: "2025-01-01")],
                               [Scenario.school(schoolA, name: "南京技师学院"), Scenario.school(schoolB, name: "南京某职业培训学校")])
        try admin.addUser(name: "sup1", roles: [.supervisor], password: "sup1-pass-1")
        let sup = try f.desk.login(name: "sup1", password: "sup1-pass-1")
        let w1 = try f.register("32010219900307123", "张伟")
        let w2 = try f.register("32010219850612002", "欧阳娜娜")
        let plan: [(String, SubsidyKind, String?, Int64, String, BankResultLine.Outcome, ClaimStatus)] = [
            (w1.id, .training, schoolA, 150_000, "2025-04-10", .paid, .paid),
            (w2.id, .training, schoolB, 120_000, "2025-05-20", .paid, .clawback),
            (w2.id, .livingAllowance, schoolB, 60_000, "2025-05-20", .paid, .paid),
            (w1.id, .appraisal, schoolA, 30_000, "2025-03-31", .paid, .paid),
            (w1.id, .livingAllowance, nil, 9_900, "2025-04-10", .failed, .payable),
        ]
        try f.desk.store.write { w in
            var batches: [String: (String, [PaymentLineRow])] = [:]
            for (worker, kind, inst, fen, date, result, status) in plan {
                let c = try w.insertClaim(NewClaim(workerID: worker, kind: kind, institution: inst, occupationCode: Scenario.electricianCode,
                                                   level: .l4, claimYear: 2025, claimDate: CalendarDate(year: 2025, month: 3, day: 1)!,
                                                   amountFen: fen, payee: .worker, status: status, preparedBy: "clerk1"), at: fixedNow)
                let id = "PB" + date.replacingOccurrences(of: "-", with: "") + "-001"
                var b = batches[id] ?? (date, [])
                b.1.append(PaymentLineRow(batchID: id, claimID: c.id, amountFen: fen, payeeName: "x", bankAccount: "6222021234567890128",
                                          kind: kind, payee: .worker, result: result))
                batches[id] = b
            }
            for (id, b) in batches.sorted(by: { $0.key < $1.key }) {
                try w.insertPaymentBatch(PaymentBatchRow(id: id, createdAt: "2025-01-01T00:00:00Z", createdBy: "fin1", businessDate: b.0,
                                                         count: b.1.count, totalFen: b.1.reduce(0) { $0 + $1.amountFen }), lines: b.1)
                for l in b.1 { try w.setPaymentResult(batchID: id, claimID: l.claimID, result: l.result!.rawValue, reason: nil) }
            }
        }
        return (f, ScreenContext(lang: lang, desk: f.desk, databaseName: "test.sqlite", session: sup))
    }

    static let zhBody = [
        " 期间 2025年第2季度（2025-04-01 至 2025-06-30）· 南京市 · 依据 003 三(三)",
        " 已支付 3 笔，合计 ¥3,300.00",
        " 其中支付后被追回 1 笔，¥1,200.00",
        "",
        " 补贴种类                                             笔数               金额",
        " 职业培训补贴                                            2          ¥2,700.00",
        " 生活费补贴                                              1            ¥600.00",
        " 合计                                                    3          ¥3,300.00",
        "",
        " 培训机构                                             笔数               金额",
        " 南京技师学院                                            1          ¥1,500.00",
        " 南京某职业培训学校                                      2          ¥1,800.00",
    ]
    static let enBody = [
        " Period 2025 Q2 (2025-04-01 to 2025-06-30) · 南京市 · under 003 三(三)",
        " Paid: 3 payments, ¥3,300.00 in all",
        " of which clawed back since: 1, ¥1,200.00",
        "",
        " Subsidy kind                                     Payments             Amount",
        " vocational training subsidy                             2          ¥2,700.00",
        " living allowance                                        1            ¥600.00",
        " Total                                                   3          ¥3,300.00",
        "",
        " Institution                                      Payments             Amount",
        " 南京技师学院                                            1          ¥1,500.00",
        " 南京某职业培训学校                                      2          ¥1,800.00",
    ]

    @Test func theQuarterOfTheBusinessDateAt100x30And80x24InBothLanguages() throws {
        for (lang, width, height) in [(Lang.zh, 100, 30), (.en, 100, 30), (.zh, 80, 24), (.en, 80, 24)] {
            let (_, ctx) = try Self.world(lang)
            let d = Driver(ctx, root: DisclosureScreen(ctx), width: width, height: height)
            let zh = lang == .zh
            let title = zh ? " SkillDesk · 资金使用公开 · 2025年第2季度" : " SkillDesk · Fund disclosure · 2025 Q2"
            let user = zh ? "sup1 (审核人) · test.sqlite" : "sup1 (Supervisor) · test.sqlite"
            let gap: Int = width - 1 - TextWidth.of(title) - TextWidth.of(user)
            let top: String = title + spaces(gap) + user
            #expect(d.row(0) == top, "\(lang) \(width)")
            let body: [String] = zh ? Self.zhBody : Self.enBody
            #expect(Array(d.lines[1...12]) == body, "\(lang) \(width)")
            for y in 13..<(height - 4) { #expect(d.lines[y] == "", "\(lang) \(width) row \(y)") }
            #expect(d.row(height - 4) == (zh ? " 明细 3 笔（姓名、身份证号遮蔽；无电话、账号、住址）· F9 写出文件"
                                             : " 3 lines, names and IDs masked, nothing else personal · F9 writes a file"))
            #expect(d.row(height - 3) == (zh ? " 按批次业务日期计入；银行确认支付后才公开；事后被追回的仍列在原期间并注明"
                                             : " On the batch date, once the bank confirms; later clawbacks stay, marked"))
            #expect(d.footerRow == (zh ? " F1 帮助  F3 返回  F4 期间  F9 写出文件  PgDn 下一页  F5 刷新"
                                       : " F1 Help  F3 Back  F4 Period  F9 Write file  PgDn More  F5 Refresh"))
        }
    }

    @Test func f4ReadsAnotherPeriodAndSaysWhatIsWrongWithABadOne() throws {
        let (_, ctx) = try Self.world(.zh)
        let d = Driver(ctx, root: DisclosureScreen(ctx))
        d.press(.function(4))
        d.type("2025-13")
        d.press(.enter)
        #expect(Array(d.lines[11...16]) == [
            " 南京技师学院  ┌─ 资金使用公开：期间 ───────────────────────────────────────────────┐",
            " 南京某职业培训│ 如 2026-07、2026-Q3、2026、2026-07-01..2026-09-30                  │",
            "               │ 2025-13                                                            │",
            "               │ “2025-13”不是统计期间；可写的形式见上一行                          │",
            "               │                                                                    │",
            "               └────────────────────────────────────────────────────────────────────┘",
        ])
        // Full-width digits are read as the CLI reads them: March 2025 has the one appraisal payment.
        for _ in 0..<7 { d.press(.backspace) }
        d.type("２０２５－０３")
        d.press(.enter)
        #expect(d.title == "资金使用公开 · 2025年3月")
        #expect(Array(d.lines[1...8]) == [
            " 期间 2025年3月（2025-03-01 至 2025-03-31）· 南京市 · 依据 003 三(三)",
            " 已支付 1 笔，合计 ¥300.00",
            "",
            "",
            " 补贴种类                                             笔数               金额",
            " 技能鉴定补贴                                            1            ¥300.00",
            " 合计                                                    1            ¥300.00",
            "",
        ])
        // A period with nothing paid says so.
        d.press(.function(4))
        for _ in 0..<7 { d.press(.backspace) }
        d.type("2024")
        d.press(.enter)
        #expect(d.row(2) == " 2024年没有银行已确认支付的补贴")
    }

    @Test func f9WritesTheChosenFormatThroughThePathPrompt() throws {
        let (f, ctx) = try Self.world(.en)
        let dir = try TempDir()
        defer { dir.cleanup() }
        let d = Driver(ctx, root: DisclosureScreen(ctx))
        d.press(.function(9))
        #expect(Array(d.lines[10...17]) == [
            " Institution    ┌─ Write the fund disclosure of 2025 Q2: file format ──────────────┐",
            " 南京技师学院   │ ›                                                                │",
            " 南京某职业培训 │ html      HTML (a printable page, self-contained)                │",
            "                │ utf8-bom  CSV, UTF-8 with BOM (Excel, WPS, LibreOffice)          │",
            "                │ gb18030   CSV, GB18030 (older Excel on a Chinese Windows)        │",
            "                │ xlsx      XLSX (Excel workbook: IDs as text, amounts as numbers) │",
            "                │                                                                  │",
            "                └──────────────────────────────────────────────────────────────────┘",
        ])
        d.press(.down, .down, .down, .enter)
        #expect(d.lines[14] == "            │ ./disclosure-2025-Q2.xlsx                                                │")
        // A name that does not end in the chosen format's extension is refused in the prompt.
        d.type(dir.file("d.csv"))
        d.press(.enter)
        #expect(d.lines[14].contains("the file name must end in .xlsx (the format chosen)"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("d.csv")))
        for _ in 0..<5 { d.press(.backspace) }
        d.type("d.xlsx")
        d.press(.enter)
        #expect(d.messageRow.hasPrefix(" Wrote 3 payments to \(dir.path)"))
        let book = try XLSXReadBack.read(dir.file("d.xlsx"))
        #expect(book.rows.count == 5)
        #expect(book.rows[1].map(\.value).contains("张*"))
        #expect(!book.rows.flatMap { $0 }.contains { $0.value.contains("320102199003071") })
        #expect(try f.desk.store.read { try $0.auditEntries(entity: "report", key: "2025-Q2") }.last?.action == "report.disclosure")
        // Again to the same file: asked first; Cancel leaves it.
        let before = try readBytes(dir.file("d.xlsx"))
        d.press(.function(9), .enter)
        for _ in 0..<40 { d.press(.backspace) }
        d.type(dir.file("d.html"))
        d.press(.enter)
        #expect(d.messageRow.hasPrefix(" Wrote 3 payments to \(dir.path)"))
        let html = String(decoding: try readBytes(dir.file("d.html")), as: UTF8.self)
        #expect(html.contains("<title>南京市: public disclosure of vocational-training subsidy funds, 2025 Q2</title>"))
        d.press(.function(9), .down, .down, .down, .enter)
        for _ in 0..<40 { d.press(.backspace) }
        d.type(dir.file("d.xlsx"))
        d.press(.enter)
        #expect(d.text.contains("File exists") && d.text.contains("[ Replace ]"))
        d.press(.function(12))
        #expect(d.messageRow == " Export cancelled; no file written")
        #expect(try readBytes(dir.file("d.xlsx")) == before)
    }

    @Test func aClerkHasNoDisclosureAndTheSupervisorsHomeOpensIt() throws {
        let (f, ctx) = try Self.world(.zh)
        let home = Driver(ctx, root: HomeScreen(ctx))
        #expect(home.text.contains(". 资金使用公开"))
        let clerk = Driver(f.context(.zh), root: HomeScreen(f.context(.zh)))
        #expect(!clerk.text.contains("资金使用公开"))
        // A clerk who reached the screen anyway (no menu entry) is told, not shown figures.
        let d = Driver(f.context(.zh), root: DisclosureScreen(f.context(.zh)))
        #expect(d.row(1).contains("无权") || d.row(1).contains("权限"), "\(d.row(1))")
        #expect(!d.text.contains("¥"))
    }
}
