import Foundation
import SkillCore

/// 2026-01-15T08:00:00Z: one fixed instant, so IDs, ages and lockouts do not depend on the day of
/// the run. (The screen tests keep their own instant, 2025-06-02 in Nanjing, which their
/// reproduced screens show.)
public let fixedNow = Date(timeIntervalSince1970: 1_768_464_000)

/// The business date of `fixedNow` in the bureau's time zone.
public let today = CalendarDate(year: 2026, month: 1, day: 15)!

/// A clock the test moves by hand, starting at a fixed instant; safe to read from any thread.
public final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    public init(_ start: Date = fixedNow) { current = start }
    public func now() -> Date { lock.lock(); defer { lock.unlock() }; return current }
    public func advance(_ seconds: TimeInterval) { lock.lock(); current += seconds; lock.unlock() }
    public func advance(days: Int) { advance(Double(days) * 86_400) }
    /// The clock as a `Desk` takes it.
    public var closure: @Sendable () -> Date { { [self] in now() } }
}
