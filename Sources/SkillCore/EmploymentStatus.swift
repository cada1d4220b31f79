import Foundation

/// Employment situation at registration; decides e.g. the insured-employee upgrading subsidy
/// (000 二(二); 003 二(一)1), which needs unemployment-insurance cover.
public enum EmploymentStatus: String, Sendable, Codable, CaseIterable {
    case employedInsured = "employed_insured"
    case employedUninsured = "employed_uninsured"
    case unemployed
    case graduate
    case selfEmployed = "self_employed"
    case farmer
    case other

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.employedInsured, .zh): "在职·参保失业保险"
        case (.employedUninsured, .zh): "在职·未参保"
        case (.unemployed, .zh): "登记失业"
        case (.graduate, .zh): "高校毕业生"
        case (.selfEmployed, .zh): "灵活就业/个体"
        case (.farmer, .zh): "农民"
        case (.other, .zh): "其他"
        case (.employedInsured, .en): "Employed, insured"
        case (.employedUninsured, .en): "Employed, not insured"
        case (.unemployed, .en): "Registered unemployed"
        case (.graduate, .en): "College graduate"
        case (.selfEmployed, .en): "Self-employed"
        case (.farmer, .en): "Farmer"
        case (.other, .en): "Other"
        }
    }

    /// The code (any case) or either label.
    public static func parse(_ s: String) -> EmploymentStatus? {
        let t = s.trimmedWhitespace()
        if let v = EmploymentStatus(rawValue: t.lowercased()) { return v }
        return allCases.first { $0.label(.zh) == t || $0.label(.en).lowercased() == t.lowercased() }
    }
}
