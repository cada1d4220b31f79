import Testing
@testable import SkillCore

@Suite struct JSONChangesTests {
    private func changes(_ a: String, _ b: String) -> [JSONChanges.Change]? {
        JSONChanges.between(Array(a.utf8), Array(b.utf8))
    }

    @Test func nothingChangedIsEmpty() {
        #expect(changes(#"{"a":1,"b":[1,2]}"#, #"{"b":[1,2],"a":1}"#) == [])
    }

    @Test func leavesChangedAddedAndRemoved() {
        let c = changes(#"{"a":1,"b":{"c":"x","d":true},"gone":2}"#, #"{"a":2,"b":{"c":"y","d":true},"new":null}"#)
        #expect(c == [
            .init(path: "a", before: "1", after: "2"),
            .init(path: "b.c", before: #""x""#, after: #""y""#),
            .init(path: "gone", before: "2", after: nil),
            .init(path: "new", before: nil, after: "null"),
        ])
    }

    @Test func rowsOfABreakdownAreMatchedByTheirKey() {
        // A row inserted before others shows as one added row, not as every later row changed.
        let filed = #"{"rows":[{"key":"L4","n":3},{"key":"L5","n":7}]}"#
        let today = #"{"rows":[{"key":"L3","n":1},{"key":"L4","n":3},{"key":"L5","n":8}]}"#
        #expect(changes(filed, today) == [
            .init(path: "rows[L5].n", before: "7", after: "8"),
            .init(path: "rows[L3]", before: nil, after: #"{"key":"L3","n":1}"#),
        ])
    }

    @Test func arraysWithoutKeysAreComparedByPosition() {
        #expect(changes("[1,2,3]", "[1,5]") == [.init(path: "[1]", before: "2", after: "5"), .init(path: "[2]", before: "3", after: nil)])
    }

    @Test func notJSONIsNil() {
        #expect(changes("{", "{}") == nil)
    }
}
