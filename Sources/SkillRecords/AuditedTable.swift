import Foundation
import SkillCore

/// The tables whose rows have audit images of their own, keyed as the trail keys them.
public enum AuditedTable: String, CaseIterable, Sendable {
    case workers, claims, classes, certificates, institutions, occupations, users
    case payeeAccounts = "payee_accounts"
}
