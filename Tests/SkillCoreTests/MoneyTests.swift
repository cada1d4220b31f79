import Foundation
import Testing
@testable import SkillCore

@Suite struct MoneyTests {
    @Test func formatsFenAsYuan() {
        #expect(Money.format(fen: 123_450) == "¥1,234.50")
        #expect(Money.format(fen: 0) == "¥0.00")
        #expect(Money.format(fen: 5) == "¥0.05")
        #expect(Money.format(fen: -500) == "-¥5.00")
        #expect(Money.format(fen: 100_000_000) == "¥1,000,000.00")
        #expect(Money.format(fen: 99_999) == "¥999.99")
        #expect(Money.format(fen: Int64.min) == "-¥92,233,720,368,547,758.08")
    }

    @Test func parsesYuan() {
        #expect(Money.parse(yuan: "1234.5") == 123_450)
        #expect(Money.parse(yuan: "1234.56") == 123_456)
        #expect(Money.parse(yuan: "1234") == 123_400)
        #expect(Money.parse(yuan: "0.05") == 5)
        #expect(Money.parse(yuan: " ¥1,234.50 ") == 123_450)
        #expect(Money.parse(yuan: "-5") == -500)
        #expect(Money.parse(yuan: "1234.567") == nil)      // no silent rounding
        #expect(Money.parse(yuan: "") == nil)
        #expect(Money.parse(yuan: ".5") == nil)
        #expect(Money.parse(yuan: "12.") == nil)
        #expect(Money.parse(yuan: "1.2.3") == nil)
        #expect(Money.parse(yuan: "12a") == nil)
        #expect(Money.parse(yuan: "+5") == nil)
        #expect(Money.parse(yuan: "99999999999999999999") == nil)   // overflow
        #expect(Money.parse(yuan: "92233720368547758.08") == nil)   // just over Int64.max fen
        #expect(Money.parse(yuan: "92233720368547758.07") == Int64.max)
    }

    @Test func formatAndParseRoundTrip() {
        for fen: Int64 in [0, 1, 99, 100, 123_456_789, -42] {
            #expect(Money.parse(yuan: Money.format(fen: fen).replacingOccurrences(of: "¥", with: "")) == fen)
        }
    }
}
