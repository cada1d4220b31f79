; Nantong, draft for the 15th five-year plan (高技能人才 征求意见稿), seed 002.
; Every number carries its source after `;`: a clause of the seed (as in clauses.txt), or `demo`
; for a value the seed leaves to local choice (a demonstration default for the bureau to confirm).
; Money is yuan with up to two decimals (4000.00), read exactly into integer fen.
; Format and how to add a profile: docs/DECISIONS.md, "Policy engine".

[profile]
name = nantong-draft
title = 关于加强新时代高技能人才队伍建设实施方案（征求意见稿）
city = 南通市
seed = 002

[rules]
trainings_per_year = 3          ; demo
online_percent = 50             ; demo
completion_percent = 80         ; demo
claim_window_days = 365         ; demo
working_age_min = 16            ; demo
working_age_max = 60            ; demo
rejection_warn_percent = 20     ; demo
notice_working_days = 5          ; demo
rejection_warn_min_decided = 20 ; demo

[training]
clause = 002 (八)
shortage_uplift_percent = 30    ; 002 (八)

[insured_upgrading]
clause = 002 (七)
L5 = 1000.00                    ; demo
L4 = 1500.00                    ; demo
L3 = 2000.00                    ; demo
