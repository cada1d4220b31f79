import Foundation
import SkillCore
import SkillDesk
import DeskTestSupport
import Testing

/// Issue 12: every claim command takes the number the screens, notices and bank files show
/// (`SD-2025-000001`) as well as the serial; a wrong form says what is right.
@Suite("Claim numbers on the command line")
struct ClaimNumberCommandTests {
    @Test func numbersWorkWhereverSerialsDo() throws {
        let w = try ClaimCLIWorld(trainees: 3, fundFen: 1_000_000)
        defer { w.cleanup() }
        let number = w.claims.map { ClaimNumber.format(year: 2025, serial: Int($0)) }
        // show, by number (any case) and by serial.
        for form in [number[0], number[0].lowercased(), String(w.claims[0]), "#\(w.claims[0])"] {
            let s = try w.run("sup1", ["claim", "show", form, "--json"])
            #expect(s.status == 0, "\(form): \(s.stderr)")
            #expect(w.json(s)["id"] as? Int == Int(w.claims[0]), "\(form)")
        }
        // The right serial in the wrong year: 66, naming the number as typed.
        let wrongYear = ClaimNumber.format(year: 2024, serial: Int(w.claims[0]))
        let y = try w.run("sup1", ["claim", "show", wrongYear])
        #expect(y.status == 66 && y.stderr.contains("no claim \(wrongYear); check the claim number (SD-year-serial)"), "\(y.stderr)")
        // Not a claim number at all: 64, with both right forms.
        for bad in ["claim4", "SD-25-000001", "0"] {
            let r = try w.run("sup1", ["claim", "show", bad])
            #expect(r.status == 64, "\(bad): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("'\(bad)' is not a claim number (SD-year-serial, or the serial); use one of SD-2026-000123, 123"),
                    "\(bad): \(r.stderr)")
        }
        let zh = try Harness.run(["claim", "show", "申请4", "--db", w.db, "--user", "sup1", "--lang", "zh"],
                                 env: ["SKILLDESK_PASSWORD": "sup1-pass-12", "SKILLDESK_TODAY": ClaimCLIWorld.today])
        #expect(zh.status == 64 && zh.stderr.contains("“申请4”不是申请编号（SD-年份-序号，或序号）"), "\(zh.stderr)")
        // The workflow steps by number: return, then approve two at once, then reject one.
        #expect(try w.run("sup1", ["claim", "return", number[0], "--reason", "补材料"]).status == 0)
        #expect(try w.run("ann", ["claim", "submit", number[0]]).status == 0)
        let both = try w.run("sup1", ["claim", "approve", number[0], String(w.claims[1])])
        #expect(both.status == 0, "\(both.stderr)")
        // The batch's report names each claim by its number, whichever form was typed (before: "done #4").
        #expect(both.stdout.split(separator: "\n").map(String.init) == ["done \(number[0])", "done \(number[1])"], "\(both.stdout)")
        let again = try w.run("sup1", ["claim", "approve", number[1], String(w.claims[0]), "--json"])  // both decided already
        #expect(again.status == 73, "\(again.stderr)")
        let skipped = (w.json(again)["skipped"] as? [[String: Any]])?.first
        #expect(skipped?["number"] as? String == number[1], "\(again.stdout) \(again.stderr)")
        #expect((skipped?["id"] as? NSNumber)?.int64Value == w.claims[1], "\(again.stdout)")
        let rej = try w.run("sup1", ["claim", "reject", number[2], "--code", "other", "--reason", "不符"])
        #expect(rej.status == 0, "\(rej.stderr)")
        for (id, status) in [(w.claims[0], "on_notice"), (w.claims[1], "on_notice"), (w.claims[2], "rejected")] {
            #expect(w.json(try w.run("sup1", ["claim", "show", String(id), "--json"]))["status"] as? String == status)
        }
    }
    /// `claim list --search` finds as the TUI's `/` does: by number, serial, ID prefix or name, in
    /// every status the user may read (a clerk: their own); rows name claims by number; a text with
    /// nothing to look for, or a queue filter beside it, is a usage error (64) saying what to give.
    @Test func claimListSearchesByNumberNameAndIDPrefix() throws {
        let w = try ClaimCLIWorld(trainees: 3, fundFen: 1_000_000)
        defer { w.cleanup() }
        let number = w.claims.map { ClaimNumber.format(year: 2025, serial: Int($0)) }
        #expect(try w.run("sup1", ["claim", "reject", number[2], "--code", "other", "--reason", "不符"]).status == 0)
        func found(_ user: String, _ args: [String]) throws -> [String] {
            let r = try w.run(user, ["claim", "list"] + args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            return r.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        }
        // By number: the one claim, whatever its status; by name: every status, 3 claims.
        #expect(try found("sup1", ["--search", number[2]]) == [number[2]])
        #expect(try found("sup1", ["--search", "欧阳"]).sorted() == number.sorted())
        #expect(try found("sup1", ["--search", "欧阳", "--status", "rejected"]) == [number[2]])
        #expect(try found("sup1", ["--search", String(w.workers[1].prefix(10))]).count == 3)
        // Rows carry the status; the queue's rows name claims by number too (not #id).
        let line = try w.run("sup1", ["claim", "list", "--search", number[2]]).stdout
        #expect(line.hasPrefix("\(number[2])  rejected  欧阳娜娜"), "\(line)")
        #expect(try found("sup1", []).sorted() == [number[0], number[1]])
        // The clerk who prepared them finds them (another clerk's are kept out: ClaimSearchTests).
        #expect(try found("ann", ["--search", "欧阳"]).count == 3)
        // Usage errors, before the database is opened.
        let nothing = try w.run("sup1", ["claim", "list", "--search", "*?"])
        #expect(nothing.status == 64 && nothing.stderr.contains("nothing to search for in '*?'"), "\(nothing.stderr)")
        let mixed = try w.run("sup1", ["claim", "list", "--search", "欧阳", "--kind", "training"])
        #expect(mixed.status == 64 && mixed.stderr.contains("it does not take --kind"), "\(mixed.stderr)")
    }
}
