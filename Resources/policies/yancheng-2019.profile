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

; The suggested credit grade of a training institution for a report period (issue 13). D when a
; D threshold is crossed; else A when every A threshold is met; else B when every B one is; else C.
; Fewer decided claims or enrolments than the minimums: "not enough data", no grade. Percents
; compare exactly; an administrator applies a grade, never the program.
[credit_grade]
clause = 001 五(三)
min_decided = 10                ; demo
min_enrolled = 10               ; demo
a_completion_percent = 90       ; demo
a_certified_percent = 80        ; demo
a_rejection_percent = 5         ; demo
a_max_w3 = 0                    ; demo
b_completion_percent = 75       ; demo
b_rejection_percent = 15        ; demo
d_completion_percent = 50       ; demo
d_rejection_percent = 30        ; demo
