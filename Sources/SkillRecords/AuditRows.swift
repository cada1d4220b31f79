/// How many audit entries a filter matches, as far as a bounded read can say: exact, at least a
/// cap ("10,000+"), or unknown (a combined filter whose matches are sparse; counting them would
/// read the trail).
public enum AuditCount: Sendable, Equatable, Codable {
    case exact(Int)
    case atLeast(Int)
    case unknown
}
