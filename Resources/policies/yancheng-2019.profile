; Yancheng 2019 (盐城市职业技能提升行动实施方案 2019—2021), seed 001.
; Every number carries its source after `;`: a clause of the seed (as in clauses.txt), or `demo`
; for a value the seed leaves to local choice (a demonstration default for the bureau to confirm).
; Money is yuan with up to two decimals (4000.00), read exactly into integer fen.
; Format and how to add a profile: docs/DECISIONS.md, "Policy engine".

[profile]
name = yancheng-2019
title = 盐城市职业技能提升行动实施方案（2019－2021年）
city = 盐城市
seed = 001

[rules]
trainings_per_year = 3          ; 001 四(三)2
online_percent = 50             ; demo
completion_percent = 80         ; demo
claim_window_days = 365         ; demo
working_age_min = 16            ; demo
working_age_max = 60            ; demo
rejection_warn_percent = 20     ; demo
notice_working_days = 5          ; demo
rejection_warn_min_decided = 20 ; demo

[training]
clause = 001 四(三)2

[living_allowance]
clause = 001 四(三)2
per_day = 30.00                 ; demo
max_days = 60                   ; demo

[work_based]
clause = 001 四(三)2
per_month = 500.00              ; demo
max_months = 6                  ; 001 四(三)2

[insured_upgrading]
clause = 001 四(三)2
L5 = 1000.00                    ; demo
L4 = 1500.00                    ; demo
L3 = 2000.00                    ; demo

[prepayment]
clause = 001 四(三)2
max_percent = 50                ; 001 四(三)2

[settlement]
clause = 001 四(三)2
