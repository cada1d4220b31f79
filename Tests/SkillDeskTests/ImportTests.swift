import Foundation
import SkillCore
import SkillDesk
import SkillStore
import SkillRecords
import Testing

@Suite("Session: importing workers from CSV")
struct ImportTests {
    static let a = residentID(seq: 301), b = residentID(seq: 302), c = residentID(seq: 303), d = residentID(seq: 304)

    static func options(_ change: (inout ImportOptions) -> Void = { _ in }) -> ImportOptions {
        var o = ImportOptions()
        change(&o)
        return o
    }

    /// The mixed file: good rows on lines 2, 6, 7; bad on 3 (check character), 4 (group code),
    /// 5 (yes/no), 8 (truncated last line).
    static let mixed = """
        id,name,phone,rural,groups
        \(a),张三,13912345678,yes,dibao
        \(wrongCheck(b)),李四,,no,
        \(b),李四,,no,martian
        \(b),李四,,maybe,
        \(b),李四,13800001111,1,低保;残疾人
        \(c),王五,,否,
        \(d),赵六
        """

    @Test func goodRowsAreCommittedAndBadRowsReportedWithLinesAndReasons() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("mixed.csv", Self.mixed)
        let report = try clerk.importWorkers(path: path, options: Self.options())
        #expect(report.imported == 3)
        #expect(report.rejected == 4)
        #expect(report.rolledBack == false)
        #expect(report.encoding == .utf8)
        #expect(report.rejects.map(\.line) == [3, 4, 5, 8])
        let reasons = report.rejects.map(\.reason)
        #expect(reasons[0].contains("check character should be \(Self.b.last!)"))
        #expect(reasons[1].contains("martian"))
        #expect(reasons[2].contains("rural") && reasons[2].contains("maybe"))
        #expect(reasons[3].contains("2 fields") && reasons[3].contains("5"))

