import Testing
@testable import SkillCore

@Suite struct WorkingCalendarTests {
    let cal = WorkingCalendar.shipped

    @Test func theShippedFileParsesAndCoversThreeYears() {
        #expect(WorkingCalendar.shippedProblem == nil)
        #expect(cal.years == [2024, 2025, 2026])
        let e = WorkingCalendar.shippedEntries
        // Each adjusted working day is a weekend day (the parser enforces it; the count pins the data).
        #expect(e.filter { $0.kind == .workday }.count == 8 + 5 + 6)
        // Days off per year as the notices give them (spans, weekends included).
        for (y, n) in [(2024, 1 + 8 + 3 + 5 + 1 + 3 + 7), (2025, 1 + 8 + 3 + 5 + 3 + 8), (2026, 3 + 9 + 3 + 5 + 3 + 3 + 7)] {
            #expect(e.filter { $0.kind == .holiday && $0.date.year == y }.count == n, "\(y)")
        }
    }

    @Test func shippedDaysFromTheStateCouncilNotices() {
        // 2026: 春节 2月15日至23日, 2月14日（周六）、2月28日（周六）上班.
        #expect(!cal.isWorkingDay(date("2026-02-16")) && !cal.isWorkingDay(date("2026-02-23")))
        #expect(cal.isWorkingDay(date("2026-02-14")) && cal.isWorkingDay(date("2026-02-28")))
        #expect(cal.isWorkingDay(date("2026-02-24")))
        // 2026 国庆: 10月1日至7日, 9月20日（周日）、10月10日（周六）上班; 中秋 9月25日至27日.
        #expect(cal.isWorkingDay(date("2026-09-20")) && cal.isWorkingDay(date("2026-10-10")))
        #expect(!cal.isWorkingDay(date("2026-09-25")) && !cal.isWorkingDay(date("2026-10-07")))
        #expect(cal.isWorkingDay(date("2026-01-04")) && !cal.isWorkingDay(date("2026-01-02")))
        // 2025: 除夕 1月28日 off; 1月26日（周日） worked; 国庆中秋 10月1日至8日.
        #expect(!cal.isWorkingDay(date("2025-01-28")) && cal.isWorkingDay(date("2025-01-26")))
        #expect(!cal.isWorkingDay(date("2025-10-08")) && cal.isWorkingDay(date("2025-10-11")))
        // 2024: 除夕 2月9日 only "encouraged": a working day; 5月11日（周六） worked.
        #expect(cal.isWorkingDay(date("2024-02-09")) && cal.isWorkingDay(date("2024-05-11")))
        #expect(!cal.isWorkingDay(date("2024-06-10")))
        // Ordinary weekdays and weekends.
        #expect(cal.isWorkingDay(date("2026-03-04")) && !cal.isWorkingDay(date("2026-03-07")) && !cal.isWorkingDay(date("2026-03-08")))
    }

    @Test func parseErrorsNameFileAndLine() {
        func err(_ text: String) -> CalendarFileError? {
            do throws(CalendarFileError) { _ = try HolidayFile.parse(text, file: "h.txt"); return nil } catch { return error }
        }
        #expect(err("; c\n2026-10-01 holiday 国庆节\n2026-10-1 holiday x") == CalendarFileError(file: "h.txt", line: 3, problem: .badDate("2026-10-1")))
        #expect(err("2026-02-30 holiday x")?.problem == .badDate("2026-02-30"))
        #expect(err("2026-10-01 off 国庆节")?.problem == .unknownKind("off"))
        #expect(err("2026-10-01")?.problem == .badLine)
        #expect(err("2026-10-01 holiday a\n\n2026-10-01 holiday b") == CalendarFileError(file: "h.txt", line: 3, problem: .duplicateDate(firstLine: 1)))
        #expect(err("2026-09-21 workday 国庆节调休")?.problem == .workdayOnWeekday(date("2026-09-21")))   // a Monday
        #expect(err("2026-10-01 holiday 国庆\u{1B}[2J")?.problem == .badName)
        let m = CalendarFileError(file: "h.txt", line: 3, problem: .unknownKind("off"))
        #expect(m.message(.en) == "h.txt, line 3: \"off\" is not a kind of day; expected holiday or workday")
        #expect(m.message(.zh).hasPrefix("h.txt 第3行："))
    }

