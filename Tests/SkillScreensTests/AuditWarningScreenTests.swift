import Foundation
import Testing
import SkillCore
@testable import SkillDesk
import SkillScreens
@testable import SkillStore
import SkillRecords
import TermUI

/// Issue 10, break 2: a record edited behind the program's back is not shown without a word. The
/// worker detail and the claim detail compare the row with what the audit trail last recorded
/// and say which field differs, in red, before anything else.
@Suite struct AuditWarningScreenTests {
    @Test func aWorkersNameEditedWithSQLiteIsFlaggedOnTheDetail() throws {
        let f = try Fixture()
        try f.registerFour()
        let id = WorkerDetailScreenTests.zhangWei
        var d = Driver(f.context(), root: WorkerDetailScreen(row: try f.clerk.worker(id: id), ctx: f.context()))
        #expect(!d.text.contains("⚠"))
        try f.desk.store.write { w in try w.db.execute(sql: "UPDATE workers SET name = '李四' WHERE id = ?", arguments: [id]) }
        d = Driver(f.context(), root: WorkerDetailScreen(row: try f.clerk.worker(id: id), ctx: f.context()))
        let line = try #require(d.lines.first { $0.contains("⚠") })
        #expect(line.contains("此记录与审计记录不符") && d.text.contains("name") && d.text.contains("张伟") && d.text.contains("李四"), "\(d.text)")
        let y = try #require(d.lines.firstIndex(of: line))
        #expect(d.canvas[x: 3, y: y].style.color == .red)
    }

    @Test func aClaimsAmountEditedWithSQLiteIsFlaggedOnTheDetail() throws {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        let ctx = w.context(w.sup)
        var d = Driver(ctx, root: ClaimDetailScreen(claimID: a.id, ctx: ctx))
        #expect(!d.text.contains("审计记录不符"))
        try w.f.desk.store.write { s in try s.db.execute(sql: "UPDATE claims SET amount_fen = 99999900 WHERE id = \(a.id)") }
        d = Driver(ctx, root: ClaimDetailScreen(claimID: a.id, ctx: ctx))
        // Right under the claim line, before the worker.
        #expect(d.row(3).hasPrefix(" ⚠ 申请 \(a.id)：与审计记录不符：amount_fen（审计记录为 100000，现为 99999900）"), "\(d.text)")
    }
}
