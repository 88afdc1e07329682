-- What changed in the latest run: new, edited and vanished articles?
SELECT change, site, title, url
FROM v_changes
WHERE run_id = (SELECT max(run_id) FROM crawl_runs)
ORDER BY change, site, url;
