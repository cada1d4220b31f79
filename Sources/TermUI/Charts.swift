// Charts drawn with block characters (issue 13): a horizontal bar, a labelled bar chart and a
// column series for a trend. Monochrome-safe: the length or height of the blocks carries the value,
// so a terminal without colour reads them the same; width-aware (labels measured by TextWidth).

/// One horizontal bar: full blocks and one eighth block (`▏▎▍▌▋▊▉█`), so a bar of width 20 has 160
/// steps. With a track, the part not reached is drawn `░` (a bar "of a target"). A value over the
/// scale fills the bar and ends in `▶` (past the end of the scale).
public enum HorizontalBar {
    public static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    public static let trackCharacter: Character = "░"
    public static let pastScale: Character = "▶"

    /// Exactly `width` columns for `value` of `scale` (both ≥ 0; a scale of 0 draws an empty bar).
    /// A value above 0 shows at least one eighth, so "a little" never reads as "none".
    public static func text(_ value: Int64, of scale: Int64, width: Int, track: Bool = false) -> String {
        guard width > 0 else { return "" }
        let rest: Character = track ? trackCharacter : " "
        guard scale > 0, value > 0 else { return String(repeating: rest, count: width) }
        if value > scale { return String(repeating: "█", count: width - 1) + String(pastScale) }
        // value * width * 8 / scale without overflow for any Int64 value ≤ scale.
        let steps = Int((Double(value) / Double(scale) * Double(width * 8)).rounded(.down))
        let filled = max(1, min(width * 8, steps))
        var s = String(repeating: "█", count: filled / 8)
        if filled % 8 > 0 { s.append(eighths[filled % 8 - 1]) }
        let used = filled / 8 + (filled % 8 > 0 ? 1 : 0)
        return s + String(repeating: rest, count: width - used)
    }
}

/// Labelled bars, one a row: `label  ████▌      value`, the bars scaled to the largest value.
public struct BarChart: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var label: String
        public var value: Int64
        /// How the value reads at the end of the row (`41,236`, `¥1,500.00`).
        public var valueText: String
        public init(label: String, value: Int64, valueText: String) { self.label = label; self.value = value; self.valueText = valueText }
    }

    public var rows: [Row]
    /// The value a full bar stands for; nil: the largest row's.
    public var scale: Int64?

    public init(rows: [Row], scale: Int64? = nil) { self.rows = rows; self.scale = scale }

    /// Draws the rows that fit in `rect`; the label column takes the widest label, at most 40% of
    /// the width (longer labels end in `…`); the values are right-aligned.
    public func draw(into canvas: inout Canvas, _ rect: Rect, style: Style = .plain, barStyle: Style = .plain) {
        guard rect.width > 8, rect.height > 0 else { return }
        let labelWidth = min(rows.map { TextWidth.of(Sanitize.forDisplay($0.label)) }.max() ?? 0, rect.width * 2 / 5)
        let valueWidth = min(rows.map { TextWidth.of($0.valueText) }.max() ?? 0, rect.width / 3)
        let barWidth = rect.width - labelWidth - valueWidth - 2
        let top = scale ?? rows.map(\.value).max() ?? 0
        for (i, row) in rows.prefix(rect.height).enumerated() {
            let y = rect.y + i
            canvas.put(TextWidth.pad(Sanitize.forDisplay(row.label), to: labelWidth), x: rect.x, y: y, style: style)
            if barWidth > 0 {
                canvas.put(HorizontalBar.text(row.value, of: top, width: barWidth), x: rect.x + labelWidth + 1, y: y, style: barStyle)
            }
            canvas.put(TextWidth.pad(row.valueText, to: valueWidth, alignRight: true), x: rect.x + rect.width - valueWidth, y: y, style: style)
        }
    }
}

/// A column series (a trend): one column per value, `height` rows tall, built from the bottom with
/// full blocks and an eighth block on top (`▁▂▃▄▅▆▇█`), scaled to the largest value; a label under
/// each column. A value above 0 shows at least `▁`; 0 shows nothing.
public struct ColumnSeries: Sendable, Equatable {
    public static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public var values: [Int64]
    public var labels: [String]

    public init(values: [Int64], labels: [String]) { self.values = values; self.labels = labels }

    /// The rows of the chart, top first, each `values.count * columnWidth` columns; the last row holds
    /// the labels, each clipped to its column (minus one column of gap).
    public func lines(height: Int, columnWidth: Int) -> [String] {
        guard height > 0, columnWidth > 0 else { return [] }
        let top = values.max() ?? 0
        let total = values.map { v -> Int in
            guard top > 0, v > 0 else { return 0 }
            return max(1, Int((Double(v) / Double(top) * Double(height * 8)).rounded(.down)))
        }
        let barWidth = max(1, columnWidth - 1)
        var out: [String] = []
        for r in stride(from: height - 1, through: 0, by: -1) {
            var line = ""
            for t in total {
                let fill = min(8, max(0, t - r * 8))
                let ch: Character = fill == 0 ? " " : Self.levels[fill - 1]
                line += String(repeating: ch, count: barWidth) + String(repeating: " ", count: columnWidth - barWidth)
            }
            out.append(line)
        }
        out.append(labels.map { TextWidth.pad(Sanitize.forDisplay($0), to: columnWidth) }.joined())
        return out
    }

    /// One row: one level character per value (a sparkline).
    public func sparkline() -> String {
        let top = values.max() ?? 0
        return String(values.map { v -> Character in
            guard top > 0, v > 0 else { return " " }
            return Self.levels[max(0, min(7, Int((Double(v) / Double(top) * 8).rounded(.up)) - 1))]
        })
    }
}
