import Foundation

/// Disability as certified; severe disability extends training benefits to direct relatives
/// (E11: 001 四(三)2; 003 二(三)10).
public enum Disability: String, Sendable, Codable, CaseIterable {
    case none
    case nonsevere
    case severe

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.none, .zh): "无"
        case (.nonsevere, .zh): "非重度残疾"
        case (.severe, .zh): "重度残疾"
        case (.none, .en): "None"
        case (.nonsevere, .en): "Non-severe disability"
        case (.severe, .en): "Severe disability"
        }
    }

    /// The code (any case) or either label.
    public static func parse(_ s: String) -> Disability? {
        let t = s.trimmedWhitespace()
        if let v = Disability(rawValue: t.lowercased()) { return v }
        return allCases.first { $0.label(.zh) == t || $0.label(.en).lowercased() == t.lowercased() }
    }
}
