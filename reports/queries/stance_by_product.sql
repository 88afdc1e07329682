-- Independent sources per topic, product (NULL: none named) and stance, descriptive claims.
WITH rows AS (
    SELECT topic, stance, cluster_id,
           unnest(CASE WHEN len(products) = 0 THEN [NULL::VARCHAR] ELSE products END) AS product
    FROM v_independent_claim_topics
    WHERE stance IN ('affirms', 'denies', 'conditional') AND modality = 'descriptive'
      AND ($topic IS NULL OR topic = $topic)
      AND ($product IS NULL OR list_contains(products, $product))
      AND ($site IS NULL OR site = $site)
      AND ($since IS NULL OR last_seen >= CAST($since AS TIMESTAMP))
)
SELECT topic, product, stance, count(DISTINCT cluster_id) AS sources
FROM rows
WHERE $product IS NULL OR product = $product
GROUP BY topic, product, stance
ORDER BY topic, product NULLS LAST, stance
