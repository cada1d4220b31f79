import Foundation
import SkillCore
@testable import SkillDesk
import SkillStore
import SkillRecords
import Testing

/// 2026-01-15T08:00:00Z: a fixed instant, so IDs and lockouts do not depend on the day of the run.
let fixedNow = Date(timeIntervalSince1970: 1_768_464_000)

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date = fixedNow) { current = start }
    func now() -> Date { lock.lock(); defer { lock.unlock() }; return current }
    func advance(_ seconds: TimeInterval) { lock.lock(); current += seconds; lock.unlock() }
    var closure: @Sendable () -> Date { { [self] in now() } }
}

/// A valid resident ID (GB 11643): region, birth date, sequence, the right check character.
func residentID(region: String = "320102", birth: String = "19900101", seq: Int) -> String {
    let first17 = region + birth + String(format: "%03d", seq % 1000)
    return first17 + String(ResidentID.checkCharacter(for: first17)!)
}

/// The same ID with a wrong check character.
func wrongCheck(_ id: String) -> String {
    let right = id.last!
    let other: Character = right == "0" ? "1" : "0"
    return String(id.dropLast()) + String(other)
}

func draft(seq: Int, name: String, phone: String = "", groups: [TargetGroup] = [],
           disability: Disability = .none, relativeOf: String = "") -> WorkerDraft {
    WorkerDraft(id: residentID(seq: seq), name: name, phone: phone, hukouRegion: "320102",
                employment: .unemployed, groups: groups, disability: disability, relativeOf: relativeOf)
}

/// An in-memory desk with its administrator logged in, and a way to add a user of any role.
struct Fixture {
    let desk: Desk
    let clock: TestClock
    let admin: Session

    init(clock: TestClock = TestClock(), profiles: [PolicyProfile] = PolicyLibrary.profiles) throws {
        self.clock = clock
        desk = try Desk.inMemory(admin: "admin", password: "admin-pass-1", profiles: profiles, clock: clock.closure)
        admin = try desk.login(name: "admin", password: "admin-pass-1")
    }

    static func password(_ name: String) -> String { name + "-pass-1" }

    /// Adds `name` with `role` (once) and logs them in.
    func session(_ role: Role, name: String? = nil) throws -> Session {
        let name = name ?? role.rawValue + "1"
        if (try admin.users()).allSatisfy({ $0.name != name }) {
            try admin.addUser(name: name, roles: [role], password: Self.password(name))
        }
        return try desk.login(name: name, password: Self.password(name))
    }

    func clerk() throws -> Session { try session(.clerk) }

    var auditCount: Int { get throws { try desk.store.read { try $0.auditCount() } } }
    var workerCount: Int { get throws { try desk.store.read { try $0.workerCount() } } }
    func stored(_ id: String) throws -> WorkerRow? { try desk.store.read { try $0.worker(id: id) } }
}

/// A fresh directory under the system temp dir.
struct TempDir {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "skilldesk-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    func cleanup() { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let p = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

func readBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

func sha256Hex(_ bytes: [UInt8]) -> String {
    var h = SHA256()
    h.update(bytes)
    return SHA256.hexString(h.finalize())
}

/// Encodes UTF-8 text as GB18030 with glibc's iconv (independent of the product's converter).
func gb18030(_ s: String) -> [UInt8] {
    let cd = iconv_open("GB18030", "UTF-8")!
    precondition(cd != iconv_t(bitPattern: -1), "iconv has no GB18030")
    defer { iconv_close(cd) }
    var input = Array(s.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    let outCount = output.count
    let left: Int = input.withUnsafeMutableBufferPointer { src in
        output.withUnsafeMutableBufferPointer { dst in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inLeft = src.count
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(dst.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outLeft = dst.count
            let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            precondition(r != -1 && inLeft == 0, "iconv failed")
            return outLeft
        }
    }
    return Array(output[0..<(outCount - left)])
}

/// Parses a CSV file with the product's reader (tested on its own in SkillStoreTests).
func csvRows(_ path: String) throws -> [[String?]] {
    let reader = try CSVReader(path: path, encoding: .utf8)
    var rows: [[String?]] = []
    while let r = try reader.next() { rows.append(r.fields) }
    return rows
}

/// Runs `body`, expecting a `DeskError`, and returns it.
func deskError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> DeskError? {
    #expect(throws: DeskError.self, sourceLocation: sourceLocation) { try body() }
}
