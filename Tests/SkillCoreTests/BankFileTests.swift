import Testing
@testable import SkillCore

@Suite struct BankFileTests {
    // 6222021234567890128 passes Luhn; 6222021234567890123 does not.
    static let card = "6222021234567890128"

    func line(_ claim: String = "SD-2026-000123", name: String = "张三", account: String = card, fen: Int64 = 100_000,
              kind: SubsidyKind = .training, payee: Payee = .worker) -> PaymentLine {
        PaymentLine(claimNumber: claim, payeeName: name, bankAccount: account, amountFen: fen, kind: kind, payee: payee)
    }

    func exportErrors(_ lines: [PaymentLine], batch: String = "PB-2026-0001") -> [BankFileError] {
        do throws(BankFileErrors) { _ = try BankFile.exportLines(batch: batch, date: date("2026-03-10"), lines: lines); return [] }
        catch { return error.errors }
    }

    func resultErrors(_ text: String) -> [BankFileError] {
        do throws(BankFileErrors) { _ = try BankFile.parseResult(text); return [] } catch { return error.errors }
    }

    @Test func claimNumbers() {
        #expect(ClaimNumber.format(year: 2026, serial: 123) == "SD-2026-000123")
        #expect(ClaimNumber.format(year: 2026, serial: 1_234_567) == "SD-2026-1234567")
        #expect(ClaimNumber.parse(" sd-2026-000123 ")! == (2026, 123))
        for bad in ["SD-2026-123", "SD-26-000123", "XX-2026-000123", "SD-2026-000000", "SD-2026-00012a", "SD-2026-+00123"] {
            #expect(ClaimNumber.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func bankAccounts() {
        #expect(BankAccountNumber.luhn(Self.card) && !BankAccountNumber.luhn("6222021234567890123") && BankAccountNumber.luhn("79927398713"))
        #expect(BankAccountNumber.parse("6222 0212 3456 7890 128", payee: .worker).success?.digits == Self.card)
        #expect(BankAccountNumber.parse("6222021234567890123", payee: .worker).failure == .checkDigit)
        // Corporate accounts and non-62 numbers are not Luhn-checked.
        #expect(BankAccountNumber.parse("6222021234567890123", payee: .institution).success != nil)
        #expect(BankAccountNumber.parse("3201012345678901234", payee: .worker).success != nil)
        #expect(BankAccountNumber.parse("12345678901", payee: .enterprise).failure == .length(11))
        #expect(BankAccountNumber.parse(String(repeating: "1", count: 31), payee: .enterprise).failure == .length(31))
        #expect(BankAccountNumber.parse("123456789012", payee: .enterprise).success != nil)
        #expect(BankAccountNumber.parse("62220212345678901２8", payee: .worker).failure == .notDigits)   // full-width digit
        #expect(BankAccountNumber.parse("  ", payee: .worker).failure == .empty)
    }

    @Test func exportHasBatchLineHeaderAndExactYuan() throws {
        let lines = [line(fen: 100_000), line("SD-2026-000124", name: "南京\"红星\",培训学校", account: "3201 0000 1111 2222 333",
                                                fen: 50_001, kind: .prepayment, payee: .institution)]
        let text = try BankFile.exportLines(batch: "PB-2026-0001", date: date("2026-03-10"), lines: lines)
        #expect(text == "批次号,付款日期,总笔数,总金额\r\nPB-2026-0001,2026-03-10,2,1500.01\r\n"
                + "序号,收款人户名,收款账号,金额,申请编号,摘要\r\n"
                + "1,张三,6222021234567890128,1000.00,SD-2026-000123,职业培训补贴\r\n"
                + "2,\"南京\"\"红星\"\",培训学校\",3201000011112222333,500.01,SD-2026-000124,项目制培训预拨\r\n")
        // Reading our own CSV back gives the fields unchanged.
        let recs = try BankFile.csvRecords(text).get()
        #expect(recs[4].fields[1] == "南京\"红星\",培训学校" && recs.map(\.line) == [1, 2, 3, 4, 5])
        #expect(BankFile.yuan(5) == "0.05" && BankFile.yuan(Int64.max) == "92233720368547758.07")
        #expect(BankFile.csvField("a\nb") == "\"a\nb\"" && BankFile.csvField("plain") == "plain")
    }

