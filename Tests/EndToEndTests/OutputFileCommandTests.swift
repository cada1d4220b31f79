import Foundation
import SkillCore
import SkillDesk
import Testing

/// Issue 10, break 1: no flag writes over the database, its companion files or the input; an
/// existing file is replaced only with --force; a rejects path that cannot be written is refused
/// before anything is committed; an export is audited only once its file is written.
@Suite("Output files")
struct OutputFileCommandTests {
    static func clerk(_ db: String, _ args: [String]) throws -> Harness.Result {
        try CommandLineTests.clerk(db, args + ["--lang", "en"])
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    static func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    /// The database still opens and lists its workers (a replaced one would not).
    static func workerCount(_ db: String) throws -> Int? {
        let r = try clerk(db, ["worker", "list", "--json"])
        guard r.status == 0 else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [Any])?.count
    }

    static let good = CommandLineTests.validID("32010219850612002")

    /// One good row and one bad row.
    static func workerCSV(_ dir: String) throws -> String {
        let path = dir + "/workers.csv"
        try "id,name\n\(good),欧阳娜娜\nnot-an-id,张三\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func rejectsAtTheDatabaseOrItsCompanionsOrALinkToItIsRefusedEvenWithForce() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = try Self.workerCSV(dir)
        let symlink = dir + "/looks-harmless.csv"
        try FileManager.default.createSymbolicLink(atPath: symlink, withDestinationPath: db)
        let hardlink = dir + "/also-harmless.csv"
        try FileManager.default.linkItem(atPath: db, toPath: hardlink)
        let viaDots = dir + "/./sub/../t.sqlite"
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
        // The audit anchor file and the log beside it hold what the chain is checked against.
        for target in [db, db + "-wal", db + "-shm", db + "-journal", db + ".lock", db + ".anchors", db + ".log", symlink, hardlink, viaDots] {
            for force in [false, true] {
                let r = try Self.clerk(db, ["worker", "import", csv, "--rejects", target] + (force ? ["--force"] : []))
                #expect(r.status == 73, "\(target) force=\(force): exit \(r.status) \(r.stderr)")
                #expect(r.stderr.contains("that is the database") && r.stderr.contains("choose another file"), "\(r.stderr)")
                #expect(try Self.workerCount(db) == 0, "\(target): nothing imported, the database still opens")
            }
        }
        #expect(try Self.mode(db) == 0o600)
        // Nothing left behind in the directory (no temporary files).
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test func rejectsAtTheInputFileIsRefused() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = try Self.workerCSV(dir)
        let before = Self.bytes(csv)
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
        for (target, force) in [(csv, false), (csv, true), (dir + "/sub/../workers.csv", true)] {
            let r = try Self.clerk(db, ["worker", "import", csv, "--rejects", target] + (force ? ["--force"] : []))
            #expect(r.status == 73, "exit \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("that is the input file"), "\(r.stderr)")
            #expect(Self.bytes(csv) == before)
        }
        #expect(try Self.workerCount(db) == 0)
    }

