/// A national occupation code (国家职业分类大典, e.g. `6-31-01-03`): major group digit, then
/// three 2-digit parts, separated by dashes. Only ASCII digits are accepted.
public struct OccupationCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let value: String

    private init(checked: String) { value = checked }

    public static func parse(_ s: String) -> Result<OccupationCode, CatalogueProblem> {
        let t = s.trimmedWhitespace()
        if t.isEmpty { return .failure(.emptyCode) }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        let widths = parts.map(\.utf8.count)
        let digitsOnly = parts.allSatisfy { $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard widths == [1, 2, 2, 2], digitsOnly else { return .failure(.badCode(t)) }
        return .success(OccupationCode(checked: t))
    }

    public var description: String { value }
    public static func < (a: OccupationCode, b: OccupationCode) -> Bool { a.value < b.value }
}

/// What is wrong with a catalogue entry (occupation or institution), in both languages.
public enum CatalogueProblem: Error, Equatable, Sendable, UserMessage {
    case emptyCode
    case badCode(String)
    case emptyName
    case noLevels
    case duplicateLevel(SkillLevel)
    case badLevel(String)
    case negativeAmount(SkillLevel)
    case badHours(SkillLevel)
    case periodReversed(from: CalendarDate, to: CalendarDate)
    case badTier(Int)
    /// A level's standard above `MoneyCeiling.standard`.
    case standardAboveCeiling(SkillLevel, Int64)
    /// The name holds a control or invisible character, or is too long (`FieldText`).
    case badName(FieldTextError)
    /// A period day outside `CalendarDate.supported`.
    case dateOutOfRange(CalendarDate)

    public func message(_ lang: Lang) -> String {
        let zh = lang == .zh
        switch self {
        case .emptyCode:
            return zh ? "请填写职业编码（如 6-31-01-03）" : "enter the occupation code (e.g. 6-31-01-03)"
        case let .badCode(c):
            return zh ? "职业编码“\(c)”格式不对：应为 数字-两位-两位-两位，如 6-31-01-03"
                : "occupation code '\(c)' is not valid: use digit-2 digits-2 digits-2 digits, e.g. 6-31-01-03"
        case .emptyName:
            return zh ? "请填写职业（工种）名称" : "enter the occupation name"
        case .noLevels:
            return zh ? "至少填写一个等级的补贴标准和课时（如 L4:150000:120）"
                : "give at least one level with its standard and hours (e.g. L4:150000:120)"
        case let .duplicateLevel(l):
            return zh ? "等级 \(l.rawValue)（\(l.label(.zh))）重复填写" : "level \(l.rawValue) is given twice"
        case let .badLevel(s):
            return zh ? "等级“\(s)”无效；可用：\(SkillLevel.codes) 或中文名称（如 中级工）"
                : "level '\(s)' is not valid; use one of \(SkillLevel.codes) or the Chinese name"
        case let .negativeAmount(l):
            return zh ? "等级 \(l.rawValue) 的补贴标准不能为负数（单位：分）" : "the standard for \(l.rawValue) cannot be negative (in fen)"
        case let .badHours(l):
            return zh ? "等级 \(l.rawValue) 的标准课时应为 1–10000 的整数" : "the standard hours for \(l.rawValue) must be a whole number 1–10000"
        case let .periodReversed(f, t):
            return zh ? "有效期结束日 \(t) 早于开始日 \(f)" : "the period ends (\(t)) before it starts (\(f))"
        case let .badTier(n):
            return zh ? "产业层级 \(n) 无效：应为 1–9" : "industry tier \(n) is not valid: use 1–9"
        case let .standardAboveCeiling(l, fen):
            return zh ? "等级 \(l.rawValue) 的补贴标准：" + MoneyError.aboveCeiling(.standard, amountFen: fen).message(.zh)
                : "the standard for \(l.rawValue): " + MoneyError.aboveCeiling(.standard, amountFen: fen).message(.en)
        case let .badName(e):
            return e.message(lang)
        case let .dateOutOfRange(d):
            let m = CalendarDate.unsupportedMessage(d, en: "period day", zh: "有效期日期")
            return zh ? m.zh : m.en
        }
    }
}
