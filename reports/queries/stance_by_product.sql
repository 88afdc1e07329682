-- Independent sources per topic, product (NULL: none named) and stance, descriptive claims.
WITH rows AS (
    SELECT topic, stance, cluster_id,
           unnest(CASE WHEN len(products) = 0 THEN [NULL::VARCHAR] ELSE products END) AS product
    FROM filtered_claim_topics($topic, $product, $site, $since)
    WHERE modality = 'descriptive'
)
SELECT topic, product, stance, count(DISTINCT cluster_id) AS sources
FROM rows
WHERE $product IS NULL OR product = $product
GROUP BY topic, product, stance
ORDER BY topic, product NULLS LAST, stance
