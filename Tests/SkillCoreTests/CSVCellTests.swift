import Foundation
import Testing
@testable import SkillCore

/// The cells of exported CSV files: RFC 4180 quoting, formula neutralising, digit codes as text.
@Suite struct CSVCellTests {
    @Test func quotesCommasQuotesAndLineBreaksOnly() {
        #expect(CSVCell.text("张伟") == "张伟")
        #expect(CSVCell.text("南京, 玄武") == "\"南京, 玄武\"")
        #expect(CSVCell.text("他说\"好\"") == "\"他说\"\"好\"\"\"")
        #expect(CSVCell.text("一\n二") == "\"一\n二\"")
        #expect(CSVCell.text("一\r\n二") == "\"一\r\n二\"")
        #expect(CSVCell.text("") == "")
        #expect(CSVCell.line(["a", CSVCell.text("b,c")]) == "a,\"b,c\"\r\n")
    }

    @Test func cellsThatStartAFormulaAreNeutralised() {
        #expect(CSVCell.text("=HYPERLINK(\"http://x\",\"点我\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"")
        #expect(CSVCell.text("+86 139") == "'+86 139")
        #expect(CSVCell.text("-1+1") == "'-1+1")
        #expect(CSVCell.text("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVCell.text("\tcmd") == "'\tcmd")
        // Only the first character counts.
        #expect(CSVCell.text("a=b") == "a=b")
        #expect(CSVCell.text("张=三") == "张=三")
    }

    @Test func digitCodesStayTextInASpreadsheet() {
        #expect(CSVCell.digits("32010219900307123X") == "\"\t32010219900307123X\"")
        #expect(CSVCell.digits("13912345678") == "\"\t13912345678\"")
        #expect(CSVCell.digits("91320100MA1ABCDE0X") == "\"\t91320100MA1ABCDE0X\"")
        #expect(CSVCell.digits("") == "")
        // Not a code: written as text would write it (neutralised), never with the tab.
        #expect(CSVCell.digits("=1+2") == "'=1+2")
        #expect(CSVCell.digits("X123") == "X123")
    }

    @Test func amountsAreYuanWithTwoDecimals() {
        #expect(CSVCell.yuan(150_000) == "1500.00")
        #expect(CSVCell.yuan(5) == "0.05")
        #expect(CSVCell.yuan(0) == "0.00")
        #expect(CSVCell.yuan(-1_200) == "'-12.00")
        #expect(CSVCell.yuan(Int64.min) == "'-92233720368547758.08")
    }
}
