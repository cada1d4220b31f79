/// The vocabulary of the statistics (issue 13, items 1 and 7): what a figure counts (`StatsMetric`),
/// what it is broken down by (`StatsDimension`), where (`StatsArea`), and a figure's identity
/// (`FigureID`), which the report prints and the drill-down reads back. The rows and the counting
/// live in the use-case layer (SkillDesk/Reports); the rule that places a row in a district and the
/// high-skill share live here, once.

/// What a figure counts. Raw values are the codes `report stats` prints in a figure's id.
public enum StatsMetric: String, Sendable, Codable, CaseIterable {
    /// Enrolments of the classes that ended in the period (`forEachEnrolmentOutcome`).
    case enrolled
    /// Those of them whose counted minutes reach E14's completion share: person-times trained.
    case completed
    /// Certificates issued in the period (issue date), not voided.
    case certificates
    /// Of them, those that state a skill level (the high-skill share's denominator).
    case leveled
    /// Of them, those of 高级工 (L3) and above (the share's numerator).
    case highSkill = "high_skill"
    /// Claims whose (last) submission day is in the period.
    case submitted
    /// Claims approved in the period (the decision's day), whatever happened to them since.
    case approved
    /// Claims rejected in the period (the decision's day).
    case rejected
    /// Payments: lines the bank paid, in batches of a business date in the period.
    case paid
    /// Claims clawed back in the period (the day of their `claim.clawback` entry in the trail).
    case clawedBack = "clawed_back"

    /// The kind of row the figure counts.
    public var rows: StatsRowKind {
        switch self {
        case .enrolled, .completed: .enrolment
        case .certificates, .leveled, .highSkill: .certificate
        case .submitted, .approved, .rejected, .clawedBack: .claim
        case .paid: .payment
        }
    }

    /// Whether the figure has an amount (fen) beside its count.
    public var hasAmount: Bool { rows == .claim || rows == .payment }

    /// What a breakdown of this figure may be by.
    public var dimensions: [StatsDimension] {
        switch rows {
        case .enrolment: [.type, .group, .level, .occupation, .institution, .district]
        case .certificate: [.certificateType, .level, .occupation, .institution, .district]
        case .claim, .payment: [.kind, .source, .institution, .district]
        }
    }

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.enrolled, .zh): "结业班次报名人次"
        case (.enrolled, .en): "Enrolled (classes ended)"
        case (.completed, .zh): "培训人次（合格结业）"
        case (.completed, .en): "Person-times trained"
        case (.certificates, .zh): "发证数"
        case (.certificates, .en): "Certificates issued"
        case (.leveled, .zh): "注明等级的证书"
        case (.leveled, .en): "Certificates stating a level"
        case (.highSkill, .zh): "高级工及以上证书"
        case (.highSkill, .en): "Senior worker (L3) and above"
        case (.submitted, .zh): "提交的申请"
        case (.submitted, .en): "Claims submitted"
        case (.approved, .zh): "批准的申请"
        case (.approved, .en): "Claims approved"
        case (.rejected, .zh): "驳回的申请"
        case (.rejected, .en): "Claims rejected"
        case (.paid, .zh): "已支付"
        case (.paid, .en): "Paid"
        case (.clawedBack, .zh): "追回的申请"
        case (.clawedBack, .en): "Claims clawed back"
        }
    }
}

/// The four kinds of row behind the figures (what a drill-down lists).
public enum StatsRowKind: String, Sendable, Codable {
    case enrolment, certificate, claim, payment
}

/// What a figure is broken down by. Raw values are the `--by` words and the figure id's codes.
public enum StatsDimension: String, Sendable, Codable, CaseIterable {
    /// The class's training type (TrainingType).
    case type
    /// The worker's target groups: a worker in two groups counts in each (the total counts once).
    case group
    /// The class's level (enrolments) or the certificate's level.
    case level
    /// The occupation code (class or certificate).
    case occupation
    /// The institution (credit code; shown by name).
    case institution
    /// The district the row is placed in (`StatsArea.region(ofInstitution:)`).
    case district
    /// The certificate's type.
    case certificateType = "cert_type"
    /// The claim's subsidy kind.
    case kind
    /// The fund source the claim was reserved against (none before approval).
    case source

