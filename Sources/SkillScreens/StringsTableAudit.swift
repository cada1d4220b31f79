import SkillCore

/// Texts of `S` for the audit trail's browser (issue 13): the list, its filters, an entry's
/// before → after, verify.
extension S {
    static let tableScreensAudit: [S: (String, String)] = [
        .csvListAudit: ("审计记录", "the audit trail"),
        .menuAuditTrail: ("审计记录", "Audit trail"),
    ]
}
