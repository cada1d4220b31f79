import Testing
@testable import SkillCore

@Suite struct ClaimWorkflowTests {
    /// The whole table: every (status, action) pair not listed here is refused.
    static let allowed: [ClaimStatus: [ClaimAction: ClaimStatus]] = [
        .draft: [.submit: .submitted, .withdraw: .withdrawn],
        .returned: [.submit: .submitted, .withdraw: .withdrawn],
        .submitted: [.approve: .approved, .returnForCorrection: .returned, .reject: .rejected],
        .approved: [.publishNotice: .onNotice],
        .onNotice: [.object: .submitted, .endNotice: .payable],
        .payable: [.pay: .paid, .paymentFailed: .payable],
        .paid: [.clawback: .clawback],
        .clawback: [.recover: .recovered],
    ]

    @Test func transitionTableIsExactlyTheIssueWorkflow() {
        for s in ClaimStatus.allCases {
            for a in ClaimAction.allCases {
                #expect(s.after(a) == Self.allowed[s]?[a], "\(s) \(a)")
            }
        }
        #expect(ClaimStatus.rejected.possibleActions.isEmpty && ClaimStatus.recovered.possibleActions.isEmpty)
        #expect(ClaimStatus.allCases.filter(\.isFinal) == [.rejected, .recovered, .withdrawn])
        #expect(ClaimStatus.submitted.possibleActions == [.approve, .returnForCorrection, .reject])
    }

    @Test func theHappyPathAndTheDetours() throws {
        var s = ClaimStatus.draft
        let path: [(ClaimAction, String?, RejectReason?)] = [
            (.submit, nil, nil), (.returnForCorrection, "缺少证书复印件", nil), (.submit, nil, nil),
            (.approve, nil, nil), (.publishNotice, nil, nil), (.object, "群众反映未实际参训", nil),
            (.approve, nil, nil), (.publishNotice, nil, nil), (.endNotice, nil, nil),
            (.paymentFailed, "账户已销户", nil), (.pay, nil, nil), (.clawback, "证书系伪造", nil), (.recover, nil, nil),
        ]
        for (a, r, c) in path { s = try ClaimWorkflow.apply(a, to: s, reason: r, code: c).to }
        #expect(s == .recovered)
        let rej = try ClaimWorkflow.apply(.reject, to: .submitted, reason: "重复申请", code: .duplicate)
        #expect(rej.to == .rejected && rej.code == .duplicate && rej.reason == "重复申请" && rej.fundEffect == .none)
    }

    @Test func wrongStateNamesTheStateAndWhatIsPossible() {
        #expect(throws: WorkflowError.notAllowed(.approved, .pay)) { try ClaimWorkflow.apply(.pay, to: .approved) }
        let e = WorkflowError.notAllowed(.approved, .pay)
        #expect(e.message(.en) == "claim is approved, so it cannot pay: it can only go on notice")
        #expect(e.message(.zh) == "申请处于“已批准”状态，不能支付：只能进入公示")
        let sub = WorkflowError.notAllowed(.submitted, .submit).message(.en)
        #expect(sub.contains("be approved or be returned for correction or be rejected"))
        let fin = WorkflowError.notAllowed(.rejected, .submit)
        #expect(fin.message(.en).contains("final") && fin.message(.zh).contains("最终状态"))
        #expect(throws: WorkflowError.notAllowed(.recovered, .clawback)) { try ClaimWorkflow.apply(.clawback, to: .recovered, reason: "x") }
    }

