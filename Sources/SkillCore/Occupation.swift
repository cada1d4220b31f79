/// The dates a catalogue entry is in force: from `from` to `to`, both inclusive; no `to` means
/// open-ended. A new year's standards are a new entry, never an edit of the old one.
public struct EffectivePeriod: Hashable, Sendable, CustomStringConvertible {
    public var from: CalendarDate
    public var to: CalendarDate?

    public init(from: CalendarDate, to: CalendarDate?) {
        self.from = from
        self.to = to
    }

    public func contains(_ day: CalendarDate) -> Bool {
        day >= from && (to.map { day <= $0 } ?? true)
    }

    /// True when some day lies in both periods.
    public func overlaps(_ other: EffectivePeriod) -> Bool {
        let startsBeforeOtherEnds = other.to.map { from <= $0 } ?? true
        let otherStartsBeforeThisEnds = to.map { other.from <= $0 } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds
    }

    /// `2025-01-01–` or `2024-01-01–2024-12-31`.
    public var description: String { "\(from)–\(to.map(\.description) ?? "")" }
}

/// One skill level's catalogue standard: the subsidy (fen) and the standard training hours.
public struct LevelStandard: Hashable, Sendable {
    public var level: SkillLevel
    public var standardFen: Int64
    public var hours: Int

    public init(level: SkillLevel, standardFen: Int64, hours: Int) {
        self.level = level
        self.standardFen = standardFen
        self.hours = hours
    }

    /// `L4:150000:120` — level (code or Chinese name), standard in fen, hours.
    public static func parse(_ s: String) -> Result<LevelStandard, CatalogueProblem> {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmedWhitespace() }
        guard parts.count == 3 else { return .failure(.badLevel(s)) }
        return make(level: parts[0], standardFen: parts[1], hours: parts[2])
    }

    /// From three texts (a `--level` option or three CSV columns).
    public static func make(level: String, standardFen: String, hours: String) -> Result<LevelStandard, CatalogueProblem> {
        guard let l = SkillLevel.parse(level) else { return .failure(.badLevel(level)) }
        guard let fen = Int64(standardFen.trimmedWhitespace()), fen >= 0 else { return .failure(.negativeAmount(l)) }
        guard MoneyCeiling.standard.allows(fen) else { return .failure(.standardAboveCeiling(l, fen)) }
        guard let h = Int(hours.trimmedWhitespace()), (1...10_000).contains(h) else { return .failure(.badHours(l)) }
        return .success(LevelStandard(level: l, standardFen: fen, hours: h))
    }
}

/// One entry of the occupation catalogue (职业/工种) for one effective period (POLICY.md
/// "Occupation"). Validated on the way in; the store keeps one row per entry.
public struct Occupation: Hashable, Sendable {
    public var code: OccupationCode
    public var name: String
    /// In the subsidised training catalogue (补贴性职业技能培训目录).
    public var subsidised: Bool
    /// On the shortage list (紧缺型职业（工种）目录).
    public var shortage: Bool
    /// Access-controlled (准入类): training and appraisal required before taking the post.
    public var accessControlled: Bool
    /// Industry tier (1 = top, e.g. high-end equipment), when the profile uses one.
    public var tier: Int?
    public var period: EffectivePeriod
    /// Sorted by level, lowest first; each level at most once.
    public var levels: [LevelStandard]

    public static func make(code: String, name: String, subsidised: Bool, shortage: Bool, accessControlled: Bool,
                            tier: Int?, levels: [LevelStandard], from: CalendarDate,
                            to: CalendarDate?) -> Result<Occupation, CatalogueProblem> {
        let parsed: OccupationCode
        switch OccupationCode.parse(code) {
        case let .success(c): parsed = c
        case let .failure(e): return .failure(e)
        }
        if name.trimmedWhitespace().isEmpty { return .failure(.emptyName) }
        let n: String
        do { n = try FieldText.identifier(name, field: FieldLabel(en: "occupation name", zh: "职业（工种）名称"), max: 60) }
        catch { return .failure(.badName(error)) }
        if levels.isEmpty { return .failure(.noLevels) }
        for l in levels where l.standardFen < 0 { return .failure(.negativeAmount(l.level)) }
        for l in levels where !MoneyCeiling.standard.allows(l.standardFen) {
            return .failure(.standardAboveCeiling(l.level, l.standardFen))
        }
        for d in [from] + (to.map { [$0] } ?? []) where !d.isSupported { return .failure(.dateOutOfRange(d)) }
        var seen = Set<SkillLevel>()
        for l in levels where !seen.insert(l.level).inserted { return .failure(.duplicateLevel(l.level)) }
        if let tier, !(1...9).contains(tier) { return .failure(.badTier(tier)) }
        if let to, to < from { return .failure(.periodReversed(from: from, to: to)) }
        return .success(Occupation(code: parsed, name: n, subsidised: subsidised, shortage: shortage,
                                   accessControlled: accessControlled, tier: tier,
                                   period: EffectivePeriod(from: from, to: to),
                                   levels: levels.sorted { $0.level < $1.level }))
    }
}
