-- Crawl counters of runs $run and $previous: extraction drops (yuqi/dropped/*), crawl guard
-- refusals (yuqi/refused/*) and robots.txt outcomes (yuqi/robots/*).
SELECT run_id, key, value
FROM v_run_counters
WHERE run_id IN ($run, $previous)
  AND (starts_with(key, 'yuqi/dropped/') OR starts_with(key, 'yuqi/refused/')
       OR starts_with(key, 'yuqi/robots/'))
ORDER BY key, run_id
