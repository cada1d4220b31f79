import Foundation
import Testing
@testable import SkillCore

@Suite struct CalendarDateTests {
    @Test func validatesTheGregorianCalendar() {
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1999, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2023, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2023, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2023, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 2023, month: 1, day: 0) == nil)
    }

    @Test func parsesIsoAndCompact() {
        #expect(CalendarDate(iso: "2024-03-05") == CalendarDate(year: 2024, month: 3, day: 5))
        #expect(CalendarDate(compact: "20240305") == CalendarDate(year: 2024, month: 3, day: 5))
        for bad in ["2024-3-05", "2024-03-5", "20240305", "2024-02-30", "+024-03-05", "２024-03-05", "2024-03-05T00", ""] {
            #expect(CalendarDate(iso: bad) == nil, "\(bad)")
        }
        for bad in ["2024035", "202403051", "2024-0305", "19990229", "2024 305"] {
            #expect(CalendarDate(compact: bad) == nil, "\(bad)")
        }
        #expect(date("0987-06-05").description == "0987-06-05")
        #expect(date("2024-03-05").compact == "20240305")
    }

    @Test func arithmeticAcrossMonthsYearsAndLeapDays() {
        #expect(date("2024-02-28").adding(days: 1) == date("2024-02-29"))
        #expect(date("2023-02-28").adding(days: 1) == date("2023-03-01"))
        #expect(date("2023-12-31").adding(days: 1) == date("2024-01-01"))
        #expect(date("2024-01-01").adding(days: -1) == date("2023-12-31"))
        #expect(date("2000-01-01").days(to: date("2001-01-01")) == 366)
        #expect(date("2001-01-01").days(to: date("2000-01-01")) == -366)
        #expect(date("1970-01-01").daysSinceEpoch == 0)
        #expect(date("1900-03-01").adding(days: 45_000).adding(days: -45_000) == date("1900-03-01"))
        // Every day over four centuries (1900 and 2100 common, 2000 leap) against a plain successor.
        let start = date("1800-01-01")
        var d = start
        for n in start.daysSinceEpoch..<(start.daysSinceEpoch + 146_097) {
            if CalendarDate(daysSinceEpoch: n) != d || d.daysSinceEpoch != n {
                Issue.record("day count disagrees at \(d)"); break
            }
            d = CalendarDate(year: d.year, month: d.month, day: d.day + 1)
                ?? CalendarDate(year: d.year, month: d.month + 1, day: 1)
                ?? CalendarDate(year: d.year + 1, month: 1, day: 1)!
        }
        #expect(d == date("2200-01-01"))
    }

    @Test func weekdayIsIsoMondayOne() {
        #expect(date("1970-01-01").weekday == 4)   // Thursday
        #expect(date("2024-01-01").weekday == 1)   // Monday
        #expect(date("2026-01-18").weekday == 7)   // Sunday
        #expect(date("1900-01-01").weekday == 1)
    }

    @Test func ageCountsFullYears() {
        let birth = date("1990-06-15")
        #expect(birth.age(on: date("2026-06-14")) == 35)
        #expect(birth.age(on: date("2026-06-15")) == 36)
        let leap = date("2000-02-29")
        #expect(leap.age(on: date("2018-02-28")) == 17)
        #expect(leap.age(on: date("2018-03-01")) == 18)
        #expect(leap.age(on: date("2024-02-29")) == 24)
    }

    @Test func todayUsesTheGivenZone() {
        // 2024-12-31T16:30:00Z is already 2025-01-01 in Shanghai (UTC+8).
        let instant = Date(timeIntervalSince1970: 1_735_662_600)
        #expect(CalendarDate.today(now: instant) == date("2025-01-01"))
        #expect(CalendarDate.today(in: TimeZone(identifier: "UTC")!, now: instant) == date("2024-12-31"))
        #expect(CalendarDate.today(in: TimeZone(identifier: "UTC")!, now: Date(timeIntervalSince1970: -1)) == date("1969-12-31"))
    }

    @Test func codableAsIsoString() throws {
        let data = try JSONEncoder().encode([date("2024-02-29")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-02-29"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [date("2024-02-29")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2023-02-29"]"#.utf8))
        }
    }

    @Test func ordersChronologically() {
        #expect(date("2023-12-31") < date("2024-01-01"))
        #expect(date("2024-01-02") > date("2024-01-01"))
        #expect([date("2024-03-01"), date("2023-05-01"), date("2024-02-01")].sorted().map(\.description)
            == ["2023-05-01", "2024-02-01", "2024-03-01"])
    }
}
