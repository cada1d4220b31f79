import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

/// F8 on the worker's archive: the questions, then the evaluation with failed rules first and
/// F4 showing a clause's text.
@Suite struct ClaimEvaluationScreenTests {
    static let zhangWei = WorkerArchiveScreenTests.zhangWei

    static func archive(_ f: Fixture, _ lang: Lang = .zh) -> Driver {
        let ctx = f.context(lang)
        return Driver(ctx, root: WorkerArchiveScreen(workerID: zhangWei, name: "", ctx: ctx))
    }

    /// The completed 初级工 class with its certificate: eligible, ¥1,000.00 from the catalogue.
    @Test func eligibleTrainingClaimShowsAmountComputationAndRules() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let d = Self.archive(f)
        #expect(d.footerRow.contains("F8 评估补贴"))
        d.press(.function(8))
        #expect(d.text.contains("评估补贴：选择补贴类别"))
        d.type("training")
        d.press(.enter)
        #expect(d.text.contains("依据的培训班"))      // two classes: the list asks which
        d.type("初级工")
        d.press(.enter)
        #expect(d.title == "补贴评估 · 张伟 · 职业培训补贴 · 培训班 1")
        #expect(d.row(2).hasPrefix(" 金额 ¥1,000.00"))
        // The fixture registered 张伟 without a household registration, residence or workplace:
        // E10 cannot place him in the city, and it is the one failure, listed first.
        #expect(d.row(2).contains("不能申报：E10 未通过"))
        #expect(d.lines.first { $0.hasPrefix(" ✗ ") || $0.hasPrefix(" ✓ ") }?.hasPrefix(" ✗ E10") == true)
        // The clerk records his 户籍 (Xuanwu, Nanjing); F5 evaluates again on the new facts.
        let row = try f.clerk.worker(id: Self.zhangWei)
        _ = try f.clerk.update(id: row.id, with: WorkerDraft(id: row.id, name: row.name, hukouRegion: "320102"),
                               expectedVersion: row.version)
        d.press(.function(5))
        #expect(d.messageRow.contains("已按最新数据重新评估"))
        #expect(d.row(2).contains("可以申报"))
        #expect(d.text.contains("培训班：#1 "))
        #expect(d.text.contains("证书：职业技能等级证书 S3201-2025-0001"))
        #expect(d.text.contains("政策：nanjing-2019"))
        // No rule fails, so the first rule line is a pass or a warning, never a failure.
        #expect(!d.text.contains("✗ "))
        #expect(d.text.contains("✓ E1"))
        // F4 shows the selected rule's clause from the seed; F3 comes back.
        d.press(.function(4))
        #expect(d.title.hasPrefix("条款 "))
        d.press(.function(3))
        #expect(d.title.hasPrefix("补贴评估"))
        d.press(.function(3))
        #expect(d.title == "培训档案 · 张伟")
    }

    /// The 中级工 class: 7.5 of 10 hours and no certificate — E3 and E14 fail, listed first.
    @Test func failedRulesComeFirstAndNothingIsSaved() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let d = Self.archive(f)
        d.press(.function(8))
        d.type("training"); d.press(.enter)
        d.type("中级工"); d.press(.enter)
        #expect(d.row(2).contains("不能申报"))
        let lines = d.lines
        let firstRule = try #require(lines.firstIndex { $0.hasPrefix(" ✗ ") || $0.hasPrefix(" ✓ ") || $0.hasPrefix(" ⚠ ") })
        #expect(lines[firstRule].hasPrefix(" ✗ "))
        let failed = lines.filter { $0.hasPrefix(" ✗ ") }.map { String($0.dropFirst(3).prefix(4)).trimmingCharacters(in: .whitespaces) }
        #expect(failed.contains("E3") && failed.contains("E14"), "failed: \(failed)")
        let passIndex = try #require(lines.firstIndex { $0.hasPrefix(" ✓ ") })
        #expect(lines.lastIndex { $0.hasPrefix(" ✗ ") }! < passIndex)
        // An evaluation writes nothing: the audit trail has no claim rows.
        let admin = try f.desk.login(name: "admin", password: "admin-pass-1")
        #expect(try admin.auditEntries(entity: "claim", key: "1").isEmpty)
    }

    @Test func cancellingTheQuestionsLeavesTheArchive() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let d = Self.archive(f, .en)
        d.press(.function(8))
        #expect(d.text.contains("Evaluate a claim: choose the subsidy kind"))
        d.press(.function(12))
        #expect(!d.text.contains("Evaluate a claim"))
        #expect(d.title.hasPrefix("Training archive"))
        // Prepayment asks for a percent; a non-number is refused in the box.
        d.press(.function(8))
        d.type("prepayment"); d.press(.enter)
        d.type("junior"); d.press(.enter)
        #expect(d.text.contains("Prepayment percent"))
        d.type("x"); d.press(.enter)
        #expect(d.text.contains("Type a whole number"))
        d.press(.backspace); d.type("40"); d.press(.enter)
        #expect(d.title.hasPrefix("Claim evaluation"))
        #expect(d.text.contains("E13"))
    }
}
