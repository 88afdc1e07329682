-- Articles new, edited or gone in run $run (v_changes), by site when $site is set; up to 30
-- of each kind, with how many there are in all.
SELECT change, doc_id, url, site, title, version, fetched_at,
       count(*) OVER (PARTITION BY change) AS total
FROM v_changes
WHERE run_id = $run AND ($site IS NULL OR site = $site)
QUALIFY row_number() OVER (PARTITION BY change ORDER BY site, url) <= 30
ORDER BY CASE change WHEN 'new' THEN 1 WHEN 'edited' THEN 2 ELSE 3 END, site, url
