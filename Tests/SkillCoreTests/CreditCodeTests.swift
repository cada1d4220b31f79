import Foundation
import Testing
@testable import SkillCore

@Suite struct CreditCodeTests {
    /// 91350100M000100Y43 is the widely cited example; the others' check characters were computed
    /// independently (Python) with the GB 32100 weights.
    static let valid = ["91350100M000100Y43", "91320100MA1MXXXX09", "91110000802100433B", "12320000466007645C"]

    @Test(arguments: valid)
    func validCodesParse(_ s: String) throws {
        let code = try CreditCode.parse(s).get()
        #expect(code.value == s)
        #expect(CreditCode.checkCharacter(for: String(s.prefix(17))) == s.last)
    }

    @Test func trimsAndUpperCases() throws {
        #expect(try CreditCode.parse("  91350100m000100y43\t").get().value == "91350100M000100Y43")
    }

    static let invalid: [(String, CreditCodeError)] = [
        ("", .empty),
        (" ", .empty),
        ("91350100M000100Y4", .length(17)),
        ("91350100M000100Y431", .length(19)),
        ("91350100I000100Y43", .invalidCharacter(position: 9, "I")),
        ("91350100M0O0100Y43", .invalidCharacter(position: 11, "O")),
        ("9135010-M000100Y43", .invalidCharacter(position: 8, "-")),
        ("91350100M000100Y4S", .invalidCharacter(position: 18, "S")),
        ("91350100M000100Y44", .checkCharacter(expected: "3", found: "4")),
        ("91350100M000100Y53", .checkCharacter(expected: "6", found: "3")),   // computed in Python
    ]

    @Test(arguments: invalid)
    func invalidCodesReportWhy(_ c: (String, CreditCodeError)) {
        #expect(CreditCode.parse(c.0).failure == c.1)
    }

    @Test func everySingleSubstitutionIsCaught() {
        for s in Self.valid {
            var chars = Array(s)
            for i in 0..<18 {
                let original = chars[i]
                for c in CreditCode.alphabet where c != original {
                    chars[i] = c
                    #expect(CreditCode.parse(String(chars)).success == nil, "\(String(chars))")
                }
                chars[i] = original
            }
        }
    }

    @Test func codableAndMessages() throws {
        let data = try JSONEncoder().encode(["91350100M000100Y43"])
        #expect(try JSONDecoder().decode([CreditCode].self, from: data).first?.value == "91350100M000100Y43")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CreditCode].self, from: Data(#"["91350100M000100Y44"]"#.utf8))
        }
        #expect(CreditCodeError.checkCharacter(expected: "3", found: "4").message(.en) == "check character should be 3, not 4")
        #expect(CreditCodeError.invalidCharacter(position: 9, "I").message(.zh).contains("第 9 位"))
    }
}
