import Foundation
import SkillCore

/// A fresh directory under the system temp dir, removed by `cleanup()`.
public struct TempDir: Sendable {
    public let path: String
    public init() throws {
        path = NSTemporaryDirectory() + "skilldesk-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    public func file(_ name: String) -> String { path + "/" + name }
    public func cleanup() { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let p = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }

    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

public func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

public func readBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

public func sha256Hex(_ bytes: [UInt8]) -> String {
    var h = SHA256()
    h.update(bytes)
    return SHA256.hexString(h.finalize())
}

/// Encodes UTF-8 text as GB18030 with glibc's iconv (independent of the product's converter).
public func gb18030(_ s: String) -> [UInt8] {
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
