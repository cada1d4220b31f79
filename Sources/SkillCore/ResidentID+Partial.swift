import Foundation

extension ResidentID {
    /// As-you-type feedback: only errors that are already certain from the characters typed so far,
    /// so the field does not nag while the clerk is still typing. Nil means "nothing wrong yet".
    public static func checkPartial(_ s: String, today: CalendarDate,
                                    regions: RegionTable = .shared) -> ResidentIDError? {
        let text = normalised(s)
        if let bad = firstInvalidCharacter(text) { return .invalidCharacter(position: bad) }
        let chars = Array(text)
        if chars.count > 18 { return .length(chars.count) }
        if chars.count >= 6 {
            let code = String(chars[0..<6])
            if regions.regions(code).isEmpty { return .unknownRegion(code) }
        }
        if chars.count >= 14 {
            if let e = birthDateError(chars, today: today) { return e }
            if let e = regionError(chars, today: today, regions: regions) { return e }
        }
        if chars.count == 18, let e = checkCharacterError(chars) { return e }
        return nil
    }
}
