import Foundation
import SkillCore
import Testing

/// `occupation` and `institution` as scripts use them: exit codes, --json shapes, refusals.
@Suite("Catalogue commands")
struct CatalogueCommandTests {
    static func admin(_ db: String, _ args: [String]) throws -> Harness.Result {
        try Harness.run(args + ["--db", db, "--user", "boss", "--lang", "en"], env: ["SKILLDESK_PASSWORD": "boss-pass-1"])
    }

    static func addElectrician(_ db: String) throws -> Harness.Result {
        try admin(db, ["occupation", "add", "--code", "6-31-01-03", "--name", "电工", "--subsidised", "--access-controlled",
                       "--tier", "2", "--level", "L4:150000:120", "--level", "初级工:80000:80", "--from", "2025-01-01", "--json"])
    }

    @Test func occupationAddShowAndRefusals() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let add = try Self.addElectrician(db)
        #expect(add.status == 0, "\(add.stderr)")
        let show = try CommandLineTests.clerk(db, ["occupation", "show", "6-31-01-03", "--as-of", "2025-06-01", "--json"])
        #expect(show.status == 0, "\(show.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        #expect(Set(obj?.keys.map { $0 } ?? []) == ["code", "name", "subsidised", "shortage", "access_controlled", "tier", "from", "to", "levels"])
        #expect(obj?["access_controlled"] as? Bool == true && obj?["from"] as? String == "2025-01-01" && obj?["to"] is NSNull)
        let levels = obj?["levels"] as? [[String: Any]]
        #expect(levels?.map { $0["level"] as? String } == ["L5", "L4"])
        #expect(levels?.last?["standard_fen"] as? Int == 150_000 && levels?.last?["hours"] as? Int == 120)

