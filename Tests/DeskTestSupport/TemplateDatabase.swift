import Foundation
import SkillStore

/// Databases built once per test process and copied for each test. A fixture whose users have
/// passwords would otherwise hash each one again in every test (yescrypt is slow on purpose:
/// Passwords.swift); a copy of the template holds the very same rows, hashes and audit chain.
///
/// Thread-safe and lazy: Swift Testing runs tests in parallel, so the first test to ask for a
/// template builds it while the others asking for the same key wait; other keys go on.
public enum TemplateDatabase {
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var store: Store?
    }

    private final class Registry: @unchecked Sendable {
        let lock = NSLock()
        var entries: [String: Entry] = [:]
        func entry(_ key: String) -> Entry {
            lock.lock(); defer { lock.unlock() }
            if let e = entries[key] { return e }
            let e = Entry()
            entries[key] = e
            return e
        }
    }

    private static let registry = Registry()

    /// A fresh in-memory copy of the template `key`; `build` makes the template the first time
    /// (a failure is thrown to that test and the next one tries again). `key` must name everything
    /// `build` depends on (users, clock instant…): two different templates under one key would
    /// hand tests the wrong database.
    public static func copy(_ key: String, build: () throws -> Store) throws -> Store {
        let entry = registry.entry(key)
        entry.lock.lock()
        defer { entry.lock.unlock() }
        if entry.store == nil { entry.store = try build() }
        return try entry.store!.inMemoryCopy()
    }
}
