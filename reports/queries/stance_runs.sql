-- Independent sources per topic and net stance (descriptive) as they stood after run $run
-- and after run $previous (v_independent_claim_topics_by_run), for stance shifts.
WITH per_source AS (
    SELECT as_of_run, topic, cluster_id, net_stance(list(DISTINCT stance)) AS stance
    FROM v_independent_claim_topics_by_run
    WHERE as_of_run IN ($run, $previous)
      AND stance IN ('affirms', 'denies', 'conditional') AND modality = 'descriptive'
      AND ($topic IS NULL OR topic = $topic)
      AND ($product IS NULL OR list_contains(products, $product))
      AND ($site IS NULL OR site = $site)
      AND ($since IS NULL OR last_seen >= CAST($since AS TIMESTAMP))
    GROUP BY as_of_run, topic, cluster_id
)
SELECT as_of_run, topic, stance, count(*) AS sources
FROM per_source
GROUP BY as_of_run, topic, stance
ORDER BY topic, stance, as_of_run
