import Foundation
import SkillCore
import Testing
@testable import SkillStore
import SkillRecords

@Suite("CSVReader")
struct CSVReaderTests {
    static let chunk = 1 << 20  // the reader's chunk size, 1 MiB

    /// Writes `bytes` to a temporary file and reads every record.
    static func records(_ bytes: [UInt8], encoding: TextEncoding = .auto) throws -> [CSVRecord] {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("in.csv")
        try write(bytes, to: path)
        let reader = try CSVReader(path: path, encoding: encoding)
        var out: [CSVRecord] = []
        while let r = try reader.next() { out.append(r) }
        return out
    }

    static func records(_ text: String) throws -> [(Int, [String?])] {
        try records(Array(text.utf8)).map { ($0.line, $0.fields) }
    }

    @Test func quotesDoubledQuotesAndEmbeddedCommasAndNewlines() throws {
        let r = try Self.records("id,name,note\n1,\"张,三\",\"say \"\"hi\"\"\"\n2,\"多\n行\",x\n3,,\n")
        #expect(r.count == 4)
        #expect(r[1].0 == 2 && r[1].1 == ["1", "张,三", "say \"hi\""])
        #expect(r[2].0 == 3 && r[2].1 == ["2", "多\n行", "x"])
        #expect(r[3].0 == 5 && r[3].1 == ["3", "", ""])  // line 5: the record before spans two lines
    }

    @Test func aStrayQuoteInsideAnUnquotedFieldIsKept() throws {
        let r = try Self.records("a,b\nab\"c,d\n")
        #expect(r[1].1 == ["ab\"c", "d"])
    }

    @Test func crlfLineEnds() throws {
        let r = try Self.records("id,name\r\n1,a\r\n\r\n2,\"b\r\nc\"\r\n3,d")
        #expect(r.map(\.0) == [1, 2, 4, 6])
        #expect(r[0].1 == ["id", "name"])
        #expect(r[1].1 == ["1", "a"])      // no trailing CR in the last field
        #expect(r[2].1 == ["2", "b\r\nc"])  // a line break inside quotes is data
        #expect(r[3].1 == ["3", "d"])       // the last line needs no line end
    }

    @Test func blankLinesAreSkippedAndLineNumbersKept() throws {
        let r = try Self.records("\n\na,b\n\n\r\n\nc,d\n\n")
        #expect(r.map(\.0) == [3, 7])
        #expect(r.map(\.1) == [["a", "b"], ["c", "d"]])
    }

    @Test func anEmptyFileHasNoRecords() throws {
        #expect(try Self.records([]).isEmpty)
        #expect(try Self.records("\n\n").isEmpty)
    }

