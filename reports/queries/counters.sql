-- Crawl counters of runs $run and $previous: extraction drops, crawl guard refusals and
-- robots.txt outcomes, by their key prefixes (pipeline.stat_keys.StatGroup, bound as
-- $dropped_prefix, $refused_prefix, $robots_prefix).
SELECT run_id, key, value
FROM v_run_counters
WHERE run_id IN ($run, $previous)
  AND (starts_with(key, $dropped_prefix) OR starts_with(key, $refused_prefix)
       OR starts_with(key, $robots_prefix))
ORDER BY key, run_id
