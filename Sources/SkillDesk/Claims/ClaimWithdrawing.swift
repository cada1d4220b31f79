import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// Withdrawing a claim (issue 12, "Correcting mistakes"): a clerk takes back a draft or returned
/// claim, with a reason. It is final, leaves every list of work, stays in the history and the trail,
/// and frees the worker's one live claim of the kind on the class (`claims_one_live`).
extension Session {
    /// Withdraws a draft or returned claim (clerks, `prepareClaims`; reason required). Any clerk
    /// may withdraw any clerk's claim, as any clerk may submit it: claims belong to the office, a
    /// colleague covers an absence, and the trail and the claim detail name who withdrew, when and
    /// why. Four eyes does not apply: nothing is decided and no money moves. Audited `claim.withdraw`.
    @discardableResult
    public func withdrawClaim(_ id: Int64, reason: String) throws -> ClaimRow {
        try require(.prepareClaims)
        let now = desk.clock()
        return try write(.prepareClaims) { w in
            var c = try loadClaim(w, id)
            let t = try transition(w, c, .withdraw, reason: reason, code: nil)
            let before = ClaimSnapshot.json(c)
            c.status = t.to
            c.reason = t.reason
            return try save(w, c, action: t.action, before: before, now: now)
        }
    }
}
