import Testing
@testable import SkillCore

@Suite struct MobilePhoneTests {
    static let accepted: [(String, String)] = [
        ("13912345678", "13912345678"),
        ("139 1234 5678", "13912345678"),
        ("139-1234-5678", "13912345678"),
        ("+86 139 1234 5678", "13912345678"),
        ("+8613912345678", "13912345678"),
        ("8613912345678", "13912345678"),
        ("  19900001111 ", "19900001111"),
    ]

    @Test(arguments: accepted)
    func acceptsCommonWritings(_ c: (String, String)) throws {
        #expect(try MobilePhone.parse(c.0).get().value == c.1)
    }

    static let refused: [(String, MobilePhoneError)] = [
        ("", .length(0)),
        ("1391234567", .length(10)),
        ("139123456789", .length(12)),
        ("12912345678", .invalidPrefix("12")),
        ("23912345678", .invalidPrefix("23")),
        ("1391234567a", .invalidCharacter(position: 11)),
        ("139.1234.5678", .invalidCharacter(position: 4)),
        ("+1 139 1234 5678", .invalidCharacter(position: 1)),
        ("025-8888-1234", .invalidPrefix("02")),                   // a Nanjing landline
    ]

    @Test(arguments: refused)
    func refusesWithReason(_ c: (String, MobilePhoneError)) {
        #expect(MobilePhone.parse(c.0).failure == c.1)
    }

    @Test func displayForms() throws {
        let p = try MobilePhone.parse("13912345678").get()
        #expect(p.masked == "139****5678")
        #expect(p.grouped == "139 1234 5678")
        #expect(MobilePhoneError.length(10).message(.en) == "a mobile number has 11 digits, not 10")
        #expect(MobilePhoneError.invalidPrefix("12").message(.zh).contains("13–19"))
    }
}