    @Test func reasonsAreRequiredWhereTheIssueSaysAndSanitised() throws {
        for a in [ClaimAction.returnForCorrection, .object, .paymentFailed, .clawback] {
            let from = ClaimStatus.allCases.first { $0.after(a) != nil }!
            #expect(throws: WorkflowError.reasonRequired(a)) { try ClaimWorkflow.apply(a, to: from) }
            #expect(throws: WorkflowError.reasonRequired(a)) { try ClaimWorkflow.apply(a, to: from, reason: " \t\u{1B}\n ") }
            #expect(try ClaimWorkflow.apply(a, to: from, reason: " 原因\n第二行 ").reason == "原因 第二行")
        }
        #expect(throws: WorkflowError.reasonRequired(.reject)) { try ClaimWorkflow.apply(.reject, to: .submitted, code: .other) }
        #expect(throws: WorkflowError.rejectCodeRequired) { try ClaimWorkflow.apply(.reject, to: .submitted, reason: "x") }
        #expect(throws: WorkflowError.codeOnlyForReject(.returnForCorrection)) {
            try ClaimWorkflow.apply(.returnForCorrection, to: .submitted, reason: "x", code: .other)
        }
        #expect(throws: WorkflowError.reasonTooLong(max: 500)) {
            try ClaimWorkflow.apply(.clawback, to: .paid, reason: String(repeating: "追", count: 501))
        }
        #expect(try ClaimWorkflow.apply(.clawback, to: .paid, reason: String(repeating: "追", count: 500)).to == .clawback)
        // A note on an action that needs none is kept; an empty one is nil.
        #expect(try ClaimWorkflow.apply(.approve, to: .submitted, reason: "同意").reason == "同意")
        #expect(try ClaimWorkflow.apply(.approve, to: .submitted, reason: "  ").reason == nil)
        #expect(WorkflowError.reasonRequired(.object).message(.en) == "record an objection needs a reason; enter one")
    }

    @Test func makerChecker() throws {
        #expect(throws: WorkflowError.sameUser("li")) { try ClaimWorkflow.mayDecide(preparedBy: "li", decider: " li ") }
        try ClaimWorkflow.mayDecide(preparedBy: "li", decider: "wang")
        #expect(WorkflowError.sameUser("li").message(.zh).contains("不能自己审核"))
        #expect(ClaimAction.allCases.filter(\.isDecision) == [.approve, .returnForCorrection, .reject])
    }

    @Test func fundEffectsKeepTheReservationWithApprovedOnNoticeAndPayable() {
        #expect(ClaimAction.approve.fundEffect == .reserve && ClaimAction.object.fundEffect == .release)
        #expect(ClaimAction.pay.fundEffect == .pay && ClaimAction.paymentFailed.fundEffect == .none)
        #expect(ClaimAction.clawback.fundEffect == .recordClawback && ClaimAction.recover.fundEffect == .recover)
        // Walk every transition: a status holds a reservation iff the actions into it reserved and
        // did not release or pay it.
        let holding: Set<ClaimStatus> = [.approved, .onNotice, .payable]
        for s in ClaimStatus.allCases {
            for a in s.possibleActions {
                let to = s.after(a)!
                let delta: Int = switch a.fundEffect { case .reserve: 1; case .release, .pay: -1; default: 0 }
                #expect((holding.contains(s) ? 1 : 0) + delta == (holding.contains(to) ? 1 : 0), "\(s) \(a)")
            }
        }
    }

    @Test func labelsAndCodes() {
        #expect(ClaimStatus.onNotice.rawValue == "on_notice" && ClaimStatus.payable.rawValue == "payable")
        #expect(ClaimStatus.allCases.map(\.rawValue) == ["draft", "submitted", "returned", "approved", "on_notice", "payable",
                                                          "rejected", "paid", "clawback", "recovered", "withdrawn"])
        for l in Lang.allCases {
            #expect(Set(ClaimStatus.allCases.map { $0.label(l) }).count == ClaimStatus.allCases.count)
            #expect(Set(ClaimAction.allCases.map { $0.label(l) }).count == ClaimAction.allCases.count)
            #expect(Set(RejectReason.allCases.map { $0.label(l) }).count == RejectReason.allCases.count)
        }
        #expect(ClaimStatus.parse("On-Notice") == .onNotice && ClaimStatus.parse("公示中") == .onNotice && ClaimStatus.parse("x") == nil)
        #expect(RejectReason.parse("forged-evidence") == .forgedEvidence && RejectReason.parse("其他") == .other)
    }

    @Test func everyRejectReasonClauseIsAShippedPassage() {
        for r in RejectReason.allCases {
            if let c = r.clause { #expect(ClauseBook.shipped.text(c) != nil, "\(r) cites \(c)") }
            #expect((r.clause == nil) == (r == .other))
        }
    }
}
