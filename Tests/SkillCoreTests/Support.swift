import SkillCore

/// A fixed "today" for every test: the core takes its date from the caller.
let today = CalendarDate(year: 2026, month: 1, day: 15)!

func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

/// SplitMix64: a small seeded generator, so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Result {
    var failure: Failure? { if case .failure(let e) = self { e } else { nil } }
    var success: Success? { if case .success(let v) = self { v } else { nil } }
}
