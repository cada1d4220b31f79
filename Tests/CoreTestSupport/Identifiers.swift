import SkillCore

/// A valid resident ID (GB 11643): Nanjing Xuanwu (320102) unless told, the given birth date, a
/// sequence number and the right check character.
public func residentID(region: String = "320102", birth: String = "19900101", seq: Int) -> String {
    residentID(region + birth + String(format: "%03d", seq % 1000))
}

/// A valid 18-character resident ID from its first 17 characters.
public func residentID(_ first17: String) -> String {
    first17 + String(ResidentID.checkCharacter(for: first17)!)
}

/// The same ID with a wrong check character.
public func wrongCheck(_ id: String) -> String {
    let right = id.last!
    let other: Character = right == "0" ? "1" : "0"
    return String(id.dropLast()) + String(other)
}

/// A valid unified social credit code (GB 32100) from its first 17 characters.
public func creditCode(_ first17: String) -> String {
    first17 + String(CreditCode.checkCharacter(for: first17)!)
}

/// SplitMix64: a small seeded generator, so property tests are reproducible.
public struct SeededGenerator: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
