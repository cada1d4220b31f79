/// A claim's display number, as the bank file and the notice list show it: `SD-2026-000123`
/// (year of the claim, then its serial, at least 6 digits).
public enum ClaimNumber {
    public static func format(year: Int, serial: Int) -> String {
        let s = String(serial)
        return "SD-\(year)-" + String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    /// The year and serial of `SD-2026-000123` (any case, spaces trimmed); nil for anything else.
    public static func parse(_ s: String) -> (year: Int, serial: Int)? {
        let parts = s.trimmedWhitespace().uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "SD", parts[1].count == 4, parts[2].count >= 6, parts[2].count <= 12,
              (parts[1] + parts[2]).utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let y = Int(parts[1]), let n = Int(parts[2]), n >= 1 else { return nil }
        return (y, n)
    }
}

/// What is wrong with a bank account number.
public enum BankAccountError: Error, Equatable, Sendable, UserMessage {
    case empty
    /// Something other than digits (spaces and `-` between groups are allowed and dropped).
    case notDigits
    /// Fewer than 12 or more than 30 digits (the count as given).
    case length(Int)
    /// A worker's UnionPay card number (16–19 digits starting with 62) whose check digit is wrong.
    case checkDigit

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.empty, .zh): return "银行账号为空；应填写 12–30 位数字"
        case (.empty, .en): return "the bank account is empty; enter 12 to 30 digits"
        case (.notDigits, .zh): return "银行账号只能是数字（可用空格分组）"
        case (.notDigits, .en): return "a bank account has digits only (spaces between groups are fine)"
        case (.length(let n), .zh): return "银行账号有 \(n) 位；应为 12–30 位数字"
        case (.length(let n), .en): return "the bank account has \(n) digits; it should have 12 to 30"
        case (.checkDigit, .zh): return "银行卡号校验位不对（银联卡号以 62 开头、16–19 位），请对照卡面重新输入"
        case (.checkDigit, .en): return "the card number's check digit is wrong (UnionPay cards: 62…, 16–19 digits); retype it from the card"
        }
    }
}

/// A bank account number as the bank file carries it: digits only.
public struct BankAccountNumber: Hashable, Sendable, CustomStringConvertible {
    public let digits: String
    public var description: String { digits }

    /// 12–30 digits after dropping spaces and `-`. For a worker (a personal bank card) a 16–19 digit
    /// number starting with `62` — a UnionPay card, whose numbers follow ISO/IEC 7812 — must pass the
    /// Luhn check; other numbers are not checked: enterprise and institution accounts (对公账户) and
    /// passbook accounts have bank-specific formats with no public check digit.
    public static func parse(_ s: String, payee: Payee) -> Result<BankAccountNumber, BankAccountError> {
        let t = String(s.unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "\u{3000}" }.map(Character.init))
        if t.isEmpty { return .failure(.empty) }
        guard t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return .failure(.notDigits) }
        guard (12...30).contains(t.utf8.count) else { return .failure(.length(t.utf8.count)) }
        if payee == .worker, (16...19).contains(t.utf8.count), t.hasPrefix("62"), !luhn(t) {
            return .failure(.checkDigit)
        }
        return .success(BankAccountNumber(digits: t))
    }

    /// The Luhn (mod 10) check over ASCII digits.
    public static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (i, b) in digits.utf8.reversed().enumerated() {
            guard b >= 48 && b <= 57 else { return false }
            var d = Int(b - 48)
            if i % 2 == 1 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return !digits.isEmpty && sum % 10 == 0
    }
}

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

/// The bank files of a payment batch, as text (the caller encodes it: UTF-8 with BOM or GB18030).
///
/// **Export** (`exportLines`), CSV with CRLF line ends, as banks' batch-payment (代发) templates take:
/// ```
/// 批次号,付款日期,总笔数,总金额
/// PB-2026-0001,2026-03-10,2,1500.00
/// 序号,收款人户名,收款账号,金额,申请编号,摘要
/// 1,张三,6222021234567890128,1000.00,SD-2026-000123,职业培训补贴
/// ```
/// Amounts are yuan with exactly two decimals, from fen by integer arithmetic. A field holding a
/// comma, quote or line break is quoted with inner quotes doubled (RFC 4180); names with control
/// characters are refused, not escaped.
///
/// **Result** (`parseResult`): `申请编号,结果,金额,银行说明` per line, an optional header line whose
/// first field is `申请编号` or `claim_no`, blank lines skipped, a BOM ignored; result `成功`/`paid`/
/// `success`/`已支付` or `失败`/`failed`/`fail`/`退票`; a failed line needs the bank's reason.
public enum BankFile {
    public static let maxNameLength = 100
    public static let exportHeader = "序号,收款人户名,收款账号,金额,申请编号,摘要"
    public static let batchHeader = "批次号,付款日期,总笔数,总金额"

