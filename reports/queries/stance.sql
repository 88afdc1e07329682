-- Independent sources (duplicate clusters) per topic, stance and modality among the filtered
-- independent claims; unfiltered this equals v_topic_stance.
SELECT topic, stance, modality, count(DISTINCT cluster_id) AS sources, count(*) AS claims
FROM filtered_claim_topics($topic, $product, $site, $since)
GROUP BY topic, stance, modality
ORDER BY topic, stance, modality
