import Foundation
import Testing
@testable import SkillCore

@Suite struct ResidentIDTests {
    /// Valid IDs; the check characters were computed independently (Python) from the standard.
    static let valid: [(String, region: String, birth: String, sex: Sex)] = [
        ("11010519491231002X", "110105", "1949-12-31", .female),   // the example in GB 11643-1999
        ("320102199003071239", "320102", "1990-03-07", .male),
        ("320102200002290048", "320102", "2000-02-29", .female),   // leap day in a leap year
        ("32010219800101018X", "320102", "1980-01-01", .female),
        ("32058220000229005X", "320582", "2000-02-29", .male),
        ("11010819751010009X", "110108", "1975-10-10", .male),
        ("110225198501010013", "110225", "1985-01-01", .male),     // 房山县 1982–1986, born in force
        ("320102198001010016", "320102", "1980-01-01", .male),     // 玄武区 from 1983: code given after birth
        ("320102202506010010", "320102", "2025-06-01", .male),
    ]

    @Test(arguments: valid)
    func validIDsParse(_ c: (String, region: String, birth: String, sex: Sex)) throws {
        let id = try ResidentID.parse(c.0, today: today).get()
        #expect(id.value == c.0)
        #expect(id.regionCode == c.region)
        #expect(id.birthDate == date(c.birth))
        #expect(id.sex == c.sex)
        #expect(ResidentID.checkCharacter(for: String(c.0.prefix(17))) == c.0.last)
    }

    @Test func trimsAndAcceptsLowerCaseX() throws {
        let id = try ResidentID.parse("  11010519491231002x \n", today: today).get()
        #expect(id.value == "11010519491231002X")
        #expect(id.description == "11010519491231002X")
        #expect(id.masked == "1101**********002X")
        #expect(try ResidentID.parse("320102199003071239", today: today).get().masked == "3201**********1239")
    }

    static let invalid: [(String, ResidentIDError)] = [
        ("", .empty),
        ("   ", .empty),
        ("32010219900307123", .length(17)),
        ("3201021990030712390", .length(19)),
        ("320102900307123", .length(15)),                      // old 15-digit number
        ("32010219900307123A", .invalidCharacter(position: 18)),
        ("3201021990030712X9", .invalidCharacter(position: 17)),
        ("X20102199003071239", .invalidCharacter(position: 1)),
        ("3201021990 3071239", .invalidCharacter(position: 11)),
        ("320102１99003071239", .invalidCharacter(position: 7)),  // full-width digit
        ("320102199902290048", .invalidBirthDate("19990229")),   // 1999 is not a leap year
        ("320102210002290047", .invalidBirthDate("21000229")),   // nor is 2100
        ("320102199013071236", .invalidBirthDate("19901307")),
        ("320102202606010013", .birthDateInFuture(CalendarDate(year: 2026, month: 6, day: 1)!)),
        ("320102202601160013", .birthDateInFuture(CalendarDate(year: 2026, month: 1, day: 16)!)),
        ("320102189901010017", .birthDateTooEarly(CalendarDate(year: 1899, month: 1, day: 1)!)),
        ("999999199001010016", .unknownRegion("999999")),
        ("110225199001010011", .regionNotInForce(code: "110225", year: 1990)),  // 房山县 ended 1986
        ("320103201501010013", .regionNotInForce(code: "320103", year: 2015)),  // 白下区 ended 2013
        ("320102199003071238", .checkCharacter(expected: "9", found: "8")),
        ("11010519491231002", .length(17)),
        ("110105194912310021", .checkCharacter(expected: "X", found: "1")),
        ("320102200002290040", .checkCharacter(expected: "8", found: "0")),
    ]

    @Test(arguments: invalid)
    func invalidIDsReportWhy(_ c: (String, ResidentIDError)) {
        #expect(ResidentID.parse(c.0, today: today).failure == c.1)
    }

