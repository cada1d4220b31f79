; Nantong 2017 (通政办发〔2017〕184号), seed 000.
; Every number carries its source after `;`: a clause of the seed (as in clauses.txt), or `demo`
; for a value the seed leaves to local choice (a demonstration default for the bureau to confirm).
; Money is yuan with up to two decimals (4000.00), read exactly into integer fen.
; Format and how to add a profile: docs/DECISIONS.md, "Policy engine".

[profile]
name = nantong-2017
title = 推进职业技能提升行动计划（2017~2020年）实施意见（通政办发〔2017〕184号）
city = 南通市
seed = 000

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
clause = 000 二(一)

[appraisal]
clause = 000 二(一)
L5 = 150.00                     ; demo
L4 = 200.00                     ; demo
L3 = 300.00                     ; demo
L2 = 400.00                     ; demo
L1 = 500.00                     ; demo

[insured_upgrading]
clause = 000 二(二)
L5 = 1000.00                    ; demo
L4 = 1500.00                    ; demo
L3 = 2000.00                    ; demo

[high_skill_reward]
clause = 000 二(二)
L2 = 3000.00                    ; 000 二(二)
L1 = 5000.00                    ; 000 二(二)
