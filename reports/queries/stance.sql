-- Independent sources (duplicate clusters) per topic, net stance and modality among the
-- filtered independent claims: a source counts once per topic, with net_stance() over its
-- claims (migration 0016), so the shares add up; unfiltered this equals v_topic_stance.
WITH per_source AS (
    SELECT topic, modality, cluster_id, net_stance(list(DISTINCT stance)) AS stance,
           count(*) AS claims
    FROM filtered_claim_topics($topic, $product, $site, $since)
    GROUP BY topic, modality, cluster_id
)
SELECT topic, stance, modality, count(*) AS sources, sum(claims) AS claims
FROM per_source
GROUP BY topic, stance, modality
ORDER BY topic, stance, modality