    @Test func anExistingRejectsFileIsReplacedOnlyWithForceAndIsPrivate() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = try Self.workerCSV(dir)
        let rej = dir + "/rej.csv"
        try "keep me\n".write(toFile: rej, atomically: true, encoding: .utf8)
        let refused = try Self.clerk(db, ["worker", "import", csv, "--rejects", rej])
        #expect(refused.status == 73, "exit \(refused.status) \(refused.stderr)")
        #expect(refused.stderr.contains("exists") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(Self.bytes(rej) == Data("keep me\n".utf8))
        #expect(try Self.workerCount(db) == 0)                 // refused before anything was committed
        let forced = try Self.clerk(db, ["worker", "import", csv, "--rejects", rej, "--force"])
        #expect(forced.status == 65, "\(forced.stderr)")       // a row was refused; the good one is in
        #expect(try Self.workerCount(db) == 1)
        let text = String(decoding: Self.bytes(rej) ?? Data(), as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}line,reason,id,name") && text.contains("not-an-id"), "\(text)")
        #expect(try Self.mode(rej) == 0o600)
        // A new rejects file is private too, and no temporary file is left.
        let fresh = dir + "/fresh.csv"
        #expect(try Self.clerk(db, ["worker", "import", csv, "--rejects", fresh]).status == 65)
        #expect(try Self.mode(fresh) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test func catalogueAndAttendanceImportsWithAnUnwritableRejectsPathCommitNothing() throws {
        let (dir, db, ids) = try AttendCommandTests.world()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let missing = dir + "/no-such-dir/rej.csv"
        let existing = dir + "/taken.csv"
        try "taken\n".write(toFile: existing, atomically: true, encoding: .utf8)
        /// The imports' summary audit rows (none may be written).
        func imports() throws -> String {
            try ["institution", "occupation", "attendance"].map {
                try CatalogueCommandTests.admin(db, ["audit", "show", "--entity", $0, "--key", "import", "--json"]).stdout
            }.joined()
        }
        // Institutions: one good row, one bad.
        let second17 = "52320100MJ7654321"
        let code2 = second17 + String(CreditCode.checkCharacter(for: second17)!)
        let inst = dir + "/inst.csv"
        try "code,name,kind\n\(code2),另一所学校,private_school\nbad,x,private_school\n".write(toFile: inst, atomically: true, encoding: .utf8)
        // Occupations: one good entry, one bad.
        let occ = dir + "/occ.csv"
        try "code,name,level,standard_fen,hours,from\n4-10-01-05,养老护理员,L5,90000,80,2025-01-01\n4-10-01-02,育婴员,L9,80000,80,2025-01-01\n"
            .write(toFile: occ, atomically: true, encoding: .utf8)
        // Attendance: one good row, one bad.
        let att = dir + "/att.csv"
        try "class_id,date,resident_id,hours\n\(ids[0]),2025-03-02,\(AttendCommandTests.worker),6\n\(ids[0]),2025-03-03,\(AttendCommandTests.worker),0.01\n"
            .write(toFile: att, atomically: true, encoding: .utf8)
        let hours = try AttendCommandTests.countedHours(db, ids[0])
        for target in [missing, existing] {
            let i = try CatalogueCommandTests.admin(db, ["institution", "import", inst, "--rejects", target])
            #expect(i.status == 73, "institution import → \(target): exit \(i.status) \(i.stderr)")
            #expect(try CommandLineTests.clerk(db, ["institution", "show", code2]).status == 66)
            let o = try CatalogueCommandTests.admin(db, ["occupation", "import", occ, "--rejects", target])
            #expect(o.status == 73, "occupation import → \(target): exit \(o.status) \(o.stderr)")
            #expect(try CommandLineTests.clerk(db, ["occupation", "show", "4-10-01-05"]).status == 66)
            let a = try Self.clerk(db, ["attend", "import", att, "--rejects", target])
            #expect(a.status == 73, "attend import → \(target): exit \(a.status) \(a.stderr)")
            #expect(try AttendCommandTests.countedHours(db, ids[0]) == hours)
            #expect(!(try imports()).contains(".import"), "nothing audited")
        }
        #expect(Self.bytes(existing) == Data("taken\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: dir + "/no-such-dir"))
        // The messages say what is wrong and what would be right.
        let m = try CatalogueCommandTests.admin(db, ["institution", "import", inst, "--rejects", missing])
        #expect(m.stderr.contains("does not exist") && m.stderr.contains("create it"), "\(m.stderr)")
    }

    @Test func paymentExportIsAuditedOnlyOnceItsFileIsWrittenAndNeverOverTheDatabase() throws {
        let w = try ClaimCLIWorld(trainees: 1, fundFen: 1_000_000)
        defer { w.cleanup() }
        #expect(try w.run("sup1", ["claim", "approve", String(w.claims[0])]).status == 0)
        let later = "2025-07-01"
        let batch = w.json(try w.run("fin1", ["payment", "batch", "--json"], today: later))["batch"] as? String ?? ""
        let admin = try w.desk.login(name: "boss", password: "boss-pass-1")
        func exports() throws -> Int {
            try admin.auditEntries(entity: "payment_batch", key: batch).filter { $0.action == "payment.export" }.count
        }
        // A missing directory: refused, no audit row.
        let missing = try w.run("fin1", ["payment", "export", batch, "--out", w.dir + "/nope/bank.csv", "--lang", "en"], today: later)
        #expect(missing.status == 73, "exit \(missing.status) \(missing.stderr)")
        #expect(try exports() == 0)
        // The database, even with --force: refused, the database intact.
        for force in [false, true] {
            let r = try w.run("fin1", ["payment", "export", batch, "--out", w.db, "--lang", "en"] + (force ? ["--force"] : []), today: later)
            #expect(r.status == 73 && r.stderr.contains("that is the database"), "exit \(r.status) \(r.stderr)")
        }
        #expect(try exports() == 0)
        #expect(try w.run("fin1", ["claim", "show", String(w.claims[0])], today: later).status == 0)
        // Written, private, audited once; an existing file only with --force.
        let out = w.dir + "/bank.csv"
        #expect(try w.run("fin1", ["payment", "export", batch, "--out", out], today: later).status == 0)
        #expect(try Self.mode(out) == 0o600)
        #expect(try exports() == 1)
        try "old\n".write(toFile: out, atomically: true, encoding: .utf8)
        let again = try w.run("fin1", ["payment", "export", batch, "--out", out, "--lang", "en"], today: later)
        #expect(again.status == 73 && again.stderr.contains("--force"), "exit \(again.status) \(again.stderr)")
        #expect(Self.bytes(out) == Data("old\n".utf8))
        #expect(try exports() == 1)
        let forced = try w.run("fin1", ["payment", "export", batch, "--out", out, "--force"], today: later)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(String(decoding: Self.bytes(out) ?? Data(), as: UTF8.self).hasPrefix("\u{FEFF}批次号"))
        #expect(try Self.mode(out) == 0o600)
        #expect(try exports() == 2)
    }
}
