import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

/// Issue 12's missing rules on screens: the roster correction of a completed class (F6 in the
/// grid), the worker's place of job-seeking or work, every home-menu entry with a key.
@Suite struct WorkingDayRulesScreenTests {
    static let sizes: [(Lang, Int, Int)] = [(.zh, 100, 30), (.en, 100, 30), (.zh, 80, 24), (.en, 80, 24)]

    /// A completed class: F6 is the roster correction (IDs, then a reason); the submitted claim on
    /// the class is marked (W5) and the new trainee is on the grid.
    @Test func rosterCorrectionInTheGrid() throws {
        for (lang, width, height) in Self.sizes {
            let w = try ClaimScreenWorld()
            let claim = try w.submitted(ClaimScreenWorld.zhangWei)
            let late = try w.f.register("32010619800101001", "王芳").id
            _ = try w.f.clerk.completeClass(w.classID)
            let ctx = w.f.context(lang)
            let d = Driver(ctx, root: try AttendanceGridScreen(classID: w.classID, session: w.f.clerk, ctx: ctx),
                           width: width, height: height)
            let zh = lang == .zh
            #expect(d.footerRow.contains(zh ? "F6 更正花名册" : "F6 Correct roster"), "\(d.footerRow)")
            d.press(.function(6))
            #expect(d.text.contains(zh ? "更正花名册：培训班 \(w.classID)（已结业）" : "Correct the roster of class \(w.classID) (completed)"))
            #expect(d.footerRow.contains(zh ? "F4 查找" : "F4 Find"), "\(d.footerRow)")
            d.type("王")                          // F4 finds her by name; Space marks, Enter asks the reason
            d.press(.function(4))
            #expect(d.text.contains(late), "\(d.text)")
            d.press(.char(" "), .enter)
            #expect(d.text.contains(zh ? "花名册更正原因（必填，将记入审计）" : "Reason for the roster correction (required, audited)"))
            d.press(.enter)                       // no reason: the prompt stays
            #expect(try w.f.clerk.attendanceSheet(classID: w.classID).detail.roster.count == 4)
            d.type("纸质签到表漏录")
            d.press(.enter)
            #expect(d.messageRow == (zh ? " 花名册已更正：新增 1 人，标记已提交申请 1 笔（W5）"
                                       : " Roster corrected: 1 added, 1 submitted claims marked (W5)"), "\(lang) \(width)")
            #expect(d.text.contains("王芳"))
            #expect(try w.f.clerk.claimDetail(claim.id).claim.evidenceChanged)
        }
    }

    /// Ordinary enrolment on a completed class is refused by the use case, whichever front end.
    @Test func enrolmentAfterCompletionIsRefusedWithTheClassNamed() throws {
        let w = try ClaimScreenWorld()
        _ = try w.f.clerk.completeClass(w.classID)
        let late = try w.f.register("32010619800101001", "王芳").id
        #expect(throws: DeskError.self) { try w.f.clerk.enrol(classID: w.classID, workerIDs: [late]) }
    }

    /// A user with every role: twenty-three entries (issue 13's oversight screens), each with a key (1–9, 0, then a, b, …), all on
    /// screen at 80×24 (two columns when they do not fit one).
    @Test func everyMenuEntryHasAKeyForAUserWithEveryRole() throws {
        let f = try Fixture()
        let admin = try f.desk.login(name: "admin", password: "admin-pass-1")
        try admin.addUser(name: "all1", roles: Role.allCases, password: "all1-pass-123")
        let all = try f.desk.login(name: "all1", password: "all1-pass-123")
        for (lang, width, height) in Self.sizes {
            let ctx = ScreenContext(lang: lang, desk: f.desk, databaseName: "test.sqlite", session: all)
            let d = Driver(ctx, root: HomeScreen(ctx), width: width, height: height)
            let text = d.text
            for key in ["1", "9", "0", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"] {
                #expect(text.contains(" \(key). "), "\(lang) \(width)×\(height): no entry keyed \(key)")
            }
            #expect(text.contains(lang == .zh ? "m. 退出" : "m. Exit"), "\(lang) \(width)×\(height)\n\(text)")
            #expect(!text.contains("q. "))
        }
        let ctx = ScreenContext(lang: .zh, desk: f.desk, databaseName: "test.sqlite", session: all)
        let d = Driver(ctx, root: HomeScreen(ctx), width: 80, height: 24)
        d.press(.char("b"))                      // the 12th entry: the notice list
        #expect(d.title != "主页", "\(d.text)")
        let e = Driver(ctx, root: HomeScreen(ctx), width: 80, height: 24)
        e.press(.char("M"))                      // upper case: the 23rd, Exit, asks first
        #expect(e.text.contains("退出 SkillDesk？"))
    }

    /// The worker form has the place of job-seeking or work, with the region's name beside it.
    @Test func workerFormTakesThePlaceOfWork() throws {
        for (lang, width, height) in Self.sizes {
            let f = try Fixture()
            let ctx = f.context(lang)
            let d = Driver(ctx, root: WorkerFormScreen(ctx: ctx, editing: nil), width: width, height: height)
            d.type(WorkerFormScreenTests.zhangWei)
            d.press(.tab); d.type("张伟")
            for _ in 0..<5 { d.press(.tab) }     // phone, hukou, rural, residence → work place
            d.type("３２０５０５")                 // full-width, as an input method types it
            let row = d.row(9)
            #expect(row.hasPrefix(lang == .zh ? " 求职就业地 ........ 320505" : " Work place ........ 320505"), "\(lang) \(width): \(row)")
            #expect(row.contains("虎丘区"), "\(row)")
            d.press(.function(2))
            let saved = try f.clerk.worker(id: WorkerFormScreenTests.zhangWei)
            #expect(saved.workRegion == "320505")
        }
    }

    /// A zero-width character typed into a free-text field is kept out and said beside the field.
    @Test func removedInvisibleCharacterIsSaid() throws {
        let f = try Fixture()
        let d = Driver(f.context(.zh), root: WorkerFormScreen(ctx: f.context(.zh), editing: nil))
        d.type(WorkerFormScreenTests.zhangWei)
        d.press(.tab); d.type("张伟")
        for _ in 0..<4 { d.press(.tab) }         // → residence
        d.type("南京\u{200B}市")
        #expect(d.row(8).contains("南京市") && d.row(8).contains("已删除 1 个不可见字符"), "\(d.row(8))")
    }

    /// F4 in the enrolment prompt: workers found by what was typed (name, ID or phone), several
    /// marked with Space, Enter enrols them all; one already on the roster is said.
    @Test func enrolmentLookupFindsAndEnrolsSeveral() throws {
        for (lang, width, height) in Self.sizes {
            let w = try ClaimScreenWorld()
            let a = try w.f.register("32010619800101001", "王芳", phone: "13900001111").id
            let b = try w.f.register("32010619800101002", "王芳芳").id
            let ctx = w.f.context(lang)
            let d = Driver(ctx, root: try AttendanceGridScreen(classID: w.classID, session: w.f.clerk, ctx: ctx),
                           width: width, height: height)
            let zh = lang == .zh
            d.press(.function(6))
            #expect(d.footerRow.contains(zh ? "F4 查找" : "F4 Find"), "\(d.footerRow)")
            d.type("王芳")
            d.press(.function(4))
            var text = d.text
            #expect(text.contains(zh ? "查找劳动者" : "Find workers"), "\(text)")
            #expect(text.contains("王芳  13900001111") && text.contains("王芳芳"), "\(text)")
            #expect(text.contains(a) && text.contains(b) && !text.contains(ClaimScreenWorld.zhangWei))  // the IDs listed
            d.press(.char(" "), .down, .char(" "), .enter)
            #expect(d.messageRow.hasPrefix(zh ? " 已报名 2 人" : " 2 enrolled"), "\(d.messageRow)")
            let roster = try w.f.clerk.attendanceSheet(classID: w.classID).detail.roster.map(\.workerID)
            #expect(roster.contains(a) && roster.contains(b))
            // By phone prefix, and one already on the roster is said.
            d.press(.function(6), .function(4))
            d.type("1390000")
            text = d.text
            #expect(text.contains("王芳  13900001111") && text.contains(a) && !text.contains(b), "\(text)")
            d.press(.char(" "), .enter)
            #expect(d.messageRow.contains(a), "\(d.messageRow)")
        }
    }

    /// Typing into a choice field opens its list filtered by the typed key; F4 on a region code
    /// finds the region by name and puts its code in the field.
    @Test func choiceFieldsAndRegionCodesOpenAFilteredLookup() throws {
        let f = try Fixture()
        let d = Driver(f.context(.zh), root: WorkerFormScreen(ctx: f.context(.zh), editing: nil), width: 80, height: 24)
        d.type(WorkerFormScreenTests.zhangWei)
        d.press(.tab); d.type("张伟")
        d.press(.tab, .tab)                       // → household region
        d.press(.function(4))
        #expect(d.text.contains("选择行政区划"))
        d.type("虎丘")
        #expect(d.text.contains("320505  江苏省苏州市虎丘区"), "\(d.text)")
        d.press(.enter)
        #expect(d.row(6).hasPrefix(" 户籍地 ............ 320505"), "\(d.row(6))")
        for _ in 0..<4 { d.press(.tab) }          // rural, residence, work place → employment
        d.type("失")                               // 登记失业人员: the list opens filtered
        let text = d.text
        #expect(text.contains("› 失"), "\(text)")
        #expect(text.contains("登记失业") && !text.contains("高校毕业生"), "\(text)")
        d.press(.enter)
        #expect(d.row(10).contains("失业"), "\(d.row(10))")
    }

    /// The claim list's institution filter: F4 in its prompt finds the institution by name.
    @Test func institutionFilterHasALookupByName() throws {
        for (lang, width, height) in Self.sizes {
            let w = try ClaimScreenWorld()
            _ = try w.submitted(ClaimScreenWorld.zhangWei)
            let ctx = w.context(w.sup, lang)
            let d = Driver(ctx, root: ClaimListScreen(mode: .queue, ctx: ctx), width: width, height: height)
            d.press(.function(6))
            #expect(d.text.contains(lang == .zh ? "F4 按名称查找" : "F4 by name"), "\(d.text)")
            d.press(.function(4))
            d.type("技师")
            #expect(d.text.contains("南京技师学院"), "\(d.text)")
            d.press(.enter)
            #expect(d.row(1).contains(creditCode("12320100466001234")), "\(d.row(1))")
            #expect(d.text.contains("张伟"))
        }
    }

    /// The class form's institution field: a name typed where the code goes, then F4, lands on it.
    @Test func classFormInstitutionLookupStartsFromWhatWasTyped() throws {
        let f = try Fixture()
        try seedCatalogue(f)
        let ctx = f.context()
        let d = Driver(ctx, root: ClassFormScreen(ctx: ctx), width: 80, height: 24)
        d.type("技师")
        d.press(.function(4))
        #expect(d.text.contains("› 技师") && d.text.contains("南京技师学院"), "\(d.text)")
        d.press(.enter)
        #expect(d.text.contains(creditCode("12320100466001234")), "\(d.text)")
    }
}
