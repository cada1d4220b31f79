/// The kinds of training a class can be (POLICY.md "Training class"), plus direct appraisal
/// without a class. The raw values are the codes scripts and CSV files use.
public enum TrainingType: String, Sendable, Codable, CaseIterable {
    case employment, upgrading, entrepreneurship, prejob, safety, transfer, apprenticeship
    case workBased = "work_based"
    case project, appraisal

    public func label(_ lang: Lang) -> String {
        switch self {
        case .employment: lang == .zh ? "就业技能培训" : "Employment skills"
        case .upgrading: lang == .zh ? "岗位技能提升培训" : "On-the-job upgrading"
        case .entrepreneurship: lang == .zh ? "创业培训" : "Entrepreneurship"
        case .prejob: lang == .zh ? "岗前培训" : "Pre-job (new hires)"
        case .safety: lang == .zh ? "安全技能培训" : "Safety skills"
        case .transfer: lang == .zh ? "转岗转业培训" : "Job transfer"
        case .apprenticeship: lang == .zh ? "新型学徒制" : "New apprenticeship"
        case .workBased: lang == .zh ? "以工代训" : "Training through work"
        case .project: lang == .zh ? "项目制培训" : "Project-based"
        case .appraisal: lang == .zh ? "技能鉴定" : "Direct appraisal"
        }
    }

    /// Direct appraisal has no class days: no roster attendance, no completion share.
    public var hasClassDays: Bool { self != .appraisal }

    /// The code (any case, `-` for `_`) or the Chinese label.
    public static func parse(_ s: String) -> TrainingType? {
        let t = s.trimmedWhitespace()
        if let v = TrainingType(rawValue: t.lowercased().replacingDashes()) { return v }
        return allCases.first { $0.label(.zh) == t || $0.label(.en).lowercased() == t.lowercased() }
    }
}

/// The five certificate types a training subsidy can rest on (E3; 001 四(三)2; 003 二(三)10).
public enum CertificateType: String, Sendable, Codable, CaseIterable {
    case qualification
    case skillLevel = "skill_level"
    case specialAbility = "special_ability"
    case specialOperation = "special_operation"
    case training

    public func label(_ lang: Lang) -> String {
        switch self {
        case .qualification: lang == .zh ? "职业资格证书" : "Vocational qualification"
        case .skillLevel: lang == .zh ? "职业技能等级证书" : "Skill-level certificate"
        case .specialAbility: lang == .zh ? "专项职业能力证书" : "Special ability certificate"
        case .specialOperation: lang == .zh ? "特种作业操作证书" : "Special operations certificate"
        case .training: lang == .zh ? "培训合格证书" : "Training completion certificate"
        }
    }

    /// Only the first two types state a skill level.
    public var hasLevel: Bool { self == .qualification || self == .skillLevel }

    public static func parse(_ s: String) -> CertificateType? {
        let t = s.trimmedWhitespace()
        if let v = CertificateType(rawValue: t.lowercased().replacingDashes()) { return v }
        return allCases.first { $0.label(.zh) == t || $0.label(.en).lowercased() == t.lowercased() }
    }
}

extension String {
    func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
