import Foundation
import SkillCore
import Testing

/// `attend` edge cases as scripts meet them: clearing a day, W2 on stderr with exit 0.
@Suite("Attend command")
struct AttendCommandTests {
    static let school: String = {
        let first17 = "52320100MJ1234567"
        return first17 + String(CreditCode.checkCharacter(for: first17)!)
    }()
    static let worker = CommandLineTests.validID("32010219850612002")

    /// A database with the electrician, one school, one registered worker and `classes` running
    /// classes (2025-03-01 … 03-31) with the worker enrolled; returns the class numbers.
    static func world(classes: Int = 1) throws -> (dir: String, db: String, ids: [String]) {
        let (dir, db) = try CommandLineTests.setUp()
        #expect(try CatalogueCommandTests.addElectrician(db).status == 0)
        let inst = try CatalogueCommandTests.admin(db, ["institution", "add", "--code", school, "--name", "南京某培训学校",
                                                        "--kind", "private_school", "--may-train", "6-31-01-03:L4"])
        #expect(inst.status == 0, "\(inst.stderr)")
        #expect(try ClassCommandTests.clerk(db, ["worker", "add", "--id", worker, "--name", "欧阳娜娜"]).status == 0)
        var ids: [String] = []
        for _ in 0..<classes {
            let add = try ClassCommandTests.clerk(db, ["class", "add", "--institution", school, "--occupation", "6-31-01-03",
                                                       "--level", "L4", "--type", "employment", "--start", "2025-03-01",
                                                       "--end", "2025-03-31", "--hours", "10"])
            let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try ClassCommandTests.clerk(db, ["class", "enrol", id, worker]).status == 0)
            #expect(try ClassCommandTests.clerk(db, ["class", "start", id]).status == 0)
            ids.append(id)
        }
        return (dir, db, ids)
    }

    static func countedHours(_ db: String, _ id: String) throws -> Double? {
        let show = try ClassCommandTests.clerk(db, ["class", "show", id, "--json"])
        let obj = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        return (obj?["roster"] as? [[String: Any]])?.first?["counted_hours"] as? Double
    }

    @Test func hoursZeroClearsTheDay() throws {
        let (dir, db, ids) = try Self.world()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let id = ids[0]
        #expect(try ClassCommandTests.clerk(db, ["attend", id, "--date", "2025-03-02", "--id", Self.worker, "--hours", "6"]).status == 0)
        #expect(try ClassCommandTests.clerk(db, ["attend", id, "--date", "2025-03-03", "--id", Self.worker, "--hours", "2"]).status == 0)
        #expect(try Self.countedHours(db, id) == 8)
        let clear = try ClassCommandTests.clerk(db, ["attend", id, "--date", "2025-03-02", "--id", Self.worker, "--hours", "0", "--json"])
        #expect(clear.status == 0, "\(clear.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(clear.stdout.utf8)) as? [String: Any]
        #expect(obj?["cleared"] as? Bool == true)
        #expect(try Self.countedHours(db, id) == 2)
        let audit = try CatalogueCommandTests.admin(db, ["audit", "show", "--entity", "class", "--key", id, "--json"])
        #expect(audit.stdout.contains("attendance.clear"), "\(audit.stdout.suffix(400)) \(audit.stderr)")
    }

    /// Issue 12: more than 24 hours in a day across classes is refused (exit 65), the message naming
    /// the other class and its hours; nothing changes.
    @Test func moreThanADayIsRefusedWithExit65NamingTheOtherClass() throws {
        let (dir, db, ids) = try Self.world(classes: 2)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try ClassCommandTests.clerk(db, ["attend", ids[0], "--date", "2025-03-04", "--id", Self.worker, "--hours", "16"])
        #expect(first.status == 0 && !first.stderr.contains("W2"))
        let fits = try ClassCommandTests.clerk(db, ["attend", ids[1], "--date", "2025-03-04", "--id", Self.worker, "--hours", "8"])
        #expect(fits.status == 0 && !fits.stderr.contains("W2"), "\(fits.stderr)")
        let over = try ClassCommandTests.clerk(db, ["attend", ids[1], "--date", "2025-03-04", "--id", Self.worker,
                                                    "--hours", "8", "--online-hours", "0.5"])
        #expect(over.status == 65, "\(over.stderr)")
        #expect(over.stderr.contains("class \(ids[0]) (") && over.stderr.contains(") 16 h") && over.stderr.contains("24.5 h"), "\(over.stderr)")
        #expect(over.stderr.contains("at most 8 h"), "\(over.stderr)")
        #expect(try Self.countedHours(db, ids[1]) == 8)
    }

    @Test func importCommitsGoodRowsReportsBadOnesAndExits65() throws {
        let (dir, db, ids) = try Self.world()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let id = ids[0]
        let path = dir + "/att.csv"
        try """
            class_id,date,resident_id,hours,online_hours
            \(id),2025-03-02,\(Self.worker),6,2
            \(id),2025-03-03,\(Self.worker),0.01,
            \(id),2025-03-04,\(Self.worker),1,

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try ClassCommandTests.clerk(db, ["attend", "import", path, "--encoding", "utf8", "--rejects", dir + "/rej.csv", "--json"])
        #expect(r.status == 65, "\(r.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(obj?["imported"] as? Int == 2 && obj?["rejected"] as? Int == 1)
        #expect((obj?["rejects"] as? [[String: Any]])?.first?["line"] as? Int == 3)
        #expect(try Self.countedHours(db, id) == 8)  // 6 + 2 × 50% + 1
        let rejects = try String(contentsOfFile: dir + "/rej.csv", encoding: .utf8)
        #expect(rejects.contains("3,") && rejects.contains("0.01"), "\(rejects)")
        // The single-day form still works beside the subcommand.
        #expect(try ClassCommandTests.clerk(db, ["attend", id, "--date", "2025-03-05", "--id", Self.worker, "--hours", "1"]).status == 0)
        let clean = dir + "/clean.csv"
        try "class_id,date,resident_id,hours\n\(id),2025-03-06,\(Self.worker),1\n".write(toFile: clean, atomically: true, encoding: .utf8)
        let ok = try ClassCommandTests.clerk(db, ["attend", "import", clean])
        #expect(ok.status == 0 && ok.stdout.contains("imported 1"), "\(ok.stdout) \(ok.stderr)")
        let badEncoding = try ClassCommandTests.clerk(db, ["attend", "import", clean, "--encoding", "latin1"])
        #expect(badEncoding.status == 64)
    }
}

