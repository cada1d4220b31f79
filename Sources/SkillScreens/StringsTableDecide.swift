import SkillCore

/// Texts of `S` added for issue 12's decisions part: the key list (F1, `?`), the claim detail's
/// rule lines and the clause screen, the attendance grid's W2 panel.
extension S {
    static let tableScreensDecide: [S: (String, String)] = [
        .messageWhole: ("消息全文：%@", "The whole message: %@"),
        .messageMore: (" F1", " F1"),
        .keyListF1: ("本按键一览与帮助", "This list of keys and help"),
        .keyListQuestion: ("同 F1（光标不在输入框时）", "Same as F1 (where no field takes typing)"),
        .keyListCtrlC: ("退出程序（先确认）", "Leave the program (asks first)"),
        .keyListMore: ("↓ 更多", "↓ more"),
        .keyWholeText: ("全文", "Whole text"),
        .keyChooseLine: ("选择规则", "Choose a rule"),
        .clauseRuleHeading: ("规则", "Rule"),
        .clauseHeading: ("政策条款 %@", "Policy clause %@"),
        .clauseNoPassage: ("（种子文件中没有条款 %@ 的原文）", "(no seed passage for clause %@)"),
        .clauseNone: ("（此规则不引用条款）", "(this rule cites no clause)"),
        .gridW2Title: ("⚠ W2 同日在其他机构出勤：", "⚠ W2 same day at another institution:"),
        .gridW2More: ("… 另有 %d 条 W2（见各人的申请详情）", "… %d more W2 (see each claim's detail)"),
        .helpKeyList: ("F1 或 ?（光标不在输入框时）列出本屏每个按键；底行放不下的按键以 … 表示。",
                       "F1, or ? where no field takes typing, lists every key of this screen; a footer that cannot show them all ends with …."),
    ]
}
