/// Where the money of a fund account comes from (POLICY.md "Fund account"; 001 四(三)1; 003 三(二)).
/// Raw values are the stored codes.
public enum FundSource: String, Sendable, Codable, CaseIterable {
    /// 20% of the unemployment-insurance fund balance drawn for the skills action (001 四(三)1).
    case unemploymentInsurance20pct = "unemployment_insurance_20pct"
    /// Employment subsidy funds (就业补助资金, 003 三(二)).
    case employmentSubsidy = "employment_subsidy"
    /// The local government budget (地方财政).
    case localBudget = "local_budget"
    case other

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.unemploymentInsurance20pct, .zh): "失业保险基金结余 20%"
        case (.employmentSubsidy, .zh): "就业补助资金"
        case (.localBudget, .zh): "地方财政资金"
        case (.other, .zh): "其他资金"
        case (.unemploymentInsurance20pct, .en): "20% of the unemployment-insurance fund balance"
        case (.employmentSubsidy, .en): "employment subsidy funds"
        case (.localBudget, .en): "local budget"
        case (.other, .en): "other funds"
        }
    }

    /// The clause that provides for the source; nil where the seeds name none.
    public var clause: String? {
        switch self {
        case .unemploymentInsurance20pct: "001 四(三)1"
        case .employmentSubsidy: "003 三(二)"
        case .localBudget, .other: nil
        }
    }

    /// The code (any case, `-` for `_`) or the Chinese label.
    public static func parse(_ s: String) -> FundSource? {
        let t = s.trimmedWhitespace()
        if let f = FundSource(rawValue: t.lowercased().replacingDashes()) { return f }
        return allCases.first { $0.label(.zh) == t }
    }
}

/// Why a fund-account operation is refused. Amounts are fen; messages show yuan.
public enum FundError: Error, Equatable, Sendable, UserMessage {
    /// An operation amount must be more than 0 fen.
    case nonPositiveAmount(Int64)
    /// Approval cannot reserve more than the balance.
    case insufficientBalance(year: Int, source: FundSource, balanceFen: Int64, amountFen: Int64)
    /// Paying or releasing more than is reserved.
    case reservedShort(reservedFen: Int64, amountFen: Int64)
    /// A clawback beyond what was paid and not already clawed back.
    case clawbackExceedsPaid(openFen: Int64, amountFen: Int64)
    /// Recovering more than is due.
    case recoveryExceedsDue(dueFen: Int64, amountFen: Int64)
    /// A total would leave the Int64 range (over 92 trillion yuan: a typing error).
    case overflow
    /// An amount above its ceiling (`MoneyCeiling`: one allocation, an account's total, a recovery).
    case aboveCeiling(MoneyCeiling, amountFen: Int64)

    public func message(_ lang: Lang) -> String {
        let y = Money.format
        switch (self, lang) {
        case (.nonPositiveAmount(let a), .zh): return "金额应大于 0，实际为 \(y(a))"
        case (.nonPositiveAmount(let a), .en): return "the amount must be more than 0, not \(y(a))"
        case (.insufficientBalance(let yr, let s, let b, let a), .zh):
            return "\(yr) 年“\(s.label(.zh))”专账余额 \(y(b))，不足以预留 \(y(a))；请先追加拨款或从其他资金来源列支"
        case (.insufficientBalance(let yr, let s, let b, let a), .en):
            return "the \(yr) account of \(s.label(.en)) has a balance of \(y(b)), less than the \(y(a)) to reserve; allocate more first or use another source"
        case (.reservedShort(let r, let a), .zh): return "已预留金额只有 \(y(r))，不能支付或释放 \(y(a))"
        case (.reservedShort(let r, let a), .en): return "only \(y(r)) is reserved, so \(y(a)) cannot be paid or released"
        case (.clawbackExceedsPaid(let o, let a), .zh): return "可追回的已支付金额只有 \(y(o))，不能登记追回 \(y(a))"
        case (.clawbackExceedsPaid(let o, let a), .en): return "only \(y(o)) paid is not yet clawed back, so a clawback of \(y(a)) cannot be recorded"
        case (.recoveryExceedsDue(let d, let a), .zh): return "应追回金额只有 \(y(d))，不能登记收回 \(y(a))"
        case (.recoveryExceedsDue(let d, let a), .en): return "only \(y(d)) is due, so a recovery of \(y(a)) cannot be recorded"
        case (.overflow, .zh): return "金额超出可记录的范围，请检查输入"
        case (.overflow, .en): return "the amount is beyond what can be recorded; check the input"
        case let (.aboveCeiling(c, a), _): return MoneyError.aboveCeiling(c, amountFen: a).message(lang)
        }
    }
}

/// One fund account (职业技能提升行动专账): one year and one source (issue 5 §4). Integer fen only.
///
/// `balanceFen = allocated − reserved − paid + recovered`, always. Approval reserves in the account
/// of the year it is approved in; payment moves reserved → paid; an objection on notice (or any
/// release) gives a reservation back; a clawback records an amount due (it does not touch the
/// balance until it is recovered); a recovery moves due → recovered, which adds to the balance.
/// Every operation either succeeds whole or throws and leaves the account as it was, and none can
/// make a field negative.
public struct FundAccount: Hashable, Sendable, Codable {
    public let year: Int
    public let source: FundSource
    public private(set) var allocatedFen: Int64
    public private(set) var reservedFen: Int64
    public private(set) var paidFen: Int64
    public private(set) var recoveredFen: Int64
    /// Clawed back and not yet recovered.
    public private(set) var clawbackDueFen: Int64

