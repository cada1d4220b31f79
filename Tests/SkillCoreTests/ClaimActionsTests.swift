import Foundation
import Testing
@testable import SkillCore

/// `ClaimWorkflow.possibleActions`: the state machine, the roles, four eyes — what the claim detail offers.
@Suite struct ClaimActionsTests {
    func actions(_ status: ClaimStatus, _ roles: Set<Role>, user: String = "u",
                 hands: [(user: String, hand: ClaimHand)] = [("clerk1", .prepared)]) -> [ClaimAction] {
        ClaimWorkflow.possibleActions(status: status, user: user, hands: hands) { Role.allows(roles, $0) }
    }

    @Test func eachStatusAndRole() {
        let expected: [(ClaimStatus, Role, [ClaimAction])] = [
            (.draft, .clerk, [.submit, .withdraw]), (.returned, .clerk, [.submit, .withdraw]), (.submitted, .clerk, []),
            (.submitted, .supervisor, [.approve, .returnForCorrection, .reject]), (.onNotice, .clerk, [.object]),
            (.onNotice, .supervisor, []), (.payable, .finance, [.pay, .paymentFailed]), (.paid, .supervisor, [.clawback]),
            (.clawback, .finance, [.recover]), (.approved, .supervisor, []), (.rejected, .supervisor, []),
            (.recovered, .finance, []), (.draft, .supervisor, []), (.withdrawn, .clerk, []),
        ]
        for (status, role, want) in expected {
            #expect(actions(status, [role]) == want, "\(status) \(role)")
        }
        for status in ClaimStatus.allCases {
            #expect(actions(status, [.auditor]).isEmpty && actions(status, [.admin]).isEmpty, "\(status)")
            // Never more than the state machine allows, never an automatic step.
            for a in actions(status, Set(Role.allCases)) {
                #expect(status.after(a) != nil && !a.isAutomatic, "\(status) \(a)")
            }
        }
    }

    @Test func fourEyes() {
        let both: Set<Role> = [.clerk, .supervisor]
        #expect(actions(.submitted, both, user: "both", hands: [("both", .prepared)]).isEmpty, "the preparer does not decide")
        #expect(actions(.submitted, both, user: "both", hands: [("c", .prepared), ("both", .submitted)]).isEmpty)
        #expect(actions(.submitted, both, user: "both", hands: [("c", .prepared), ("both", .objected)]).isEmpty)
        #expect(actions(.submitted, both, user: "both", hands: [("c", .prepared), ("c", .submitted)])
                == [.approve, .returnForCorrection, .reject])
        let payer: Set<Role> = [.supervisor, .finance]
        #expect(actions(.payable, payer, user: "p", hands: [("c", .prepared), ("p", .approved)]) == [.paymentFailed],
                "whoever approved does not pay")
        #expect(actions(.payable, payer, user: "p", hands: [("c", .prepared), ("s", .approved)]) == [.pay, .paymentFailed])
    }
}

/// One claim's clawback arithmetic and a year's fund totals, in SkillCore.
@Suite struct ClaimClawbackTests {
    @Test func stillDueAndRecoveries() {
        #expect(ClaimClawback.stillDueFen(clawedBackFen: 150_000, recoveredFen: 50_000) == 100_000)
        #expect(ClaimClawback.stillDueFen(clawedBackFen: Int64.min, recoveredFen: 1) == nil, "overflow is nil, not a trap")
        #expect(ClaimClawback.recoveryProblem(amountFen: 0, stillDueFen: 100) == .notPositive)
        #expect(ClaimClawback.recoveryProblem(amountFen: -5, stillDueFen: 100) == .notPositive)
        #expect(ClaimClawback.recoveryProblem(amountFen: 1, stillDueFen: 100) == nil)
        #expect(ClaimClawback.recoveryProblem(amountFen: 100, stillDueFen: 100) == nil)
        #expect(ClaimClawback.recoveryProblem(amountFen: 101, stillDueFen: 100) == .moreThanDue)
    }

    @Test func aYearsTotalsAreTheSumOfItsAccounts() throws {
        var a = FundAccount(year: 2025, source: .employmentSubsidy, allocatedFen: 1_000_000)
        try a.reserve(300_000); try a.pay(200_000); try a.recordClawback(50_000); try a.recover(20_000)
        let b = FundAccount(year: 2025, source: .localBudget, allocatedFen: 500_000)
        let y = try FundYear(year: 2025, accounts: [a, b])
        #expect(a.balanceFen == 1_000_000 - 100_000 - 200_000 + 20_000)
        #expect(y.allocatedFen == 1_500_000 && y.reservedFen == 100_000 && y.paidFen == 200_000)
        #expect(y.recoveredFen == 20_000 && y.clawbackDueFen == 30_000)
        #expect(y.balanceFen == a.balanceFen + b.balanceFen)
        let big = try #require(FundAccount(year: 2025, source: .other, allocatedFen: Int64.max - 1, reservedFen: 0, paidFen: 0,
                                           recoveredFen: 0, clawbackDueFen: 0))
        #expect(throws: MoneyError.self) { try FundYear(year: 2025, accounts: [big, b]) }
    }
}
