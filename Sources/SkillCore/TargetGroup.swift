import Foundation

/// The priority groups (重点群体) the seeds name for training support (001 三(一); 003 二(一)1–3;
/// 004 三(一)1; 000 二(一)). Raw values are the stable codes stored and exported; declaration order
/// is the order lists are shown and stored in.
public enum TargetGroup: String, Sendable, Codable, CaseIterable {
    case enterpriseEmployee = "enterprise_employee"
    case ruralMigrant = "rural_migrant"
    case newGenMigrant = "new_gen_migrant"
    case schoolLeaver = "school_leaver"
    case graduate
    case unemployed
    case transferring
    case veteran
    case employmentDifficulty = "employment_difficulty"
    case disabled
    case lowIncomeRural = "low_income_rural"
    case dibao
    case zeroEmploymentFamily = "zero_employment_family"
    case poorFamilyChild = "poor_family_child"
    case farmer
    case entrepreneur
    case highRisk = "high_risk"
    case communityCorrection = "community_correction"
    case capacityReduction = "capacity_reduction"
    case dispatched
    case localTalent = "local_talent"

    public func label(_ lang: Lang) -> String {
        lang == .zh ? zhLabel : enLabel
    }

    private var zhLabel: String {
        switch self {
        case .enterpriseEmployee: "企业职工"
        case .ruralMigrant: "农村转移就业劳动者"
        case .newGenMigrant: "新生代农民工"
        case .schoolLeaver: "两后生"
        case .graduate: "离校未就业高校毕业生"
        case .unemployed: "下岗失业人员"
        case .transferring: "转岗职工"
        case .veteran: "退役军人"
        case .employmentDifficulty: "就业困难人员"
        case .disabled: "残疾人"
        case .lowIncomeRural: "建档立卡低收入农户"
        case .dibao: "城乡低保对象"
        case .zeroEmploymentFamily: "零就业家庭成员"
        case .poorFamilyChild: "贫困家庭子女"
        case .farmer: "职业农民/农村实用人才"
        case .entrepreneur: "有创业意愿"
        case .highRisk: "高危行业/特种作业人员"
        case .communityCorrection: "社区矫正人员"
        case .capacityReduction: "去产能企业职工"
        case .dispatched: "劳务派遣人员"
        case .localTalent: "乡土人才"
        }
    }

    private var enLabel: String {
        switch self {
        case .enterpriseEmployee: "Enterprise employee"
        case .ruralMigrant: "Rural migrant worker"
        case .newGenMigrant: "New-generation migrant"
        case .schoolLeaver: "School leaver"
        case .graduate: "Unemployed graduate"
        case .unemployed: "Laid-off/unemployed"
        case .transferring: "Job-transferring employee"
        case .veteran: "Veteran"
        case .employmentDifficulty: "Employment difficulty"
        case .disabled: "Person with disability"
        case .lowIncomeRural: "Low-income rural household"
        case .dibao: "Dibao recipient"
        case .zeroEmploymentFamily: "Zero-employment family"
        case .poorFamilyChild: "Child of poor family"
        case .farmer: "Professional farmer"
        case .entrepreneur: "Aspiring entrepreneur"
        case .highRisk: "High-risk/special operations"
        case .communityCorrection: "Community correction"
        case .capacityReduction: "Capacity-reduction worker"
        case .dispatched: "Dispatched worker"
        case .localTalent: "Local talent"
        }
    }

    /// Short forms clerks type, each naming one group only. 农民工 is the general migrant group
    /// (新生代农民工 is its younger subset and has its own label).
    private static let aliases: [String: TargetGroup] = [
        "职工": .enterpriseEmployee, "农民工": .ruralMigrant, "转移就业": .ruralMigrant,
        "高校毕业生": .graduate, "毕业生": .graduate, "失业人员": .unemployed, "下岗": .unemployed,
        "转岗": .transferring, "退役": .veteran, "就业困难": .employmentDifficulty, "残疾": .disabled,
        "建档立卡": .lowIncomeRural, "低收入农户": .lowIncomeRural, "低保": .dibao,
        "零就业家庭": .zeroEmploymentFamily, "职业农民": .farmer, "农村实用人才": .farmer,
        "创业": .entrepreneur, "高危行业": .highRisk, "特种作业人员": .highRisk,
        "社区矫正": .communityCorrection, "去产能": .capacityReduction, "劳务派遣": .dispatched,
    ]

    /// The code (any case, `-` for `_` too), the Chinese label, the English label, or a short form.
    public static func parse(_ s: String) -> TargetGroup? {
        let t = s.trimmedWhitespace()
        let code = t.lowercased().replacingOccurrences(of: "-", with: "_")
        if let g = TargetGroup(rawValue: code) { return g }
        if let g = aliases[t] { return g }
        return allCases.first { $0.zhLabel == t || $0.enLabel.lowercased() == t.lowercased() }
    }

    /// Splits on `;` `；` `,` `，` `、`, skips empty entries, removes duplicates and sorts in
    /// declaration order, so the same set is always stored the same way.
    public static func parseList(_ s: String) -> Result<[TargetGroup], TargetGroupError> {
        let separators: Set<Character> = [";", "；", ",", "，", "、"]
        var found = Set<TargetGroup>()
        for part in s.split(whereSeparator: { separators.contains($0) }) {
            let entry = part.trimmedWhitespace()
            if entry.isEmpty { continue }
            guard let g = parse(entry) else { return .failure(.unknown(entry)) }
            found.insert(g)
        }
        return .success(sorted(found))
    }

    /// Declaration order.
    public static func sorted<S: Sequence>(_ groups: S) -> [TargetGroup] where S.Element == TargetGroup {
        let set = Set(groups)
        return allCases.filter(set.contains)
    }
}

public enum TargetGroupError: Error, Equatable, Sendable, UserMessage {
    /// The entry as typed.
    case unknown(String)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.unknown(let e), .zh):
            return "“\(e)”不是重点群体，应为以下之一：" + TargetGroup.allCases.map { $0.label(.zh) }.joined(separator: "、")
        case (.unknown(let e), .en):
            return "\"\(e)\" is not a target group; use one of: " + TargetGroup.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }
}
