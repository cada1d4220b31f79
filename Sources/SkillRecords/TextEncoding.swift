import Foundation
import SkillCore
#if canImport(Glibc)
import Glibc
#endif

/// UTF-8 to GB18030 chunk by chunk with one iconv descriptor (a list export converts 100+ MB in
/// 64 KiB pieces; `TextEncoder.gb18030` opens a descriptor per call). Callers hand it whole
/// lines, so no character is ever cut between two chunks.
public final class GB18030StreamEncoder {
    private let cd: iconv_t

    /// nil when this system's iconv has no GB18030 converter (a glibc without gconv modules).
    public init?() {
        let cd = iconv_open("GB18030", "UTF-8")
        guard let cd, cd != iconv_t(bitPattern: -1) else { return nil }
        self.cd = cd
    }

    deinit { iconv_close(cd) }

    /// The GB18030 bytes of `utf8`; nil if iconv refused (only invalid UTF-8 can, and Swift strings
    /// are valid UTF-8). GB18030 covers all of Unicode, so nothing is replaced.
    public func encode(_ utf8: [UInt8]) -> [UInt8]? {
        if utf8.isEmpty { return [] }
        var input = utf8
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let total = output.count
        let (r, inLeft, outLeft): (Int, Int, Int) = input.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inBytes = src.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(dst.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outBytes = dst.count
                let r = iconv(cd, &inPtr, &inBytes, &outPtr, &outBytes)
                return (r, inBytes, outBytes)
            }
        }
        guard r != -1, inLeft == 0 else { return nil }
        return Array(output[0..<(total - outLeft)])
    }
}
