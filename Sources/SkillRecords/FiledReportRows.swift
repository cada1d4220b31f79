import SkillCore

/// A report as filed (报送, issue 13): the exact bytes frozen at filing, their SHA-256 (also in the
/// audit chain's `report.file` entry), who filed it and when. Rows are never changed or removed.
public struct FiledReportRow: Sendable, Equatable {
    public var id: Int64
    /// What was filed (`ReportKind` raw value, e.g. `statistics`).
    public var kind: String
    /// `ReportPeriod.code` (`2026-Q3`).
    public var period: String
    /// The area the figures cover (`city`, or a district's region code).
    public var area: String
    public var filedAt: String
    public var filedBy: String
    public var sha256: String
    public var content: [UInt8]

    public init(id: Int64, kind: String, period: String, area: String, filedAt: String, filedBy: String,
                sha256: String, content: [UInt8]) {
        self.id = id; self.kind = kind; self.period = period; self.area = area
        self.filedAt = filedAt; self.filedBy = filedBy; self.sha256 = sha256; self.content = content
    }
}
