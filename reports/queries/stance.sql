-- Independent sources (duplicate clusters) per topic, stance and modality among the filtered
-- independent claims; unfiltered this equals v_topic_stance.
SELECT topic, stance, modality, count(DISTINCT cluster_id) AS sources, count(*) AS claims
FROM v_independent_claim_topics
WHERE stance IN ('affirms', 'denies', 'conditional')
  AND ($topic IS NULL OR topic = $topic)
  AND ($product IS NULL OR list_contains(products, $product))
  AND ($site IS NULL OR site = $site)
  AND ($since IS NULL OR last_seen >= CAST($since AS TIMESTAMP))
GROUP BY topic, stance, modality
ORDER BY topic, stance, modality
