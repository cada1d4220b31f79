import SkillCore

/// Texts of `S` for finding claims (issue 12): the `/` search on the claim lists, the status list,
/// the auditor's list of every claim and the worker archive's claims.
extension S {
    static let tableScreensFind: [S: (String, String)] = [
        .claimSearchTitle: ("查找申请", "Find claims"),
        .claimSearchHint: ("申请编号（SD-2026-000123 或 123）、姓名或身份证号开头",
                           "Claim number (SD-2026-000123 or 123), name, or start of the ID"),
        .claimSearchNothing: ("没有可查找的内容：请输入申请编号、姓名或身份证号开头",
                              "Nothing to search for: type a claim number, a name or an ID start"),
        .claimSearchLine: ("查找：%@", "Find: %@"),
        .allStatuses: ("全部状态", "All statuses"),
        .claimStatusTitle: ("筛选申请：选择状态", "Filter claims: choose the status"),
        .keyFind: ("查找", "Find"),
        .allClaims: ("全部申请", "All claims"),
        .claimListChooseKind: ("筛选申请：选择补贴类别", "Filter claims: choose the subsidy kind"),
        .claimOptionUnknown: ("选项 %@ 无效：请用 1（批准）、4（驳回）或 5（查看）", "Option %@ is not valid here: use 1 (approve), 4 (reject) or 5 (view)"),
        .claimViewOptionUnknown: ("选项 %@ 无效：此处只能用 5（查看）", "Option %@ is not valid here: use 5 (view)"),
        .helpClaimSearch: ("/ 查找：输入申请编号（SD-2026-000123，或序号 123）、姓名的一部分或身份证号开头，在当前角色可查看的全部状态中查找（经办人只查自己经办的申请）；F8 逐个切换状态，s 从列表选择状态；Esc 或空白查找返回列表。",
                           "/ finds claims by number (SD-2026-000123, or the serial 123), part of a worker's name or the start of a resident ID, in every status your role may read (a clerk: the claims they prepared); F8 steps through the statuses, s picks one from a list; Esc or an empty search returns to the list."),
        .archiveClaims: ("补贴申请（%@ 笔；Tab 选中，Enter 打开）", "Claims (%@; Tab selects, Enter opens)"),
        .archiveNoClaims: ("补贴申请：无", "Claims: none"),
    ]
}
