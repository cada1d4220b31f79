import Foundation
import SkillCore
import Testing
@testable import SkillStore
import SkillRecords

@Suite("Store: worker search")
struct SearchTests {
    // Nanjing Xuanwu and Qinhuai IDs, and one from Beijing Dongcheng (starts with 1).
    static let zhang = residentID(region: "320102", birth: "19900101", seq: 101)
    static let wang = residentID(region: "320102", birth: "19851231", seq: 102)
    static let li = residentID(region: "320104", birth: "19900101", seq: 103)
    static let beijing = residentID(region: "110101", birth: "19800101", seq: 104)

    static func fixture() throws -> Store {
        let store = try Store.inMemory()
        try store.write { w throws in
            for (id, name, phone) in [(zhang, "张桂兰", "13912345678"), (wang, "王桂芳", "13800001111"),
                                      (li, "李伟", "13987654321"), (beijing, "欧阳明", "")] {
                _ = try #require(try w.insertWorker(try makeWorker(id: id, name: name, phone: phone), at: fixedNow))
            }
        }
        return store
    }

    static func ids(_ store: Store, _ text: String, offset: Int = 0, limit: Int = 50) throws -> [String] {
        try store.read { try $0.searchWorkers(text, offset: offset, limit: limit).rows.map(\.id) }
    }

    @Test func idPrefix() throws {
        let store = try Self.fixture()
        #expect(try Self.ids(store, "3201021990") == [Self.zhang])
        #expect(try Self.ids(store, "320102") == [Self.wang, Self.zhang])  // in ID order
        #expect(try Self.ids(store, "3201") == [Self.wang, Self.zhang, Self.li])
        #expect(try Self.ids(store, Self.li) == [Self.li])
        #expect(try Self.ids(store, " 3201 04 ") == [Self.li])  // spaces ignored
        #expect(try Self.ids(store, "320105").isEmpty)
    }

    @Test func anIDEndingInXIsFoundWithALowerCaseX() throws {
        let store = try Store.inMemory()
        // Find a sequence number whose check character is X.
        let seq = try #require((0..<1000).first { residentID(seq: $0).hasSuffix("X") })
        let id = residentID(seq: seq)
        _ = try store.write { try $0.insertWorker(try makeWorker(id: id, name: "赵敏"), at: fixedNow) }
        #expect(try Self.ids(store, id.lowercased()) == [id])
        #expect(try Self.ids(store, id) == [id])
    }

    @Test func phonePrefix() throws {
        let store = try Self.fixture()
        #expect(try Self.ids(store, "139") == [Self.zhang, Self.li])  // phone order: 139123… then 139876…
        #expect(try Self.ids(store, "1398") == [Self.li])
        #expect(try Self.ids(store, "13800001111") == [Self.wang])
        #expect(try Self.ids(store, "137").isEmpty)
    }

    @Test func aTextThatIsBothAnIDAndAPhonePrefixListsIDMatchesFirstAndPagesWithoutRepeats() throws {
        let store = try Self.fixture()
        // "1" starts the Beijing ID and every phone.
        #expect(try Self.ids(store, "1") == [Self.beijing, Self.wang, Self.zhang, Self.li])
        // Page through one row at a time: the same rows, once each, with hasMore until the last.
        var seen: [String] = []
        var offset = 0
        while true {
            let page = try store.read { try $0.searchWorkers("1", offset: offset, limit: 1) }
            seen += page.rows.map(\.id)
            offset += page.rows.count
            if !page.hasMore { break }
            #expect(page.rows.count == 1)
            if offset > 10 { Issue.record("paging does not end"); break }
        }
        #expect(seen == [Self.beijing, Self.wang, Self.zhang, Self.li])
    }

    @Test(arguments: ["桂兰", "张", "兰", "张桂兰", " 张 桂 "])
    func nameSubstringFindsZhangGuilan(text: String) throws {
        let store = try Self.fixture()
        #expect(try Self.ids(store, text) == [Self.zhang])
    }

    @Test func aSharedCharacterFindsEveryoneWithIt() throws {
        let store = try Self.fixture()
        #expect(Set(try Self.ids(store, "桂")) == [Self.zhang, Self.wang])
        #expect(try Self.ids(store, "欧阳") == [Self.beijing])
    }

