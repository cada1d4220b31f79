import Foundation

/// What a signed-in user may do. Roles follow the bureau's duties (POLICY.md "Who uses it").
public enum Role: String, Sendable, Codable, CaseIterable {
    case admin, clerk, supervisor, finance, auditor

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.admin, .zh): "管理员"
        case (.clerk, .zh): "经办人"
        case (.supervisor, .zh): "审核人"
        case (.finance, .zh): "财务"
        case (.auditor, .zh): "审计"
        case (.admin, .en): "Administrator"
        case (.clerk, .en): "Clerk"
        case (.supervisor, .en): "Supervisor"
        case (.finance, .en): "Finance"
        case (.auditor, .en): "Auditor"
        }
    }

    /// The code (any case) or either label.
    public static func parse(_ s: String) -> Role? {
        let t = s.trimmedWhitespace()
        if let v = Role(rawValue: t.lowercased()) { return v }
        return allCases.first { $0.label(.zh) == t || $0.label(.en).lowercased() == t.lowercased() }
    }

    /// Administrators manage users but do not register or edit workers: whoever can create accounts
    /// must not also be able to create the people subsidies are paid to (maker/checker separation).
    /// Only clerks change the worker registry; the others read it. Only administrators change the
    /// catalogues (occupations, institutions) and choose the active policy profile; everyone reads them.
    /// Only clerks file classes, rosters, attendance and certificates; everyone reads them.
    public func allows(_ p: Permission) -> Bool {
        switch self {
        case .clerk: [.readWorkers, .registerWorker, .editWorker, .importWorkers, .readCatalogue, .readClasses, .manageClasses,
                     .prepareClaims].contains(p)
        case .supervisor: [.readWorkers, .readCatalogue, .readClasses, .decideClaims, .readAllClaims, .readReports,
                           .readAnomalies].contains(p)
        case .finance: [.readWorkers, .readCatalogue, .readClasses, .payClaims, .readAllClaims, .readReports].contains(p)
        case .auditor: [.readWorkers, .readAudit, .verifyAudit, .readCatalogue, .readClasses, .readAllClaims, .readReports,
                        .readAnomalies].contains(p)
        case .admin: [.manageUsers, .readAudit, .verifyAudit, .readWorkers, .readCatalogue, .manageCatalogue, .readClasses,
                      .managePolicy, .manageFunds, .manageCalendar, .repairDatabase, .readReports, .manageReports].contains(p)
        }
    }

    /// A user holding several roles may do what any one of them allows.
    public static func allows(_ roles: Set<Role>, _ p: Permission) -> Bool {
        roles.contains { $0.allows(p) }
    }
}

public enum Permission: String, Sendable, Hashable, CaseIterable {
    case readWorkers, registerWorker, editWorker, importWorkers, manageUsers, readAudit, verifyAudit
    case readCatalogue, manageCatalogue
    /// Training classes, rosters, attendance and certificates: clerks manage them, everyone reads.
    case readClasses, manageClasses
    /// Choosing the active policy profile (`policy use`): administrators only, audited.
    case managePolicy
    /// Claims (issue 5): clerks prepare, submit and record objections; supervisors decide (approve,
    /// return, reject, claw back); finance pays; administrators allocate funds and edit the calendar.
    case prepareClaims, decideClaims, payClaims, manageFunds, manageCalendar
    /// Putting back triggers and indexes found missing or altered (`skilldesk repair`): administrators.
    case repairDatabase
    /// Every claim in the claim lists and their search (issue 12): supervisors, finance and auditors.
    /// Without it a list shows only the claims the user prepared (a clerk's own).
    case readAllClaims
    /// Oversight (issue 13): statistics, targets, institution performance, the fund disclosure and
    /// filed reports, with the rows behind every figure: supervisors, finance, auditors, administrators.
    case readReports
    /// Recording targets, applying an institution's credit grade and filing (报送) a report: administrators.
    case manageReports
    /// The anomaly signals (套取骗取 patterns across claims, W1–W5 over a period): auditors and supervisors.
    case readAnomalies
}
