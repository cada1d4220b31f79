import Testing
@testable import SkillCore

/// Generated IDs: every one must parse, and every single-character change must not — ISO 7064
/// MOD 11-2 catches all single substitutions, and parse must not let one slip past on another path.
@Suite struct ResidentIDPropertyTests {
    struct Generated { let value: String; let region: String; let birth: CalendarDate; let sex: Sex }

    static func generate(count: Int, seed: UInt64) -> [Generated] {
        var rng = SeededGenerator(seed: seed)
        let table = RegionTable.shared
        let codes = table.codes
        let first = date("1900-01-01").daysSinceEpoch, last = today.daysSinceEpoch
        var out: [Generated] = []
        while out.count < count {
            let birth = CalendarDate(daysSinceEpoch: Int.random(in: first...last, using: &rng))!
            let code = codes.randomElement(using: &rng)!
            guard table.isInForce(code, year: birth.year) else { continue }
            let sequence = Int.random(in: 0...999, using: &rng)
            let seq = String(String(sequence + 1000).dropFirst())
            let first17 = code + birth.compact + seq
            let value = first17 + String(ResidentID.checkCharacter(for: first17)!)
            out.append(Generated(value: value, region: code, birth: birth, sex: sequence % 2 == 1 ? .male : .female))
        }
        return out
    }

    @Test func generatedIDsParseAndEverySingleChangeFails() {
        let ids = Self.generate(count: 250, seed: 20_260_115)
        #expect(ids.contains { $0.value.hasSuffix("X") })
        var mutations = 0
        for g in ids {
            guard case .success(let id) = ResidentID.parse(g.value, today: today) else {
                Issue.record("valid \(g.value) refused: \(String(describing: ResidentID.parse(g.value, today: today).failure))")
                continue
            }
            #expect(id.regionCode == g.region && id.birthDate == g.birth && id.sex == g.sex)
            #expect(ResidentID.checkPartial(g.value, today: today) == nil)
            var chars = Array(g.value)
            for i in 0..<18 {
                let original = chars[i]
                for c in Array(i == 17 ? "0123456789X" : "0123456789") where c != original {
                    chars[i] = c
                    mutations += 1
                    if case .success = ResidentID.parse(String(chars), today: today) {
                        Issue.record("\(String(chars)) (from \(g.value), position \(i + 1)) was accepted")
                    }
                }
                chars[i] = original
            }
        }
        #expect(mutations == 250 * (17 * 9 + 10))
    }
}
