import Testing
@testable import SkillCore

@Suite struct ReportPeriodTests {
    private func parse(_ s: String) -> ReportPeriod? { try? ReportPeriod.parse(s).get() }
    private func d(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    @Test func readsEveryShapeAndWritesItBack() {
        #expect(parse("2026-Q3") == .quarter(year: 2026, quarter: 3))
        #expect(parse("2026q3") == .quarter(year: 2026, quarter: 3))
        #expect(parse("２０２６－Ｑ３") == .quarter(year: 2026, quarter: 3))   // full width from an IME
        #expect(parse("2026年第3季度") == .quarter(year: 2026, quarter: 3))
        #expect(parse("2026-07") == .month(year: 2026, month: 7))
        #expect(parse("2026-7") == .month(year: 2026, month: 7))
        #expect(parse("2026年7月") == .month(year: 2026, month: 7))
        #expect(parse(" 2026 ") == .year(2026))
        #expect(parse("2026年") == .year(2026))
        #expect(parse("2026-07-01..2026-09-30") == .span(from: d("2026-07-01"), to: d("2026-09-30")))
        #expect(parse("2026-07-01 至 2026-09-30") == .span(from: d("2026-07-01"), to: d("2026-09-30")))
        #expect(parse("2026-07-05") == .span(from: d("2026-07-05"), to: d("2026-07-05")))
        for p in [ReportPeriod.quarter(year: 2026, quarter: 3), .month(year: 2026, month: 7), .year(2026),
                  .span(from: d("2026-07-01"), to: d("2026-09-30"))] {
            #expect(parse(p.code) == p)
        }
    }

    @Test func refusesWhatIsNotAPeriodAndSaysWhatWouldBe() {
        for bad in ["2026-Q5", "2026-13", "26-Q3", "Q3", "2026-09-30..2026-07-01", "2026-02-30..2026-03-01", "abc", ""] {
            guard case .failure(let e) = ReportPeriod.parse(bad) else { Issue.record("accepted \(bad)"); continue }
            #expect(e.message(.zh).contains("2026-Q3") || e.message(.zh).contains("结束日早于"))
            #expect(!e.message(.en).isEmpty)
        }
        #expect(ReportPeriod.parse("2026-09-30..2026-07-01") == .failure(.endsBeforeStart("2026-09-30..2026-07-01")))
        #expect(ReportPeriod.parse("1899") == .failure(.unsupported("1899")))
        // A control character typed or pasted is never echoed raw.
        if case .failure(let e) = ReportPeriod.parse("20\u{1B}[2J26") { #expect(!e.message(.en).contains("\u{1B}")) }
    }

    @Test func boundsPreviousAndMonths() {
        let q1 = ReportPeriod.quarter(year: 2024, quarter: 1)
        #expect(q1.first == d("2024-01-01") && q1.last == d("2024-03-31"))
        #expect(q1.previous == .quarter(year: 2023, quarter: 4))
        #expect(ReportPeriod.month(year: 2024, month: 2).last == d("2024-02-29"))
        #expect(ReportPeriod.month(year: 2026, month: 1).previous == .month(year: 2025, month: 12))
        #expect(ReportPeriod.year(2026).previous == .year(2025))
        let span = ReportPeriod.span(from: d("2026-07-11"), to: d("2026-07-20"))
        #expect(span.previous == .span(from: d("2026-07-01"), to: d("2026-07-10")))
        #expect(ReportPeriod.quarter(year: 2026, quarter: 4).months.map(\.month) == [10, 11, 12])
        #expect(ReportPeriod.span(from: d("2025-12-15"), to: d("2026-02-01")).months.count == 3)
        #expect(q1.contains(d("2024-03-31")) && !q1.contains(d("2024-04-01")))
        #expect(ReportPeriod.quarter(containing: d("2026-12-03")) == .quarter(year: 2026, quarter: 4))
        #expect(ReportPeriod.quarter(year: 2026, quarter: 3).label(.zh) == "2026年第3季度")
        #expect(ReportPeriod.month(year: 2026, month: 7).label(.en) == "July 2026")
    }
}
