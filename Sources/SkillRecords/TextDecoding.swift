import Foundation
import SkillCore

/// The encodings a bureau's CSV files come in: Excel on a Chinese Windows saves GB18030.
public enum TextEncoding: String, Sendable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case gb18030

    /// Decides between UTF-8 and GB18030 from the first bytes of a file: valid UTF-8 (allowing a
    /// sequence cut at the end of the sample) is UTF-8; anything else is taken as GB18030.
    public static func detect(_ sample: [UInt8]) -> TextEncoding {
        isValidUTF8Prefix(sample) ? .utf8 : .gb18030
    }

    static func isValidUTF8Prefix(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let len: Int
            if b < 0x80 { i += 1; continue }
            else if b & 0xE0 == 0xC0 && b >= 0xC2 { len = 2 }
            else if b & 0xF0 == 0xE0 { len = 3 }
            else if b & 0xF8 == 0xF0 && b <= 0xF4 { len = 4 }
            else { return false }
            if i + len > n { return true }  // cut by the sample's end
            for j in 1..<len where bytes[i + j] & 0xC0 != 0x80 { return false }
            i += len
        }
        return true
    }
}

/// Converts a GB18030 byte stream to UTF-8 chunk by chunk with iconv (in glibc), keeping an
/// incomplete multi-byte sequence at a chunk's end for the next chunk.
final class GB18030Converter {
    private let cd: iconv_t
    private var pending: [UInt8] = []

    init() throws {
        let cd = iconv_open("UTF-8", "GB18030")
        if cd == iconv_t(bitPattern: -1) {
            throw CSVError.cannotRead(path: "", reason: "iconv cannot convert GB18030")
        }
        self.cd = cd!
    }

    deinit { iconv_close(cd) }

    /// Returns the UTF-8 bytes for `input` (plus any bytes left over from the last call).
    /// Invalid bytes become U+FFFD so the row they are on is reported, not the whole file.
    func convert(_ input: ArraySlice<UInt8>, final: Bool) -> [UInt8] {
        var source = pending + input
        pending = []
        var output = [UInt8](repeating: 0, count: source.count * 2 + 16)
        var produced = 0
        var consumed = 0
        while consumed < source.count {
            let (inLeft, outLeft, err): (Int, Int, Int32) = source.withUnsafeMutableBufferPointer { src in
                output.withUnsafeMutableBufferPointer { dst in
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(src.baseAddress! + consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var inBytes = src.count - consumed
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(dst.baseAddress! + produced)
                        .assumingMemoryBound(to: CChar.self)
                    var outBytes = dst.count - produced
                    let r = iconv(cd, &inPtr, &inBytes, &outPtr, &outBytes)
                    return (inBytes, outBytes, r == -1 ? errno : 0)
                }
            }
            consumed = source.count - inLeft
            produced = output.count - outLeft
            if err == 0 { break }
            if err == E2BIG {
                output += [UInt8](repeating: 0, count: output.count)
            } else if err == EINVAL && !final {
                pending = Array(source[consumed...])  // incomplete sequence: wait for more bytes
                break
            } else {
                // EILSEQ (or a truncated sequence at the very end): one replacement character.
                if output.count - produced < 3 { output += [UInt8](repeating: 0, count: 16) }
                output[produced] = 0xEF; output[produced + 1] = 0xBF; output[produced + 2] = 0xBD
                produced += 3
                consumed += 1
            }
        }
        _ = source
        source = []
        return Array(output[0..<produced])
    }
}

/// The writing direction, for files the bureau sends out (bank files).
public enum TextEncoder {
    /// UTF-8 with a byte-order mark (what Excel on Windows needs to open UTF-8 CSV as UTF-8).
    public static func utf8WithBOM(_ text: String) -> [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.utf8) }

    /// GB18030 through iconv; nil if iconv cannot convert (GB18030 covers all of Unicode, so only
    /// a missing converter fails).
    public static func gb18030(_ text: String) -> [UInt8]? {
        guard let cd = iconv_open("GB18030", "UTF-8"), cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let total = output.count
        let (r, inLeft, outLeft): (Int, Int, Int) = input.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                var inPtr: UnsafeMutablePointer<CChar>? = src.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
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

    /// Bytes of a result file as text: UTF-8 (BOM dropped) when valid, else GB18030.
    public static func decode(_ bytes: [UInt8]) -> String {
        var b = bytes
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        if let s = String(validating: b, as: UTF8.self) { return s }
        // ignoring is right: iconv without GB18030 (a glibc without gconv modules) leaves only UTF-8,
        // and the text is shown with U+FFFD where it was not UTF-8 — never trapping, never lost silently.
        guard let conv = try? GB18030Converter() else { return String(decoding: b, as: UTF8.self) }
        return String(decoding: conv.convert(b[...], final: true), as: UTF8.self)
    }
}
