import Testing
@testable import SkillCore

/// Withdrawing a claim (issue 12): from draft or returned only, a reason required, final, and the
/// worker's place freed (not counted, not live).
@Suite struct ClaimWithdrawTests {
    @Test func onlyADraftOrReturnedClaimIsWithdrawn() throws {
        for s in ClaimStatus.allCases {
            let allowed = s == .draft || s == .returned
            if allowed {
                let t = try ClaimWorkflow.apply(.withdraw, to: s, reason: "录入错误，重新申请")
                #expect(t.to == .withdrawn && t.reason == "录入错误，重新申请" && t.fundEffect == .none, "\(s)")
            } else {
                #expect(throws: WorkflowError.notAllowed(s, .withdraw), "\(s)") {
                    try ClaimWorkflow.apply(.withdraw, to: s, reason: "x")
                }
            }
        }
    }

    @Test func aReasonIsRequiredAndBlanksAreNone() {
        #expect(throws: WorkflowError.reasonRequired(.withdraw)) { try ClaimWorkflow.apply(.withdraw, to: .draft) }
        #expect(throws: WorkflowError.reasonRequired(.withdraw)) { try ClaimWorkflow.apply(.withdraw, to: .returned, reason: " \u{200B}\t ") }
        #expect(WorkflowError.reasonRequired(.withdraw).message(.zh) == "“撤回”必须填写原因")
        #expect(WorkflowError.reasonRequired(.withdraw).message(.en) == "withdraw needs a reason; enter one")
    }

    @Test func withdrawnIsFinalNotCountedAndNotLive() {
        #expect(ClaimStatus.withdrawn.isFinal && !ClaimStatus.withdrawn.counts && !ClaimStatus.withdrawn.isLive)
        #expect(ClaimStatus.withdrawn.possibleActions.isEmpty)
        #expect(ClaimStatus.returned.isLive && ClaimStatus.draft.isLive)
        let msg = WorkflowError.notAllowed(.submitted, .withdraw)
        #expect(msg.message(.zh) == "申请处于“已提交”状态，不能撤回：只能批准或退回修改或驳回")
        #expect(msg.message(.en) == "claim is submitted, so it cannot withdraw: it can only be approved or be returned for correction or be rejected")
        #expect(WorkflowError.notAllowed(.withdrawn, .submit).message(.zh).contains("最终状态"))
        #expect(ClaimStatus.parse("已撤回") == .withdrawn && ClaimStatus.parse("WITHDRAWN") == .withdrawn)
    }

    @Test func aClerkMayWithdrawAnyClerksDraftButNoOtherRoleMay() {
        let hands: [(user: String, hand: ClaimHand)] = [("clerk1", .prepared)]
        let mine = ClaimWorkflow.possibleActions(status: .draft, user: "clerk2", hands: hands) { Role.allows([.clerk], $0) }
        #expect(mine.contains(.withdraw), "a colleague covers for the preparer")
        for role in [Role.supervisor, .finance, .auditor, .admin] {
            let a = ClaimWorkflow.possibleActions(status: .returned, user: "x", hands: hands) { Role.allows([role], $0) }
            #expect(!a.contains(.withdraw), "\(role)")
        }
        #expect(ClaimAction.withdraw.requiresReason && !ClaimAction.withdraw.isDecision && ClaimAction.withdraw.permission == .prepareClaims)
    }
}

/// A certificate typed or corrected through an input method (issue 12): full-width digits, letters
/// and dashes in the number, codes and date are read as ASCII; Chinese in the number stays.
@Suite struct CertificateFullWidthTests {
    @Test func fullWidthFormsAreReadAsASCII() throws {
        var d = CertificateDraft()
        d.worker = "32010219850612002x"; d.type = "skill_level"; d.number = "Ｓ３２０１－２０２５－０００１"
        d.occupation = "６－３１－０１－０３"; d.level = "Ｌ４"; d.issueDate = "２０２５－０６－３０"
        let p = try d.validate(today: CalendarDate(iso: "2025-07-01")!).get()
        #expect(p.number == "S3201-2025-0001" && p.occupation == "6-31-01-03" && p.level == .l4)
        #expect(p.issueDate == CalendarDate(iso: "2025-06-30"))
        d.number = "苏Ｓ２０２５"
        #expect(try d.validate(today: CalendarDate(iso: "2025-07-01")!).get().number == "苏S2025")
    }
}
