import CCrypt
import Foundation
import SkillCore

/// yescrypt password hashes through the system libcrypt, the same scheme as /etc/shadow.
public enum Passwords {
    /// The shortest password accepted (issue 10). `scripts/common-passwords.py` keeps only the
    /// common passwords at least this long: lowering it means generating the list again.
    public static let minimumLength = 10

    /// Why a new password is refused, or nil when it may be used by `userName`. Checked wherever a
    /// password is set: `init`, `user add`, `user passwd` (docs/DECISIONS.md "Trust (issue 10)").
    public static func problem(_ password: String, userName: String) -> PasswordProblem? {
        if password.count < minimumLength { return .tooShort }
        let p = password.lowercased(), n = userName.lowercased()
        // The name itself, or the name dressed up with digits and punctuation only ("Wang2026!",
        // "2026.wang"): the first guesses an attacker makes. A name beside another word is allowed.
        if !n.isEmpty && p.contains(n) && !p.replacingOccurrences(of: n, with: "").contains(where: \.isLetter) {
            return .buildsOnUserName
        }
        if common.contains(p) { return .common }
        return nil
    }

    /// The shipped list of common passwords (`CommonPasswords.swift`), lower case.
    static let common: Set<String> = Set(CommonPasswords.text.split(separator: "\n").map(String.init))

    /// A hash of a random password, made once with the same yescrypt parameters as real ones: a
    /// login for an unknown user checks the given password against it, so it costs the same time
    /// as a login for a known one and the answer's speed does not tell which names exist.
    public static let dummyHash: String = hash(UUID().uuidString) ?? "$y$j9T$AAAAAAAAAAAAAAAAAAAAA.$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

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

/// What is wrong with a new password.
public enum PasswordProblem: Error, Equatable, Sendable, UserMessage {
    case tooShort
    case buildsOnUserName
    case common

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.tooShort, .zh): return "密码太短：至少 \(Passwords.minimumLength) 个字符；未作改动"
        case (.tooShort, .en): return "password too short: at least \(Passwords.minimumLength) characters; nothing was changed"
        case (.buildsOnUserName, .zh): return "密码不能是用户名，也不能只在用户名前后加数字或符号；请另选（未作改动）"
        case (.buildsOnUserName, .en): return "the password is the user name, or the user name with only digits or punctuation added; choose one that does not build on it (nothing was changed)"
        case (.common, .zh): return "该密码属于最常用密码之一（SkillDesk 自带常用密码表），容易被猜中；请另选，例如几个不相关的词（未作改动）"
        case (.common, .en): return "that password is among the most common passwords (the list shipped with SkillDesk) and easily guessed; choose another, e.g. a few unrelated words (nothing was changed)"
        }
    }
}
