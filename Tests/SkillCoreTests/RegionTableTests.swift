import Testing
@testable import SkillCore

@Suite struct RegionTableTests {
    @Test func shippedTableIsLoaded() {
        let t = RegionTable.shared
        #expect(t.count > 6_000)
        #expect(t.name("320102") == "江苏省南京市玄武区")
        #expect(t.region("110105")?.name == "朝阳区")
        #expect(t.region("999999") == nil)
        #expect(t.name("999999") == nil)
    }

    @Test func yearsAreInclusiveAtBothEnds() {
        let t = RegionTable.shared
        // 110225 房山县 1982–1986.
        #expect(!t.isInForce("110225", year: 1981))
        #expect(t.isInForce("110225", year: 1982))
        #expect(t.isInForce("110225", year: 1986))
        #expect(!t.isInForce("110225", year: 1987))
        // Open ends.
        #expect(t.isInForce("110105", year: 1950))
        #expect(t.isInForce("110105", year: 2030))
        #expect(!t.isInForce("999999", year: 2000))
        #expect(t.isInForce("110225", anyYearIn: 1960...2026))
        #expect(!t.isInForce("110225", anyYearIn: 1987...2026))
    }

    @Test func reusedCodeKeepsBothNames() {
        // 120110: 东郊区 until 1991, 东丽区 from 1992.
        let t = RegionTable.shared
        #expect(t.regions("120110").count == 2)
        #expect(t.region("120110")?.name == "东丽区")
        #expect(t.region("120110", year: 1990)?.name == "东郊区")
        #expect(t.region("120110", year: 1995)?.name == "东丽区")
    }

    @Test func parsesCommentsHeaderAndEmptyYears() {
        let t = RegionTable(tsv: "# comment\ncode\tname\tfull_name\tfrom_year\tto_year\n"
            + "123456\t甲\t某省甲\t\t\n234567\t乙\t某省乙\t1990\t2000\nbad line\n")
        #expect(t.count == 2)
        #expect(t.region("123456")?.fromYear == nil)
        #expect(t.region("123456")?.toYear == nil)
        #expect(t.region("234567")?.fromYear == 1990)
        #expect(t.region("234567")?.toYear == 2000)
        #expect(t.name("234567") == "某省乙")
    }
}
