import SkillCore

/// Texts of `S` for correcting mistakes (issue 12): withdrawing a claim, correcting and voiding a
/// certificate, a save refused by another user's edit. Joined into `S.table` in Strings.swift.
extension S {
    static let tableScreensCorrect: [S: (String, String)] = [
        .keyWithdraw: ("撤回", "Withdraw"),
        .withdrawTitle: ("撤回申请（撤回后不能恢复）", "Withdraw the claim (it cannot be undone)"),
        .withdrawHint: ("原因（必填），例如：班号选错，重新申请", "Reason (required), e.g. wrong class, a new claim follows"),
        .claimWithdrawnBy: ("撤回：%@ 于 %@", "Withdrawn by %@ at %@"),
        .editCertificate: ("更正证书", "Correct certificate"),
        .keyEditCert: ("更正", "Correct"),
        .keyVoidCert: ("作废", "Void"),
        .voidCertTitle: ("作废证书 %@（作废后不能作为申请依据）", "Void certificate %@ (it then backs no claim)"),
        .certUpdated: ("证书 %@ 已更正", "Certificate %@ corrected"),
        .certVoided: ("证书 %@ 已作废", "Certificate %@ voided"),
        .certVoidedMark: ("已作废", "void"),
        .certVoidLegend: ("✗ %@ 已作废（%@）：%@", "✗ %@ voided (%@): %@"),
        .certNoneSelected: ("请先用 ↑↓ 选中一张证书", "Select a certificate with ↑↓ first"),
        .certRefusedTitle: ("证书未改动", "Certificate not changed"),
        .certIsVoided: ("证书 %@ 已作废，不能更正", "Certificate %@ is void; it cannot be corrected"),
        .conflictTitle: ("他人已先保存：您的输入仍在，黄字为对方所改；再按 F2 覆盖，F5 改用对方的",
                         "Another user saved first (yellow). F2 again saves yours; F5 takes theirs"),
        .conflictField: ("%@ 已改为：%@", "changed by %@ to: %@"),
        .conflictReloaded: ("已放弃您的修改，显示 %@ 保存的内容", "Your changes were dropped; showing what %@ saved"),
        .helpCertEdit: ("更正证书：改错的字段后按 F2 保存；持证人不能更改（请作废后为正确的劳动者登记）",
                        "Correct a certificate: fix the wrong fields and press F2; the holder cannot change (void it and record it for the right worker)"),
    ]
}
