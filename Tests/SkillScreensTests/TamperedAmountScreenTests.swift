import Foundation
import GRDB
import Testing
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

/// Issue 10, break 4: a fund account raised to Int64.max with a raw SQLite connection (as an insider
/// would) made every reader of the year's totals trap ("arithmetic overflow"). The home screen and
/// the fund screen now say the total cannot be counted.
@Suite struct TamperedAmountScreenTests {
    @Test func homeAndFundScreensSayATotalCannotBeCounted() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skillscreens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tampered.sqlite").path
        let desk = try Desk.initialize(path: path, admin: "admin", password: "admin-pass-1", clock: { fixedNow })
        let admin = try desk.login(name: "admin", password: "admin-pass-1")
        try admin.addUser(name: "fin1", roles: [.finance], password: "fin1-pass-12")
        let year = desk.today().year
        try admin.allocateFund(year: year, source: .localBudget, amountFen: 100_000)
        try admin.allocateFund(year: year, source: .other, amountFen: 100_000)
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "UPDATE fund_accounts SET allocated_fen = ? WHERE source = 'local_budget'", arguments: [Int64.max])
            }
            try queue.close()
        }
        let fin = try desk.login(name: "fin1", password: "fin1-pass-12")
        for lang in Lang.allCases {
            let ctx = ScreenContext(lang: lang, desk: desk, databaseName: "tampered.sqlite", session: fin)
            let home = Driver(ctx, root: HomeScreen(ctx))
            let said = lang == .zh ? "超出可计算的范围" : "beyond what can be counted"
            #expect(home.text.contains(said), "\(home.text)")
            let fund = Driver(ctx, root: FundAccountScreen(ctx))
            #expect(fund.text.contains(said), "\(fund.text)")
        }
        #expect(throws: DeskError.self) { try fin.fundYear(year) }
    }
}
