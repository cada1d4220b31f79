import Foundation
import Testing

/// The layers of DESIGN.md, enforced (issue 11 item 1): every `import` under `Sources/` is read and
/// any module outside its target's allowed set fails the test, naming the file, the line and what
/// the target may import instead.
@Suite("Import direction")
struct ImportDirectionTests {
    /// What each target may import. System modules (Foundation, Glibc, Darwin, Dispatch) are allowed
    /// everywhere except where a set says otherwise; `Logging` where the operator log is written.
    static let system: Set<String> = ["Foundation", "Glibc", "Darwin", "Dispatch"]
    static let allowed: [String: Set<String>] = [
        "SkillCore": ["Foundation"],
        "SkillRecords": system.union(["SkillCore"]),
        "SkillStore": system.union(["SkillCore", "SkillRecords", "GRDB", "GRDBSQLite", "SQLite3"]),
        "SkillDesk": system.union(["SkillCore", "SkillRecords", "SkillStore", "CCrypt", "Logging"]),
        "TermUI": system.union(["SkillCore"]),
        "SkillScreens": system.union(["SkillDesk", "SkillCore", "TermUI", "Logging"]),
        "skilldesk": system.union(["SkillScreens", "SkillDesk", "SkillCore", "TermUI", "ArgumentParser", "Logging"]),
    ]
    /// Files allowed one module more than their target: only TermUI's curses backend talks to curses,
    /// and only the use-case layer's XLSX writer to the zip library (issue 13).
    static func extra(target: String, file: String) -> Set<String> {
        if target == "TermUI" && file.hasPrefix("Curses") { return ["CNcursesw"] }
        if target == "SkillDesk" && file.hasPrefix("XLSX") { return ["ZIPFoundation"] }
        return []
    }

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
    }

    /// `import X`, `@_exported import X`, `@testable import X`, `import struct X.Y`, with leading spaces
    /// (inside `#if`): the module named.
    static func importedModule(_ line: Substring) -> String? {
        var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        while let w = words.first, w.hasPrefix("@") { words.removeFirst() }
        guard words.first == "import", words.count >= 2 else { return nil }
        let kinds: Set<String> = ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let"]
        let name = kinds.contains(words[1]) && words.count >= 3 ? words[2] : words[1]
        return String(name.split(separator: ".").first ?? Substring(name))
    }

    struct Finding: CustomStringConvertible {
        var file: String, line: Int, module: String, allowed: Set<String>
        var description: String {
            "\(file):\(line) imports \(module); this target may import only \(allowed.sorted().joined(separator: ", "))"
        }
    }

    static func scan() throws -> (files: Int, imports: Int, findings: [Finding], targets: Set<String>) {
        let fm = FileManager.default
        var files = 0, imports = 0, findings: [Finding] = [], targets: Set<String> = []
        for target in try fm.contentsOfDirectory(atPath: sources.path).sorted() {
            let dir = sources.appendingPathComponent(target)
            // Recursive: a target's sources may sit in area folders (SkillDesk/Claims/…).
            guard (try? fm.contentsOfDirectory(atPath: dir.path)) != nil, let walker = fm.enumerator(atPath: dir.path) else { continue } // a file, not a target
            let swiftFiles = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted()
            guard !swiftFiles.isEmpty else { continue }  // the C shims have no Swift
            targets.insert(target)
            let allowed = Self.allowed[target] ?? []
            for name in swiftFiles {
                files += 1
                let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let trimmed = line.drop { $0 == " " }
                    guard trimmed.hasPrefix("import ") || trimmed.hasPrefix("@") else { continue }
                    guard let module = importedModule(trimmed) else { continue }
                    imports += 1
                    let may = allowed.union(extra(target: target, file: (name as NSString).lastPathComponent))
                    if !may.contains(module) {
                        findings.append(Finding(file: "Sources/\(target)/\(name)", line: i + 1, module: module, allowed: may))
                    }
                }
            }
        }
        return (files, imports, findings, targets)
    }

    @Test("every import under Sources/ goes in the allowed direction")
    func everyImportGoesDown() throws {
        let r = try Self.scan()
        #expect(r.files > 100, "the scan found \(r.files) Swift files: is Sources/ where the test thinks?")
        #expect(r.findings.isEmpty, "\(r.findings.count) imports against the layers:\n\(r.findings.map(\.description).joined(separator: "\n"))")
        print("import check: \(r.files) files, \(r.imports) imports, \(r.findings.count) outside the allowed direction")
    }

    @Test("every target under Sources/ has a rule, so a new one cannot slip past")
    func everyTargetIsKnown() throws {
        let r = try Self.scan()
        #expect(r.targets == Set(Self.allowed.keys), "targets without a rule: \(r.targets.subtracting(Self.allowed.keys).sorted())")
    }

    @Test("the scan reads every form of import (so a finding cannot hide behind an attribute)")
    func scanReadsEveryForm() {
        #expect(Self.importedModule("import GRDB") == "GRDB")
        #expect(Self.importedModule("@_exported import SkillStore") == "SkillStore")
        #expect(Self.importedModule("@testable import SkillStore") == "SkillStore")
        #expect(Self.importedModule("@preconcurrency import GRDB") == "GRDB")
        #expect(Self.importedModule("import struct GRDB.Row") == "GRDB")
        #expect(Self.importedModule("@available(macOS 13, *)") == nil)
    }
}
