import SkillCore
import Testing

@Suite("Claim workflow: four eyes (pure)")
struct ClaimHandTests {
    let hands: [(user: String, hand: ClaimHand)] = [("ann", .prepared), ("bob", .submitted), ("sup1", .approved),
                                                    ("cat", .objected), ("ann", .submitted)]

    @Test func theFirstHandBarsTheDecision() {
        #expect(ClaimWorkflow.handBarringDecision(hands, decider: "ann") == .prepared)
        #expect(ClaimWorkflow.handBarringDecision(hands, decider: " bob ") == .submitted)
        #expect(ClaimWorkflow.handBarringDecision(hands, decider: "cat") == .objected)
        // Approving before an objection does not bar deciding again; names compare exactly.
        #expect(ClaimWorkflow.handBarringDecision(hands, decider: "sup1") == nil)
        #expect(ClaimWorkflow.handBarringDecision(hands, decider: "Ann") == nil)
    }

    @Test func whoeverApprovedDoesNotPay() {
        #expect(ClaimWorkflow.approvedBy(hands, payer: "sup1"))
        #expect(!ClaimWorkflow.approvedBy(hands, payer: "ann"))
    }

    @Test func auditActionsRoundTrip() {
        for h in ClaimHand.allCases { #expect(ClaimHand(auditAction: h.auditAction) == h) }
        #expect(ClaimHand(auditAction: "claim.publish_notice") == nil)
    }
}
