-- Durations independent sources cite, per topic and anchor, in day buckets: a duration counts
-- from its lower bound (its upper bound when only that is given); a source counts once a bucket.
WITH cited AS (
    SELECT topic, anchor, cluster_id, coalesce(min_days, max_days) AS days
    FROM filtered_claim_topics($topic, $product, $site, $since)
    WHERE (min_days IS NOT NULL OR max_days IS NOT NULL) AND anchor IS NOT NULL
)
SELECT topic, anchor,
       CASE WHEN days <= 3 THEN 1 WHEN days <= 7 THEN 2 WHEN days <= 15 THEN 3
            WHEN days <= 30 THEN 4 WHEN days <= 60 THEN 5 WHEN days <= 90 THEN 6
            WHEN days <= 180 THEN 7 WHEN days <= 365 THEN 8 ELSE 9 END AS bucket,
       count(DISTINCT cluster_id) AS sources,
       min(days) AS min_days, max(days) AS max_days
FROM cited
GROUP BY ALL
ORDER BY topic, anchor, bucket