    /// A new account; a negative `allocatedFen` is taken as 0 (use `allocate` to add money).
    public init(year: Int, source: FundSource, allocatedFen: Int64 = 0) {
        self.year = year
        self.source = source
        self.allocatedFen = max(0, allocatedFen)
        reservedFen = 0
        paidFen = 0
        recoveredFen = 0
        clawbackDueFen = 0
    }

    /// An account as stored, checked: nil when a field is negative, more is clawed back than was
    /// paid, or the balance does not fit Int64.
    public init?(year: Int, source: FundSource, allocatedFen: Int64, reservedFen: Int64, paidFen: Int64,
                 recoveredFen: Int64, clawbackDueFen: Int64) {
        guard [allocatedFen, reservedFen, paidFen, recoveredFen, clawbackDueFen].allSatisfy({ $0 >= 0 }),
              Self.sum(recoveredFen, clawbackDueFen).map({ $0 <= paidFen }) == true else { return nil }
        self.year = year
        self.source = source
        self.allocatedFen = allocatedFen
        self.reservedFen = reservedFen
        self.paidFen = paidFen
        self.recoveredFen = recoveredFen
        self.clawbackDueFen = clawbackDueFen
        guard Self.balance(allocatedFen, reservedFen, paidFen, recoveredFen) != nil else { return nil }
    }

    /// allocated − reserved − paid + recovered. May be negative only for an account whose allocation
    /// was cut below its commitments (not possible through these operations).
    public var balanceFen: Int64 { Self.balance(allocatedFen, reservedFen, paidFen, recoveredFen) ?? 0 }

    /// The administrator adds money to the account.
    public mutating func allocate(_ amountFen: Int64) throws(FundError) {
        try Self.positive(amountFen)
        guard MoneyCeiling.allocation.allows(amountFen) else { throw .aboveCeiling(.allocation, amountFen: amountFen) }
        guard let a = Self.sum(allocatedFen, amountFen), Self.balance(a, reservedFen, paidFen, recoveredFen) != nil
        else { throw .overflow }
        guard MoneyCeiling.fundAccount.allows(a) else { throw .aboveCeiling(.fundAccount, amountFen: a) }
        allocatedFen = a
    }

    /// Approval: refused when the balance is less than the amount.
    public mutating func reserve(_ amountFen: Int64) throws(FundError) {
        try Self.positive(amountFen)
        let b = balanceFen
        guard amountFen <= b else {
            throw .insufficientBalance(year: year, source: source, balanceFen: b, amountFen: amountFen)
        }
        guard let r = Self.sum(reservedFen, amountFen) else { throw .overflow }
        reservedFen = r
    }

    /// Payment confirmed: reserved → paid.
    public mutating func pay(_ amountFen: Int64) throws(FundError) {
        try Self.positive(amountFen)
        guard amountFen <= reservedFen else { throw .reservedShort(reservedFen: reservedFen, amountFen: amountFen) }
        guard let p = Self.sum(paidFen, amountFen) else { throw .overflow }
        reservedFen -= amountFen
        paidFen = p
    }

    /// A reservation given back (an objection sends the claim back to review; a rejection after
    /// review of a reserved claim).
    public mutating func release(_ amountFen: Int64) throws(FundError) {
        try Self.positive(amountFen)
        guard amountFen <= reservedFen else { throw .reservedShort(reservedFen: reservedFen, amountFen: amountFen) }
        reservedFen -= amountFen
    }

    /// A paid amount to claw back (追回): at most what was paid and not already clawed back.
    public mutating func recordClawback(_ amountFen: Int64) throws(FundError) {
        try Self.positive(amountFen)
        guard MoneyCeiling.recovery.allows(amountFen) else { throw .aboveCeiling(.recovery, amountFen: amountFen) }
        let open = paidFen - recoveredFen - clawbackDueFen
        guard amountFen <= open else { throw .clawbackExceedsPaid(openFen: open, amountFen: amountFen) }
        clawbackDueFen += amountFen
    }

    /// Money clawed back has come in: due → recovered (at most what is due; partial recoveries add up).
    public mutating func recover(_ amountFen: Int64) throws(FundError) {
        try Self.positive(amountFen)
        guard MoneyCeiling.recovery.allows(amountFen) else { throw .aboveCeiling(.recovery, amountFen: amountFen) }
        guard amountFen <= clawbackDueFen else { throw .recoveryExceedsDue(dueFen: clawbackDueFen, amountFen: amountFen) }
        clawbackDueFen -= amountFen
        recoveredFen += amountFen
    }

    /// The operation a claim action calls for (`ClaimAction.fundEffect`), for the claim's amount.
    public mutating func apply(_ effect: FundEffect, amountFen: Int64) throws(FundError) {
        switch effect {
        case .none: return
        case .reserve: try reserve(amountFen)
        case .release: try release(amountFen)
        case .pay: try pay(amountFen)
        case .recordClawback: try recordClawback(amountFen)
        case .recover: try recover(amountFen)
        }
    }

    private static func positive(_ a: Int64) throws(FundError) {
        if a <= 0 { throw .nonPositiveAmount(a) }
    }

    static func sum(_ a: Int64, _ b: Int64) -> Int64? {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? nil : r
    }

    static func balance(_ allocated: Int64, _ reserved: Int64, _ paid: Int64, _ recovered: Int64) -> Int64? {
        let (a, o1) = allocated.subtractingReportingOverflow(reserved)
        let (b, o2) = a.subtractingReportingOverflow(paid)
        let (c, o3) = b.addingReportingOverflow(recovered)
        return o1 || o2 || o3 ? nil : c
    }
}