        let before = try CommandLineTests.clerk(db, ["occupation", "show", "6-31-01-03", "--as-of", "2024-12-31"])
        #expect(before.status == 66)
        let clerkAdd = try CommandLineTests.clerk(db, ["occupation", "add", "--code", "6-18-02-04", "--name", "焊工", "--level", "L4:1:1", "--json"])
        #expect(clerkAdd.status == 77)
        #expect(clerkAdd.stderr.contains("\"code\":\"not_permitted\""))
        let overlap = try Self.admin(db, ["occupation", "add", "--code", "6-31-01-03", "--name", "电工", "--level", "L4:1:1", "--from", "2026-01-01"])
        #expect(overlap.status == 73)
        #expect(overlap.stderr.contains("2025-01-01"), "\(overlap.stderr)")
        let badCode = try Self.admin(db, ["occupation", "add", "--code", "6-31-1-03", "--name", "x", "--level", "L4:1:1"])
        #expect(badCode.status == 65)
        let badLevel = try Self.admin(db, ["occupation", "add", "--code", "6-31-01-04", "--name", "x", "--level", "L9:1:1"])
        #expect(badLevel.status == 65)
        let list = try CommandLineTests.clerk(db, ["occupation", "list", "--as-of", "2025-06-01", "--search", "电", "--json"])
        #expect(list.status == 0 && list.stdout.contains("6-31-01-03"))
    }

    @Test func occupationImportReportsTheBadLine() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = """
            code,name,subsidised,shortage,access_controlled,tier,level,standard_fen,hours,from,to
            6-18-02-04,焊工,1,1,1,1,L5,100000,80,2025-01-01,
            6-18-02-04,焊工,1,1,1,1,L4,160000,120,2025-01-01,
            4-10-01-05,养老护理员,1,0,0,,L9,90000,80,2025-01-01,
            4-10-01-02,育婴员,1,0,0,,L5,80000,80,2025-01-01,2025-12-31

            """
        let path = dir + "/occ.csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try Self.admin(db, ["occupation", "import", path, "--json"])
        #expect(r.status == 65, "\(r.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(obj?["imported"] as? Int == 2 && obj?["rejected"] as? Int == 1)
        let rejects = obj?["rejects"] as? [[String: Any]]
        #expect(rejects?.first?["line"] as? Int == 4)
        #expect((rejects?.first?["reason"] as? String)?.contains("L9") == true)
        let welder = try CommandLineTests.clerk(db, ["occupation", "show", "6-18-02-04", "--as-of", "2025-03-01", "--json"])
        #expect(welder.status == 0 && welder.stdout.contains("\"standard_fen\":160000"))
        let clerkImport = try CommandLineTests.clerk(db, ["occupation", "import", path])
        #expect(clerkImport.status == 77)
    }

    @Test func occupationImportTakesEncodingAndWritesRejects() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 养老护理员 and 育婴员 in GB18030 (bytes from Python's codec).
        let carer: [UInt8] = [209, 248, 192, 207, 187, 164, 192, 237, 212, 177]
        let nanny: [UInt8] = [211, 253, 211, 164, 212, 177]
        let bytes = Array("code,name,level,standard_fen,hours,from\n4-10-01-05,".utf8) + carer
            + Array(",L5,90000,80,2025-01-01\n4-10-01-02,".utf8) + nanny + Array(",L9,80000,80,2025-01-01\n".utf8)
        let path = dir + "/occ-gb.csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let asUTF8 = try Self.admin(db, ["occupation", "import", path, "--encoding", "utf8", "--json"])
        #expect(asUTF8.status == 65, "\(asUTF8.stderr)")
        let rej = dir + "/rej.csv"
        let r = try Self.admin(db, ["occupation", "import", path, "--encoding", "gb18030", "--rejects", rej, "--json"])
        #expect(r.status == 65, "\(r.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(obj?["imported"] as? Int == 1 && obj?["rejected"] as? Int == 1)
        let rejects = try String(contentsOfFile: rej, encoding: .utf8)
        let lines = rejects.split(whereSeparator: \.isNewline)
        #expect(lines.first?.hasSuffix("line,reason,code,name,level,standard_fen,hours,from") == true, "\(rejects)")
        #expect(lines.count == 2 && lines.last?.hasPrefix("3,") == true && lines.last?.contains("育婴员") == true, "\(rejects)")
        let shown = try CommandLineTests.clerk(db, ["occupation", "show", "4-10-01-05", "--as-of", "2025-06-01"])
        #expect(shown.status == 0 && shown.stdout.contains("养老护理员"))
    }

    @Test func occupationCloseThenANewPeriod() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.addElectrician(db).status == 0)
        let next = ["occupation", "add", "--code", "6-31-01-03", "--name", "电工", "--level", "L4:160000:120", "--from", "2026-01-01"]
        #expect(try Self.admin(db, next).status == 73)
        #expect(try Self.admin(db, ["occupation", "close", "6-31-01-03", "--from", "2025-01-01", "--to", "2024-06-30"]).status == 65)
        #expect(try CommandLineTests.clerk(db, ["occupation", "close", "6-31-01-03", "--from", "2025-01-01", "--to", "2025-12-31"]).status == 77)
        let close = try Self.admin(db, ["occupation", "close", "6-31-01-03", "--from", "2025-01-01", "--to", "2025-12-31", "--json"])
        #expect(close.status == 0, "\(close.stderr)")
        #expect(close.stdout.contains("\"to\":\"2025-12-31\""))
        let again = try Self.admin(db, ["occupation", "close", "6-31-01-03", "--from", "2025-01-01", "--to", "2026-06-30", "--json"])
        #expect(again.status == 73 && again.stderr.contains("wrong_state"), "\(again.stderr)")
        #expect(try Self.admin(db, next).status == 0)
    }

    @Test func institutionImportExitCodes() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.addElectrician(db).status == 0)
        let first17 = "52320100MJ1234567"
        let code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        let path = dir + "/inst.csv"
        try "code,name,kind,grade,may_train\n\(code),南京某培训学校,private_school,B,6-31-01-03:L4;6-31-01-03:L5\n\(code),again,private_school,,\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let r = try Self.admin(db, ["institution", "import", path, "--json", "--rejects", dir + "/rej.csv"])
        #expect(r.status == 65, "\(r.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(obj?["imported"] as? Int == 1 && (obj?["rejects"] as? [[String: Any]])?.first?["line"] as? Int == 3)
        let show = try CommandLineTests.clerk(db, ["institution", "show", code, "--json"])
        #expect(show.status == 0 && show.stdout.contains("L5"), "\(show.stdout)")
        #expect(try CommandLineTests.clerk(db, ["institution", "import", path]).status == 77)
    }

    @Test func institutionLifecycleExitCodes() throws {
        let (dir, db) = try CommandLineTests.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.addElectrician(db).status == 0)
        let first17 = "52320100MJ1234567"
        let code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        let add = try Self.admin(db, ["institution", "add", "--code", code, "--name", "南京某培训学校", "--kind", "private_school",
                                      "--grade", "B", "--catalogue", "--may-train", "6-31-01-03:L4", "--json"])
        #expect(add.status == 0, "\(add.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(add.stdout.utf8)) as? [String: Any]
        #expect(Set(obj?.keys.map { $0 } ?? []) == ["code", "name", "kind", "grade", "catalogue", "status", "status_reason", "status_date", "may_train"])
        #expect((obj?["may_train"] as? [[String: Any]])?.first?["occupation_code"] as? String == "6-31-01-03")

        #expect(try Self.admin(db, ["institution", "add", "--code", code, "--name", "又一个", "--kind", "enterprise"]).status == 73)
        let wrongCheck = String(code.dropLast()) + (code.last == "1" ? "2" : "1")
        #expect(try Self.admin(db, ["institution", "add", "--code", wrongCheck, "--name", "x", "--kind", "enterprise"]).status == 65)
        #expect(try Self.admin(db, ["institution", "add", "--code", "91320100MA1X2Y3Z4Q", "--name", "x", "--kind", "enterprise",
                                    "--may-train", "6-18-02-04:L4"]).status != 0)
        #expect(try CommandLineTests.clerk(db, ["institution", "suspend", code, "--reason", "x"]).status == 77)
        #expect(try Self.admin(db, ["institution", "reinstate", code]).status == 73)
        #expect(try Self.admin(db, ["institution", "suspend", code, "--reason", "台账不全"]).status == 0)
        #expect(try Self.admin(db, ["institution", "reinstate", code]).status == 0)
        #expect(try Self.admin(db, ["institution", "disqualify", code, "--reason", "虚报人数"]).status == 0)
        let again = try Self.admin(db, ["institution", "reinstate", code, "--json"])
        #expect(again.status == 73)
        #expect(again.stderr.contains("\"code\":\"wrong_state\""))
        #expect(try Self.admin(db, ["institution", "show", "91320100MA1X2Y3Z4Q"]).status == 66)
        let show = try CommandLineTests.clerk(db, ["institution", "show", code, "--json"])
        #expect(show.status == 0 && show.stdout.contains("\"status\":\"disqualified\"") && show.stdout.contains("虚报人数"))
        let audit = try Self.admin(db, ["audit", "verify"])
        #expect(audit.status == 0, "\(audit.stderr)")
    }
}
