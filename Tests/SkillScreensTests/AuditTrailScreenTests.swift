import Foundation
import Testing
import SkillCore
@testable import SkillDesk
import SkillScreens
@testable import SkillStore
import SkillRecords
import TermUI

/// The audit trail's browser (issue 13): the list at 100×30 and 80×24 in both languages (literal
/// screens), filters, paging, an entry's before → after, verify jumping to a planted break.
@Suite struct AuditTrailScreenTests {
    /// A fixture whose trail has three claim entries by sup1 and 王芳 (one with hostile text), at
    /// fixed times, and the auditor's context.
    static func world(_ lang: Lang = .zh) throws -> (Fixture, ScreenContext) {
        let f = try Fixture()
        let at = { (s: String) in Timestamp.parse(s)! }
        try f.desk.store.write { w in
            try w.audit(at: at("2026-09-30T09:13:40.000Z"), user: "sup1", action: "claim.return", entity: "claim", key: "119",
                        before: #"{"status":"submitted","amount_fen":60000}"#,
                        after: #"{"status":"returned","amount_fen":60000,"reason":"证书编号与原件不符"}"#)
            try w.audit(at: at("2026-09-30T09:14:02.000Z"), user: "sup1", action: "claim.approve", entity: "claim", key: "123",
                        before: #"{"status":"submitted","amount_fen":150000,"seal":{"payee":"张伟"}}"#,
                        after: #"{"status":"approved","amount_fen":150000,"seal":{"payee":"张伟\u001b[2J"}}"#)
            try w.audit(at: at("2026-10-01T01:02:03.000Z"), user: "王芳", action: "worker.update", entity: "worker", key: "320102199003071234",
                        before: #"{"name":"张伟","phone":"13912345678"}"#, after: #"{"name":"张伟","phone":"13900000000\u202e"}"#)
        }
        let auditor = try f.desk.login(name: "audit1", password: "audit1-pass")
        return (f, ScreenContext(lang: lang, desk: f.desk, databaseName: "test.sqlite", session: auditor))
    }

    /// The first rows of the list, the filter line and the footer, literal, at 100×30 and 80×24 in
    /// zh and en: columns shrink at 80 (time without the year and seconds), the summary is cut with …,
    /// hostile text (an escape sequence, a bidi override) never reaches the canvas.
    @Test func theListAtBothSizesInBothLanguages() throws {
        let expected: [String: [String]] = [
            "zh100": [
                " 用户 —  操作 claim.*  对象 —  键 —  日期 —                                          2 条 · 第 1 页",
                "      序号 时间（UTC）         用户     操作             键             摘要",
                "         9 2026-09-30 09:14:02 sup1     claim.approve    123            已提交 → 已批准，¥1,500.00",
                "         8 2026-09-30 09:13:40 sup1     claim.return     119            已提交 → 退回修改，¥600.00…",
                " F1 帮助  F3 返回  Enter 前后对比  F4 筛选  F8 校验审计链  PgUp/PgDn 翻页  ^X 导出  F5 刷新"],
            "en100": [
                " User —  Action claim.*  Entity —  Key —  Days —                                entries: 2 · page 1",
                "       Seq When (UTC)          User     Action           Key            Summary",
                "         9 2026-09-30 09:14:02 sup1     claim.approve    123            submitted → approved, ¥1,5…",
                "         8 2026-09-30 09:13:40 sup1     claim.return     119            submitted → returned, ¥600…",
                " F1 Help  F3 Back  Enter Before → after  F4 Filters  F8 Verify chain  PgUp/PgDn Pages  ^X Export  …"],
            "zh80": [
                " 用户 —  操作 claim.*  对象 —  键 —  日期 —                      2 条 · 第 1 页",
                "      序号 时间（UTC） 用户     操作            键             摘要",
                "         9 09-30 09:14 sup1     claim.approve   123            已提交 → 已批准…",
                "         8 09-30 09:13 sup1     claim.return    119            已提交 → 退回修…",
                " F1 帮助  F3 返回  Enter 前后对比  F4 筛选  F8 校验审计链  PgUp/PgDn 翻页  …"],
            "en80": [
                " User —  Action claim.*  Entity —  Key —  Days —            entries: 2 · page 1",
                "       Seq When (UTC)  User     Action          Key            Summary",
                "         9 09-30 09:14 sup1     claim.approve   123            submitted → app…",
                "         8 09-30 09:13 sup1     claim.return    119            submitted → ret…",
                " F1 Help  F3 Back  Enter Before → after  F4 Filters  F8 Verify chain  …"],
        ]
        for lang in [Lang.zh, .en] {
            let (_, ctx) = try Self.world(lang)
            for (w, h) in [(100, 30), (80, 24)] {
                let d = Driver(ctx, root: AuditTrailScreen(ctx, query: AuditQuery(action: "claim.", actionIsPrefix: true)), width: w, height: h)
                let want = try #require(expected["\(lang)\(w)"])
                let got = [d.row(1), d.row(2), d.row(3), d.row(4), d.footerRow].map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
                #expect(got == want, "\(lang) \(w)x\(h)")
                #expect(d.row(5).trimmingCharacters(in: .whitespaces).isEmpty)
                #expect(d.title == (lang == .zh ? "审计记录" : "Audit trail"))
                #expect(UnsafeText.isDisplayClean(allCellText(d.canvas)))
            }
        }
    }

    /// Enter opens an entry: who, when, what, which record, the summary, changed fields first and
    /// marked, hostile text neutralised; F3 returns to the list.
    @Test func anEntryShowsBeforeAndAfterFieldByField() throws {
        for (lang, w, h) in [(Lang.zh, 100, 30), (.en, 80, 24)] {
            let (_, ctx) = try Self.world(lang)
            let d = Driver(ctx, root: AuditTrailScreen(ctx, query: AuditQuery(entity: "worker")), width: w, height: h)
            d.press(.enter)
            let rows = (1...12).map { d.row($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            let want: [String] = lang == .zh ? [
                " 序号 ........ 10", " 时间（UTC） . 2026-10-01 01:02:03.000", " 用户 ........ 王芳", " 操作 ........ worker.update",
                " 对象 ........ worker", " 键 .......... 320102199003071234", " 摘要 ........ 修改：phone", " 哈希 ........ ",
                " 改动 1 个字段（* 标出，排在前面），共 2 个",
                "   字段                     之前                                之后",
                " * phone                    13912345678                         13900000000",
                "   name                     张伟                                张伟"] : [
                " Seq ......... 10", " When (UTC) .. 2026-10-01 01:02:03.000", " User ........ 王芳", " Action ...... worker.update",
                " Entity ...... worker", " Key ......... 320102199003071234", " Summary ..... changed: phone", " Hash ........ ",
                " Fields changed: 1 of 2 (marked *, listed first)",
                "   Field               Before                       After",
                " * phone               13912345678                  13900000000",
                "   name                张伟                         张伟"]
            for (i, (got, expected)) in zip(rows, want).enumerated() {
                if i == 7 { #expect(got.hasPrefix(expected) && got.count == expected.count + 64, "the hash row: \(got)") }
                else { #expect(got == expected, "\(lang) row \(i + 1)") }
            }
            #expect(d.footerRow.contains(lang == .zh ? "Enter 打开记录" : "Enter Open record"))
            d.press(.function(3))
            #expect(d.title == (lang == .zh ? "审计记录" : "Audit trail"))
        }
    }

    /// F4 opens the filters prefilled; a wrong action says what is right and keeps the list; a good
    /// filter applies; PgDn/PgUp page through entries newest first, each once.
    @Test func filtersAndPages() throws {
        let (f, ctx) = try Self.world(.en)
        try f.desk.store.write { w in
            for i in 0..<40 {
                try w.audit(at: Timestamp.parse("2026-10-02T00:00:00.000Z")!.addingTimeInterval(Double(i)), user: "clerk9",
                            action: "worker.create", entity: "worker", key: "K\(i)", before: nil, after: #"{"name":"工人\#(i)"}"#)
            }
        }
        let d = Driver(ctx, root: AuditTrailScreen(ctx), width: 80, height: 24)
        d.press(.function(4))
        #expect(d.text.contains("Filter the audit trail"))
        d.press(.tab)
        d.type("claim approve")
        d.press(.enter)
        #expect(d.text.contains("is not valid") && d.text.contains("claim.*"))
        d.press(.function(12))
        d.press(.function(4))
        d.type("clerk9")
        d.press(.enter)
        #expect(d.row(1).hasPrefix(" User clerk9  Action —"))
        #expect(d.row(1).contains("entries: 40 · page 1"))
        var seen: [String] = []
        for page in 1...3 {
            #expect(d.row(1).contains("page \(page)"))
            seen += d.lines.compactMap { l in l.range(of: "worker.create   ").map { String(l[$0.upperBound...].prefix(3)).trimmingCharacters(in: .whitespaces) } }
            d.press(.pageDown)
        }
        #expect(seen == (0..<40).reversed().map { "K\($0)" })
        d.press(.pageUp)
        #expect(d.row(1).contains("page 2"))
    }

    /// F8 on a tampered trail shows the broken entry first, selected, and says why in plain words.
    @Test func verifyJumpsToTheFirstBrokenEntry() throws {
        let (f, ctx) = try Self.world(.en)
        try f.desk.store.write { w in try w.db.execute(sql: "DROP TRIGGER audit_no_update; UPDATE audit SET after = '{\"status\":\"paid\"}' WHERE seq = 8") }
        let d = Driver(ctx, root: AuditTrailScreen(ctx, query: AuditQuery(user: "王芳")), width: 100, height: 30)
        d.press(.function(8))
        #expect(d.row(3).hasPrefix("         8 2026-09-30 09:13:40 sup1"), "\(d.row(3))")
        #expect(d.row(1).hasPrefix(" User —  Action —"))
        #expect(d.messageRow.contains("broken at entry 8: this entry was changed after it was written"), "\(d.messageRow)")
    }

    /// The claim's detail opens the trail filtered to that claim; a clerk has no such key.
    @Test func theClaimDetailOpensTheClaimsAuditTrail() throws {
        let w = try ClaimScreenWorld()
        let c = try w.submitted(ClaimScreenWorld.zhangWei)
        let auditor = try w.f.desk.login(name: "audit1", password: "audit1-pass")
        let ctx = ScreenContext(lang: .en, desk: w.f.desk, databaseName: "test.sqlite", session: auditor)
        let d = Driver(ctx, root: ClaimDetailScreen(claimID: c.id, ctx: ctx))
        d.press(.char("t"))
        #expect(d.title == "Audit trail")
        #expect(d.row(1).contains("Entity claim  Key \(c.id)"))
        let number = ClaimText0.number(c)
        #expect(d.lines.filter { $0.contains(number) }.count == d.lines.filter { $0.contains("claim.") }.count)
        #expect(d.lines.contains { $0.contains("claim.submit") && $0.contains(number) })
        let clerkCtx = w.context(w.f.clerk)
        let c2 = Driver(clerkCtx, root: ClaimDetailScreen(claimID: c.id, ctx: clerkCtx))
        c2.press(.char("t"))
        #expect(!c2.footerRow.contains("t Audit") && c2.title != "审计记录")
    }
}
