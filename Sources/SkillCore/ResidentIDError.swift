/// Why a typed resident ID is refused. Each message says what is wrong and what would be right.
public enum ResidentIDError: Error, Equatable, Sendable, UserMessage {
    case empty
    /// The number of characters typed; an ID has 18.
    case length(Int)
    /// 1-based position of the first character that is not allowed there.
    case invalidCharacter(position: Int)
    case unknownRegion(String)
    /// The region code was not in force in any year from the birth year to today.
    case regionNotInForce(code: String, year: Int)
    /// The 8 birth-date digits as typed, when they are no calendar date.
    case invalidBirthDate(String)
    case birthDateInFuture(CalendarDate)
    /// Before 1900-01-01.
    case birthDateTooEarly(CalendarDate)
    case checkCharacter(expected: Character, found: Character)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.empty, .zh): return "请填写身份证号码（18 位）"
        case (.empty, .en): return "enter the resident ID (18 characters)"
        case (.length(let n), .zh): return "身份证号码应为 18 位，而不是 \(n) 位"
        case (.length(let n), .en): return "a resident ID has 18 characters, not \(n)"
        case (.invalidCharacter(let p), .zh):
            return p == 18 ? "第 18 位应为数字或 X" : "第 \(p) 位应为数字（只有第 18 位可以是 X）"
        case (.invalidCharacter(let p), .en):
            return p == 18 ? "character 18 should be a digit or X"
                : "character \(p) should be a digit (only character 18 may be X)"
        case (.unknownRegion(let c), .zh): return "前 6 位 \(c) 不是已知的行政区划代码，请核对户籍地代码"
        case (.unknownRegion(let c), .en): return "the first 6 digits \(c) are not a known region code; check the household region"
        case (.regionNotInForce(let c, let y), .zh):
            return "行政区划代码 \(c) 在出生年份 \(y) 至今从未使用，应为当时有效的代码"
        case (.regionNotInForce(let c, let y), .en):
            return "region code \(c) was not in use at any time from the birth year \(y) to today; it should be a code in force then"
        case (.invalidBirthDate(let s), .zh): return "第 7–14 位 \(s) 不是有效的出生日期，应为 YYYYMMDD"
        case (.invalidBirthDate(let s), .en): return "characters 7–14 \(s) are not a valid birth date; they should be YYYYMMDD"
        case (.birthDateInFuture(let d), .zh): return "出生日期 \(d) 晚于今天，应为今天或更早"
        case (.birthDateInFuture(let d), .en): return "birth date \(d) is after today; it should be today or earlier"
        case (.birthDateTooEarly(let d), .zh): return "出生日期 \(d) 早于 1900-01-01，应在其后"
        case (.birthDateTooEarly(let d), .en): return "birth date \(d) is before 1900-01-01; it should be later"
        case (.checkCharacter(let e, let f), .zh): return "校验码应为 \(e)，而不是 \(f)"
        case (.checkCharacter(let e, let f), .en): return "check character should be \(e), not \(f)"
        }
    }
}
