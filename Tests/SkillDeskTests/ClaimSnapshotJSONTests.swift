import Foundation
import SkillCore
@testable import SkillDesk
import SkillStore
import SkillRecords
import Testing

/// The hand-written claim snapshot JSON (audit rows of every claim step) is byte for byte what
/// JSONEncoder makes of the same snapshot — sorted keys, nil fields left out, escapes — so audit
/// rows read the same whichever wrote them.
@Suite("Claim snapshot JSON")
struct ClaimSnapshotJSONTests {
    @Test func handWrittenEqualsJSONEncoderOnManySnapshots() throws {
        let x = try WorkflowWorld()
        let base = try x.submitted()
        let texts: [String?] = [nil, "", "缺少签到表原件", "a\"b\\c/d", "line\nbreak\ttab\r\u{08}\u{0C}", "\u{01}\u{1F}\u{7F}",
                                "emoji 👩‍👩‍👧 e\u{301}", "\u{2028}\u{2029}", "张*伟 3201**********1234", String(repeating: "长", count: 300)]
        var rng = SystemRandomNumberGenerator()
        for i in 0..<400 {
            var c = base
            func pick() -> String? { texts.randomElement(using: &rng)! }
            c.status = [ClaimStatus.submitted, .onNotice, .paid, .clawback].randomElement(using: &rng)!
            c.amountFen = [0, 1, 150_000, Int64.max, 99_999_999_999].randomElement(using: &rng)!
            c.reason = pick(); c.rejectCode = pick(); c.decisionNote = pick(); c.fundSource = ([nil] + FundSource.allCases.map { Optional($0) }).randomElement(using: &rng)!
            c.fundYear = i % 3 == 0 ? nil : 2020 + i % 10
            c.noticePublishedOn = pick(); c.noticeEndOn = pick(); c.batchID = pick(); c.evidenceSHA256 = pick()
            c.clawbackDueFen = Int64(i * 37); c.recoveredFen = Int64(i % 7); c.warningCount = i % 4
            let expected = CatalogueJSON.encode(ClaimSnapshot(c))
            #expect(ClaimSnapshot.json(c) == expected, "snapshot \(i)")
        }
    }
}
