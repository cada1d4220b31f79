import Foundation
import Testing

/// A permission check and its transaction are one call (issue 11 item 6): the use cases reach the
/// store only through `Session.read(_:)`/`write(_:)` (and the two named exceptions, which say why at
/// each call), so no entry point can open a transaction without naming who may run it. `Desk`'s own
/// `read`/`write` are called only by `Desk.swift` (opening, logging in: before any session) and by
/// those helpers in `Session.swift`.
@Suite("Use-case transactions")
struct UseCaseTransactionTests {
    static var useCases: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SkillDesk")
    }

    /// Every `desk.read`/`desk.write` outside the two files that may call them, as `file:line`.
    static func strayTransactions(in dir: URL) throws -> [String] {
        var found: [String] = []
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: dir.path) else { return ["cannot read \(dir.path)"] }
        for case let rel as String in walker where rel.hasSuffix(".swift") {
            let name = (rel as NSString).lastPathComponent
            if name == "Desk.swift" || name == "Session.swift" { continue }
            let text = try String(contentsOf: dir.appendingPathComponent(rel), encoding: .utf8)
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("desk.read") || line.contains("desk.write") {
                found.append("\(rel):\(i + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        return found.sorted()
    }

    @Test("no use case opens a transaction but through Session.read/write with its permission")
    func everyTransactionNamesItsPermission() throws {
        let stray = try Self.strayTransactions(in: Self.useCases)
        #expect(stray.isEmpty, "transactions without their permission check:\n\(stray.joined(separator: "\n"))")
    }

    @Test("the scan finds a stray transaction (so the check above can fail)")
    func scanFindsAStray() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("uc-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Claims"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "extension Session {\n    func x() throws { try desk.write { _ in } }\n}\n"
            .write(to: dir.appendingPathComponent("Claims/Stray.swift"), atomically: true, encoding: .utf8)
        try "func y() { desk.read { _ in } }\n".write(to: dir.appendingPathComponent("Session.swift"), atomically: true, encoding: .utf8)
        #expect(try Self.strayTransactions(in: dir) == ["Claims/Stray.swift:2: func x() throws { try desk.write { _ in } }"])
    }
}
