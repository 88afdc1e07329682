-- Independent sources per topic, site and stance, descriptive claims (a claim family counts
-- for the site of its earliest occurrence).
SELECT topic, site, stance, count(DISTINCT cluster_id) AS sources
FROM v_independent_claim_topics
WHERE stance IN ('affirms', 'denies', 'conditional') AND modality = 'descriptive'
  AND ($topic IS NULL OR topic = $topic)
  AND ($product IS NULL OR list_contains(products, $product))
  AND ($site IS NULL OR site = $site)
  AND ($since IS NULL OR last_seen >= CAST($since AS TIMESTAMP))
GROUP BY topic, site, stance
ORDER BY topic, site, stance
