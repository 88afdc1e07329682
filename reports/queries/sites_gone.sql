-- Sites run $run fetched nothing from although the run before did (v_sites_gone).
SELECT site, last_run_id FROM v_sites_gone
WHERE run_id = $run AND ($site IS NULL OR site = $site)
ORDER BY site
