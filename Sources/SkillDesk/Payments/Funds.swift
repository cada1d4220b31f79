import Foundation
import SkillCore
import SkillStore
import SkillRecords

struct FundSnapshot: Encodable {
    var year: Int, source: String, allocated_fen: Int64, reserved_fen: Int64, paid_fen: Int64
    var recovered_fen: Int64, clawback_due_fen: Int64, balance_fen: Int64
    init(_ a: FundAccount) {
        year = a.year; source = a.source.rawValue; allocated_fen = a.allocatedFen; reserved_fen = a.reservedFen
        paid_fen = a.paidFen; recovered_fen = a.recoveredFen; clawback_due_fen = a.clawbackDueFen; balance_fen = a.balanceFen
    }
    static func json(_ a: FundAccount) -> String { CatalogueJSON.encode(FundSnapshot(a)) }
}

extension Session {
    /// Adds money to the account of a year and source (administrators; audited `fund.allocate`,
    /// entity `fund`, key `YEAR/source`).
    @discardableResult
    public func allocateFund(year: Int, source: FundSource, amountFen: Int64) throws -> FundAccount {
        try require(.manageFunds)
        guard (2000...2100).contains(year) else {
            throw DeskError.invalidInput("the year \(year) is not between 2000 and 2100", zh: "年度 \(year) 不在 2000–2100 之间")
        }
        let now = desk.clock()
        return try write(.manageFunds) { w in
            let stored = try w.storedFundAccount(year: year, source: source)
            let old = stored?.account
            var a = old ?? FundAccount(year: year, source: source)
            try a.deskApply(.allocate, amountFen)
            try w.saveFund(a, readVersion: stored?.version)
            try w.audit(at: now, user: user, action: "fund.allocate", entity: "fund", key: "\(year)/\(source.rawValue)",
                        before: old.map(FundSnapshot.json), after: FundSnapshot.json(a))
            return a
        }
    }

    /// The accounts of a year (every role that reads claims).
    public func fundYear(_ year: Int) throws -> FundYear {
        let accounts = try read(.readClasses) { try $0.fundAccounts(year: year) }
        do { return try FundYear(year: year, accounts: accounts) } catch { throw DeskError.money(error) }
    }
}
