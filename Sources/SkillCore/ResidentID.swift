import Foundation

/// The 18-character resident identity number (GB 11643-1999), the key of the real-name registry.
/// Layout: 6-digit region, 8-digit birth date, 3-digit sequence (odd = male), check character.
public struct ResidentID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 18 characters, upper-case X.
    public let value: String

    /// Built only by `parse`, `init?(stored:)`, which have checked the structure.
    private init(checked value: String) { self.value = value }

    /// The earliest birth date accepted: no living worker is older.
    public static let earliestBirthDate = CalendarDate(year: 1900, month: 1, day: 1)!

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters = Array("10X98765432")

    /// ISO 7064 MOD 11-2 over the first 17 digits; nil unless exactly 17 ASCII digits.
    public static func checkCharacter(for first17: String) -> Character? {
        let digits = first17.utf8.map { Int($0) - 48 }
        guard digits.count == 17, digits.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// Trims surrounding whitespace, accepts lower-case x. Checks in the order a clerk fixes things:
    /// characters, length, birth date, region, then the check character (a typo anywhere lands there).
    public static func parse(_ s: String, today: CalendarDate,
                             regions: RegionTable = .shared) -> Result<ResidentID, ResidentIDError> {
        let text = normalised(s)
        if text.isEmpty { return .failure(.empty) }
        if let bad = firstInvalidCharacter(text) { return .failure(.invalidCharacter(position: bad)) }
        let chars = Array(text)
        guard chars.count == 18 else { return .failure(.length(chars.count)) }
        if let e = birthDateError(chars, today: today) { return .failure(e) }
        if let e = regionError(chars, today: today, regions: regions) { return .failure(e) }
        if let e = checkCharacterError(chars) { return .failure(e) }
        return .success(ResidentID(checked: text))
    }

    /// For values already validated when they were registered (database rows, JSON): checks the
    /// structure, date and check character, but not the region table or today, which may have moved.
    public init?(stored s: String) {
        let text = ResidentID.normalised(s)
        let chars = Array(text)
        guard chars.count == 18, ResidentID.firstInvalidCharacter(text) == nil,
              CalendarDate(compact: String(chars[6..<14])) != nil,
              ResidentID.checkCharacterError(chars) == nil else { return nil }
        self.init(checked: text)
    }

    // MARK: Parts

    public var regionCode: String { String(value.prefix(6)) }

    public var birthDate: CalendarDate {
        CalendarDate(compact: String(Array(value)[6..<14]))!
    }

    /// Three digits; odd for men, even for women.
    public var sequence: String { String(Array(value)[14..<17]) }

    public var sex: Sex {
        Int(String(Array(value)[16]))! % 2 == 1 ? .male : .female
    }

    /// `3201**********1234`: for lists, reports and public disclosure (003 三(三)).
    public var masked: String {
        String(value.prefix(4)) + String(repeating: "*", count: 10) + String(value.suffix(4))
    }

    public var description: String { value }

    // MARK: Checks shared with `checkPartial`

    static func normalised(_ s: String) -> String {
        let t = s.trimmedWhitespace()
        return t.utf8.contains(UInt8(ascii: "x")) ? String(t.map { $0 == "x" ? "X" : $0 }) : t
    }

    /// 1-based position of the first character not allowed where it stands (digits in 1–17,
    /// digit or X in 18); positions beyond 18 are left to the length check.
    static func firstInvalidCharacter(_ text: String) -> Int? {
        for (i, c) in text.enumerated() where i < 18 {
            let digit = c.asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false
            if !(digit || (i == 17 && c == "X")) { return i + 1 }
        }
        return nil
    }

    static func birthDateError(_ chars: [Character], today: CalendarDate) -> ResidentIDError? {
        let digits = String(chars[6..<14])
        guard let date = CalendarDate(compact: digits) else { return .invalidBirthDate(digits) }
        if date > today { return .birthDateInFuture(date) }
        if date < earliestBirthDate { return .birthDateTooEarly(date) }
        return nil
    }

    /// Needs the birth date to be valid (call after `birthDateError`).
    static func regionError(_ chars: [Character], today: CalendarDate, regions: RegionTable) -> ResidentIDError? {
        let code = String(chars[0..<6])
        if regions.regions(code).isEmpty { return .unknownRegion(code) }
        let year = CalendarDate(compact: String(chars[6..<14]))!.year
        // See RegionTable: in force some year between birth and today, not necessarily at birth.
        if !regions.isInForce(code, anyYearIn: year...max(year, today.year)) {
            return .regionNotInForce(code: code, year: year)
        }
        return nil
    }

    static func checkCharacterError(_ chars: [Character]) -> ResidentIDError? {
        guard let expected = checkCharacter(for: String(chars[0..<17])) else { return nil }
        return expected == chars[17] ? nil : .checkCharacter(expected: expected, found: chars[17])
    }

    // MARK: Codable as the 18-character string

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let id = ResidentID(stored: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a resident ID: \(s)")
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}