    @Test func todayIsAllowedAsBirthDate() {
        let first17 = "32010220260115001"
        let s = first17 + String(ResidentID.checkCharacter(for: first17)!)
        #expect(ResidentID.parse(s, today: today).success != nil)
        #expect(ResidentID.parse(s, today: today.adding(days: -1)).failure
            == .birthDateInFuture(today))
    }

    @Test func everyWrongCheckCharacterReportsTheExpectedOne() {
        for (s, _, _, _) in Self.valid {
            let expected = s.last!
            for wrong in Array("0123456789X") where wrong != expected {
                let typed = String(s.dropLast()) + String(wrong)
                #expect(ResidentID.parse(typed, today: today).failure
                    == .checkCharacter(expected: expected, found: wrong), "\(typed)")
            }
        }
    }

    @Test func checkCharacterNeedsSeventeenDigits() {
        #expect(ResidentID.checkCharacter(for: "11010519491231002") == "X")
        #expect(ResidentID.checkCharacter(for: "1101051949123100") == nil)
        #expect(ResidentID.checkCharacter(for: "110105194912310021") == nil)
        #expect(ResidentID.checkCharacter(for: "1101051949123100A") == nil)
    }

    @Test func storedValuesSkipTodayAndRegionButNotStructure() throws {
        #expect(ResidentID(stored: "999999199001010016") != nil)     // region table may have moved
        #expect(ResidentID(stored: "999999199001010017") == nil)     // check character still checked
        #expect(ResidentID(stored: "320102199902290048") == nil)
        let data = try JSONEncoder().encode(["11010519491231002X"])
        #expect(try JSONDecoder().decode([ResidentID].self, from: data).first?.value == "11010519491231002X")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ResidentID].self, from: Data(#"["110105194912310021"]"#.utf8))
        }
    }

    @Test func messagesSayWhatIsWrongAndWhatIsRight() {
        let e = ResidentIDError.checkCharacter(expected: "4", found: "5")
        #expect(e.message(.en) == "check character should be 4, not 5")
        #expect(e.message(.zh) == "校验码应为 4，而不是 5")
        #expect(ResidentIDError.length(17).message(.en).contains("18"))
        #expect(ResidentIDError.length(17).message(.en).contains("17"))
        #expect(ResidentIDError.length(17).message(.zh).contains("18 位"))
        #expect(ResidentIDError.invalidCharacter(position: 18).message(.zh).contains("X"))
        #expect(ResidentIDError.regionNotInForce(code: "110225", year: 1990).message(.zh).contains("110225"))
        let all: [ResidentIDError] = [.empty, .length(3), .invalidCharacter(position: 2), .unknownRegion("999999"),
            .regionNotInForce(code: "110225", year: 1990), .invalidBirthDate("19990229"),
            .birthDateInFuture(today), .birthDateTooEarly(date("1899-01-01")), e]
        for error in all {
            #expect(error.message(.zh) != error.message(.en))
            #expect(error.message(.zh).unicodeScalars.contains { $0.value >= 0x4E00 })
        }
    }
}

@Suite struct ResidentIDPartialTests {
    static let cases: [(String, ResidentIDError?)] = [
        ("", nil),
        ("3", nil),
        ("32010", nil),
        ("320102", nil),
        ("32010a", .invalidCharacter(position: 6)),
        ("x", .invalidCharacter(position: 1)),
        ("999999", .unknownRegion("999999")),
        ("9999991990", .unknownRegion("999999")),
        ("3201021999022", nil),                                     // date not complete yet
        ("32010219990229", .invalidBirthDate("19990229")),
        ("32010220000229", nil),
        ("32010230000101", .birthDateInFuture(date("3000-01-01"))),
        ("11022519900101", .regionNotInForce(code: "110225", year: 1990)),
        ("3201021990030712", nil),
        ("32010219900307123", nil),
        ("32010219900307123x", .checkCharacter(expected: "9", found: "X")),
        ("320102199003071239", nil),
        ("3201021990030712391", .length(19)),
        ("3201021990030712X", .invalidCharacter(position: 17)),
    ]

    @Test(arguments: cases)
    func reportsOnlyCertainErrors(_ c: (String, ResidentIDError?)) {
        #expect(ResidentID.checkPartial(c.0, today: today) == c.1)
    }
}
