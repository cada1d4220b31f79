import CCrypt
import Foundation

/// yescrypt password hashes through the system libcrypt, the same scheme as /etc/shadow.
public enum Passwords {
    public static let minimumLength = 8

    /// A new "$y$..." hash with a fresh random salt (libcrypt reads the OS's random source).
    public static func hash(_ password: String) -> String? {
        guard let setting = crypt_gensalt_ra("$y$", 0, nil, 0) else { return nil }
        defer { free(setting) }
        return crypt(password, settingOrHash: String(cString: setting))
    }

    /// True when `password` produces `storedHash`; compared in constant time.
    public static func verify(_ password: String, against storedHash: String) -> Bool {
        guard let computed = crypt(password, settingOrHash: storedHash) else { return false }
        let a = Array(computed.utf8), b = Array(storedHash.utf8)
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<a.count { diff |= a[i] ^ b[i] }
        return diff == 0
    }

    private static func crypt(_ password: String, settingOrHash: String) -> String? {
        // struct crypt_data is large (~32 KiB): keep it off the stack, and zero it first as
        // crypt_r requires.
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        defer { data.deallocate() }
        memset(data, 0, MemoryLayout<crypt_data>.size)
        guard let out = crypt_r(password, settingOrHash, data) else { return nil }
        let result = String(cString: out)
        // libcrypt signals failure with a string starting with '*'.
        return result.hasPrefix("*") ? nil : result
    }
}