        #expect(try f.workerCount == 3)
        let zhang = try #require(try f.stored(Self.a))
        #expect(zhang.name == "张三" && zhang.phone == "13912345678" && zhang.rural && zhang.groups == ["dibao"])
        let li = try #require(try f.stored(Self.b))
        #expect(li.name == "李四" && li.rural && li.groups == ["disabled", "dibao"])
        #expect(try f.stored(Self.c)?.rural == false)
        #expect(try f.stored(Self.d) == nil)
        // Imported rows are searchable like registered ones.
        #expect(try clerk.searchWorkers("李").rows.map(\.id) == [Self.b])
    }

    @Test func chineseHeadersAndValuesAreAccepted() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("zh.csv", """
            身份证号,姓名,手机号,户籍地,农村户籍,常住地,就业状态,工作单位,单位信用代码,领取养老金,重点群体,残疾
            \(Self.a),张桂兰,13912345678,320102,是,南京市玄武区,登记失业,,,否,低保、退役军人,重度残疾
            \(Self.b),李伟,,320104,否,,unemployed,,,0,,无
            \(Self.c),王芳,,320102,也许,,,,,,,
            """)
        let report = try clerk.importWorkers(path: path, options: Self.options { $0.lang = .zh })
        #expect(report.imported == 2)
        #expect(report.rejects.map(\.line) == [4])
        #expect(report.rejects.first?.reason.contains("农村户籍") == true)
        let w = try #require(try f.stored(Self.a))
        #expect(w.hukouRegion == "320102" && w.rural && w.residence == "南京市玄武区")
        #expect(w.employment == "unemployed" && !w.pension && w.disability == "severe")
        #expect(w.groups == ["veteran", "dibao"])
    }

    @Test func allOrNothingWritesNothingWhenAnyRowIsBad() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("mixed.csv", Self.mixed)
        let audit = try f.auditCount
        let report = try clerk.importWorkers(path: path, options: Self.options { $0.allOrNothing = true })
        #expect(report.rolledBack)
        #expect(report.imported == 0)
        #expect(report.rejects.map(\.line) == [3, 4, 5, 8])
        #expect(try f.workerCount == 0)
        #expect(try f.auditCount == audit)
        #expect(try clerk.searchWorkers("张三").rows.isEmpty)

        // With every row good, all-or-nothing imports them all.
        let good = try dir.write("good.csv", "id,name\n\(Self.a),张三\n\(Self.b),李四\n")
        let ok = try clerk.importWorkers(path: good, options: Self.options { $0.allOrNothing = true })
        #expect(!ok.rolledBack && ok.imported == 2 && ok.rejected == 0)
        #expect(try f.workerCount == 2)
    }

    @Test func anExistingIDIsAConflictAndNotOverwritten() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let existing = try clerk.register(draft(seq: 301, name: "张三", phone: "13912345678"))
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("conflict.csv", "id,name,phone\n\(Self.b),李四,\n\(Self.a),冒名者,13800000000\n")
        let report = try clerk.importWorkers(path: path, options: Self.options())
        #expect(report.imported == 1)
        #expect(report.rejects.map(\.line) == [3])
        #expect(report.rejects.first?.reason.contains("already registered") == true)
        #expect(try f.stored(Self.a) == existing)
        #expect(try clerk.searchWorkers("冒名者").rows.isEmpty)
    }

    @Test func aDuplicateIDInTheSameFileKeepsTheFirst() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("dup.csv", "id,name\n\(Self.a),张三\n\(Self.b),李四\n\(Self.a.lowercased()),张三丰\n")
        let report = try clerk.importWorkers(path: path, options: Self.options())
        #expect(report.imported == 2)
        #expect(report.rejects.map(\.line) == [4])
        #expect(try f.stored(Self.a)?.name == "张三")
    }

    @Test func aQuotedFieldWithACommaAndANewlineParses() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("quoted.csv",
            "id,name,residence,employer\r\n\(Self.a),张三,\"南京市,玄武区\r\n北京东路1号\",\"某某\"\"科技\"\"公司\"\r\n\(Self.b),李四,x,\r\n\(Self.c),王5,y,\r\n")
        let report = try clerk.importWorkers(path: path, options: Self.options())
        #expect(report.imported == 2)
        #expect(report.rejects.map(\.line) == [5])  // line 5: the first record spans lines 2–3
        let w = try #require(try f.stored(Self.a))
        #expect(w.residence == "南京市,玄武区 北京东路1号")  // free text: the line break becomes a space
        #expect(w.employer == "某某\"科技\"公司")
    }

    @Test func anUnterminatedQuoteAtTheEndWritesNothing() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("cut.csv", "id,name,residence\n\(Self.a),张三,x\n\(Self.b),李四,\"南京市玄武区\n")
        let audit = try f.auditCount
        let error = deskError { _ = try clerk.importWorkers(path: path, options: Self.options()) }
        guard case .csv(.unterminatedQuote(line: 3))? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(try f.workerCount == 0)
        #expect(try f.auditCount == audit)
    }

    @Test func aUTF8ByteOrderMarkIsHandled() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("姓名,身份证号\r\n张三,\(Self.a)\r\n".utf8)
        let path = try dir.write("bom.csv", bytes)
        let report = try clerk.importWorkers(path: path, options: Self.options())
        #expect(report.imported == 1 && report.rejected == 0)
        #expect(report.sha256 == sha256Hex(bytes))
        #expect(try f.stored(Self.a)?.name == "张三")
    }

    @Test func aGB18030FileIsDetectedAndImported() throws {
        #expect(gb18030("刘晓东") == [193, 245, 207, 254, 182, 171])
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let bytes = gb18030("身份证号,姓名,重点群体\n\(Self.a),刘晓东,低保\n\(Self.b),欧阳娜娜,退役军人\n")
        let path = try dir.write("gbk.csv", bytes)
        let report = try clerk.importWorkers(path: path, options: Self.options())
        #expect(report.encoding == .gb18030)
        #expect(report.imported == 2)
        #expect(report.sha256 == sha256Hex(bytes))
        #expect(try f.stored(Self.a)?.name == "刘晓东")
        #expect(try f.stored(Self.a)?.groups == ["dibao"])
        #expect(try f.stored(Self.b)?.name == "欧阳娜娜")
        #expect(try clerk.searchWorkers("晓东").rows.map(\.id) == [Self.a])
    }

    @Test func aGB18030FileReadAsUTF8IsRefusedWithAHint() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("gbk.csv", gb18030("身份证号,姓名\n\(Self.a),刘晓东\n"))
        let error = deskError { _ = try clerk.importWorkers(path: path, options: Self.options { $0.encoding = .utf8 }) }
        guard case let .invalidInput(en, _)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(en.contains("GB18030"))
        #expect(try f.workerCount == 0)
    }

    @Test func theImportIsOneAuditEntryWithTheFilesSHA256AndCounts() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("batch-2026.csv", Self.mixed)
        let bytes = try readBytes(path)
        let audit = try f.auditCount
        let report = try clerk.importWorkers(path: path, options: Self.options())
        #expect(try f.auditCount == audit + 1)  // one entry for the file, none per row
        #expect(report.sha256 == sha256Hex(bytes))

        let entries = try f.admin.auditEntries(entity: "import", key: "batch-2026.csv")
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.action == "worker.import" && entry.user == "clerk1")
        let after = try #require(entry.after)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any])
        #expect(json["sha256"] as? String == sha256Hex(bytes))
        #expect(json["imported"] as? Int == 3)
        #expect(json["rejected"] as? Int == 4)
        #expect(json["encoding"] as? String == "utf-8")
        #expect(json["file"] as? String == "batch-2026.csv")
        #expect(json["all_or_nothing"] as? Bool == false)
        guard case .intact = try f.admin.verifyAudit().0 else { Issue.record("audit chain broken"); return }
    }

    @Test func theRejectsFileHasLineReasonAndTheOriginalFields() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("mixed.csv", Self.mixed)
        let rejectsPath = dir.file("rejects.csv")
        let report = try clerk.importWorkers(path: path, options: Self.options { $0.rejectsPath = rejectsPath })
        let bytes = try readBytes(rejectsPath)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))  // so Excel reads it as UTF-8
        let rows = try csvRows(rejectsPath)
        #expect(rows.first == ["line", "reason", "id", "name", "phone", "rural", "groups"])
        #expect(rows.count == 1 + 4)
        #expect(rows.dropFirst().map { $0[0] } == ["3", "4", "5", "8"])
        #expect(rows.dropFirst().map { $0[1] } == report.rejects.map(\.reason))
        #expect(Array(rows[1].dropFirst(2)) == [wrongCheck(Self.b), "李四", "", "no", ""])
        #expect(Array(rows[2].dropFirst(2)) == [Self.b, "李四", "", "no", "martian"])
        #expect(Array(rows[4].dropFirst(2)) == [Self.d, "赵六"])  // the truncated line as it was
    }

    @Test func theRejectsFileRepeatsTheFieldsOfAConflictingRow() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        _ = try clerk.register(draft(seq: 301, name: "张三"))
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("conflict.csv", "id,name\n\(Self.a),冒名者\n\(Self.b),李四\n\(Self.b),李四四\n")
        let rejectsPath = dir.file("rejects.csv")
        let report = try clerk.importWorkers(path: path, options: Self.options { $0.rejectsPath = rejectsPath })
        #expect(report.rejects.map(\.line) == [2, 4])
        let rows = try csvRows(rejectsPath)
        #expect(rows.count == 3)
        // A clerk fixes the rejects file and imports it again: the fields must be there.
        #expect(rows.dropFirst().map { Array($0.dropFirst(2)) } == [[Self.a, "冒名者"], [Self.b, "李四四"]])
    }

    @Test(arguments: ["id,name,salary", "id,phone", "name,phone", "id,name,name", "id,name,"])
    func aBadHeaderIsRefusedBeforeAnythingIsWritten(header: String) throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("bad-header.csv", "\(header)\n\(Self.a),张三,13912345678\n")
        let rejectsPath = dir.file("rejects.csv")
        let audit = try f.auditCount
        let error = deskError { _ = try clerk.importWorkers(path: path, options: Self.options { $0.rejectsPath = rejectsPath }) }
        guard case .invalidInput? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(try f.workerCount == 0)
        #expect(try f.auditCount == audit)
        #expect(!FileManager.default.fileExists(atPath: rejectsPath))
    }

    @Test func anEmptyFileOrAMissingFileIsACSVError() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let empty = try dir.write("empty.csv", "")
        let e1 = deskError { _ = try clerk.importWorkers(path: empty, options: Self.options()) }
        guard case .csv(.empty)? = e1 else { Issue.record("\(String(describing: e1))"); return }
        let e2 = deskError { _ = try clerk.importWorkers(path: dir.file("missing.csv"), options: Self.options()) }
        guard case .csv(.cannotRead)? = e2 else { Issue.record("\(String(describing: e2))"); return }
    }

    @Test(arguments: [Role.auditor, .supervisor, .finance, .admin])
    func onlyClerksImport(role: Role) throws {
        let f = try Fixture()
        let other = role == .admin ? f.admin : try f.session(role)
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("w.csv", "id,name\n\(Self.a),张三\n")
        let error = deskError { _ = try other.importWorkers(path: path, options: Self.options()) }
        guard case .notPermitted(.importWorkers)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(try f.workerCount == 0)
    }

    @Test func aMultiBatchImportTakesEveryRowAndReportsBadOnesAtTheirLines() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let dir = try TempDir()
        defer { dir.cleanup() }
        // 5,000 rows (more than two of the pipeline's 2,048-row batches); row 100's residence has a
        // line break inside quotes, so every later row starts one line further down.
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭")
        let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟")
        let births = ["19800101", "19810202", "19820303", "19830404", "19840505"]
        var text = "id,name,residence\n"
        var expectedBad: [Int] = []
        var line = 2
        var ids: [String] = []
        for i in 0..<5_000 {
            var id = residentID(birth: births[i / 1000], seq: i % 1000)
            let bad = i % 487 == 13
            if bad { id = wrongCheck(id); expectedBad.append(line) }
            ids.append(id)
            let name = String(surnames[i % surnames.count]) + String(given[(i / surnames.count) % given.count])
            if i == 100 {
                text += "\(id),\(name),\"南京市\n玄武区\"\n"
                line += 2
            } else {
                text += "\(id),\(name),南京\n"
                line += 1
            }
        }
        let path = try dir.write("big.csv", text)
        let report = try clerk.importWorkers(path: path, options: Self.options())
        #expect(expectedBad.count == 11)
        #expect(report.imported == 5_000 - expectedBad.count)
        #expect(report.rejects.map(\.line) == expectedBad)
        #expect(try f.workerCount == 5_000 - expectedBad.count)
        for i in [0, 100, 101, 2_047, 2_048, 4_095, 4_096, 4_999] {
            #expect(try f.stored(ids[i]) != nil, "row \(i)")
        }
        #expect(try f.stored(ids[100])?.residence == "南京市 玄武区")
        #expect(try f.admin.auditEntries(entity: "import", key: "big.csv").count == 1)
    }
}
