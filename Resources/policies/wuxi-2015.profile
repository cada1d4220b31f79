; Wuxi 2015 (锡政发〔2015〕339号), seed 004. No 以工代训, apprenticeship amounts or prepayment in this seed.
; Every number carries its source after `;`: a clause of the seed (as in clauses.txt), or `demo`
; for a value the seed leaves to local choice (a demonstration default for the bureau to confirm).
; Money is yuan with up to two decimals (4000.00), read exactly into integer fen.
; Format and how to add a profile: docs/DECISIONS.md, "Policy engine".

[profile]
name = wuxi-2015
title = 关于加强技能人才队伍建设促进产业转型升级的实施意见（锡政发〔2015〕339号）
city = 无锡市
seed = 004

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
clause = 004 三(二)5
shortage_uplift_percent = 20    ; demo
shortage_uplift_from_level = L3 ; 004 三(二)5

[appraisal]
clause = 004 三(二)5
L5 = 150.00                     ; demo
L4 = 200.00                     ; demo
L3 = 300.00                     ; demo
L2 = 400.00                     ; demo
L1 = 500.00                     ; demo