    /// `--by` of `report stats` (the training table): these six.
    public static let trainingTable: [StatsDimension] = [.type, .group, .level, .occupation, .institution, .district]

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.type, .zh): "培训类型"
        case (.type, .en): "Training type"
        case (.group, .zh): "重点人群"
        case (.group, .en): "Target group"
        case (.level, .zh): "技能等级"
        case (.level, .en): "Skill level"
        case (.occupation, .zh): "职业（工种）"
        case (.occupation, .en): "Occupation"
        case (.institution, .zh): "培训机构"
        case (.institution, .en): "Institution"
        case (.district, .zh): "区县"
        case (.district, .en): "District"
        case (.certificateType, .zh): "证书类型"
        case (.certificateType, .en): "Certificate type"
        case (.kind, .zh): "补贴类别"
        case (.kind, .en): "Subsidy kind"
        case (.source, .zh): "资金来源"
        case (.source, .en): "Fund source"
        }
    }

    /// The key a row without a value has in this breakdown (no group, no level, no fund source
    /// yet, no institution to place it by).
    public static let noneKey = "none"
}

/// The area a report counts: the whole city, or the rows placed in one region.
///
/// A row is placed by the **institution that trained it**: the region code in characters 3–8 of the
/// institution's unified social credit code (where it is registered and supervised, 属地管理). The
/// class's location is not recorded, and the worker's household registration would put a migrant
/// worker's training in their home county, outside the city, though the city trained and paid for
/// it. A certificate is placed by its class's institution; a claim by its `institution`. A row with
/// no institution (a certificate or claim not tied to a class) is counted in the city's figures
/// and in no district's ("unplaced").
public enum StatsArea: Hashable, Sendable, Codable, CustomStringConvertible {
    case city
    /// A GB/T 2260 code: a district (`320102`) matches itself; a prefecture (`320100`) its
    /// four-digit prefix; a province (`320000`) its two-digit prefix.
    case region(String)

    public var code: String {
        switch self {
        case .city: "city"
        case let .region(c): c
        }
    }

    public var description: String { code }

    /// Characters 3–8 of a unified social credit code, when they are six digits.
    public static func region(ofInstitution code: String?) -> String? {
        guard let code else { return nil }
        let bytes = Array(code.utf8)
        guard bytes.count >= 8, bytes[2..<8].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return String(decoding: bytes[2..<8], as: UTF8.self)
    }

    /// The prefix a row's region must start with; nil for the city (every row).
    public var prefix: String? {
        guard case let .region(c) = self else { return nil }
        if c.hasSuffix("0000") { return String(c.prefix(2)) }
        if c.hasSuffix("00") { return String(c.prefix(4)) }
        return c
    }

    /// Whether a row placed in `region` (nil: unplaced) is counted.
    public func contains(_ region: String?) -> Bool {
        guard let p = prefix else { return true }
        guard let region else { return false }
        return region.hasPrefix(p)
    }

    public func label(_ lang: Lang) -> String {
        switch self {
        case .city: return lang == .zh ? "全市" : "whole city"
        case let .region(c): return (RegionTable.shared.name(c) ?? c) + " \(c)"
        }
    }

    /// `city`/`全市`/empty, or a six-digit code the region table knows (full-width digits read).
    public static func parse(_ text: String) -> Result<StatsArea, StatsAreaError> {
        let t = HalfWidth.ascii(text).trimmedWhitespace()
        if t.isEmpty || t.lowercased() == "city" || t == "全市" { return .success(.city) }
        guard t.utf8.count == 6, t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return .failure(.notACode(t)) }
        guard RegionTable.shared.region(t) != nil else { return .failure(.unknown(t)) }
        return .success(.region(t))
    }
}

public enum StatsAreaError: Error, Equatable, Sendable, UserMessage {
    case notACode(String)
    case unknown(String)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.notACode(t), .zh): return "“\(UnsafeText.forDisplay(t))”不是区划代码：请填写 6 位行政区划代码（如 320102 玄武区），或“全市”"
        case let (.notACode(t), .en): return "'\(UnsafeText.forDisplay(t))' is not a region code: give a six-digit GB/T 2260 code (e.g. 320102) or 'city'"
        case let (.unknown(t), .zh): return "没有行政区划代码 \(t)：请填写现行的 6 位区划代码（如 320102 玄武区），或“全市”"
        case let (.unknown(t), .en): return "there is no region \(t): give a six-digit GB/T 2260 code in the table (e.g. 320102) or 'city'"
        }
    }
}

/// The high-skill share (高技能人才占比): certificates of 高级工 (L3) and above — L3, L2, L1,
/// special-grade and chief technician — over all certificates that state a skill level. The one
/// definition: the statistics and the "high-skill ≥ 32%" target both read it.
public struct HighSkillShare: Sendable, Codable, Equatable {
    /// Certificates of L3 and above.
    public var highSkill: Int
    /// Certificates that state a skill level (any level, apprentice included).
    public var leveled: Int

