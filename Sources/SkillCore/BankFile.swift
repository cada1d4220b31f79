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
