-- 1,000,000 workers added to a demo database for the CSV export benchmark (docs/PERFORMANCE.md
-- "CSV export of 1M workers"): sqlite3 /tmp/export/bench.sqlite < Benchmarks/export-1m-workers.sql
PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;
DROP INDEX workers_name; DROP INDEX workers_phone;
BEGIN;
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000000)
INSERT INTO workers(rowid, id, name, sex, birth_date, phone, hukou_region, rural, residence, employment, employer, employer_code, pension, groups, disability, unemployment_insured, created_at, updated_at)
SELECT x + 1000, '3201' || printf('%014d', x),
       substr('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗', x % 20 + 1, 1)
         || substr('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰', (x / 20) % 20 + 1, 1)
         || substr('华玉萍红娥玲芬燕彬鹏辉建国志宏文博浩宇涵', (x / 400) % 20 + 1, 1),
       CASE x % 2 WHEN 0 THEN 'F' ELSE 'M' END,
       date('1960-01-01', '+' || (x % 16000) || ' days'),
       CASE WHEN x % 10 = 0 THEN NULL ELSE '139' || printf('%08d', x) END,
       '3201' || printf('%02d', x % 17 + 1), x % 3 = 0,
       CASE WHEN x % 4 = 0 THEN '南京市玄武区中山路' || (x % 300) || '号' ELSE NULL END,
       CASE x % 5 WHEN 0 THEN 'employed' ELSE 'unemployed' END,
       CASE WHEN x % 5 = 0 THEN '南京某某科技有限公司第' || (x % 5000) || '分公司' ELSE NULL END,
       CASE WHEN x % 5 = 0 THEN '91320100MA1' || printf('%07d', x % 5000) ELSE NULL END,
       0, CASE x % 7 WHEN 0 THEN 'unemployed;veteran' WHEN 1 THEN 'rural_migrant' ELSE '' END, 'none', x % 2,
       '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
FROM n;
COMMIT;
CREATE INDEX workers_name ON workers(name);
CREATE INDEX workers_phone ON workers(phone);
ANALYZE;
