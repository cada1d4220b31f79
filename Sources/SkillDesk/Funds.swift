import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// The accounts of one year and their totals (`fund show`). The totals are added with checked
/// arithmetic when the year is read: a stored amount raised behind the program's back to near
/// Int64.max makes `fundYear` refuse with a message, never a trap.
public struct FundYear: Sendable, Equatable {
    public let year: Int
    public let accounts: [FundAccount]
    public let allocatedFen: Int64
    public let reservedFen: Int64
    public let paidFen: Int64
    public let recoveredFen: Int64
    public let clawbackDueFen: Int64
    /// allocated − reserved − paid + recovered over the year's accounts.
    public let balanceFen: Int64

    public init(year: Int, accounts: [FundAccount]) throws(MoneyError) {
        func total(_ f: (FundAccount) -> Int64) throws(MoneyError) -> Int64 {
            try Money.total(accounts.map(f), of: "the \(year) fund accounts", zh: "\(year) 年度专账")
        }
        self.year = year
        self.accounts = accounts
        allocatedFen = try total(\.allocatedFen)
        reservedFen = try total(\.reservedFen)
        paidFen = try total(\.paidFen)
        recoveredFen = try total(\.recoveredFen)
        clawbackDueFen = try total(\.clawbackDueFen)
        balanceFen = try total(\.balanceFen)
    }
}

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
        return try desk.write { w in
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
        try require(.readClasses)
        let accounts = try desk.read { try $0.fundAccounts(year: year) }
        do { return try FundYear(year: year, accounts: accounts) } catch { throw DeskError.money(error) }
    }
}
