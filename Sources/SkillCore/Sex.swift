/// Sex as recorded in the resident ID (parity of the sequence number): the registry has no other source.
public enum Sex: String, Sendable, Codable, CaseIterable {
    case male = "M"
    case female = "F"

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.male, .zh): "男"
        case (.female, .zh): "女"
        case (.male, .en): "M"
        case (.female, .en): "F"
        }
    }
}
