// The helpers every test target shares (resident IDs, the fixed clock, TempDir, GB18030…) live in
// CoreTestSupport; exported here so that each test file sees them without importing it.
@_exported import CoreTestSupport
import Foundation
import SkillCore
@testable import SkillStore
import SkillRecords

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
