import Foundation
import Testing
@testable import SkillCore
@testable import SkillStore
import SkillRecords

/// Issue 10, break 9: imports read line ends as bank result files do — CR LF, LF, a lone CR (old Mac
/// and Excel exports), mixed, no final line end — with line numbers an editor shows, also after a
/// quoted field that spans lines, and the two readers agree record for record.
@Suite("CSV imports: line endings")
struct CSVLineEndingTests {
    static func text(_ eol: String, finalEOL: Bool = true) -> String {
        ["id,name,note", "1,张三,", "2,李四,\"多" + eol + "行\"", "", "3,王五,x"].joined(separator: eol) + (finalEOL ? eol : "")
    }

    static func records(_ text: String) throws -> [CSVRecord] {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("in.csv")
        try write(Array(text.utf8), to: path)
        let reader = try CSVReader(path: path, encoding: .utf8)
        var out: [CSVRecord] = []
        while let r = try reader.next() { out.append(r) }
        return out
    }

    @Test(arguments: ["\r\n", "\n", "\r"], [true, false])
    func everyLineEndReadsAlike(eol: String, finalEOL: Bool) throws {
        let r = try Self.records(Self.text(eol, finalEOL: finalEOL))
        #expect(r.map(\.line) == [1, 2, 3, 6])
        #expect(r.map { $0.fields.first ?? nil } == ["id", "1", "2", "3"])
        #expect(r.map(\.fields.count) == [3, 3, 3, 3])
        try #require(r.count == 4 && r[2].fields.count == 3)
        #expect(r[3].fields == ["3", "王五", "x"])
        #expect(r[2].fields[2] == "多" + eol + "行")
    }

    @Test func aLoneCRNeverHidesInAField() throws {
        let r = try Self.records("a,b\rc,d\r\ne,f\ng,h")
        #expect(r.map(\.line) == [1, 2, 3, 4])
        #expect(r.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
    }

    /// A CR LF split across the reader's 1 MiB chunks is one line end, not two.
    @Test func aCRLFAcrossChunksIsOneLineEnd() throws {
        let chunk = 1 << 20
        let first = "id,name\n1," + String(repeating: "x", count: chunk - 11) + "\r"
        #expect(first.utf8.count == chunk)
        let r = try Self.records(first + "\n2,y\n")
        #expect(r.map(\.line) == [1, 2, 3])
        #expect(r.last?.fields == ["2", "y"])
    }

    /// The import reader and the bank result reader split the same text into the same records on
    /// the same lines.
    @Test(arguments: ["\r\n", "\n", "\r"], [true, false])
    func theTwoReadersAgree(eol: String, finalEOL: Bool) throws {
        let text = Self.text(eol) + "4,\"a" + eol + eol + "b\"" + eol + "5,c,d" + (finalEOL ? eol : "")
        let csv = try Self.records(text).map { ($0.line, $0.fields.map { $0 ?? "?" }) }
        guard case .success(let bank) = BankFile.csvRecords(text) else { Issue.record("bank reader refused"); return }
        let banked = bank.filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
        #expect(csv.map(\.0) == banked.map(\.line))
        #expect(csv.map(\.1) == banked.map(\.fields))
    }
}
