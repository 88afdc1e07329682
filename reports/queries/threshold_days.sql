-- The durations independent sources name, per topic and anchor: each distinct number of days
-- (the lower bound, or the upper when only that is given) with how many sources name it
-- ("contacts are called after: 3 days (2 sources), 30 days (5), 90 days (4)").
WITH cited AS (
    SELECT topic, anchor, cluster_id, coalesce(min_days, max_days) AS days
    FROM filtered_claim_topics($topic, $product, $site, $since)
    WHERE (min_days IS NOT NULL OR max_days IS NOT NULL) AND anchor IS NOT NULL
)
SELECT topic, anchor, days, count(DISTINCT cluster_id) AS sources
FROM cited
GROUP BY ALL
ORDER BY topic, anchor, days
