/// The kinds of training institution (培训机构) in POLICY.md.
public enum InstitutionKind: String, Sendable, Codable, CaseIterable {
    case enterprise, college
    case technicalSchool = "technical_school", privateSchool = "private_school", publicBase = "public_base"
    case hrService = "hr_service", industryBody = "industry_body"

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.enterprise, .zh): "企业"
        case (.college, .zh): "职业院校"
        case (.technicalSchool, .zh): "技工院校"
        case (.privateSchool, .zh): "民办培训学校"
        case (.publicBase, .zh): "公共实训基地"
        case (.hrService, .zh): "人力资源服务机构"
        case (.industryBody, .zh): "行业组织"
        case (.enterprise, .en): "enterprise"
        case (.college, .en): "vocational college"
        case (.technicalSchool, .en): "technical school"
        case (.privateSchool, .en): "private training school"
        case (.publicBase, .en): "public training base"
        case (.hrService, .en): "HR service body"
        case (.industryBody, .en): "industry body"
        }
    }

    /// The code (any case, `-` or `_`) or the Chinese label.
    public static func parse(_ s: String) -> InstitutionKind? {
        let t = s.trimmedWhitespace()
        let code = t.lowercased().replacingOccurrences(of: "-", with: "_")
        return InstitutionKind(rawValue: code) ?? allCases.first { $0.label(.zh) == t }
    }

    public static var codes: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Credit grade (信用等级).
public enum CreditGrade: String, Sendable, Codable, CaseIterable {
    case a = "A", b = "B", c = "C", d = "D"

    public static func parse(_ s: String) -> CreditGrade? { CreditGrade(rawValue: s.trimmedWhitespace().uppercased()) }
}

/// An institution's standing. Disqualified (取消培训资格, after fraud) is final (E9: only an
/// active institution may run subsidised classes).
public enum InstitutionStatus: String, Sendable, Codable, CaseIterable {
    case active, suspended, disqualified

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.active, .zh): "正常"
        case (.suspended, .zh): "暂停"
        case (.disqualified, .zh): "取消培训资格"
        case (.active, .en): "active"
        case (.suspended, .en): "suspended"
        case (.disqualified, .en): "disqualified"
        }
    }
}

/// A change of standing an administrator may make.
public enum InstitutionAction: String, Sendable, CaseIterable {
    case suspend, reinstate, disqualify

    public var target: InstitutionStatus {
        switch self {
        case .suspend: .suspended
        case .reinstate: .active
        case .disqualify: .disqualified
        }
    }

    public var needsReason: Bool { self != .reinstate }

    /// The status after the action, or why it is refused.
    public func apply(to status: InstitutionStatus) -> Result<InstitutionStatus, StatusRefusal> {
        switch (self, status) {
        case (.suspend, .active), (.reinstate, .suspended), (.disqualify, .active), (.disqualify, .suspended):
            return .success(target)
        default:
            return .failure(StatusRefusal(action: self, status: status))
        }
    }
}

public struct StatusRefusal: Error, Equatable, Sendable, UserMessage {
    public var action: InstitutionAction
    public var status: InstitutionStatus

    public func message(_ lang: Lang) -> String {
        let zh = lang == .zh
        switch (action, status) {
        case (_, .disqualified):
            return zh ? "该机构已被取消培训资格，此决定不可撤销；不能\(verb(.zh))"
                : "the institution is disqualified, which is final; it cannot be \(verb(.en))"
        case (.suspend, .suspended), (.reinstate, .active):
            return zh ? "该机构当前状态已是“\(action.target.label(.zh))”，未作改动"
                : "the institution is already \(action.target.label(.en)); nothing was changed"
        default:
            return zh ? "当前状态“\(status.label(.zh))”下不能\(verb(.zh))" : "a \(status.label(.en)) institution cannot be \(verb(.en))"
        }
    }

    private func verb(_ lang: Lang) -> String {
        switch (action, lang) {
        case (.suspend, .zh): "暂停"
        case (.reinstate, .zh): "恢复"
        case (.disqualify, .zh): "取消资格"
        case (.suspend, .en): "suspended"
        case (.reinstate, .en): "reinstated"
        case (.disqualify, .en): "disqualified"
        }
    }
}

/// An occupation and level an institution may train.
public struct TrainingScope: Hashable, Sendable, Comparable {
    public var occupation: OccupationCode
    public var level: SkillLevel

    public init(occupation: OccupationCode, level: SkillLevel) {
        self.occupation = occupation
        self.level = level
    }

    /// `6-31-01-03:L4`.
    public static func parse(_ s: String) -> Result<TrainingScope, CatalogueProblem> {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { return .failure(.badCode(s)) }
        let code: OccupationCode
        switch OccupationCode.parse(parts[0]) {
        case let .success(c): code = c
        case let .failure(e): return .failure(e)
        }
        guard let level = SkillLevel.parse(parts[1]) else { return .failure(.badLevel(parts[1])) }
        return .success(TrainingScope(occupation: code, level: level))
    }

    public static func < (a: TrainingScope, b: TrainingScope) -> Bool {
        (a.occupation.value, a.level.rank) < (b.occupation.value, b.level.rank)
    }
}