    @Test func parseAcceptsTabsBOMCommentsAndNoName() throws {
        let e = try HolidayFile.parse("\u{FEFF}# x\r\n2026-10-01\tholiday\t国庆节 假期\r\n2026-09-20 WORKDAY\n", file: "h")
        #expect(e == [CalendarEntry(date: date("2026-10-01"), kind: .holiday, name: "国庆节 假期"),
                      CalendarEntry(date: date("2026-09-20"), kind: .workday)])
        #expect(try HolidayFile.parse(HolidayFile.format(WorkingCalendar.shippedEntries), file: "x").sorted { $0.date < $1.date }
                == WorkingCalendar.shippedEntries.sorted { $0.date < $1.date })
    }

    @Test func addingAndCountingWorkingDays() {
        // Around the 2026 National Day: Wed 09-30 + 1 working day skips 10-01..07 → Thu 10-08.
        #expect(cal.addingWorkingDays(1, to: date("2026-09-30")) == date("2026-10-08"))
        #expect(cal.addingWorkingDays(3, to: date("2026-10-08")) == date("2026-10-12"))   // 10-09 Fri, 10-10 Sat worked, 10-12 Mon
        #expect(cal.addingWorkingDays(0, to: date("2026-10-03")) == date("2026-10-03"))
        #expect(cal.addingWorkingDays(-1, to: date("2026-10-08")) == date("2026-09-30"))
        #expect(cal.workingDays(from: date("2026-09-28"), to: date("2026-10-11")) == 6)      // 28,29,30, 8,9,10
        #expect(cal.workingDays(from: date("2026-10-02"), to: date("2026-10-01")) == 0)
        #expect(cal.workingDays(from: date("2026-03-02"), to: date("2026-03-02")) == 1)
        // An administrator's edit: a local holiday on Wed 2026-03-04 moves the count.
        let edited = WorkingCalendar(entries: WorkingCalendar.shippedEntries + [CalendarEntry(date: date("2026-03-04"), kind: .holiday, name: "local")])
        #expect(edited.addingWorkingDays(2, to: date("2026-03-02")) == date("2026-03-05"))
        #expect(WorkingCalendar(entries: []).years.isEmpty)
    }

    @Test func addingAndCountingAgree() {
        var rng = SeededGenerator(seed: 77)
        let base = date("2024-01-01")
        for _ in 0..<400 {
            let d = base.adding(days: Int.random(in: 0..<1000, using: &rng))
            let n = Int.random(in: 1...30, using: &rng)
            let r = cal.addingWorkingDays(n, to: d)
            #expect(cal.isWorkingDay(r) && cal.workingDays(from: d.adding(days: 1), to: r) == n)
            if cal.isWorkingDay(d) { #expect(cal.addingWorkingDays(-n, to: r) == d) }
        }
    }

    @Test func noticePeriodCountsThePublicationDay() throws {
        // Published Monday 2026-03-02 for 5 working days: 03-02 … Friday 03-06.
        let p = try #require(NoticePeriod(publishedOn: date("2026-03-02"), workingDays: 5, calendar: cal))
        #expect(p.start == date("2026-03-02") && p.end == date("2026-03-06") && p.uncoveredYears.isEmpty)
        #expect(cal.workingDays(from: p.start, to: p.end) == 5)
        #expect(p.isOpen(on: date("2026-03-06")) && !p.isOpen(on: date("2026-03-07")) && !p.isOpen(on: date("2026-03-01")))
        #expect(!p.hasEnded(on: date("2026-03-06")) && p.hasEnded(on: date("2026-03-07")))
        // Published on a Saturday: starts Monday.
        #expect(NoticePeriod.end(start: date("2026-03-07"), workingDays: 5, calendar: cal) == date("2026-03-13"))
        // Across the 2026 National Day: published Mon 09-28 → 28, 29, 30, 10-08, 10-09.
        #expect(NoticePeriod.end(start: date("2026-09-28"), workingDays: 5, calendar: cal) == date("2026-10-09"))
        // Across the Spring Festival: published Fri 2026-02-13 → 13, 14 (Sat worked), 24, 25, 26.
        #expect(NoticePeriod.end(start: date("2026-02-13"), workingDays: 5, calendar: cal) == date("2026-02-26"))
        #expect(NoticePeriod.end(start: date("2026-03-02"), workingDays: 0, calendar: cal) == nil)
        // Into a year the calendar does not cover: flagged.
        let late = try #require(NoticePeriod(publishedOn: date("2026-12-28"), workingDays: 5, calendar: cal))
        #expect(late.end == date("2027-01-01") && late.uncoveredYears == [2027])
    }
}

@Suite struct NoticeDaysProfileTests {
    @Test func shippedProfilesGiveFiveDemoWorkingDays() {
        #expect(PolicyLibrary.profiles.count == 5)
        for p in PolicyLibrary.profiles { #expect(p.noticeWorkingDays == Cited(5, .demo), "\(p.name)") }
    }

    @Test func theKeyIsOptionalAndChecked() throws {
        let base = PolicyLibrary.files.first { $0.file == "nanjing-2019.profile" }!.text
        let without = base.replacingOccurrences(of: "notice_working_days = 5          ; demo\n", with: "")
        #expect(without != base)
        #expect(ProfileParser.parse(without, file: "x").success?.noticeWorkingDays == Cited(5, .demo))
        let seven = base.replacingOccurrences(of: "notice_working_days = 5          ; demo", with: "notice_working_days = 7 ; 003 三(三)")
        #expect(ProfileParser.parse(seven, file: "x").success?.noticeWorkingDays == Cited(7, .clause("003 三(三)")))
        let zero = base.replacingOccurrences(of: "notice_working_days = 5 ", with: "notice_working_days = 0 ")
        let e = try #require(ProfileParser.parse(zero, file: "x").failure)
        #expect(e.field == "notice_working_days" && e.problem == .badValue("0", expected: "a whole number of working days 1–30"))
        #expect(e.message(.zh).contains("1–30 之间的工作日天数"))
    }
}
