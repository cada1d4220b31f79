import Foundation
import SkillCore
import SkillStore
import SkillRecords

extension Session {
    /// W1 as it stands now for each of the worker's certificates (keyed by certificate id; only
    /// certificates with a warning appear): the same (type, number) recorded for another worker,
    /// or an issue date before the linked class started. One short read; the archive marks ⚠ with it.
    public func certificateWarnings(worker: String) throws -> [Int64: [CertificateWarning]] {
        try require(.readClasses)
        let key = worker.trimmedWhitespace().uppercased()
        return try read(.readClasses) { r in
            var result: [Int64: [CertificateWarning]] = [:]
            var starts: [Int64: String] = [:]
            for c in try r.certificates(workerID: key, limit: 10_000) {
                var warnings: [CertificateWarning] = []
                for other in try r.certificates(type: c.type.rawValue, number: c.number) where other.workerID != c.workerID {
                    warnings.append(.numberHeldByAnother(worker: other.workerID))
                }
                if let classID = c.classID {
                    if starts[classID] == nil { starts[classID] = try r.trainingClass(id: classID)?.startDate }
                    if let start = starts[classID], c.issueDate < start {
                        warnings.append(.issuedBeforeClass(classID: classID, start: start))
                    }
                }
                if !warnings.isEmpty { result[c.id] = warnings }
            }
            return result
        }
    }
}