    @Test func exportRefusesBadLinesAllAtOnce() {
        let errs = exportErrors([
            line(name: "张\u{1B}[31m三"),
            line("SD-2026-000124", name: "=HYPERLINK(\"x\")"),
            line("SD-2026-000125", account: "6222021234567890123"),
            line("SD-2026-000126", fen: 0),
            line("SD-2026-000123"),
            line("SD-2026-000127", name: "  "),
        ], batch: "PB 1")
        #expect(errs == [
            BankFileError(line: 0, problem: .badBatchNumber("PB 1")),
            BankFileError(line: 1, problem: .unsafeName),
            BankFileError(line: 2, problem: .unsafeName),
            BankFileError(line: 3, problem: .badAccount(.checkDigit)),
            BankFileError(line: 4, problem: .nonPositiveAmount(0)),
            BankFileError(line: 5, problem: .duplicateClaim("SD-2026-000123", firstLine: 1)),
            BankFileError(line: 6, problem: .emptyName),
        ])
        #expect(exportErrors([]) == [BankFileError(line: 0, problem: .emptyBatch)])
        #expect(exportErrors([line(fen: .max), line("SD-2026-000124", fen: 1)]).last == BankFileError(line: 0, problem: .overflow))
        #expect(BankFileError(line: 5, problem: .duplicateClaim("SD-2026-000123", firstLine: 1)).message(.zh)
                == "第5行：申请编号 SD-2026-000123 已在第1行出现；每笔申请只能出现一次")
    }

    @Test func summaryPerKind() throws {
        let s = try #require(PaymentBatchSummary(lines: [line(fen: 100), line(fen: 250, kind: .appraisal), line(fen: 50)]))
        #expect(s.count == 3 && s.totalFen == 400)
        #expect(s.perKind == [.init(kind: .training, count: 2, totalFen: 150), .init(kind: .appraisal, count: 1, totalFen: 250)])
        #expect(PaymentBatchSummary(lines: [line(fen: .max), line(fen: 1)]) == nil)
        #expect(PaymentBatchSummary(lines: [])?.perKind == [])
    }

    @Test func parsesTheBanksResult() throws {
        let text = "\u{FEFF}申请编号,结果,金额,银行说明\r\nSD-2026-000123,成功,1000.00,\r\n\r\n"
            + "SD-2026-000124,失败,500.01,\"户名与账号不符,请核对\"\r\nSD-2026-000125,PAID,12.5"
        let r = try BankFile.parseResult(text)
        #expect(r == [
            BankResultLine(line: 2, claimNumber: "SD-2026-000123", outcome: .paid, amountFen: 100_000, reason: nil),
            BankResultLine(line: 4, claimNumber: "SD-2026-000124", outcome: .failed, amountFen: 50_001, reason: "户名与账号不符,请核对"),
            BankResultLine(line: 5, claimNumber: "SD-2026-000125", outcome: .paid, amountFen: 1_250, reason: nil),
        ])
    }

    @Test func resultErrorsNameTheirLines() {
        let errs = resultErrors("SD-1,成功,1000.00\nSD-2,退款,1.00\nSD-3,成功,1.005\nSD-1,失败,1.00,x\nSD-4,失败,1.00\nSD-5,成功\nSD-6,成功,-1")
        #expect(errs == [
            BankFileError(line: 2, problem: .unknownStatus("退款")),
            BankFileError(line: 3, problem: .badAmount("1.005")),
            BankFileError(line: 4, problem: .duplicateClaim("SD-1", firstLine: 1)),
            BankFileError(line: 5, problem: .reasonRequired),
            BankFileError(line: 6, problem: .fieldCount(expected: "3–4", got: 2)),
            BankFileError(line: 7, problem: .nonPositiveAmount(-100)),
        ])
        #expect(resultErrors("SD-1,成功,1.00\nSD-2,失败,1.00,\"not closed\n") == [BankFileError(line: 2, problem: .badQuote)])
        #expect(resultErrors("SD-1,成功,1.00,\"a\"b") == [BankFileError(line: 1, problem: .badQuote)])
        #expect(BankFileError(line: 2, problem: .unknownStatus("退款")).message(.en)
                == "line 2: result \"退款\" is not understood; expected paid (成功) or failed (失败)")
        // A quoted reason spanning lines: the next record's line number is still physical.
        #expect(resultErrors("SD-1,失败,1.00,\"a\nb\"\nSD-2,x,1.00") == [BankFileError(line: 3, problem: .unknownStatus("x"))])
    }

    @Test func reconciliation() throws {
        let batch = [line("SD-2026-000001", fen: 100), line("SD-2026-000002", fen: 200), line("SD-2026-000003", fen: 300),
                     line("SD-2026-000004", fen: 400)]
        let results = try BankFile.parseResult("SD-2026-000001,成功,1.00\nSD-2026-000002,失败,2.00,账户冻结\nSD-2026-000003,成功,3.01\nSD-2026-000099,成功,1.00")
        let r = BankFile.reconcile(results, batch: batch)
        #expect(r.paid.map(\.claimNumber) == ["SD-2026-000001"] && r.failed.map(\.reason) == ["账户冻结"])
        #expect(r.amountMismatch.map(\.expectedFen) == [300] && r.unknown.map(\.claimNumber) == ["SD-2026-000099"])
        #expect(r.missing.map(\.claimNumber) == ["SD-2026-000004"] && !r.isClean)
        let clean = BankFile.reconcile(try BankFile.parseResult("SD-2026-000001,paid,1.00"), batch: [batch[0]])
        #expect(clean.isClean && clean.paid.count == 1)
    }

    /// Any amount in fen survives export → result parse exactly (no floating point anywhere).
    @Test func amountsRoundTripExactly() throws {
        var rng = SeededGenerator(seed: 99)
        for i in 0..<300 {
            let fen = Int64.random(in: 1...9_999_999_999, using: &rng)
            let claim = ClaimNumber.format(year: 2026, serial: i + 1)
            let text = try BankFile.exportLines(batch: "B1", date: date("2026-03-10"), lines: [line(claim, fen: fen)])
            let amount = try BankFile.csvRecords(text).get()[3].fields[3]
            #expect(try BankFile.parseResult("\(claim),成功,\(amount)")[0].amountFen == fen)
        }
    }
}
