// The helpers every test target shares (resident IDs, the fixed clock, SeededGenerator…) live in
// CoreTestSupport; exported here so that each test file sees them without importing it.
@_exported import CoreTestSupport
import SkillCore

func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

extension Result {
    var failure: Failure? { if case .failure(let e) = self { e } else { nil } }
    var success: Success? { if case .success(let v) = self { v } else { nil } }
}
