-- Independent sources per topic, product (NULL: none named) and net stance, descriptive
-- claims: a source counts once per topic and product.
WITH rows AS (
    SELECT topic, stance, cluster_id,
           unnest(CASE WHEN len(products) = 0 THEN [NULL::VARCHAR] ELSE products END) AS product
    FROM filtered_claim_topics($topic, $product, $site, $since)
    WHERE modality = 'descriptive'
),
per_source AS (
    SELECT topic, product, cluster_id, net_stance(list(DISTINCT stance)) AS stance
    FROM rows
    WHERE $product IS NULL OR product = $product
    GROUP BY topic, product, cluster_id
)
SELECT topic, product, stance, count(*) AS sources
FROM per_source
GROUP BY topic, product, stance
ORDER BY topic, product NULLS LAST, stance
