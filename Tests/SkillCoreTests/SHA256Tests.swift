import SkillCore
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180-4 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    @Test("a million 'a', fed in uneven pieces through both update paths")
    func millionA() {
        var hasher = SHA256()
        let block = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
        var fed = 0
        var useRaw = false
        while fed < 1_000_000 {
            let n = min(block.count, 1_000_000 - fed)
            if useRaw { block[0..<n].withUnsafeBytes { hasher.update($0) } } else { hasher.update(block[0..<n]) }
            useRaw.toggle()
            fed += n
        }
        #expect(SHA256.hexString(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("Chinese text is hashed as its UTF-8 bytes")
    func utf8() {
        // printf '张伟' | sha256sum
        #expect(SHA256.hex("张伟") == "a3a0bafd0beed44d93517e3bc1458f5645571c3295fb8a9050e2ec7cb73e2819")
    }
}
