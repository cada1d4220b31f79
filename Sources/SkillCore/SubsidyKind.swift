/// The subsidy kinds a claim can be (POLICY.md "Subsidy kinds"). Raw values are the codes the CLI,
/// JSON and the claims table use.
public enum SubsidyKind: String, Sendable, Codable, CaseIterable {
    case training
    case appraisal
    case livingAllowance = "living_allowance"
    case apprenticeship
    case workBased = "work_based"
    case insuredUpgrading = "insured_upgrading"
    case highSkillReward = "high_skill_reward"
    case prepayment
    case settlement

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.training, .zh): "职业培训补贴"
        case (.appraisal, .zh): "技能鉴定补贴"
        case (.livingAllowance, .zh): "生活费补贴"
        case (.apprenticeship, .zh): "新型学徒制培训补贴"
        case (.workBased, .zh): "以工代训补贴"
        case (.insuredUpgrading, .zh): "参保职工技能提升补贴"
        case (.highSkillReward, .zh): "高技能人才一次性奖励"
        case (.prepayment, .zh): "项目制培训预拨"
        case (.settlement, .zh): "项目制培训清算"
        case (.training, .en): "vocational training subsidy"
        case (.appraisal, .en): "skill appraisal subsidy"
        case (.livingAllowance, .en): "living allowance"
        case (.apprenticeship, .en): "apprenticeship subsidy"
        case (.workBased, .en): "training-through-work subsidy"
        case (.insuredUpgrading, .en): "insured-employee upgrading subsidy"
        case (.highSkillReward, .en): "high-skill one-time reward"
        case (.prepayment, .en): "project-based prepayment"
        case (.settlement, .en): "project-based settlement"
        }
    }

    /// The code (any case, `-` for `_`) or the Chinese label.
    public static func parse(_ s: String) -> SubsidyKind? {
        let t = s.trimmedWhitespace()
        if let k = SubsidyKind(rawValue: t.lowercased().replacingDashes()) { return k }
        return allCases.first { $0.label(.zh) == t }
    }

    public static var codes: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The kinds that are one "subsidised training" for the yearly cap and the once-per-level rule
    /// (E4, E5): a training subsidy, or a project class's prepayment and settlement.
    public var isTrainingFamily: Bool { self == .training || self == .prepayment || self == .settlement }

    /// Kinds that rest on a class the worker attended (the others rest on a certificate).
    public var needsClass: Bool {
        switch self {
        case .training, .prepayment, .settlement, .livingAllowance, .apprenticeship, .workBased: true
        case .appraisal, .insuredUpgrading, .highSkillReward: false
        }
    }

    /// Who is paid (000 二(一): 直补个人 / 直补企业). Training-family kinds for a project class go to
    /// the institution (an enterprise running its own training is paid as the enterprise).
    public func payee(classType: TrainingType?, institutionIsEnterprise: Bool) -> Payee {
        switch self {
        case .appraisal, .livingAllowance, .insuredUpgrading, .highSkillReward: return .worker
        case .apprenticeship, .workBased: return .enterprise
        case .prepayment, .settlement: return institutionIsEnterprise ? .enterprise : .institution
        case .training:
            guard classType == .project else { return .worker }
            return institutionIsEnterprise ? .enterprise : .institution
        }
    }
}

/// Who receives a subsidy.
public enum Payee: String, Sendable, Codable, CaseIterable {
    case worker, enterprise, institution

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.worker, .zh): "劳动者本人"
        case (.enterprise, .zh): "企业"
        case (.institution, .zh): "培训机构"
        case (.worker, .en): "the worker"
        case (.enterprise, .en): "the enterprise"
        case (.institution, .en): "the institution"
        }
    }
}

/// A claim's status (POLICY.md "Workflow of a claim"; issue 5). Raw values are the stored codes.
/// The moves between them are `ClaimStatus.after(_:)` / `ClaimWorkflow.apply` (ClaimWorkflow.swift).
public enum ClaimStatus: String, Sendable, Codable, CaseIterable {
    case draft, submitted, returned, approved
    /// On the public notice list (公示) for the profile's number of working days.
    case onNotice = "on_notice"
    /// The notice ended without objection: finance may put it in a payment batch.
    case payable
    case rejected, paid, clawback, recovered
    /// Withdrawn by a clerk before any decision (from draft or returned; reason required; issue 12).
    /// It stays in the history and the trail, leaves every list of work and frees the worker's
    /// "one live claim per kind and class" (the index `claims_one_live`), so a new claim can be prepared.
    case withdrawn

    /// Whether a prior claim in this status counts against the caps (E4, E5, E6, E7, E15). Drafts
    /// and rejected claims never count; a returned claim is still in play (it comes back corrected);
    /// a claim on notice or payable is approved money on its way; a recovered one was taken back,
    /// so the worker holds nothing from it. A withdrawn claim was never decided and never will be:
    /// like a draft it holds no money and no place, so it does not count.
    public var counts: Bool {
        switch self {
        case .draft, .rejected, .recovered, .withdrawn: false
        case .submitted, .returned, .approved, .onNotice, .payable, .paid, .clawback: true
        }
    }

    /// Nothing more can happen to a claim in this status. Withdrawn is final: a withdrawn claim is
    /// not reopened (its history would then tell two stories); the clerk prepares a new one.
    public var isFinal: Bool { self == .rejected || self == .recovered || self == .withdrawn }

    /// A claim in this status takes the worker's one place per kind and class (or certificate):
    /// every status but the final ones (`claims_one_live` in the store says the same).
    public var isLive: Bool { !isFinal }

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.draft, .zh): "草稿"
        case (.submitted, .zh): "已提交"
        case (.returned, .zh): "退回修改"
        case (.approved, .zh): "已批准"
        case (.onNotice, .zh): "公示中"
        case (.payable, .zh): "待支付"
        case (.rejected, .zh): "已驳回"
        case (.paid, .zh): "已支付"
        case (.clawback, .zh): "追回中"
        case (.recovered, .zh): "已追回"
        case (.withdrawn, .zh): "已撤回"
        case (.draft, .en): "draft"
        case (.submitted, .en): "submitted"
        case (.returned, .en): "returned"
        case (.approved, .en): "approved"
        case (.onNotice, .en): "on notice"
        case (.payable, .en): "payable"
        case (.rejected, .en): "rejected"
        case (.paid, .en): "paid"
        case (.clawback, .en): "clawback"
        case (.recovered, .en): "recovered"
        case (.withdrawn, .en): "withdrawn"
        }
    }

    /// The code (any case, `-` for `_`) or the Chinese label.
    public static func parse(_ s: String) -> ClaimStatus? {
        let t = s.trimmedWhitespace()
        if let st = ClaimStatus(rawValue: t.lowercased().replacingDashes()) { return st }
        return allCases.first { $0.label(.zh) == t }
    }
}