    /// `123450` → `1234.50` (no grouping, no currency sign; negative not expected).
    public static func yuan(_ fen: Int64) -> String {
        let m = fen.magnitude
        let cents = m % 100
        return (fen < 0 ? "-" : "") + String(m / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// One CSV field, quoted when it holds a comma, a quote or a line break.
    public static func csvField(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func isValidBatchNumber(_ s: String) -> Bool {
        (1...32).contains(s.utf8.count) && s.utf8.allSatisfy {
            ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 95
        }
    }

    /// What is wrong with a payee name (nil: nothing), spaces around it aside: empty; control, bidi
    /// or zero-width characters; a first character a spreadsheet runs as a formula (`=`, `+`, `-`,
    /// `@` — a bank file is opened in Excel); over `maxNameLength` characters. The one rule for a
    /// name recorded to be paid (`Session.setPayeeAccount`) and a name written into the bank file,
    /// so a name that is taken can always be exported. (Workers' names cannot start with these at
    /// all: `PersonName` wants a letter first.)
    public static func payeeNameProblem(_ raw: String) -> BankFileError.Problem? {
        let name = raw.trimmedWhitespace()
        guard let first = name.first else { return .emptyName }
        if name.contains(where: UnsafeText.containsForbidden) || "=+-@".contains(first) { return .unsafeName }
        if name.count > maxNameLength { return .nameTooLong(max: maxNameLength) }
        return nil
    }

    /// The bank's payment file for a batch; every bad line is reported (numbered as its 序号).
    public static func exportLines(batch: String, date: CalendarDate, lines: [PaymentLine]) throws(BankFileErrors) -> String {
        var errors: [BankFileError] = []
        if !isValidBatchNumber(batch) { errors.append(BankFileError(line: 0, problem: .badBatchNumber(batch))) }
        if lines.isEmpty { errors.append(BankFileError(line: 0, problem: .emptyBatch)) }
        var seen: [String: Int] = [:]
        var accounts: [String] = []
        for (i, l) in lines.enumerated() {
            let n = i + 1
            func fail(_ p: BankFileError.Problem) { errors.append(BankFileError(line: n, problem: p)) }
            if let p = payeeNameProblem(l.payeeName) { fail(p) }
            switch BankAccountNumber.parse(l.bankAccount, payee: l.payee) {
            case .success(let a): accounts.append(a.digits)
            case .failure(let e): accounts.append(""); fail(.badAccount(e))
            }
            if l.amountFen <= 0 { fail(.nonPositiveAmount(l.amountFen)) }
            let claim = l.claimNumber.trimmedWhitespace()
            if claim.isEmpty || claim.count > 40 || claim.contains(where: { UnsafeText.containsForbidden($0) || $0 == "," || $0 == "\"" }) {
                fail(.badClaimNumber(l.claimNumber))
            } else if let first = seen[claim] {
                fail(.duplicateClaim(claim, firstLine: first))
            } else {
                seen[claim] = n
            }
        }
        guard let summary = PaymentBatchSummary(lines: lines) else { throw BankFileErrors(errors + [BankFileError(line: 0, problem: .overflow)]) }
        if !errors.isEmpty { throw BankFileErrors(errors) }
        var out = batchHeader + "\r\n"
        out += [batch, date.description, String(summary.count), yuan(summary.totalFen)].map(csvField).joined(separator: ",") + "\r\n"
        out += exportHeader + "\r\n"
        for (i, l) in lines.enumerated() {
            let fields = [String(i + 1), l.payeeName.trimmedWhitespace(), accounts[i], yuan(l.amountFen),
                          l.claimNumber.trimmedWhitespace(), l.kind.label(.zh)]
            out += fields.map(csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static let paidWords: Set<String> = ["paid", "success", "成功", "已支付", "支付成功"]
    static let failedWords: Set<String> = ["failed", "fail", "失败", "支付失败", "退票"]

    /// The bank's result file; every bad line is reported with its physical line number.
    public static func parseResult(_ text: String) throws(BankFileErrors) -> [BankResultLine] {
        var errors: [BankFileError] = []
        var results: [BankResultLine] = []
        var seen: [String: Int] = [:]
        let records: [(line: Int, fields: [String])]
        switch csvRecords(text) {
        case .success(let r): records = r
        case .failure(let e): throw BankFileErrors([e])
        }
        for (i, r) in records.enumerated() {
            let f = r.fields.map { $0.trimmedWhitespace() }
            if f.allSatisfy(\.isEmpty) { continue }
            if i == 0, ["申请编号", "claim_no"].contains(f[0].lowercased()) { continue }
            func fail(_ p: BankFileError.Problem) { errors.append(BankFileError(line: r.line, problem: p)) }
            guard f.count == 3 || f.count == 4 else { fail(.fieldCount(expected: "3–4", got: f.count)); continue }
            let before = errors.count
            let claim = f[0]
            if claim.isEmpty || claim.contains(where: UnsafeText.containsForbidden) { fail(.badClaimNumber(claim)) }
            else if let first = seen[claim] { fail(.duplicateClaim(claim, firstLine: first)) }
            else { seen[claim] = r.line }
            let status = f[1].lowercased()
            let outcome: BankResultLine.Outcome? = paidWords.contains(status) ? .paid : failedWords.contains(status) ? .failed : nil
            if outcome == nil { fail(.unknownStatus(f[1])) }
            let amount = Money.parse(yuan: f[2])
            if amount == nil { fail(.badAmount(f[2])) } else if amount! <= 0 { fail(.nonPositiveAmount(amount!)) }
            // The bank's words, cleaned and bounded (a reason is shown in a list, not a document).
            let reason = f.count == 4 ? String(UnsafeText.sanitise(f[3]).prefix(FieldText.maxReason)) : ""
            if outcome == .failed && reason.isEmpty { fail(.reasonRequired) }
            guard errors.count == before, let o = outcome, let a = amount else { continue }
            results.append(BankResultLine(line: r.line, claimNumber: claim, outcome: o, amountFen: a, reason: reason.isEmpty ? nil : reason))
        }
        if !errors.isEmpty { throw BankFileErrors(errors) }
        return results
    }

    /// Matches a bank result to the batch it answers (claim numbers compare after trimming).
    public static func reconcile(_ results: [BankResultLine], batch lines: [PaymentLine]) -> BankReconciliation {
        var r = BankReconciliation()
        let byClaim = Dictionary(lines.map { ($0.claimNumber.trimmedWhitespace(), $0) }, uniquingKeysWith: { a, _ in a })
        var answered = Set<String>()
        for res in results {
            guard let line = byClaim[res.claimNumber] else { r.unknown.append(res); continue }
            answered.insert(res.claimNumber)
            if res.amountFen != line.amountFen { r.amountMismatch.append(.init(result: res, expectedFen: line.amountFen)); continue }
            if res.outcome == .paid { r.paid.append(res) } else { r.failed.append(res) }
        }
        r.missing = lines.filter { !answered.contains($0.claimNumber.trimmedWhitespace()) }
        return r
    }

    /// RFC 4180 records with the physical line each starts on (as an editor numbers them); CR LF, LF,
    /// a lone CR (old Mac and Excel exports) and mixes of them end a line alike, inside quotes too; a
    /// last line needs no line end; a leading BOM is skipped. `CSVReader` (imports) reads the same way.
    static func csvRecords(_ text: String) -> Result<[(line: Int, fields: [String])], BankFileError> {
        var records: [(Int, [String])] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, recordLine = 1
        var inQuotes = false, afterQuote = false
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        func endField() { fields.append(String(field)); field = String.UnicodeScalarView(); afterQuote = false }
        func endRecord() { endField(); records.append((recordLine, fields)); fields = [] }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" { field.append("\""); i += 1 }
                    else { inQuotes = false; afterQuote = true }
                } else {
                    // A line end inside quotes is data, but still a line an editor shows: CR LF,
                    // LF and a lone CR count one each, as between records.
                    if c == "\r" || (c == "\n" && (i == 0 || scalars[i - 1] != "\r")) { line += 1 }
                    field.append(c)
                }
            } else if c == "," {
                endField()
            } else if c == "\r" || c == "\n" {
                if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else if c == "\"" && field.isEmpty && !afterQuote {
                inQuotes = true
            } else if afterQuote || c == "\"" {
                return .failure(BankFileError(line: line, problem: .badQuote))
            } else {
                field.append(c)
            }
            i += 1
        }
        if inQuotes { return .failure(BankFileError(line: recordLine, problem: .badQuote)) }
        if !field.isEmpty || !fields.isEmpty || afterQuote { endRecord() }
        return .success(records)
    }
}
