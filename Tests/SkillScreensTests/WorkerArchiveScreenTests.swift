import Foundation
import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

@Suite struct WorkerArchiveScreenTests {
    static let zhangWei = "320102199003071239"

    /// 张伟 in two electrician classes at 南京技师学院: L4 (10 h planned) with 6 h classroom +
    /// 3 h online → 7.5 h counted (under 80%), and L5 (8 h) with 7 h → completed; one certificate.
    static func seed(_ f: Fixture) throws {
        try seedCatalogue(f)
        try f.registerFour()
        let school = "12320100466001234" + String(CreditCode.checkCharacter(for: "12320100466001234")!)
        func open(_ level: String, _ hours: String, _ start: String, _ end: String) throws -> Int64 {
            var d = ClassDraft()
            d.institution = school; d.occupation = "6-31-01-03"; d.level = level; d.type = "employment"
            d.start = start; d.end = end; d.plannedHours = hours
            let c = try f.clerk.addClass(d)
            _ = try f.clerk.enrol(classID: c.id, workerIDs: [zhangWei])
            _ = try f.clerk.startClass(c.id)
            return c.id
        }
        let c1 = try open("L5", "8", "2025-03-01", "2025-03-31")
        let c2 = try open("L4", "10", "2025-04-01", "2025-04-30")
        _ = try f.clerk.attend(classID: c1, workerID: zhangWei, date: CalendarDate(iso: "2025-03-02")!,
                               classroomMinutes: 420, onlineMinutes: 0)
        _ = try f.clerk.attend(classID: c2, workerID: zhangWei, date: CalendarDate(iso: "2025-04-02")!,
                               classroomMinutes: 360, onlineMinutes: 180)
        var cert = CertificateDraft()
        cert.worker = zhangWei; cert.type = "skill_level"; cert.number = "S3201-2025-0001"; cert.occupation = "6-31-01-03"
        cert.level = "L5"; cert.issueDate = "2025-04-10"; cert.classID = c1; cert.issuer = "南京市职业技能鉴定中心"
        _ = try f.clerk.addCertificate(cert)
    }

    @Test func archiveLiteralScreenFromTheDetail() throws {
        let f = try Fixture()
        try Self.seed(f)
        let row = try f.clerk.worker(id: Self.zhangWei)
        let d = Driver(f.context(), root: WorkerDetailScreen(row: row, ctx: f.context()))
        d.press(.function(7))
        #expect(d.title == "培训档案 · 张伟")
        let lines = d.lines
        #expect(lines.count == 30)
        #expect(lines[0].hasPrefix(" SkillDesk · 培训档案 · 张伟 "))
        // Online hours count at 50%: 6 + 3/2 = 7.5 of 10 is under 80%; 7 of 8 completes (✓).
        #expect(Array(lines[1...14]) == [
            "",
            " 320102199003071239  张伟",
            " 累计计入学时：14.5",
            "",
            " 培训班（2）",
            "    # 职业                       等级         培训类型         日期                  计入/计划 达标",
            "    1 6-31-01-03 电工            初级工       就业技能培训     2025-03-01–2025-03-31       7/8 ✓",
            "    2 6-31-01-03 电工            中级工       就业技能培训     2025-04-01–2025-04-30    7.5/10",
            "",
            " 证书（1）",
            "   证书类型         证书编号           职业       等级         发证日期   发证机构           培训班",
            "   职业技能等级证书 S3201-2025-0001    6-31-01-03 初级工       2025-04-10 南京市职业技能鉴…       1",
            "",
            " 补贴申请：无",
        ])
        #expect(lines[15...27].allSatisfy { $0.isEmpty })
        #expect(d.footerRow == " F1 帮助  F3 返回  F5 刷新  F6 登记证书  F7 更正  F8 评估补贴  F9 作废")
        d.press(.function(3))
        #expect(d.title == "劳动者详情 · 张伟")
        d.press(.char("a"))
        #expect(d.title == "培训档案 · 张伟")
    }

    @Test func emptyArchiveInEnglish() throws {
        let f = try Fixture()
        try Self.seed(f)
        let row = try f.clerk.worker(id: residentID("32010219850612002"))
        let ctx = f.context(.en)
        let d = Driver(ctx, root: WorkerDetailScreen(row: row, ctx: ctx))
        d.press(.function(7))
        #expect(d.title == "Training archive · 欧阳娜娜")
        #expect(Array(d.lines[5...10]) == [
            " Classes (0)",
            "   (no classes)",
            "",
            " Certificates (0)",
            "   (no certificates)",
            "",
        ])
        #expect(d.row(3) == " Counted hours in total: 0")
    }

    @Test func auditorReadsTheArchive() throws {
        let f = try Fixture()
        try Self.seed(f)
        let ctx = try login(f, "audit1", "audit1-pass")
        let d = Driver(ctx, root: WorkerArchiveScreen(workerID: Self.zhangWei, name: "张伟", ctx: ctx))
        #expect(d.row(3) == " 累计计入学时：14.5")
        #expect(!d.footerRow.contains("F6"))
    }
}
