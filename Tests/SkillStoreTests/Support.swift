import Foundation
import SkillCore
@testable import SkillStore
import SkillRecords

/// A fixed business date, so resident IDs validate the same whatever day the tests run.
let today = CalendarDate(year: 2026, month: 1, day: 15)!
let fixedNow = Date(timeIntervalSince1970: 1_768_464_000)  // 2026-01-15T08:00:00Z

/// A valid resident ID: Nanjing Xuanwu (320102), the given birth date, a sequence number and
/// the right check character.
func residentID(region: String = "320102", birth: String = "19900101", seq: Int) -> String {
    let first17 = region + birth + String(format: "%03d", seq % 1000)
    return first17 + String(ResidentID.checkCharacter(for: first17)!)
}

/// A validated worker built through the core's own validation.
func makeWorker(id: String, name: String, phone: String = "", groups: [TargetGroup] = [],
                disability: Disability = .none) throws -> Worker {
    let draft = WorkerDraft(id: id, name: name, phone: phone, hukouRegion: "320102",
                            employment: .unemployed, groups: groups, disability: disability)
    switch draft.validate(today: today) {
    case let .success(w): return w
    case let .failure(v): throw v
    }
}

/// A fresh directory under the system temp dir, removed by `cleanup()`.
struct TempDir {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "skillstore-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
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

func sha256Hex(_ bytes: [UInt8]) -> String {
    var h = SHA256()
    h.update(bytes)
    return SHA256.hexString(h.finalize())
}

func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

func readBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}
