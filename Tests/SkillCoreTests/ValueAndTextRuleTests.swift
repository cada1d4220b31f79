import Foundation
import SkillCore
import Testing

/// Issue 10, breaks 4 and 5, in the core: ceilings, checked sums, the calendar's ends, the text rules.
@Suite("Values and text rules (issue 10)")
struct ValueAndTextRuleTests {
    @Test func everyAmountHasACeilingNamedInTheMessage() throws {
        for c in MoneyCeiling.allCases {
            #expect(throws: MoneyError.aboveCeiling(c, amountFen: c.fen + 1)) { try Money.check(c.fen + 1, c) }
            try Money.check(c.fen, c)
            let m = MoneyError.aboveCeiling(c, amountFen: Int64.max)
            #expect(m.message(.en).contains(Money.format(fen: c.fen)) && m.message(.zh).contains(Money.format(fen: c.fen)))
        }
        // Sums of accepted amounts stay far from Int64.max.
        #expect(MoneyCeiling.fundAccount.fen < Int64.max / 1_000_000)
    }

    @Test func sumsAreChecked() {
        #expect(Money.sum([Int64.max, 1]) == nil)
        #expect(Money.sum([Int64.min, -1]) == nil)
        #expect(Money.sum([1, 2, 3]) == 6)
        #expect(throws: MoneyError.self) { try Money.total([Int64.max, Int64.max], of: "x", zh: "x") }
    }

    @Test func fundAccountRefusesAboveItsCeilings() {
        var a = FundAccount(year: 2025, source: .other)
        #expect(throws: FundError.aboveCeiling(.allocation, amountFen: Int64.max)) { try a.allocate(Int64.max) }
        #expect(a.allocatedFen == 0)
        for _ in 0..<10 { try? a.allocate(MoneyCeiling.allocation.fen) }
        #expect(a.allocatedFen == MoneyCeiling.fundAccount.fen)
        #expect(throws: FundError.aboveCeiling(.fundAccount, amountFen: MoneyCeiling.fundAccount.fen + 1)) { try a.allocate(1) }
        #expect(throws: FundError.aboveCeiling(.recovery, amountFen: Int64.max)) { try a.recover(Int64.max) }
    }

    @Test func dayArithmeticNeverTrapsAndLoopsEnd() {
        let last = CalendarDate(year: 9999, month: 12, day: 31)!
        #expect(last.adding(days: 1) == CalendarDate.last)
        #expect(last.adding(days: Int.max) == CalendarDate.last)
        #expect(CalendarDate.first.adding(days: Int.min) == CalendarDate.first)
        let cal = WorkingCalendar(entries: [])
        #expect(cal.workingDays(from: CalendarDate(year: 9999, month: 12, day: 20)!, to: last) > 0)
        _ = cal.addingWorkingDays(30, to: last)
        #expect(!last.isSupported && CalendarDate(year: 2199, month: 12, day: 31)!.isSupported)
        #expect(!CalendarDate(year: 1899, month: 12, day: 31)!.isSupported)
    }

    @Test func identifiersAreRefusedAndProseIsCleaned() throws {
        let f = FieldLabel(en: "certificate number", zh: "证书编号")
        #expect(throws: FieldTextError.forbidden(f, position: 2)) { try FieldText.identifier("S\u{1B}[2J", field: f, max: 64) }
        #expect(throws: FieldTextError.forbidden(f, position: 2)) { try FieldText.identifier("S\u{202E}1", field: f, max: 64) }
        #expect(throws: FieldTextError.forbidden(f, position: 2)) { try FieldText.identifier("S\u{0}1", field: f, max: 64) }
        #expect(throws: FieldTextError.empty(f, max: 64)) { try FieldText.identifier("  ", field: f, max: 64) }
        #expect(try FieldText.identifier("  S2025 01 ", field: f, max: 64) == "S2025 01")
        #expect(throws: FieldTextError.self) { try FieldText.cleaned(String(repeating: "很", count: 100_000), field: f, max: 500) }
        #expect(try FieldText.cleaned("a\u{1B}[2J\r\nb\u{200B}c\u{9B}", field: f, max: 500) == "a[2J bc")
    }

    @Test func displayNeutralisingIsOneFunction() {
        #expect(UnsafeText.forDisplay("a\u{1B}[2J\u{07}\r") == "a␛[2J␇␍")
        #expect(UnsafeText.forDisplay("x\u{9B}\u{202E}\u{200B}y") == "x�y")
        #expect(UnsafeText.isNeutralised("\u{202E}") && !UnsafeText.isNeutralised("张"))
    }
}

/// Stored minutes raised to Int.max (sqlite3) must not trap the counting of hours.
@Suite("Stored minutes never trap (issue 10)")
struct StoredMinutesTests {
    @Test func countedMinutesSaturate() {
        let rule = AttendanceRule.demo
        #expect(rule.countedMinutes(classroom: Int.max, online: Int.max) == Int.max)
        #expect(rule.countedMinutes(classroom: 60, online: 60) == 90)
        #expect(rule.minutesToComplete(plannedHours: Int.max) > 0)
        #expect(AttendanceRule.saturatingSum([Int.max, 1, 5]) == Int.max)
        #expect(AttendanceRule.saturatingSum([Int.min, -1]) == Int.min)
    }
}
