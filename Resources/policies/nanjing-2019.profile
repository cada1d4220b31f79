; Nanjing 2019 (宁政办发〔2019〕53号), seed 003.
; Every number carries its source after `;`: a clause of the seed (as in clauses.txt), or `demo`
; for a value the seed leaves to local choice (a demonstration default for the bureau to confirm).
; Money is yuan with up to two decimals (4000.00), read exactly into integer fen.
; Format and how to add a profile: docs/DECISIONS.md, "Policy engine".

[profile]
name = nanjing-2019
title = 南京市职业技能提升行动实施方案（2019—2021年）
city = 南京市
seed = 003

[rules]
trainings_per_year = 3          ; 003 二(三)10
online_percent = 50             ; demo
completion_percent = 80         ; demo
claim_window_days = 365         ; demo
working_age_min = 16            ; demo
working_age_max = 60            ; demo
rejection_warn_percent = 20     ; demo
notice_working_days = 5          ; demo
rejection_warn_min_decided = 20 ; demo

[training]
clause = 003 二(三)10

[living_allowance]
clause = 003 二(一)2
per_day = 30.00                 ; demo
max_days = 60                   ; demo
local_rural_hukou = yes         ; 003 二(一)2

[apprenticeship]
clause = 003 二(一)1
L4 = 4000.00                    ; 003 二(一)1
L3 = 5000.00                    ; 003 二(一)1
L2 = 6000.00                    ; 003 二(一)1
L1 = 8000.00                    ; 003 二(一)1

[work_based]
clause = 003 二(一)1
per_month = 500.00              ; demo
max_months = 6                  ; 003 二(一)1

[insured_upgrading]
clause = 003 二(一)1
L5 = 1000.00                    ; demo
L4 = 1500.00                    ; demo
L3 = 2000.00                    ; demo

[prepayment]
clause = 003 二(三)10
max_percent = 50                ; 003 二(三)10

[settlement]
clause = 003 二(三)10

; The suggested credit grade of a training institution for a report period (issue 13). D when a
; D threshold is crossed; else A when every A threshold is met; else B when every B one is; else C.
; Fewer decided claims or enrolments than the minimums: "not enough data", no grade. Percents
; compare exactly; an administrator applies a grade, never the program.
[credit_grade]
clause = 003 二(三)11
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
