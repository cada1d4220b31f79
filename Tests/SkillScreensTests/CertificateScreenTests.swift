import Foundation
import Testing
import SkillCore
import SkillDesk
import SkillScreens
import SkillStore
import SkillRecords
import TermUI

/// The certificate form (F6 from the worker's archive) and the archive's ⚠ marks and scrolling.
@Suite struct CertificateScreenTests {
    static let zhangWei = WorkerArchiveScreenTests.zhangWei
    static let ouyang = residentID("32010219850612002")

    /// The archive of `worker` as the clerk sees it, then F6.
    static func openForm(_ f: Fixture, _ worker: String, _ lang: Lang = .zh) throws -> Driver {
        let ctx = f.context(lang)
        let d = Driver(ctx, root: WorkerArchiveScreen(workerID: worker, name: "", ctx: ctx))
        d.press(.function(6))
        return d
    }

    /// Chooses from the F4 list of the focused field the item matching `filter`.
    static func choose(_ d: Driver, _ filter: String) {
        d.press(.function(4))
        d.type(filter)
        d.press(.enter)
    }

    /// Fills type … issue date from the type field; the level only when the type has one.
    /// Ends with the focus on the issuer.
    static func fill(_ d: Driver, type: String, number: String, occupation: String, level: String?, date: String) {
        choose(d, type)
        d.press(.tab); d.type(number)
        d.press(.tab); d.type(occupation)
        d.press(.tab)
        if let level { choose(d, level); d.press(.tab) }
        d.type(date)
        d.press(.tab)
    }

    func certificates(_ f: Fixture, _ worker: String) throws -> [CertificateRow] {
        try f.clerk.certificates(worker: worker)
    }

