import Foundation
import SkillCore
import Testing

/// Issue 10, breaks 4 and 5, as an attacker or a careless operator meets them from the command line:
/// no value or stored row makes the program trap, and no control character reaches the terminal.
@Suite("Trust (issue 10): values and text", .serialized)
struct HostileInputTests {
    /// A demo database (one user per role) in a fresh folder.
    struct World {
        let dir: String
        let db: String
        init() throws {
            dir = Harness.tempDir()
            db = dir + "/demo.sqlite"
            let created = try Harness.run(["demo", "--db", db, "--no-tui", "--lang", "en"])
            #expect(created.status == 0, "demo failed: \(created.stderr)")
        }
        static let passwords = ["admin": "admin-demo-1", "clerk1": "clerk1-demo", "sup1": "sup1-demo-1", "fin1": "fin1-demo-1"]

        @discardableResult
        func run(_ user: String, _ args: [String], env: [String: String] = [:], lang: String = "en") throws -> Harness.Result {
            var e = env
            e["SKILLDESK_PASSWORD"] = Self.passwords[user]
            return try Harness.run(args + ["--db", db, "--user", user, "--lang", lang], env: e)
        }

        /// The sqlite3 shell, as an insider would use it.
        func sql(_ statement: String) throws -> String {
            let r = try Harness.runTool("/usr/bin/sqlite3", [db, statement])
            #expect(r.status == 0, "sqlite3: \(r.stderr)")
            return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = dir + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }

        func remove() { try? FileManager.default.removeItem(atPath: dir) }

        /// Up to two claims of the demo's completed class made payable the way the program does it
        /// (submitted by the clerk, approved by the supervisor, the notice run out, a bank account on
        /// record) — a claim set payable with sqlite3 is left out of every batch by its seal. Returns
        /// the environment whose business date is past the notice.
        @discardableResult
        func payableClaims() throws -> [String: String] {
            _ = try run("clerk1", ["claim", "new", "--class", "2", "--kind", "training"])
            let ids = try sql("SELECT id FROM claims WHERE status = 'draft' ORDER BY id LIMIT 2").split(separator: "\n").map(String.init)
            for id in ids { try run("clerk1", ["claim", "submit", id]) }
            let submitted = try sql("SELECT id FROM claims WHERE status = 'submitted' ORDER BY id").split(separator: "\n").map(String.init)
            #expect(!submitted.isEmpty, "no claim of the demo class could be submitted")
            // One at a time: a claim with a warning (the demo's shared certificate number) is left
            // alone by a batch approval, and one approved claim is enough.
            for id in submitted { try run("sup1", ["claim", "approve", id]) }
            #expect(try sql("SELECT count(*) FROM claims WHERE status = 'on_notice'") != "0", "no claim was approved")
            for worker in try sql("SELECT worker_id FROM claims WHERE status = 'on_notice'").split(separator: "\n") {
                let r = try run("clerk1", ["worker", "update", String(worker), "--bank-account", "1101000000001234"])
                #expect(r.status == 0, "\(r.stderr)")
            }
            let later = try sql("SELECT date('now', '+8 hours', '+30 days')")
            return ["SKILLDESK_TODAY": later]
        }
    }