    public init(highSkill: Int, leveled: Int) { self.highSkill = highSkill; self.leveled = leveled }

    /// Whether a certificate of `level` (its stored code; nil or unknown: states no level) is in the
    /// denominator, and whether in the numerator.
    public static func counts(level code: String?) -> (leveled: Bool, highSkill: Bool) {
        guard let code, let level = SkillLevel(rawValue: code) else { return (false, false) }
        return (true, level >= .l3)
    }

    /// The share of certificates with these levels.
    public static func of<S: Sequence>(levels: S) -> HighSkillShare where S.Element == String? {
        var s = HighSkillShare(highSkill: 0, leveled: 0)
        for l in levels {
            let c = counts(level: l)
            if c.leveled { s.leveled += 1 }
            if c.highSkill { s.highSkill += 1 }
        }
        return s
    }

    /// Per ten thousand, rounded down; nil when no certificate states a level.
    public var basisPoints: Int? { leveled == 0 ? nil : highSkill * 10_000 / leveled }
}

/// A figure's identity: metric, an optional breakdown key, the area (the period is given beside it:
/// `report rows --period P --figure ID`). Printed `completed`, `completed/type=employment`,
/// `paid/source=local_budget@320102`; `parse` reads back exactly what `code` prints.
public struct FigureID: Hashable, Sendable, Codable, CustomStringConvertible {
    public var metric: StatsMetric
    public var dimension: StatsDimension?
    public var key: String?
    public var area: StatsArea

    public init(_ metric: StatsMetric, _ dimension: StatsDimension? = nil, _ key: String? = nil, area: StatsArea = .city) {
        self.metric = metric; self.dimension = dimension; self.key = dimension == nil ? nil : key; self.area = area
    }

    public var code: String {
        var s = metric.rawValue
        if let dimension, let key { s += "/\(dimension.rawValue)=\(key)" }
        if case let .region(c) = area { s += "@\(c)" }
        return s
    }

    public var description: String { code }

    public static func parse(_ text: String) -> Result<FigureID, FigureIDError> {
        var t = HalfWidth.ascii(text).trimmedWhitespace()
        var area = StatsArea.city
        if let at = t.lastIndex(of: "@") {
            switch StatsArea.parse(String(t[t.index(after: at)...])) {
            case let .success(a): area = a
            case let .failure(e): return .failure(.area(e))
            }
            t = String(t[..<at])
        }
        let parts = t.split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first, let metric = StatsMetric(rawValue: first) else { return .failure(.notAFigure(text)) }
        guard parts.count == 2 else { return .success(FigureID(metric, area: area)) }
        let kv = parts[1].split(separator: "=", maxSplits: 1).map(String.init)
        guard kv.count == 2, let dim = StatsDimension(rawValue: kv[0]), !kv[1].isEmpty else { return .failure(.notAFigure(text)) }
        guard metric.dimensions.contains(dim) else { return .failure(.dimension(metric, dim)) }
        return .success(FigureID(metric, dim, kv[1], area: area))
    }
}

public enum FigureIDError: Error, Equatable, Sendable, UserMessage {
    case notAFigure(String)
    case dimension(StatsMetric, StatsDimension)
    case area(StatsAreaError)

    public func message(_ lang: Lang) -> String {
        let metrics = StatsMetric.allCases.map(\.rawValue).joined(separator: ", ")
        switch (self, lang) {
        case let (.notAFigure(t), .zh):
            return "“\(UnsafeText.forDisplay(t))”不是指标编号：请照抄 report stats 打印的编号，如 completed/type=employment；指标：\(metrics)"
        case let (.notAFigure(t), .en):
            return "'\(UnsafeText.forDisplay(t))' is not a figure id: copy one as report stats prints it, e.g. completed/type=employment; metrics: \(metrics)"
        case let (.dimension(m, d), .zh):
            return "指标 \(m.rawValue) 不能按 \(d.rawValue) 分类；可按：\(m.dimensions.map(\.rawValue).joined(separator: ", "))"
        case let (.dimension(m, d), .en):
            return "\(m.rawValue) is not broken down by \(d.rawValue); it is by: \(m.dimensions.map(\.rawValue).joined(separator: ", "))"
        case let (.area(e), _): return e.message(lang)
        }
    }
}
