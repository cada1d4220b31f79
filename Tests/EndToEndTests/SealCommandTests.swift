import Foundation
import SkillCore
import Testing

/// Issue 10, break 2, as the issue found it: a payable claim's `amount_fen` raised from 132,000
/// to 99,999,900 with the sqlite3 shell passed `audit verify`, went into the payment batch and
/// into the bank file. Now the batch leaves it out naming the field, the bank file does not carry
/// it, and `audit check` names the row (while `audit verify` — the chain — still passes: the
/// chain was not touched, the table was).
@Suite("Seals on the command line")
struct SealCommandTests {
    static func sqlite(_ db: String, _ sql: String) throws {
        let r = try Harness.runTool("/usr/bin/sqlite3", [db, sql])
        #expect(r.status == 0, "sqlite3 \(sql): \(r.stderr)")
    }

    @Test func anAmountRaisedWithSQLiteNeverReachesTheBankFile() throws {
        let w = try ClaimCLIWorld(trainees: 2, fundFen: 1_000_000)
        defer { w.cleanup() }
        #expect(try w.run("sup1", ["claim", "approve", String(w.claims[0]), String(w.claims[1])]).status == 0)
        let later = "2025-07-01"
        try Self.sqlite(w.db, "UPDATE claims SET amount_fen = 99999900 WHERE id = \(w.claims[0])")
        #expect(try w.run("boss", ["audit", "verify"]).status == 0)
        let check = try w.run("boss", ["audit", "check"])
        #expect(check.status == 65 && check.stdout.contains("claims \(w.claims[0]): amount_fen: audited 150000, stored 99999900"), "\(check.stdout)")
        let b = try w.run("fin1", ["payment", "batch", "--json"], today: later)
        #expect(b.status == 0, "\(b.stderr)")
        let bj = w.json(b)
        #expect(bj["count"] as? Int == 1 && bj["total_fen"] as? Int == 150_000, "\(b.stdout)")
        #expect(b.stdout.contains("amount_fen") || b.stderr.contains("amount_fen"), "\(b.stdout) \(b.stderr)")
        let out = w.dir + "/bank.csv"
        let batch = bj["batch"] as? String ?? ""
        #expect(try w.run("fin1", ["payment", "export", batch, "--format", "utf8-bom", "--out", out], today: later).status == 0)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self)
        #expect(!text.contains("999999.00") && text.contains("1500.00"), "\(text)")
        // Raised again after the batch, on both the claim and its line: the export is refused.
        let second = w.dir + "/bank2.csv"
        try Self.sqlite(w.db, "UPDATE claims SET amount_fen = 99999900 WHERE id = \(w.claims[1]); UPDATE payment_lines SET amount_fen = 99999900 WHERE claim_id = \(w.claims[1])")
        let refused = try w.run("fin1", ["payment", "export", batch, "--format", "utf8-bom", "--out", second], today: later)
        #expect(refused.status == 65 && refused.stderr.contains("claim \(w.claims[1])") && refused.stderr.contains("amount_fen"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: second))
    }

    /// Issue 11, item 3: a status planted past the CHECK with sqlite3 is not read as a guessed
    /// default: `claim show` exits 65 naming the table, the claim, the column and the value.
    @Test func anUnknownStoredStatusIsAnErrorNamingTheClaim() throws {
        let w = try ClaimCLIWorld(trainees: 1, fundFen: 1_000_000)
        defer { w.cleanup() }
        let id = String(w.claims[0])
        #expect(try w.run("sup1", ["claim", "show", id]).status == 0)
        try Self.sqlite(w.db, "PRAGMA ignore_check_constraints = ON; UPDATE claims SET status = 'bogus' WHERE id = \(id)")
        let r = try w.run("sup1", ["claim", "show", id])
        #expect(r.status == 65, "\(r.status) \(r.stdout) \(r.stderr)")
        for word in ["claims", id, "status", "bogus"] { #expect(r.stderr.contains(word), "\(r.stderr)") }
        let j = try w.run("sup1", ["claim", "show", id, "--json"])
        #expect(j.status == 65 && j.stderr.contains("unknown_value") && j.stderr.contains("bogus"), "\(j.stderr)")
    }
}
