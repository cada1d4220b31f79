import SkillCore

/// Texts of `S` for issue 12's missing rules (roster correction, the place of work, lookups).
extension S {
    static let tableScreensRules: [S: (String, String)] = [
        .rosterFixTitle: ("更正花名册：培训班 %@（已结业）", "Correct the roster of class %@ (completed)"),
        .rosterFixHint: ("已结业不再报名；补录的身份证号，可多个；Enter 下一步填写原因，F12 取消",
                         "Completed: no ordinary enrolment. Resident IDs to add; Enter asks the reason, F12 cancels"),
        .rosterReasonTitle: ("花名册更正原因（必填，将记入审计）", "Reason for the roster correction (required, audited)"),
        .rosterReasonHint: ("该班已提交的申请将被标记（W5）；Enter 更正，F12 取消",
                            "The class's submitted claims will be marked (W5); Enter corrects, F12 cancels"),
        .rosterFixed: ("花名册已更正：新增 %d 人，标记已提交申请 %d 笔（W5）", "Roster corrected: %d added, %d submitted claims marked (W5)"),
        .keyRosterFix: ("更正花名册", "Correct roster"),
        .keyFindWorkers: ("查找", "Find"),
        .findWorkersTitle: ("查找劳动者（姓名、身份证号或手机号；空格标记，Enter 报名）",
                            "Find workers (name, resident ID or phone; Space marks, Enter enrols)"),
        .findWorkersNoneMarked: ("未标记任何人：空格标记要报名的劳动者", "No one marked: Space marks the workers to enrol"),
        .chooseInstitution: ("选择培训机构（输入名称或代码筛选）", "Choose an institution (type a name or code to filter)"),
        .institutionFilterF4: ("；F4 按名称查找", "; F4 by name"),
        .chooseRegion: ("选择行政区划（输入名称或代码筛选）", "Choose a region (type a name or code to filter)"),
        .removedInvisible: ("已删除 %d 个不可见字符（控制、方向或零宽）", "%d invisible character(s) removed (control, bidi, zero-width)"),
    ]
}