    @Test func formLiteralScreenInChinese() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let d = try Self.openForm(f, Self.zhangWei)
        #expect(d.title == "登记证书 · 张伟")
        Self.fill(d, type: "技能等级", number: "S3201-2025-0777", occupation: "6-31-01-03", level: "中级工", date: "2025-05-20")
        d.type("南京市职业技能鉴定中心")
        d.press(.tab)
        Self.choose(d, "中级工")
        let lines = d.lines
        #expect(lines.count == 30)
        #expect(lines[0].hasPrefix(" SkillDesk · 登记证书 · 张伟 "))
        #expect(Array(lines[1...11]) == [
            "",
            " 持证人 ............ 张伟  3201**********1239",
            "",
            " 证书类型 .......... 职业技能等级证书         （F4 选择）",
            " 证书编号 .......... S3201-2025-0777",
            " 职业（工种） ...... 6-31-01-03               电工",
            " 等级 .............. 中级工                   （F4 选择）",
            " 发证日期 .......... 2025-05-20",
            " 发证机构 .......... 南京市职业技能鉴定中心",
            " 培训班 ............ 2  2025-04-01–2025-04-30 电工 中级工",
            "",
        ])
        #expect(lines[12...27].allSatisfy { $0.isEmpty })
        #expect(d.footerRow == " F1 帮助  F2 保存  F3 返回  F4 列表  Tab 下一项  F12 取消")
        // The values start in one column whatever the label's width.
        let c = d.canvas
        #expect(column(of: "张伟", in: c, row: 2) == 21)
        #expect(column(of: "职业技能等级证书", in: c, row: 4) == 21)
        #expect(column(of: "南京市", in: c, row: 9) == 21)
        #expect(column(of: "电工", in: c, row: 6) == 46)
        d.press(.function(2))
        #expect(d.title == "培训档案 · 张伟")
        #expect(d.messageRow.contains("已登记证书 职业技能等级证书 S3201-2025-0777"))
        #expect(d.text.contains("S3201-2025-0777"))
        let stored = try certificates(f, Self.zhangWei).last!
        #expect(stored.number == "S3201-2025-0777" && stored.level == "L4" && stored.classID == 2)
        #expect(stored.issuer == "南京市职业技能鉴定中心" && stored.occupationCode == "6-31-01-03")
    }

    @Test func typeWithoutLevelSkipsAndClearsTheLevel() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let d = try Self.openForm(f, Self.zhangWei)
        // A skill-level certificate with a level, then the type changes to a training certificate.
        Self.choose(d, "技能等级")
        d.press(.tab, .tab, .tab)
        Self.choose(d, "高级工")
        #expect(d.row(7).contains("高级工"))
        d.press(.backTab, .backTab, .backTab)
        Self.choose(d, "培训合格")
        #expect(d.row(7) == " 等级 .............. —                        （此类证书不注明等级）")
        // Tab from the occupation goes straight to the issue date: the level takes no input.
        d.press(.tab); d.type("T-001")
        d.press(.tab); d.type("6-31-01-03")
        d.press(.tab); d.type("2025-05-01")
        #expect(d.row(8).contains("2025-05-01"))
        #expect(d.row(7).contains("—"))
        d.press(.function(2))
        #expect(d.title == "培训档案 · 张伟")
        let stored = try certificates(f, Self.zhangWei).last!
        #expect(stored.type.rawValue == "training" && stored.number == "T-001" && stored.level == nil)
    }

    /// Typing on a choice field opens its list filtered by what was typed: "L3" ⏎ takes 高级工.
    @Test func typingOnAChoiceFiltersItsList() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let d = try Self.openForm(f, Self.zhangWei)
        d.type("skill_level")
        d.press(.enter)
        #expect(d.row(4).contains("职业技能等级证书"))
        d.press(.tab, .tab, .tab)
        d.type("L3")
        d.press(.enter)
        #expect(d.row(7).contains("高级工"))
        // On a type without a level, typing on the level does nothing.
        d.press(.backTab, .backTab, .backTab)
        d.type("training")
        d.press(.enter)
        d.press(.tab, .tab, .tab)
        d.type("L3")
        #expect(d.row(7) == " 等级 .............. —                        （此类证书不注明等级）")
    }

    /// The number's limit and the date rule are `CertificateDraft.validate`'s: 64 characters fit and
    /// the 65th is not taken; a date after the business date is marked as it is typed.
    @Test func numberLimitAndDateRuleComeFromTheSharedRule() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let d = try Self.openForm(f, Self.zhangWei)
        Self.fill(d, type: "技能等级", number: String(repeating: "证", count: CertificateDraft.maxNumber + 1),
                  occupation: "6-31-01-03", level: "中级工", date: "2199-01-01")
        #expect(d.row(8).contains("晚于今天"), "\(d.row(8))")
        d.press(.backTab); d.press(.ctrl("u")); d.type("2025-05-20")
        #expect(!d.row(8).contains("晚于今天"), "\(d.row(8))")
        d.press(.function(2))
        #expect(d.messageRow.contains("已登记"), "\(d.messageRow)")
        #expect(try certificates(f, Self.zhangWei).contains { $0.number == String(repeating: "证", count: 64) })
    }

    @Test func skillLevelRequiresALevelAndNothingIsWritten() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let d = try Self.openForm(f, Self.zhangWei, .en)
        Self.choose(d, "skill-level")
        d.press(.tab); d.type("S-1")
        d.press(.tab); d.type("6-31-01-03")
        d.press(.tab, .tab); d.type("2025-05-01")
        d.press(.function(2))
        #expect(d.title == "New certificate · 张伟")
        #expect(d.messageRow == " Some fields are not valid; nothing was saved — fix the marked fields")
        #expect(d.row(7).contains("this type states a level: choose it (F4)"))
        #expect(try certificates(f, Self.zhangWei).count == 1)
    }

    @Test func useCaseErrorsShowInTheUsersLanguage() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let d = try Self.openForm(f, Self.zhangWei)
        Self.fill(d, type: "培训合格", number: "T-9", occupation: "9-99-99-99", level: nil, date: "2025-05-01")
        #expect(d.row(6).contains("目录中没有此职业编码"))
        d.press(.function(2))
        #expect(d.title == "登记证书 · 张伟")
        #expect(d.messageRow.contains("9-99-99-99"))
        #expect(d.canvas[x: 1, y: 28].style.color == .red)
        // The same (type, number) on the same worker is refused by the use case.
        let e = try Self.openForm(f, Self.zhangWei)
        Self.fill(e, type: "技能等级", number: "S3201-2025-0001", occupation: "6-31-01-03", level: "初级工", date: "2025-05-01")
        e.press(.function(2))
        #expect(e.messageRow == " \(Self.zhangWei) 的职业技能等级证书 S3201-2025-0001 已登记，未重复创建")
        #expect(try certificates(f, Self.zhangWei).count == 1)
    }

    @Test func numberHeldByAnotherWorkerIsStoredWithW1() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let d = try Self.openForm(f, Self.ouyang)
        #expect(d.row(2) == " 持证人 ............ 欧阳娜娜  3201**********" + String(Self.ouyang.suffix(4)))
        Self.fill(d, type: "技能等级", number: "S3201-2025-0001", occupation: "6-31-01-03", level: "初级工", date: "2025-05-01")
        d.press(.ctrl("s"))
        #expect(d.title == "培训档案 · 欧阳娜娜")
        #expect(d.messageRow == " 已登记 S3201-2025-0001 ⚠ W1：同一证书编号已登记在 \(Self.zhangWei) 名下")
        #expect(d.canvas[x: 1, y: 28].style.color == .yellow)
        let stored = try certificates(f, Self.ouyang)
        #expect(stored.map(\.number) == ["S3201-2025-0001"])
        // The archive marks the row and says why, also after a refresh.
        d.press(.function(5))
        #expect(d.row(10).hasPrefix(" ⚠ 职业技能等级证书 S3201-2025-0001"))
        #expect(d.row(11) == " ⚠ S3201-2025-0001：W1：同一证书编号已登记在 \(Self.zhangWei) 名下")
        // 张伟's archive, holding the same number, is marked as well.
        let z = Driver(f.context(), root: WorkerArchiveScreen(workerID: Self.zhangWei, name: "", ctx: f.context()))
        #expect(z.row(12).hasPrefix(" ⚠ 职业技能等级证书 S3201-2025-0001"))
    }

    @Test func dateBeforeTheClassStartIsW1AtOnce() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let d = try Self.openForm(f, Self.zhangWei)
        Self.fill(d, type: "专项", number: "Z-7", occupation: "", level: nil, date: "2025-03-15")
        d.press(.tab)
        // Choosing class 2 fills in its occupation and shows W1 beside the date before saving.
        Self.choose(d, "中级工")
        #expect(d.row(6).contains("6-31-01-03"))
        #expect(d.row(8).contains("W1：发证日期早于培训班 2 的开班日期 2025-04-01"))
        #expect(d.canvas[x: 46, y: 8].style.color == .yellow)
        d.press(.function(2))
        #expect(d.title == "培训档案 · 张伟")
        #expect(d.messageRow.contains("W1：发证日期早于培训班 2 的开班日期 2025-04-01"))
        let stored = try certificates(f, Self.zhangWei).last!
        #expect(stored.number == "Z-7" && stored.classID == 2 && stored.occupationCode == "6-31-01-03")
        #expect(d.text.contains(" ⚠ Z-7：W1：发证日期早于培训班 2 的开班日期 2025-04-01"))
    }

    @Test func wrongKeysAndCancelLeaveNothingBehind() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let d = try Self.openForm(f, Self.zhangWei)
        d.type("abc中")                       // letters on a choice field open its list, filtered: no match
        d.press(.enter)                       // nothing to choose
        d.press(.escape)                      // closes the list
        #expect(d.row(4) == " 证书类型 .......... —                        （F4 选择）")
        d.press(.tab); d.type("编号一")
        #expect(d.row(5).contains("编号一"))
        d.press(.function(12))
        #expect(d.text.contains("放弃"))   // the discard dialog
        d.press(.escape)
        #expect(d.title == "登记证书 · 张伟")
        d.press(.function(3), .right, .enter)
        #expect(d.title == "培训档案 · 张伟")
        #expect(try certificates(f, Self.zhangWei).count == 1)
    }

    @Test func supervisorHasNoF6() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let admin = try f.desk.login(name: "admin", password: "admin-pass-1")
        try admin.addUser(name: "sup1", roles: [.supervisor], password: "sup1-pass-1")
        let ctx = try login(f, "sup1", "sup1-pass-1")
        let d = Driver(ctx, root: WorkerArchiveScreen(workerID: Self.zhangWei, name: "", ctx: ctx))
        #expect(d.footerRow == " F1 帮助  F3 返回  F5 刷新  F8 评估补贴")   // evaluating saves nothing: every role may
        d.press(.function(6))
        #expect(d.title == "培训档案 · 张伟")
        #expect(d.row(12).contains("S3201-2025-0001"))
    }

    /// 25 classes and 20 certificates: 45 rows, more than fit in 30 lines.
    @Test func archiveScrollsAndKeepsTheHeader() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        try f.registerFour()
        let school = "12320100466001234" + String(CreditCode.checkCharacter(for: "12320100466001234")!)
        for i in 1...25 {
            var c = ClassDraft()
            c.institution = school; c.occupation = "6-31-01-03"; c.level = "L5"; c.type = "employment"
            c.start = String(format: "2025-01-%02d", i); c.end = "2025-12-31"; c.plannedHours = "8"
            let row = try f.clerk.addClass(c)
            _ = try f.clerk.enrol(classID: row.id, workerIDs: [Self.zhangWei])
        }
        for i in 1...20 {
            var cert = CertificateDraft()
            cert.worker = Self.zhangWei; cert.type = "training"; cert.number = String(format: "T-%03d", i)
            cert.occupation = "6-31-01-03"; cert.issueDate = "2025-05-01"
            _ = try f.clerk.addCertificate(cert)
        }
        let d = Driver(f.context(), root: WorkerArchiveScreen(workerID: Self.zhangWei, name: "", ctx: f.context()))
        let header = Array(d.lines[1...3])
        #expect(header[1] == " 320102199003071239  张伟")
        #expect(header[2].hasPrefix(" 累计计入学时：0") && header[2].hasSuffix("1–21 / 45"))
        #expect(d.row(5) == " 培训班（25）")
        #expect(d.row(7).hasPrefix("    1 6-31-01-03"))
        #expect(d.row(27).hasPrefix("   21 6-31-01-03"))
        #expect(d.footerRow.contains("↑↓ PgUp/PgDn 滚动"))
        d.press(.down)
        #expect(d.row(5).hasPrefix("    # 职业"))
        #expect(header[2].hasPrefix(d.row(3).prefix(10)))
        #expect(d.row(3).hasSuffix("1–22 / 45"))
        d.press(.pageDown)
        #expect(Array(d.lines[1...2]) == Array(header[0...1]))
        #expect(d.row(3).hasSuffix("22–41 / 45"))
        d.press(.pageDown, .pageDown)
        // The archive ends with its claims (issue 12): none here.
        #expect(d.row(25).hasPrefix("   培训合格证书     T-020") && d.row(27) == " 补贴申请：无")
        #expect(d.row(3).hasSuffix("26–45 / 45"))
        d.press(.down)   // at the end: stays
        #expect(d.row(25).hasPrefix("   培训合格证书     T-020") && d.row(27) == " 补贴申请：无")
        d.press(.home)
        #expect(d.row(5) == " 培训班（25）")
        d.press(.up)     // at the top: stays
        #expect(d.row(5) == " 培训班（25）")
        // A new certificate scrolls into view when the form returns.
        d.press(.function(6))
        Self.fill(d, type: "培训合格", number: "T-NEW", occupation: "6-31-01-03", level: nil, date: "2025-06-01")
        d.press(.function(2))
        #expect(d.title == "培训档案 · 张伟")
        #expect(d.text.contains("T-NEW"))
        #expect(d.row(3).contains("/ 46"))
        // A larger terminal shows everything, and the indicator goes away.
        d.height = 60
        #expect(!d.row(3).contains("/ 46"))
        #expect(d.row(5) == " 培训班（25）")
    }
}

extension CertificateScreenTests {
    /// Space and the arrows step through the choices; the first Space takes the first one.
    @Test func spaceAndArrowsStepThroughChoices() throws {
        let f = try Fixture()
        try WorkerArchiveScreenTests.seed(f)
        let d = try Self.openForm(f, Self.zhangWei)
        d.press(.char(" "))
        #expect(d.row(4).contains("职业资格证书"))
        d.press(.right)
        #expect(d.row(4).contains("职业技能等级证书"))
        d.press(.left, .left)
        #expect(d.row(4).contains("培训合格证书"))
        d.press(.left, .left, .left)   // back to 职业资格证书: it states a level
        d.press(.tab, .tab, .tab, .char(" "))
        #expect(d.row(7).contains("学徒工"))
        d.press(.tab, .tab, .tab, .char(" "))
        #expect(d.row(10).contains("1  2025-03-01–2025-03-31"))
        #expect(d.row(6).contains("6-31-01-03"))   // the class's occupation filled in
    }
}
