-- Blocks the cleaning removed, by rule: in run $run and in all runs, for the filtered documents.
SELECT r.rule,
       count(*) FILTER (WHERE r.run_id = $run) AS removed_this_run,
       count(*) AS removed,
       count(DISTINCT r.doc_id) AS documents
FROM removals r JOIN documents d ON d.doc_id = r.doc_id
WHERE ($site IS NULL OR d.site = $site)
  AND ($since IS NULL OR d.last_seen >= CAST($since AS TIMESTAMP))
GROUP BY r.rule
ORDER BY removed DESC, r.rule
