import Foundation
import SkillCore
@testable import SkillDesk
import SkillScreens
import SkillStore
import SkillRecords
import TermUI
import Testing

/// 收款单位账户: a clerk records an organisation's account in three prompts; a refusal stays in
/// the prompt that caused it and writes nothing; the list shows the account masked; others read.
@Suite("Payee accounts screen")
struct PayeeAccountsScreenTests {
    static let school = "12320100466001234" + String(CreditCode.checkCharacter(for: "12320100466001234")!)

    func audits(_ f: Fixture) throws -> Int { try f.desk.store.read { try $0.auditCount() } }

    @Test func aClerkRecordsAnAccountAndBadInputStaysInItsPrompt() throws {
        let f = try Fixture()
        let ctx = f.context()
        let d = Driver(ctx, root: PayeeAccountsScreen(ctx))
        #expect(d.title == "收款单位账户" && d.text.contains("还没有登记收款单位账户"))
        #expect(d.footerRow.contains("F6 登记账户"))
        let before = try audits(f)
        d.press(.function(6))
        #expect(d.text.contains("收款单位：统一社会信用代码"))
        d.type("12320100466001235"); d.press(.enter)          // 17 characters
        #expect(d.text.contains("收款单位：统一社会信用代码"), "still in the code prompt")
        d.press(.ctrl("u")); d.type(Self.school.lowercased()); d.press(.enter)
        #expect(d.text.contains("\(Self.school) 的开户名称"))
        d.type("南京技师学院"); d.press(.enter)
        #expect(d.text.contains("南京技师学院 的银行账号") && d.text.contains("现为 未登记"))
        d.type("1101-ab"); d.press(.enter)
        #expect(d.text.contains("南京技师学院 的银行账号") && d.text.contains("银行账号只能是数字"), "\(d.text)")
        #expect(try audits(f) == before && f.clerk.payeeAccounts().isEmpty)
        d.press(.ctrl("u")); d.type("１１０１ ０２０３ ０４０５ ０６０７"); d.press(.enter)   // full-width digits from an IME
        #expect(d.messageRow.contains("南京技师学院 的收款账户已登记为 ************0607"), "\(d.messageRow)")
        #expect(d.text.contains(Self.school) && d.text.contains("************0607") && !d.text.contains("110102030405"))
        #expect(try audits(f) == before + 1)
        #expect(try f.clerk.payeeAccounts().map(\.code) == [Self.school])
        // F6 again offers the selected one's code, then its name.
        d.press(.function(6))
        #expect(d.text.contains(Self.school))
        d.press(.function(12))
        #expect(!d.text.contains("收款单位：统一社会信用代码"))
    }

    @Test func othersReadOnlyAndTheMenuIsTheClerks() throws {
        let f = try Fixture()
        try f.clerk.setPayeeAccount(code: Self.school, name: "南京技师学院", account: "110102030405060708")
        let admin = try f.desk.login(name: "admin", password: "admin-pass-1")
        try admin.addUser(name: "fin1", roles: [.finance], password: "fin1-pass-1")
        let fin = try f.desk.login(name: "fin1", password: "fin1-pass-1")
        let ctx = ScreenContext(lang: .en, desk: f.desk, databaseName: "test.sqlite", session: fin)
        let d = Driver(ctx, root: PayeeAccountsScreen(ctx))
        #expect(d.text.contains("1 payee accounts on record") && d.text.contains("**************0708"))
        #expect(!d.footerRow.contains("F6"))
        d.press(.function(6))
        #expect(d.messageRow.contains("not") && !d.text.contains("Payee: unified social credit code"), "\(d.messageRow)")
        let home = Driver(ctx, root: HomeScreen(ctx))
        #expect(!home.text.contains("Payee accounts"))
        let cctx = f.context()
        #expect(Driver(cctx, root: HomeScreen(cctx)).text.contains("收款单位账户"))
        // At 80×24 the table still fits, in both languages.
        for lang in [Lang.zh, .en] {
            let c = ScreenContext(lang: lang, desk: f.desk, databaseName: "test.sqlite", session: f.clerk)
            let small = Driver(c, root: PayeeAccountsScreen(c), width: 80, height: 24)
            #expect(small.text.contains("0708"))
        }
    }
}
