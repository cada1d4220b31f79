import Foundation
import SkillCore
import SkillDesk
import Testing

/// Issue 10, break 8 at the command line: exit 77 for a decision by someone who resubmitted or
/// objected to the claim, and for a payment batch holding only the user's own approvals.
@Suite("Command line: four eyes")
struct FourEyesCommandTests {
    @Test func decidingOrBatchingOnesOwnHandIsRefusedWith77() throws {
        let w = try ClaimCLIWorld(trainees: 2, fundFen: 1_000_000)
        defer { w.cleanup() }
        let a = w.claims[0], b = w.claims[1]
        // `both` (clerk + supervisor) resubmits a returned claim, then tries to decide it.
        #expect(try w.run("sup1", ["claim", "return", String(a), "--reason", "补充材料"]).status == 0)
        #expect(try w.run("both", ["claim", "submit", String(a)]).status == 0)
        for args in [["claim", "approve", String(a)], ["claim", "reject", String(a), "--code", "duplicate", "--reason", "重复"]] {
            let r = try w.run("both", args + ["--json"])
            #expect(r.status == 77, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("\"code\":\"maker_checker\""), "\(r.stderr)")
            #expect(r.stderr.contains("submitted claim \(a)"), "\(r.stderr)")
        }
        #expect(w.json(try w.run("boss", ["claim", "show", String(a), "--json"]))["status"] as? String == "submitted")

        // A supervisor who is also finance approves b and may not batch it.
        let admin = try w.desk.login(name: "boss", password: "boss-pass-1")
        try admin.addUser(name: "supfin", roles: [.supervisor, .finance], password: "supfin-pass-12")
        #expect(try w.run("supfin", ["claim", "approve", String(b)]).status == 0)
        let later = "2025-07-01"
        let batch = try w.run("supfin", ["payment", "batch"], today: later)
        #expect(batch.status == 77, "\(batch.status) \(batch.stdout) \(batch.stderr)")
        #expect(batch.stderr.contains("approved claim \(b)"), "\(batch.stderr)")
        #expect(try w.run("fin1", ["payment", "batch", "--json"], today: later).status == 0)
    }
}
