import Testing
@testable import SkillCore

/// Issue 10, break 9: a bank result file reads the same whatever its line ends (CR LF, LF, a lone CR
/// from an old Mac or Excel export, mixed, no final line end), and every line number is the one a
/// clerk sees in an editor — also after a quoted field that spans lines.
@Suite("Bank result files: line endings")
struct BankFileLineEndingTests {
    /// Line 1 header, 2 paid, 3–4 a failed line whose quoted reason spans two lines, 5 the last.
    static func file(_ eol: String, last: String = "成功", finalEOL: Bool = true) -> String {
        ["申请编号,结果,金额,银行说明", "SD-2026-000001,成功,1.00,", "SD-2026-000002,失败,2.00,\"户名" + eol + "不符\"",
         "SD-2026-000003,\(last),3.00,"].joined(separator: eol) + (finalEOL ? eol : "")
    }

    static let endings = ["\r\n", "\n", "\r"]

    @Test(arguments: endings, [true, false])
    func everyLineEndReadsAlike(eol: String, finalEOL: Bool) throws {
        let r = try BankFile.parseResult(Self.file(eol, finalEOL: finalEOL))
        #expect(r.map(\.line) == [2, 3, 5])
        #expect(r.map(\.claimNumber) == ["SD-2026-000001", "SD-2026-000002", "SD-2026-000003"])
        #expect(r.map(\.outcome) == [.paid, .failed, .paid])
    }

    @Test(arguments: endings, [true, false])
    func aBadLineIsNamedByTheLineAnEditorShows(eol: String, finalEOL: Bool) {
        #expect(throws: BankFileErrors([BankFileError(line: 5, problem: .unknownStatus("作废"))])) {
            try BankFile.parseResult(Self.file(eol, last: "作废", finalEOL: finalEOL))
        }
    }

    @Test func mixedLineEndsAndBlankLinesCountOneLineEach() {
        // 1 header CRLF, 2 blank CR LF, 3 blank LF, 4 paid then a lone CR, 5 bad status (no final line end).
        let t = "申请编号,结果,金额,银行说明\r\n\r\n\nSD-2026-000001,成功,1.00,\rSD-2026-000002,?,2.00,"
        #expect(throws: BankFileErrors([BankFileError(line: 5, problem: .unknownStatus("?"))])) { try BankFile.parseResult(t) }
    }

    /// A quote left open names the line it opened on, counted the same way.
    @Test(arguments: endings)
    func anOpenQuoteNamesItsLine(eol: String) {
        let t = ["SD-2026-000001,成功,1.00,", "SD-2026-000002,失败,2.00,\"a" + eol + "b\"", "SD-2026-000003,失败,3.00,\"open"].joined(separator: eol)
        #expect(throws: BankFileErrors([BankFileError(line: 4, problem: .badQuote)])) { try BankFile.parseResult(t) }
    }
}
