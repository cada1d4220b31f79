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