    @Test func anUnterminatedQuoteIsAnErrorNamingTheLineItOpenedOn() throws {
        #expect(throws: CSVError.unterminatedQuote(line: 3)) {
            _ = try Self.records("id,name\n1,a\n2,\"never closed\n3,b\n")
        }
    }

    @Test func aUTF8ByteOrderMarkIsSkippedButHashed() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("bom.csv")
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\n1,张三\n".utf8)
        try write(bytes, to: path)
        let reader = try CSVReader(path: path, encoding: .auto)
        #expect(reader.encoding == .utf8)
        #expect(try reader.next()?.fields == ["id", "name"])
        #expect(try reader.next()?.fields == ["1", "张三"])
        #expect(try reader.next() == nil)
        #expect(reader.sha256Hex() == sha256Hex(bytes))
    }

    @Test func invalidUTF8IsANilField() throws {
        let r = try Self.records([0x61, 0x2C, 0xFF, 0xFE, 0x2C, 0x62, 0x0A], encoding: .utf8)
        #expect(r.count == 1)
        #expect(r[0].fields == ["a", nil, "b"])
    }

    @Test func gb18030IsDetectedAndConverted() throws {
        // 刘晓东 in GB18030, as Excel on a Chinese Windows saves it.
        let liu: [UInt8] = [193, 245, 207, 254, 182, 171]
        #expect(gb18030("刘晓东") == liu)
        let bytes = gb18030("身份证号,姓名\n") + Array("1,".utf8) + liu + [0x0A]
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("gb.csv")
        try write(bytes, to: path)
        let reader = try CSVReader(path: path, encoding: .auto)
        #expect(reader.encoding == .gb18030)
        #expect(try reader.next()?.fields == ["身份证号", "姓名"])
        #expect(try reader.next()?.fields == ["1", "刘晓东"])
        #expect(try reader.next() == nil)
        #expect(reader.sha256Hex() == sha256Hex(bytes))  // the file's bytes, not the converted text
    }

    @Test func invalidOrTruncatedGB18030BecomesAReplacementCharacter() throws {
        let r = try Self.records([0x61, 0x2C, 0x80, 0x62, 0x0A] + Array("c,".utf8) + [0xC1], encoding: .gb18030)
        #expect(r.map(\.fields) == [["a", "\u{FFFD}b"], ["c", "\u{FFFD}"]])
    }

    @Test func detection() {
        #expect(TextEncoding.detect(Array("id,name\n1,张三".utf8)) == .utf8)
        #expect(TextEncoding.detect(Array("张".utf8).dropLast()) == .utf8)  // cut by the sample's end
        #expect(TextEncoding.detect(gb18030("身份证号,姓名")) == .gb18030)
        #expect(TextEncoding.detect([]) == .utf8)
    }

    @Test func aMissingFileOrADirectoryCannotBeRead() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        #expect(throws: CSVError.self) { _ = try CSVReader(path: dir.file("missing.csv"), encoding: .auto) }
        let error = #expect(throws: CSVError.self) { _ = try CSVReader(path: dir.path, encoding: .auto) }
        #expect(error == .cannotRead(path: dir.path, reason: "is a directory"))
    }

    // MARK: the 1 MiB chunk boundary

    /// A file whose record `big` has a quoted field (comma and newline inside) that starts just
    /// before offset 1,048,576, with the character `straddler` cut by the boundary `cut` bytes
    /// into its encoding. Returns the bytes and the expected field, header line and big's line.
    static func straddlingFile(straddler: String, cut: Int, encode: (String) -> [UInt8])
        -> (bytes: [UInt8], field: String, bigLine: Int) {
        let header = encode("身份证号,姓名,备注\n")
        let field = straddler + "文字,含逗号\n和换行"
        var bytes = header
        var line = 2
        // The quoted field's content must start at chunk - cut; `big,"` is 5 bytes before it.
        let target = chunk - cut - 5
        while bytes.count + 200 <= target {
            bytes += Array("f\(line),x,\(String(repeating: "a", count: 90))\n".utf8)
            line += 1
        }
        let pad = target - bytes.count - "f,x,\n".utf8.count
        bytes += Array("f,x,\(String(repeating: "b", count: pad))\n".utf8)
        line += 1
        #expect(bytes.count == target)
        bytes += Array("big,\"".utf8) + encode(field) + encode("\",尾\n")
        bytes += encode("after,名字,last")  // no line end at the very end
        return (bytes, field, line)
    }

    @Test(arguments: [
        ("utf-8", "中", 1), ("utf-8", "中", 2), ("utf-8", "𠀀", 1), ("utf-8", "𠀀", 3),
        ("gb18030", "中", 1), ("gb18030", "㐀", 1), ("gb18030", "㐀", 2), ("gb18030", "㐀", 3),
    ])
    func aRecordAcrossTheChunkBoundaryParsesIntact(encodingName: String, straddler: String, cut: Int) throws {
        let encode: (String) -> [UInt8] = encodingName == "gb18030" ? { gb18030($0) } : { [UInt8]($0.utf8) }
        #expect(encode(straddler).count > cut)  // the boundary really falls inside the character
        let (bytes, field, bigLine) = Self.straddlingFile(straddler: straddler, cut: cut, encode: encode)
        #expect(bytes.count > Self.chunk)

        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("big.csv")
        try write(bytes, to: path)
        let reader = try CSVReader(path: path, encoding: .auto)
        #expect(reader.encoding.rawValue == encodingName)
        var records: [CSVRecord] = []
        while let r = try reader.next() { records.append(r) }

        #expect(records.first?.fields == ["身份证号", "姓名", "备注"])
        let big = try #require(records.first { $0.fields.first == "big" })
        #expect(big.line == bigLine)
        #expect(big.fields == ["big", field, "尾"])
        let last = try #require(records.last)
        #expect(last.line == bigLine + 2)
        #expect(last.fields == ["after", "名字", "last"])
        #expect(records.count == bigLine + 1)  // header + filler lines 2..<bigLine + big + after
        #expect(records.allSatisfy { $0.fields.allSatisfy { $0 != nil && !$0!.contains("\u{FFFD}") } })
        #expect(reader.bytesRead == reader.totalBytes)
        #expect(reader.totalBytes == Int64(bytes.count))
        #expect(reader.sha256Hex() == sha256Hex(bytes))
    }

    @Test func aCRLFSplitByTheChunkBoundary() throws {
        // The CR is the last byte of the first chunk, the LF the first of the second.
        var bytes = Array("id,name\r\n".utf8)
        var n = 0
        while bytes.count + 200 <= Self.chunk - 1 {
            bytes += Array("\(n),\(String(repeating: "z", count: 90))\r\n".utf8)
            n += 1
        }
        let pad = Self.chunk - 1 - bytes.count - ",".utf8.count - 1
        bytes += Array("p,\(String(repeating: "y", count: pad))\r".utf8)
        #expect(bytes.count == Self.chunk)
        bytes += Array("\nq,张三\r\n".utf8)
        let records = try Self.records(bytes)
        #expect(records.count == n + 3)
        #expect(records[records.count - 2].fields == ["p", String(repeating: "y", count: pad)])
        #expect(records.last?.fields == ["q", "张三"])
        #expect(records.last?.line == n + 3)
    }
}
