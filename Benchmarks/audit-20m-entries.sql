-- Adds 20M audit entries (seq 53..20000052) to a copy of the city database (claims.sqlite, whose trail ends at 52):
-- users clerk0..199, sup0..19, fin0..4, audit1 (rare); actions claim.* (60%), attendance, worker, class, certificate,
-- login, list.export (0.2%); times 11 s apart from 2020, the clock set back at seq 5,000,000 (2 h) and 12,000,000 (1 day).
-- prev_hash/hash are placeholders (unique, monotonic): the chain does NOT verify; this is for the browser only.
-- sqlite3 /work/bench-data/audit.sqlite < Benchmarks/audit-20m-entries.sql, then open it with skilldesk to migrate (v15).
PRAGMA journal_mode=WAL;
PRAGMA synchronous=OFF;
PRAGMA cache_size=-200000;
BEGIN;
WITH RECURSIVE s(seq) AS (SELECT 53 UNION ALL SELECT seq + 1 FROM s WHERE seq < 20000052),
r AS (SELECT seq, (seq * 2654435761) % 1000 AS a, (seq * 40503) % 997 AS b FROM s),
k AS (SELECT seq, b,
  CASE WHEN a < 300 THEN 'claim.submit' WHEN a < 420 THEN 'claim.approve' WHEN a < 470 THEN 'claim.publish_notice'
       WHEN a < 520 THEN 'claim.return' WHEN a < 550 THEN 'claim.reject' WHEN a < 600 THEN 'claim.pay'
       WHEN a < 700 THEN 'attendance.set' WHEN a < 800 THEN 'worker.update' WHEN a < 850 THEN 'worker.create'
       WHEN a < 900 THEN 'class.enrol' WHEN a < 950 THEN 'certificate.create' WHEN a < 998 THEN 'login'
       ELSE 'list.export' END AS action FROM r)
INSERT INTO audit(seq, at, user, action, entity, key, before, after, prev_hash, hash)
SELECT seq,
  strftime('%Y-%m-%dT%H:%M:%S.000Z', 1577836800 + seq * 11 - CASE WHEN seq BETWEEN 5000000 AND 5000500 THEN 7200
                                                                   WHEN seq BETWEEN 12000000 AND 12000100 THEN 86400 ELSE 0 END, 'unixepoch'),
  CASE WHEN action = 'list.export' AND b % 3 = 0 THEN 'audit1'
       WHEN action IN ('claim.approve','claim.return','claim.reject','claim.publish_notice') THEN 'sup' || (b % 20)
       WHEN action = 'claim.pay' THEN 'fin' || (b % 5)
       ELSE 'clerk' || (b % 200) END,
  action,
  CASE substr(action, 1, instr(action, '.') - 1) WHEN 'claim' THEN 'claim' WHEN 'attendance' THEN 'attendance'
       WHEN 'worker' THEN 'worker' WHEN 'class' THEN 'class' WHEN 'certificate' THEN 'certificate'
       WHEN 'login' THEN 'user' ELSE 'export' END,
  CASE WHEN action LIKE 'claim.%' THEN CAST((seq * 7919) % 5000005 + 1 AS TEXT)
       WHEN action LIKE 'worker.%' THEN '3201' || printf('%014d', (seq * 31) % 1000000)
       WHEN action = 'login' THEN 'clerk' || (b % 200)
       ELSE CAST(seq % 33334 + 1 AS TEXT) END,
  CASE WHEN action IN ('claim.submit', 'worker.create', 'certificate.create', 'login', 'list.export') THEN NULL
       ELSE '{"status":"submitted","amount_fen":150000}' END,
  CASE WHEN action = 'claim.return' THEN '{"status":"returned","reason":"证书编号与原件不符","amount_fen":150000}'
       ELSE '{"status":"approved","amount_fen":150000}' END,
  printf('%064d', seq - 1), printf('%064d', seq)
FROM k;
COMMIT;
