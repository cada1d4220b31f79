/// A vocational skill level (职业技能等级). The five national levels, and the pilot "new
/// eight-level" ladder's 学徒工 below and 特级技师, 首席技师 above (POLICY.md "Skill levels").
public enum SkillLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case apprentice
    case l5 = "L5", l4 = "L4", l3 = "L3", l2 = "L2", l1 = "L1"
    case special, chief

    /// Position on the ladder, lowest first (学徒工 0 … 首席技师 7).
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: SkillLevel, b: SkillLevel) -> Bool { a.rank < b.rank }

    /// High-skill talent (高技能人才): 高级工 and above, which reports count.
    public var isHighSkill: Bool { self >= .l3 }

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.apprentice, .zh): "学徒工"
        case (.l5, .zh): "初级工"
        case (.l4, .zh): "中级工"
        case (.l3, .zh): "高级工"
        case (.l2, .zh): "技师"
        case (.l1, .zh): "高级技师"
        case (.special, .zh): "特级技师"
        case (.chief, .zh): "首席技师"
        case (.apprentice, .en): "apprentice"
        case (.l5, .en): "junior worker (level 5)"
        case (.l4, .en): "intermediate worker (level 4)"
        case (.l3, .en): "senior worker (level 3)"
        case (.l2, .en): "technician (level 2)"
        case (.l1, .en): "senior technician (level 1)"
        case (.special, .en): "special-grade technician"
        case (.chief, .en): "chief technician"
        }
    }

    /// The code in any case (`L4`, `l4`, `special`), a bare level number (`4`), or the Chinese name.
    public static func parse(_ s: String) -> SkillLevel? {
        let t = s.trimmedWhitespace()
        if t.isEmpty { return nil }
        if let v = allCases.first(where: { $0.rawValue.lowercased() == t.lowercased() }) { return v }
        if t.count == 1, let n = Int(t), (1...5).contains(n) { return SkillLevel(rawValue: "L\(n)") }
        return allCases.first { $0.label(.zh) == t }
    }

    /// The codes, for help texts and messages.
    public static var codes: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