    @Test func minorityAndLatinNamesAreFoundByAnyPart() throws {
        let store = try Store.inMemory()
        let uyghur = residentID(seq: 150), latin = residentID(seq: 151)
        try store.write { w throws in
            _ = try w.insertWorker(try makeWorker(id: uyghur, name: "阿卜杜拉·艾尼"), at: fixedNow)
            _ = try w.insertWorker(try makeWorker(id: latin, name: "John Smith"), at: fixedNow)
        }
        for text in ["艾尼", "阿卜杜拉", "阿卜杜拉·艾尼", "拉艾"] {
            #expect(try Self.ids(store, text) == [uyghur], "\(text)")
        }
        for text in ["smith", "SMITH", "John Smith", "ohn"] {
            #expect(try Self.ids(store, text) == [latin], "\(text)")
        }
    }

    @Test(arguments: ["赵", "桂张", "兰桂", "xyz", "999", "3209"])
    func noMatchIsEmpty(text: String) throws {
        let store = try Self.fixture()
        let page = try store.read { try $0.searchWorkers(text, offset: 0, limit: 10) }
        #expect(page.rows.isEmpty)
        #expect(page.hasMore == false)
    }

    @Test func anEmptyTextListsEveryoneNewestFirst() throws {
        let store = try Self.fixture()
        #expect(try Self.ids(store, "  ") == [Self.beijing, Self.li, Self.wang, Self.zhang])
    }

    @Test func hasMorePagesWithOffset() throws {
        let store = try Store.inMemory()
        let names = ["陈一", "陈二", "陈三", "陈四", "陈五"]
        try store.write { w throws in
            for (i, n) in names.enumerated() {
                _ = try w.insertWorker(try makeWorker(id: residentID(seq: 200 + i), name: n), at: fixedNow)
            }
        }
        var all: [String] = []
        for (offset, count, more) in [(0, 2, true), (2, 2, true), (4, 1, false)] {
            let page = try store.read { try $0.searchWorkers("陈", offset: offset, limit: 2) }
            #expect(page.rows.count == count, "offset \(offset)")
            #expect(page.hasMore == more, "offset \(offset)")
            all += page.rows.map(\.name)
        }
        #expect(all == names.reversed())  // newest first, each once
        // Exactly a full page: no phantom "more".
        let exact = try store.read { try $0.searchWorkers("陈", offset: 0, limit: 5) }
        #expect(exact.rows.count == 5 && !exact.hasMore)
        // Same for ID-prefix pages.
        let idPage = try store.read { try $0.searchWorkers("3201021990", offset: 3, limit: 1) }
        #expect(idPage.rows.map(\.id) == [residentID(seq: 203)])
        #expect(idPage.hasMore)
    }

    @Test func aRenamedWorkerIsFoundByTheNewNameOnly() throws {
        let store = try Self.fixture()
        let updated = try store.write {
            try $0.updateWorker(try makeWorker(id: Self.zhang, name: "刘晓东", phone: "13912345678"),
                                expectedVersion: 1, at: fixedNow)
        }
        #expect(updated?.name == "刘晓东")
        #expect(try Self.ids(store, "晓东") == [Self.zhang])
        #expect(try Self.ids(store, "刘") == [Self.zhang])
        #expect(try Self.ids(store, "张桂兰").isEmpty)
        #expect(try Self.ids(store, "兰").isEmpty)
        #expect(try Self.ids(store, "桂") == [Self.wang])
        // An update that keeps the name leaves it findable (no double entry, no loss).
        _ = try store.write {
            try $0.updateWorker(try makeWorker(id: Self.zhang, name: "刘晓东", phone: "13900000000"),
                                expectedVersion: 2, at: fixedNow)
        }
        #expect(try Self.ids(store, "晓东") == [Self.zhang])
        #expect(try Self.ids(store, "13900") == [Self.zhang])
        #expect(try Self.ids(store, "1391234").isEmpty)
    }

    @Test(arguments: ["\"", "*", "OR", "(", "张\"", "桂*", "张 OR 李", "NEAR(张 李)", "-张", "^张", "张)", "\"\"", "{", ":",
                      "AND", "NOT 张", "'", ";", "%", "_"])
    func ftsSpecialCharactersDoNotThrow(text: String) throws {
        let store = try Self.fixture()
        let page = try store.read { try $0.searchWorkers(text, offset: 0, limit: 10) }
        // Only the letters count: a text with 张 still finds 张桂兰; operators find nothing by themselves.
        if text.filter(\.isLetter) == "张" {
            #expect(page.rows.map(\.id) == [Self.zhang])
        }
        if !text.contains(where: \.isLetter) {
            #expect(page.rows.isEmpty)
        }
    }
}
