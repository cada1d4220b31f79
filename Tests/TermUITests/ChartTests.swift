import Testing
@testable import TermUI

@Suite("Charts: bars and column series")
struct ChartTests {
    @Test func aBarIsItsShareOfTheWidthInEighths() {
        #expect(HorizontalBar.text(0, of: 100, width: 10) == "          ")
        #expect(HorizontalBar.text(0, of: 100, width: 10, track: true) == "░░░░░░░░░░")
        #expect(HorizontalBar.text(50, of: 100, width: 10) == "█████     ")
        #expect(HorizontalBar.text(50, of: 100, width: 10, track: true) == "█████░░░░░")
        #expect(HorizontalBar.text(100, of: 100, width: 10, track: true) == "██████████")
        #expect(HorizontalBar.text(150, of: 100, width: 10, track: true) == "█████████▶")
        // 80 steps: 1/80 is one eighth; 9/80 a block and an eighth; 61/80 seven blocks and ▋.
        #expect(HorizontalBar.text(1, of: 80, width: 10) == "▏         ")
        #expect(HorizontalBar.text(9, of: 80, width: 10) == "█▏        ")
        #expect(HorizontalBar.text(61, of: 80, width: 10) == "███████▋  ")
        for n in Int64(1)...7 { #expect(HorizontalBar.text(n, of: 8, width: 1) == String(HorizontalBar.eighths[Int(n) - 1])) }
        // A little is never none; no scale is an empty bar; every bar is exactly its width.
        #expect(HorizontalBar.text(1, of: 1_000_000, width: 10).hasPrefix("▏"))
        #expect(HorizontalBar.text(5, of: 0, width: 4) == "    ")
        for v in [Int64(0), 1, 33, 99, 100, 101, Int64.max] {
            #expect(TextWidth.of(HorizontalBar.text(v, of: 100, width: 13, track: true)) == 13)
        }
        #expect(HorizontalBar.text(Int64.max - 1, of: Int64.max, width: 4) == "████")
    }

    @Test func aBarChartMeasuresChineseLabelsByWidth() {
        var c = Canvas(width: 30, height: 3)
        BarChart(rows: [.init(label: "就业技能培训", value: 80, valueText: "80"),
                        .init(label: "SYB", value: 40, valueText: "40"),
                        .init(label: "岗位技能提升培训很长的名字", value: 0, valueText: "0")])
            .draw(into: &c, Rect(x: 0, y: 0, width: 30, height: 3))
        // Labels take at most 40% (12 columns); bars 30 - 12 - 2 - 2 = 14 columns.
        #expect(c.rowText(0) == "就业技能培训 ██████████████ 80")
        #expect(c.rowText(1) == "SYB          ███████        40")
        #expect(c.rowText(2) == "岗位技能提…" + String(repeating: " ", count: 18) + "0")
    }

    @Test func aColumnSeriesStacksEighthsFromTheBottom() {
        let s = ColumnSeries(values: [16, 8, 1, 0], labels: ["7月", "8月", "9月", "10月"])
        #expect(s.lines(height: 2, columnWidth: 4) == [
            "███             ",
            "███ ███ ▁▁▁     ",
            "7月 8月 9月 10月",
        ])
        #expect(ColumnSeries(values: [8, 4, 1, 0], labels: []).sparkline() == "█▄▁ ")
        #expect(ColumnSeries(values: [0, 0], labels: ["a", "b"]).lines(height: 1, columnWidth: 2) == ["    ", "a b "])
        #expect(ColumnSeries(values: [3], labels: ["x"]).lines(height: 0, columnWidth: 2).isEmpty)
    }
}
