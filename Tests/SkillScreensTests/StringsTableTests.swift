import Testing
@testable import SkillScreens
import SkillCore

/// Issue 11, item 4: the locale table cannot miss a key at run time. Every key of `S` has a text in
/// both languages, and both texts take the same number of `%@`/`%d` arguments (`Lang.format`
/// fills them in order, so a missing one in one language would shift every later value).
@Suite struct StringsTableTests {
    @Test func everyKeyHasBothLanguages() {
        let missing = S.allCases.filter { S.table[$0] == nil }
        #expect(missing.isEmpty, "keys without texts: \(missing)")
        let empty = S.allCases.filter { key in S.table[key].map { $0.0.isEmpty || $0.1.isEmpty } ?? false }
        #expect(empty.isEmpty, "keys with an empty text: \(empty)")
    }

    @Test func bothLanguagesTakeTheSameArguments() {
        func count(_ s: String) -> Int {
            s.components(separatedBy: "%@").count + s.components(separatedBy: "%d").count - 2
        }
        let mismatched = S.allCases.filter { key in S.table[key].map { count($0.0) != count($0.1) } ?? false }
        #expect(mismatched.isEmpty, "keys whose zh and en take different arguments: \(mismatched)")
    }

    /// The table is written in three parts (`StringsTableA/B/C.swift`); a key in two parts would keep
    /// only its first text silently.
    @Test func noKeyIsWrittenTwice() {
        let parts = [S.tableScreensA, S.tableScreensB, S.tableScreensC, S.tableScreensRules, S.tableScreensDecide, S.tableScreensCorrect, S.tableScreensExport, S.tableScreensFind, S.tableScreensFiling, S.tableScreensAudit, S.tableScreensDisclose, S.tableScreensTargets, S.tableScreensStats, S.tableScreensAnomalies]
        var seen: [S: Int] = [:]
        for part in parts { for key in part.keys { seen[key, default: 0] += 1 } }
        let twice = seen.filter { $0.value > 1 }.map(\.key)
        #expect(twice.isEmpty, "keys written in two parts: \(twice)")
        #expect(parts.map(\.count).reduce(0, +) == S.table.count)
    }
}
