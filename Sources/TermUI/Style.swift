// Visual attributes of a cell, independent of any terminal library.

/// The handful of colours the toolkit uses; the backend maps them to the terminal's palette
/// on the default background so the clerk's own colour scheme still shows through.
public enum TermColor: Hashable, Sendable, CaseIterable {
    case red, green, yellow, blue, cyan, magenta
}

public struct Style: Hashable, Sendable {
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool
    public var color: TermColor?

    public init(bold: Bool = false, reverse: Bool = false, underline: Bool = false,
                dim: Bool = false, color: TermColor? = nil) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.color = color
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let underline = Style(underline: true)
    public static let dim = Style(dim: true)
    public static let error = Style(color: .red)
    public static let ok = Style(color: .green)
    public static let warning = Style(color: .yellow)
    public static let title = Style(bold: true, reverse: true)

    /// The same style with reverse video switched on (selected rows, focused buttons).
    public var reversed: Style {
        var s = self
        s.reverse = true
        return s
    }

    /// The same style in bold.
    public var emphasised: Style {
        var s = self
        s.bold = true
        return s
    }
}