    /// Exit 65 with a message, never a trap (-1 = killed by a signal, 132/134 = the Swift trap's exit).
    static func refused(_ r: Harness.Result, _ words: [String], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 65, "\(what): exit \(r.status), stderr \(r.stderr.prefix(400))", sourceLocation: sourceLocation)
        for w in words {
            #expect(r.stderr.contains(w), "\(what): the message does not say \(w): \(r.stderr.prefix(400))", sourceLocation: sourceLocation)
        }
    }

    // MARK: break 4 — values

    /// `fund allocate --amount-fen Int64.max` was accepted and every `fund show` of the year then
    /// died with "arithmetic overflow". Now: refused naming the ceiling; and a stored amount raised to
    /// Int64.max with sqlite3 makes `fund show` refuse with a message (exit 65), not trap.
    @Test func fundAmountsHaveACeilingAndStoredTotalsNeverTrap() throws {
        let w = try World()
        defer { w.remove() }
        let max = String(Int64.max)
        let huge = try w.run("admin", ["fund", "allocate", "--year", "2030", "--source", "local_budget", "--amount-fen", max])
        Self.refused(huge, ["ceiling", "¥1,000,000,000.00"], "allocate Int64.max")
        #expect(try w.sql("SELECT count(*) FROM fund_accounts WHERE year = 2030") == "0")
        let show = try w.run("admin", ["fund", "show", "--year", "2030"])
        #expect(show.status == 0, "\(show.stderr)")

        for source in ["local_budget", "other"] {
            let ok = try w.run("admin", ["fund", "allocate", "--year", "2030", "--source", source, "--amount-fen", "10000"])
            #expect(ok.status == 0, "\(ok.stderr)")
        }
        // An account's total has its own ceiling: many allocations cannot add up past it.
        _ = try w.sql("UPDATE fund_accounts SET allocated_fen = 999999999999 WHERE year = 2030 AND source = 'other'")
        let over = try w.run("admin", ["fund", "allocate", "--year", "2030", "--source", "other", "--amount-fen", "100"])
        Self.refused(over, ["ceiling"], "allocation past the account ceiling")

        // Raised behind the program's back: the year's total no longer fits Int64.
        _ = try w.sql("UPDATE fund_accounts SET allocated_fen = \(max) WHERE year = 2030 AND source = 'local_budget'")
        for args in [["fund", "show", "--year", "2030"], ["fund", "show", "--year", "2030", "--json"]] {
            let r = try w.run("admin", args)
            Self.refused(r, ["audit verify"], args.joined(separator: " "))
        }
    }

    /// A claim amount raised to Int64.max with sqlite3 must not trap the payment preview or the
    /// claim queue's totals: SQLite's SUM overflows, and that is a clear refusal.
    @Test func storedClaimAmountAtInt64MaxIsAClearError() throws {
        let w = try World()
        defer { w.remove() }
        let later = try w.payableClaims()
        _ = try w.sql("UPDATE claims SET amount_fen = \(Int64.max) WHERE status = 'on_notice'")
        let batches = try w.sql("SELECT count(*) FROM payment_batches")
        // The seal catches the raised amount before anything is added up (issue 10, break 2): every
        // claim is left out by name and field, and no batch is made.
        for args in [["payment", "batch"], ["payment", "batch", "--json"]] {
            let r = try w.run("fin1", args, env: later)
            #expect(r.status == 73 && r.stderr.contains("amount_fen") && r.stderr.contains("\(Int64.max)"),
                    "\(args): exit \(r.status) \(r.stderr.prefix(400))")
        }
        #expect(try w.sql("SELECT count(*) FROM payment_batches") == batches)
    }

    /// Attendance minutes raised to Int64.max with sqlite3: showing the class, the archive and
    /// evaluating a claim count hours, and none of them may trap.
    @Test func storedMinutesAtInt64MaxNeverTrap() throws {
        let w = try World()
        defer { w.remove() }
        let worker = try w.sql("SELECT worker_id FROM attendance WHERE class_id = 2 LIMIT 1")
        _ = try w.sql("UPDATE attendance SET classroom_minutes = \(Int64.max), online_minutes = \(Int64.max) WHERE worker_id = '\(worker)'")
        for (user, args) in [("clerk1", ["class", "show", "2"]), ("clerk1", ["worker", "archive", worker]),
                             ("clerk1", ["claim", "evaluate", "--worker", worker, "--kind", "training", "--class", "2"]),
                             ("clerk1", ["attend", "set", "2", "--id", worker, "--date", try w.sql("SELECT start_date FROM classes WHERE id = 2"), "--hours", "1"])] {
            let r = try w.run(user, args)
            #expect(r.status != -1 && r.status != 132 && r.status != 134 && r.status != 70,
                    "\(args.joined(separator: " ")): exit \(r.status) \(r.stderr.prefix(300))")
        }
    }

    /// `SKILLDESK_TODAY=9999-12-31` made `claim approve` die with "date out of range": now refused at
    /// open (nothing done), naming the range.
    @Test func businessDateOutsideTheCalendarIsRefusedAtOpen() throws {
        let w = try World()
        defer { w.remove() }
        let before = try w.sql("SELECT count(*) FROM audit WHERE action <> 'login'")
        for day in ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"] {
            let approve = try w.run("sup1", ["claim", "approve", "1"], env: ["SKILLDESK_TODAY": day])
            Self.refused(approve, ["2199-12-31"], "SKILLDESK_TODAY=\(day)")
        }
        #expect(try w.sql("SELECT count(*) FROM audit WHERE action <> 'login'") == before)
        let fine = try w.run("sup1", ["claim", "list"], env: ["SKILLDESK_TODAY": "2199-12-31"])
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    /// Implausible values are refused and leave the data as it was: an occupation standard of
    /// Int64.max fen, a certificate dated in the future, a class running to 9999-12-31, reasons and
    /// issuers of 100,000 characters.
    @Test func implausibleValuesAreRefused() throws {
        let w = try World()
        defer { w.remove() }
        let worker = try w.sql("SELECT id FROM workers ORDER BY id LIMIT 1")
        let inst = try w.sql("SELECT code FROM institutions WHERE status = 'active' ORDER BY code LIMIT 1")
        let counts = "SELECT (SELECT count(*) FROM occupations), (SELECT count(*) FROM certificates), (SELECT count(*) FROM classes), (SELECT count(*) FROM audit WHERE action <> 'login')"
        let before = try w.sql(counts)

        let standard = try w.run("admin", ["occupation", "add", "--code", "6-18-02-04", "--name", "焊工",
                                           "--level", "L4:\(Int64.max):120"])
        Self.refused(standard, ["ceiling", "¥100,000.00"], "standard of Int64.max fen")
        let future = try w.run("clerk1", ["cert", "add", "--worker", worker, "--type", "skill_level", "--number", "S2025-1",
                                          "--occupation", "6-31-01-03", "--level", "L4", "--date", "9999-12-31"])
        Self.refused(future, ["9999-12-31"], "certificate dated 9999-12-31")
        let tomorrow = try w.run("clerk1", ["cert", "add", "--worker", worker, "--type", "skill_level", "--number", "S2025-2",
                                            "--occupation", "6-31-01-03", "--level", "L4", "--date", "2199-12-31"])
        Self.refused(tomorrow, ["after today"], "certificate dated after today")
        let longClass = try w.run("clerk1", ["class", "add", "--institution", inst, "--occupation", "6-31-01-03", "--level", "L4",
                                             "--type", "upgrading", "--start", "2025-03-01", "--end", "9999-12-31", "--hours", "120"])
        Self.refused(longClass, ["9999-12-31"], "class to 9999-12-31")
        let threeYears = try w.run("clerk1", ["class", "add", "--institution", inst, "--occupation", "6-31-01-03", "--level", "L4",
                                              "--type", "upgrading", "--start", "2025-03-01", "--end", "2028-03-01", "--hours", "120"])
        Self.refused(threeYears, ["731"], "class of three years")
        // ASCII: one argument may hold at most 128 KiB (MAX_ARG_STRLEN).
        let long = String(repeating: "x", count: 100_000)
        let issuer = try w.run("clerk1", ["cert", "add", "--worker", worker, "--type", "skill_level", "--number", "S2025-3",
                                          "--occupation", "6-31-01-03", "--level", "L4", "--date", "2025-01-02", "--issuer", long])
        Self.refused(issuer, ["100000 characters"], "issuer of 100,000 characters")
        let reason = try w.run("admin", ["institution", "suspend", inst, "--reason", long])
        Self.refused(reason, ["100000 characters"], "reason of 100,000 characters")
        let claimReason = try w.run("sup1", ["claim", "reject", "1", "--code", "other", "--reason", long])
        #expect(claimReason.status == 65 || claimReason.status == 66 || claimReason.status == 73, "\(claimReason.stderr.prefix(300))")
        let after = try w.sql(counts)
        #expect(after == before, "occupations|certificates|classes|audit rows: \(before) → \(after)")
    }

    /// A NUL in a CSV field was stored and cut the name short when read back. Now every import
    /// refuses the row with its line number and says why.
    @Test func aNULInACSVFieldIsRefusedWithItsLine() throws {
        let w = try World()
        defer { w.remove() }
        let first17 = "91320100MA1X2Y3N4"
        let code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        var bytes = Array("code,name,kind,grade,may_train\n".utf8)
        bytes += Array("\(code),南京".utf8) + [0] + Array("某培训学校,private_school,B,\n".utf8)
        let path = try w.file("inst.csv", bytes)
        let r = try w.run("admin", ["institution", "import", path])
        #expect(r.status == 65, "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("line 2") && r.stdout.contains("NUL"), "\(r.stdout)")
        #expect(try w.sql("SELECT count(*) FROM institutions WHERE code = '\(code)'") == "0")

        var workers = Array("id,name\n".utf8)
        workers += Array("110101199003077777,张".utf8) + [0] + Array("三\n".utf8)
        let wr = try w.run("clerk1", ["worker", "import", try w.file("workers.csv", workers)])
        #expect(wr.status == 65 && wr.stdout.contains("line 2"), "\(wr.stdout) \(wr.stderr)")
    }

    // MARK: break 5 — text

    /// What an attacker types or puts in a file: ESC sequences (clear screen, colour), BEL, CR,
    /// a C1 CSI, DEL, a right-to-left override and zero-width characters.
    static let hostile = "A\u{1B}[2J\u{1B}]0;pwned\u{07}B\r\u{9B}31mC\u{7F}\u{202E}D\u{200B}\u{2066}E\u{FEFF}"

    /// Every byte of every output: nothing `UnsafeText` forbids except the line feed that ends lines.
    static func scan(_ r: Harness.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (stream, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
            #expect(!text.utf8.contains(0x1B), "\(what): ESC on \(stream): \(text.debugDescription.prefix(300))",
                    sourceLocation: sourceLocation)
            let bad = text.unicodeScalars.filter { $0 != "\n" && UnsafeText.isForbidden($0) }
            #expect(bad.isEmpty, "\(what): \(bad.map { String($0.value, radix: 16) }) on \(stream): \(text.debugDescription.prefix(300))",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func hostileTextNeverReachesTheTerminal() throws {
        let w = try World()
        defer { w.remove() }
        let h = Self.hostile
        // A real batch, so that `payment reconcile` reads the bank's lines and reports on each.
        let later = try w.payableClaims()
        let made = try w.run("fin1", ["payment", "batch"], env: later)
        #expect(made.status == 0, "\(made.stderr)")
        let batch = try w.sql("SELECT id FROM payment_batches ORDER BY id LIMIT 1")
        let number = try w.sql("SELECT 'SD-' || claim_year || '-' || printf('%06d', id) FROM claims ORDER BY id LIMIT 1")
        let worker = try w.sql("SELECT id FROM workers ORDER BY id LIMIT 1")
        let inst = try w.sql("SELECT code FROM institutions WHERE status = 'active' ORDER BY code LIMIT 1")
        let inst2 = try w.sql("SELECT code FROM institutions WHERE status = 'active' ORDER BY code DESC LIMIT 1")
        let first17 = "91320100MA1X2Y3N4"
        let newCode = first17 + String(CreditCode.checkCharacter(for: first17)!)
        let today = try w.sql("SELECT date('now', '+8 hours')")

        // Every command that takes text, in both languages and with --json where it has it.
        var runs: [(String, [String], [String: String])] = [
            ("clerk1", ["worker", "add", "--id", "110101199003077777", "--name", h], [:]),
            ("clerk1", ["worker", "add", "--id", "110101199003077777", "--name", "张三", "--residence", h, "--employer", h], [:]),
            ("clerk1", ["worker", "list", "--search", h], [:]),
            ("clerk1", ["worker", "show", h], [:]),
            ("clerk1", ["worker", "update", worker, "--bank-account", h], [:]),
            ("admin", ["institution", "add", "--code", newCode, "--name", h, "--kind", "private_school"], [:]),
            ("admin", ["institution", "add", "--code", h, "--name", "x", "--kind", h], [:]),
            ("admin", ["institution", "show", h], [:]),
            ("admin", ["institution", "suspend", inst, "--reason", h], [:]),
            ("admin", ["institution", "disqualify", inst2, "--reason", h], [:]),
            ("admin", ["institution", "list"], [:]),
            ("admin", ["occupation", "add", "--code", "6-18-02-04", "--name", h, "--level", "L4:1000:10"], [:]),
            ("admin", ["occupation", "add", "--code", h, "--name", "x", "--level", h], [:]),
            ("admin", ["occupation", "show", h], [:]),
            ("clerk1", ["cert", "add", "--worker", worker, "--type", "skill_level", "--number", h, "--occupation", "6-31-01-03",
                        "--level", "L4", "--date", today], [:]),
            ("clerk1", ["cert", "add", "--worker", worker, "--type", "skill_level", "--number", "S-H-1", "--occupation", "6-31-01-03",
                        "--level", "L4", "--date", today, "--issuer", h], [:]),
            ("clerk1", ["cert", "add", "--worker", h, "--type", h, "--number", "S-H-2", "--occupation", h, "--date", h], [:]),
            ("clerk1", ["cert", "list"], [:]),
            ("clerk1", ["cert", "show", h], [:]),
            ("clerk1", ["class", "add", "--institution", h, "--occupation", h, "--level", h, "--type", h, "--start", h, "--end", h,
                        "--hours", h], [:]),
            ("clerk1", ["claim", "object", "1", "--reason", h], [:]),
            ("sup1", ["claim", "reject", "1", "--code", "other", "--reason", h], [:]),
            ("sup1", ["claim", "return", "1", "--reason", h], [:]),
            ("sup1", ["claim", "clawback", "1", "--reason", h], [:]),
            ("fin1", ["claim", "recover", "1", "--note", h], [:]),
            ("clerk1", ["payee", "set", "--code", inst, "--name", h, "--account", "622202123456789012"], [:]),
            ("clerk1", ["payee", "set", "--code", h, "--name", "x", "--account", h], [:]),
            ("admin", ["calendar", "set", "2025-10-08", "--kind", "holiday", "--name", h], [:]),
            ("admin", ["calendar", "set", h, "--kind", h], [:]),
            ("admin", ["calendar", "list", "--year", "2025"], [:]),
            ("admin", ["fund", "allocate", "--year", h, "--source", h, "--amount-fen", h], [:]),
            ("admin", ["user", "add", "--name", h, "--role", "clerk"], [:]),
            ("admin", ["policy", "use", h], [:]),
            ("admin", ["policy", "show", h], [:]),
            ("sup1", ["claim", "list", "--status", h], [:]),
            ("sup1", ["claim", "list"], ["SKILLDESK_TODAY": h]),
            ("sup1", ["audit", "show", h, h], [:]),
            ("sup1", [h], [:]),
            ("sup1", ["claim", "list", h], [:]),
        ]
        // Files: every import and the bank's result file, each line hostile, plus a NUL.
        let csvLine = "\"\(h)\",\"\(h)\",\"\(h)\",\"\(h)\",\"\(h)\""
        func csv(_ header: String) throws -> String {
            try w.file(UUID().uuidString + ".csv", Array("\(header)\n\(csvLine)\n\(csvLine)".utf8) + [0] + Array("\n".utf8))
        }
        runs += [
            ("clerk1", ["worker", "import", try csv("id,name,phone,residence,employer")], [:]),
            ("admin", ["institution", "import", try csv("code,name,kind,grade,may_train")], [:]),
            ("admin", ["occupation", "import", try csv("code,name,level,standard_fen,hours")], [:]),
            ("clerk1", ["attend", "import", try csv("class,worker,date,classroom_minutes,online_minutes")], [:]),
            ("fin1", ["payment", "reconcile", "B-\(h)", try csv("claim_no,status,amount,reason")], [:]),
            ("fin1", ["payment", "reconcile", batch, try w.file("bank2.csv", Array("claim_no,status,amount,reason\r\n\(number),failed,1.00,\(h)\r\nSD-\(h),paid,\(h),x\r\n\(number),\(h),1.00,\(h)\r\n".utf8))], [:]),
            ("fin1", ["payment", "reconcile", "B-1", try w.file("bank.csv", Array("claim_no,status,amount,reason\n\(h),failed,1.00,\(h)\n2025-\(h),paid,\(h),x\n".utf8))], [:]),
        ]
        // Stored behind the program's back: names and numbers with control characters in the tables.
        _ = try w.sql("UPDATE certificates SET number = 'N' || char(27) || '[2J' || char(7) || char(13) || char(8238) || char(155) WHERE id IN (SELECT id FROM certificates LIMIT 1)")
        _ = try w.sql("UPDATE institutions SET name = 'I' || char(27) || ']0;x' || char(7) || char(8203) WHERE code = '\(inst)'")
        _ = try w.sql("UPDATE workers SET name = 'W' || char(27) || '[31m' || char(13) WHERE id = '\(worker)'")
        runs += [
            ("clerk1", ["cert", "list"], [:]), ("clerk1", ["cert", "list", "--json"], [:]),
            ("admin", ["institution", "list"], [:]), ("admin", ["institution", "list", "--json"], [:]),
            ("admin", ["institution", "show", inst, "--json"], [:]),
            ("clerk1", ["worker", "show", worker], [:]), ("clerk1", ["worker", "list", "--json"], [:]),
            ("clerk1", ["worker", "archive", worker], [:]),
            ("sup1", ["claim", "list", "--status", "all"], [:]),
            ("sup1", ["audit", "show", "institution", inst], [:]),
        ]
        for (user, args, env) in runs {
            for lang in ["en", "zh"] {
                for json in [false, true] {
                    let r = try w.run(user, args + (json ? ["--json"] : []), env: env, lang: lang)
                    #expect(r.status != -1 && r.status != 132 && r.status != 134, "\(args.first ?? "") trapped")
                    Self.scan(r, "\(user) \(args.prefix(2).joined(separator: " ")) [\(lang)\(json ? " json" : "")]")
                }
            }
        }
        // Nothing hostile was stored by the commands themselves (the rows planted above aside).
        let stored = try w.sql("SELECT count(*) FROM institutions WHERE name LIKE '%' || char(27) || '%' AND code <> '\(inst)'")
        #expect(stored == "0")
        let reasons = try w.sql("SELECT count(*) FROM institutions WHERE status_reason LIKE '%' || char(27) || '%'")
        #expect(reasons == "0")
    }

    /// `--json` keeps the data and stays valid JSON, but writes C1, bidi and zero-width characters as
    /// \uXXXX (JSONSerialization escapes only C0).
    @Test func jsonEscapesWhatATerminalWouldActOn() throws {
        let w = try World()
        defer { w.remove() }
        let inst = try w.sql("SELECT code FROM institutions ORDER BY code LIMIT 1")
        _ = try w.sql("UPDATE institutions SET name = 'X' || char(155) || char(8238) || char(8203) || 'Y' WHERE code = '\(inst)'")
        let r = try w.run("admin", ["institution", "show", inst, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        Self.scan(r, "institution show --json")
        #expect(r.stdout.contains("\\u009b") && r.stdout.contains("\\u202e"), "\(r.stdout)")
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(obj?["name"] as? String == "X\u{9B}\u{202E}\u{200B}Y")
    }
}
