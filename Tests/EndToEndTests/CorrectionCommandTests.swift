import Foundation
import SkillCore
import SkillDesk
import DeskTestSupport
import Testing

/// `claim withdraw`, `cert update`, `cert void` (issue 12, "Correcting mistakes") through the binary.
@Suite("Correcting mistakes: claim withdraw, cert update, cert void")
struct CorrectionCommandTests {
    @Test func withdrawFreesTheWorkersPlaceAndCertUpdateAndVoidAreGuarded() throws {
        // Two trainees with submitted claims, a third with a certificate and no claim.
        let w = try ClaimCLIWorld(trainees: 3, fundFen: 1_000_000, unclaimed: 1)
        defer { w.cleanup() }
        let submitted = w.claims[0]
        // Withdraw: a submitted claim is refused (73); the reason is required (64, missing option).
        let refused = try w.run("ann", ["claim", "withdraw", String(submitted), "--reason", "x"])
        #expect(refused.status == 73 && refused.stderr.contains("cannot withdraw"), "\(refused.stderr)")
        #expect(try w.run("ann", ["claim", "withdraw", String(submitted)]).status == 64)
        // Returned, then withdrawn by the clerk with a reason (blank: 65).
        #expect(try w.run("sup1", ["claim", "return", String(submitted), "--reason", "证书号有误"]).status == 0)
        #expect(try w.run("ann", ["claim", "withdraw", String(submitted), "--reason", "  "]).status == 65)
        #expect(try w.run("sup1", ["claim", "withdraw", String(submitted), "--reason", "x"]).status == 77)
        let wd = try w.run("ann", ["claim", "withdraw", String(submitted), "--reason", "证书号录错，重新申请", "--json"])
        #expect(wd.status == 0, "\(wd.stderr)")
        #expect(w.json(wd)["status"] as? String == "withdrawn" && w.json(wd)["reason"] as? String == "证书号录错，重新申请")
        let shown = w.json(try w.run("ann", ["claim", "show", String(submitted), "--json"]))
        #expect((shown["history"] as? [[String: Any]])?.map { $0["action"] as? String ?? "" }
                == ["claim.create", "claim.submit", "claim.return", "claim.withdraw"])

        // The certificate it rested on is corrected (its claim is withdrawn: nothing to refuse).
        let list = try w.run("ann", ["cert", "list", "--worker", w.workers[0], "--json"])
        let certs = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        let certID = certs.first?["id"] as? Int ?? 0
        #expect(certs.count == 1 && certs.first?["number"] as? String == "S-0")
        let up = try w.run("ann", ["cert", "update", String(certID), "--number", "S-0-OK", "--date", "2025-04-02", "--json"])
        #expect(up.status == 0, "\(up.stderr)")
        #expect(w.json(up)["number"] as? String == "S-0-OK" && w.json(up)["issue_date"] as? String == "2025-04-02"
                && w.json(up)["level"] as? String == "L4")
        // The same validator: a date after the business date is refused, nothing changed.
        let future = try w.run("ann", ["cert", "update", String(certID), "--date", "2025-07-01"])
        #expect(future.status == 65, "\(future.stderr)")
        // A new claim on the same class is prepared and submitted: the place was freed.
        let again = try w.run("ann", ["claim", "new", "--worker", w.workers[0], "--kind", "training", "--class", "1", "--json"])
        #expect(again.status == 0, "\(again.stderr)")
        let newID = w.json(again)["id"] as? Int ?? 0
        #expect(try w.run("ann", ["claim", "submit", String(newID)]).status == 0)

        // Approved: the certificate under it is refused, naming the claim and what to do.
        #expect(try w.run("sup1", ["claim", "approve", String(newID)]).status == 0)
        let number = ClaimNumber.format(year: 2025, serial: newID)
        let locked = try w.run("ann", ["cert", "update", String(certID), "--number", "S-0-X"])
        #expect(locked.status == 73 && locked.stderr.contains("claim \(number), which is on notice"), "\(locked.stderr)")
        let lockedVoid = try w.run("ann", ["cert", "void", String(certID), "--reason", "x"])
        #expect(lockedVoid.status == 73 && lockedVoid.stderr.contains(number), "\(lockedVoid.stderr)")

        // Void: the unclaimed trainee's certificate backs no new claim afterwards.
        let third = w.workers[2]
        let thirdCerts = try JSONSerialization.jsonObject(with: Data(try w.run("ann", ["cert", "list", "--worker", third, "--json"]).stdout.utf8)) as? [[String: Any]] ?? []
        let thirdCert = thirdCerts.first?["id"] as? Int ?? 0
        let before = try w.run("ann", ["claim", "evaluate", "--worker", third, "--kind", "training", "--class", "1", "--json"])
        #expect(w.json(before)["eligible"] as? Bool == true, "\(before.stdout)")
        #expect(try w.run("ann", ["cert", "void", String(thirdCert), "--reason", " "]).status == 65)
        let v = try w.run("ann", ["cert", "void", String(thirdCert), "--reason", "发证机构通知证书无效", "--json"])
        #expect(v.status == 0 && w.json(v)["voided_by"] as? String == "ann", "\(v.stderr)")
        let after = try w.run("ann", ["claim", "evaluate", "--worker", third, "--kind", "training", "--class", "1", "--json"])
        #expect(w.json(after)["eligible"] as? Bool == false, "\(after.stdout)")
        #expect(try w.run("ann", ["cert", "list", "--worker", third]).stdout.contains("void"))
        // The trail and the tables agree.
        let check = try w.run("boss", ["audit", "check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
