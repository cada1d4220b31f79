/// One payment of a batch: a payable claim and where its money goes.
public struct PaymentLine: Equatable, Sendable {
    public var claimNumber: String
    public var payeeName: String
    public var bankAccount: String
    public var amountFen: Int64
    public var kind: SubsidyKind
    public var payee: Payee

    public init(claimNumber: String, payeeName: String, bankAccount: String, amountFen: Int64, kind: SubsidyKind, payee: Payee) {
        self.claimNumber = claimNumber
        self.payeeName = payeeName
        self.bankAccount = bankAccount
        self.amountFen = amountFen
        self.kind = kind
        self.payee = payee
    }
}

/// Count and total of a payment batch, and per subsidy kind (in `SubsidyKind` order, kinds with
/// no line left out).
public struct PaymentBatchSummary: Equatable, Sendable {
    public struct KindTotal: Equatable, Sendable {
        public let kind: SubsidyKind
        public let count: Int
        public let totalFen: Int64
    }

    public let count: Int
    public let totalFen: Int64
    public let perKind: [KindTotal]

    /// nil when the total leaves the Int64 range.
    public init?(lines: [PaymentLine]) {
        var total: Int64 = 0
        var byKind: [SubsidyKind: (Int, Int64)] = [:]
        for l in lines {
            let (t, o) = total.addingReportingOverflow(l.amountFen)
            if o { return nil }
            total = t
            let k = byKind[l.kind] ?? (0, 0)
            let (kt, ko) = k.1.addingReportingOverflow(l.amountFen)
            if ko { return nil }
            byKind[l.kind] = (k.0 + 1, kt)
        }
        count = lines.count
        totalFen = total
        perKind = SubsidyKind.allCases.compactMap { k in byKind[k].map { KindTotal(kind: k, count: $0.0, totalFen: $0.1) } }
    }
}

/// The bank's answer for one claim.
public struct BankResultLine: Equatable, Sendable {
    public enum Outcome: String, Sendable, Equatable { case paid, failed }
    /// The physical line of the result file it came from.
    public let line: Int
    public let claimNumber: String
    public let outcome: Outcome
    public let amountFen: Int64
    /// The bank's reason (required for a failed line, optional for a paid one).
    public let reason: String?
}

/// What is wrong with a payment batch or a bank result file, line by line.
public struct BankFileError: Error, Equatable, Sendable, UserMessage {
    public enum Problem: Equatable, Sendable {
        case emptyBatch
        /// Batch numbers are 1–32 of `A–Z a–z 0–9 - _`.
        case badBatchNumber(String)
        case emptyName
        /// Control, bidi or zero-width characters in a name, or a name starting with `=`, `+`, `-`
        /// or `@` (a spreadsheet would run it as a formula).
        case unsafeName
        case nameTooLong(max: Int)
        case badAccount(BankAccountError)
        case nonPositiveAmount(Int64)
        case badAmount(String)
        case badClaimNumber(String)
        case duplicateClaim(String, firstLine: Int)
        case overflow
        case fieldCount(expected: String, got: Int)
        case unknownStatus(String)
        case reasonRequired
        /// A quoted field is not closed, or text follows its closing quote.
        case badQuote
    }

    /// The line: in an export, the payment's 序号 (1-based; 0 for the batch itself); in a result
    /// file, the physical line.
    public var line: Int
    public var problem: Problem

    public init(line: Int, problem: Problem) {
        self.line = line
        self.problem = problem
    }

    public func message(_ lang: Lang) -> String {
        let zh = lang == .zh
        let at = line == 0 ? "" : (zh ? "第\(line)行：" : "line \(line): ")
        let y = Money.format
        switch problem {
        case .emptyBatch: return zh ? "支付批次没有任何待支付申请" : "the payment batch has no payable claim"
        case .badBatchNumber(let s):
            return zh ? "批次号“\(s)”无效；应为 1–32 位字母、数字、- 或 _，如 PB-2026-0001"
                : "batch number \"\(s)\" is not valid; use 1 to 32 letters, digits, - or _, like PB-2026-0001"
        case .emptyName: return at + (zh ? "收款人户名为空" : "the payee name is empty")
        case .unsafeName:
            return at + (zh ? "收款人户名含控制字符，或以 = + - @ 开头；请按开户名称填写"
                : "the payee name has control characters or starts with = + - @; enter it as the account is named")
        case .nameTooLong(let m): return at + (zh ? "收款人户名超过 \(m) 个字" : "the payee name is over \(m) characters")
        case .badAccount(let e): return at + e.message(lang)
        case .nonPositiveAmount(let a): return at + (zh ? "金额应大于 0，实际为 \(y(a))" : "the amount must be more than 0, not \(y(a))")
        case .badAmount(let s):
            return at + (zh ? "金额“\(s)”无效；应为元，最多两位小数，如 1000.00" : "amount \"\(s)\" is not valid; expected yuan with at most two decimals, like 1000.00")
        case .badClaimNumber(let s):
            return at + (zh ? "申请编号“\(s)”无效；应如 SD-2026-000123" : "claim number \"\(s)\" is not valid; expected like SD-2026-000123")
        case .duplicateClaim(let c, let first):
            return at + (zh ? "申请编号 \(c) 已在第\(first)行出现；每笔申请只能出现一次" : "claim \(c) is already on line \(first); each claim appears once")
        case .overflow: return zh ? "合计金额超出可记录的范围" : "the total is beyond what can be recorded"
        case .fieldCount(let e, let g):
            return at + (zh ? "有 \(g) 列；应为 \(e) 列：申请编号,结果,金额,银行说明" : "\(g) fields; expected \(e): claim number, result, amount, bank reason")
        case .unknownStatus(let s):
            return at + (zh ? "结果“\(s)”无法识别；应为 成功/paid 或 失败/failed" : "result \"\(s)\" is not understood; expected paid (成功) or failed (失败)")
        case .reasonRequired:
            return at + (zh ? "支付失败的行必须有银行说明的原因" : "a failed line must give the bank's reason")
        case .badQuote:
            return at + (zh ? "引号不配对；含逗号或引号的字段应整体加双引号，内部引号写两次"
                : "unbalanced quotes; quote a whole field that has commas or quotes, doubling inner quotes")
        }
    }
}

/// Every problem found at once, so a clerk fixes them in one pass. One line per problem.
public struct BankFileErrors: Error, Equatable, Sendable, UserMessage {
    public var errors: [BankFileError]
    public init(_ errors: [BankFileError]) { self.errors = errors }
    public func message(_ lang: Lang) -> String { errors.map { $0.message(lang) }.joined(separator: "\n") }
}

/// How a bank result file matches the batch it answers.
public struct BankReconciliation: Equatable, Sendable {
    public struct Mismatch: Equatable, Sendable {
        public let result: BankResultLine
        public let expectedFen: Int64
    }

    /// Lines the bank paid, for the amount the batch asked.
    public var paid: [BankResultLine] = []
    /// Lines the bank failed (back to payable with `reason`).
    public var failed: [BankResultLine] = []
    /// Result lines for claims not in the batch.
    public var unknown: [BankResultLine] = []
    /// Result lines whose amount differs from the batch's.
    public var amountMismatch: [Mismatch] = []
    /// Batch lines the result file does not mention (still with the bank).
    public var missing: [PaymentLine] = []

    /// Nothing needs a person: every line answered, known, and for the right amount.
    public var isClean: Bool { unknown.isEmpty && amountMismatch.isEmpty && missing.isEmpty }
}
