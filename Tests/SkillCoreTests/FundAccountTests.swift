import Testing
@testable import SkillCore

@Suite struct FundAccountTests {
    func account(_ yuan: Int64 = 10_000) -> FundAccount {
        FundAccount(year: 2026, source: .unemploymentInsurance20pct, allocatedFen: yuan * 100)
    }

    @Test func theLifeOfAClaimsMoney() throws {
        var a = account()
        try a.reserve(300_000)                                  // approve ¥3,000
        #expect(a.balanceFen == 700_000 && a.reservedFen == 300_000)
        try a.pay(300_000)
        #expect(a.reservedFen == 0 && a.paidFen == 300_000 && a.balanceFen == 700_000)
        try a.recordClawback(300_000)
        #expect(a.clawbackDueFen == 300_000 && a.balanceFen == 700_000)   // due does not touch the balance
        try a.recover(100_000)
        try a.recover(200_000)                                   // partial recoveries add up
        #expect(a.clawbackDueFen == 0 && a.recoveredFen == 300_000 && a.balanceFen == 1_000_000)
        try a.reserve(50_000)
        try a.release(50_000)                                    // an objection gives it back
        #expect(a.balanceFen == 1_000_000)
    }

    @Test func reserveIsRefusedWhenTheBalanceIsShortWithYuanInTheMessage() throws {
        var a = account(1_000)
        try a.reserve(80_000)
        let before = a
        #expect(throws: FundError.insufficientBalance(year: 2026, source: .unemploymentInsurance20pct, balanceFen: 20_000, amountFen: 20_001)) {
            try a.reserve(20_001)
        }
        #expect(a == before)
        try a.reserve(20_000)                                    // exactly the balance is fine
        #expect(a.balanceFen == 0)
        let e = FundError.insufficientBalance(year: 2026, source: .employmentSubsidy, balanceFen: 20_000, amountFen: 123_450)
        #expect(e.message(.zh) == "2026 年“就业补助资金”专账余额 ¥200.00，不足以预留 ¥1,234.50；请先追加拨款或从其他资金来源列支")
        #expect(e.message(.en).contains("balance of ¥200.00, less than the ¥1,234.50 to reserve"))
    }

    @Test func otherRefusals() throws {
        var a = account()
        #expect(throws: FundError.nonPositiveAmount(0)) { try a.reserve(0) }
        #expect(throws: FundError.nonPositiveAmount(-5)) { try a.allocate(-5) }
        #expect(throws: FundError.reservedShort(reservedFen: 0, amountFen: 1)) { try a.pay(1) }
        #expect(throws: FundError.reservedShort(reservedFen: 0, amountFen: 1)) { try a.release(1) }
        #expect(throws: FundError.clawbackExceedsPaid(openFen: 0, amountFen: 1)) { try a.recordClawback(1) }
        #expect(throws: FundError.recoveryExceedsDue(dueFen: 0, amountFen: 1)) { try a.recover(1) }
        #expect(throws: FundError.aboveCeiling(.allocation, amountFen: Int64.max)) { try a.allocate(Int64.max) }  // issue 10: a ceiling first
        try a.reserve(100); try a.pay(100); try a.recordClawback(60)
        #expect(throws: FundError.clawbackExceedsPaid(openFen: 40, amountFen: 41)) { try a.recordClawback(41) }
        #expect(a == { var b = account(); try! b.reserve(100); try! b.pay(100); try! b.recordClawback(60); return b }())
        #expect(FundError.reservedShort(reservedFen: 0, amountFen: 100).message(.en) == "only ¥0.00 is reserved, so ¥1.00 cannot be paid or released")
    }

    @Test func storedAccountsAreChecked() {
        #expect(FundAccount(year: 2026, source: .other, allocatedFen: 10, reservedFen: 0, paidFen: 5, recoveredFen: 3, clawbackDueFen: 2) != nil)
        #expect(FundAccount(year: 2026, source: .other, allocatedFen: 10, reservedFen: 0, paidFen: 5, recoveredFen: 3, clawbackDueFen: 3) == nil)
        #expect(FundAccount(year: 2026, source: .other, allocatedFen: -1, reservedFen: 0, paidFen: 0, recoveredFen: 0, clawbackDueFen: 0) == nil)
        #expect(FundAccount(year: 2026, source: .other, allocatedFen: 0, reservedFen: .max, paidFen: .max, recoveredFen: 0, clawbackDueFen: 0) == nil)
    }

    @Test func sourcesAndClaimEffects() throws {
        #expect(FundSource.allCases.map(\.rawValue) == ["unemployment_insurance_20pct", "employment_subsidy", "local_budget", "other"])
        #expect(FundSource.unemploymentInsurance20pct.label(.zh) == "失业保险基金结余 20%" && FundSource.unemploymentInsurance20pct.clause == "001 四(三)1")
        #expect(FundSource.employmentSubsidy.clause == "003 三(二)" && FundSource.parse("就业补助资金") == .employmentSubsidy)
        // Driving the account through a claim's workflow with its fund effects.
        var a = account(100)
        var s = ClaimStatus.submitted
        for (act, r) in [(ClaimAction.approve, nil), (.publishNotice, nil), (.object, "异议"), (.approve, nil), (.publishNotice, nil),
                         (.endNotice, nil), (.paymentFailed, "户名不符"), (.pay, nil), (.clawback, "骗补"), (.recover, nil)] as [(ClaimAction, String?)] {
            let t = try ClaimWorkflow.apply(act, to: s, reason: r)
            try a.apply(t.fundEffect, amountFen: 6_000)
            s = t.to
            #expect(a.reservedFen == ([.approved, .onNotice, .payable].contains(s) ? 6_000 : 0), "\(s)")
        }
        #expect(s == .recovered && a.paidFen == 6_000 && a.recoveredFen == 6_000 && a.balanceFen == 10_000)
    }

    /// Any sequence of operations, successful or refused, keeps the identity and never lets a field go negative.
    @Test func randomOperationsKeepTheBalanceIdentity() {
        var rng = SeededGenerator(seed: 2026_11_23)
        var done = [Int](repeating: 0, count: 6)
        for _ in 0..<300 {
            var a = FundAccount(year: 2026, source: .localBudget, allocatedFen: Int64.random(in: 0...1_000_000, using: &rng))
            for _ in 0..<200 {
                let amount = Int64.random(in: -10...400_000, using: &rng)
                let before = a
                let op = Int.random(in: 0..<6, using: &rng)
                do {
                    switch op {
                    case 0: try a.allocate(amount)
                    case 1: try a.reserve(amount)
                    case 2: try a.pay(amount)
                    case 3: try a.release(amount)
                    case 4: try a.recordClawback(amount)
                    default: try a.recover(amount)
                    }
                    done[op] += 1
                } catch {
                    #expect(a == before)                          // a refusal changes nothing
                }
                #expect(a.balanceFen == a.allocatedFen - a.reservedFen - a.paidFen + a.recoveredFen)
                #expect(a.reservedFen >= 0 && a.paidFen >= 0 && a.recoveredFen >= 0 && a.clawbackDueFen >= 0 && a.balanceFen >= 0)
                #expect(a.recoveredFen + a.clawbackDueFen <= a.paidFen)
            }
        }
        #expect(done.allSatisfy { $0 > 500 }, "\(done)")         // every operation really ran
    }
}
