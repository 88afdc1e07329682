-- Contradictions (v_contradiction_claims, the sides v_contradictions pairs): per topic and
-- product, how many independent sources affirm and deny, and up to 2 example pairs from
-- different clusters (one quote per cluster, shortest first). Pairs follow v_contradictions
-- (migration 0016): hedges that clash, comparable durations.
WITH sides AS (
    SELECT * FROM v_contradiction_claims
    WHERE ($topic IS NULL OR topic = $topic)
      AND ($product IS NULL OR product = $product)
      AND ($site IS NULL OR site = $site)
      AND ($since IS NULL OR last_seen >= CAST($since AS TIMESTAMP))
    QUALIFY row_number() OVER (PARTITION BY topic, product, stance, cluster_id
                               ORDER BY length(text), claim_id) = 1
),
ranked AS (
    SELECT *,
           row_number() OVER (PARTITION BY topic, product, stance
                              ORDER BY length(text), claim_id) AS side_rank,
           count(*) OVER (PARTITION BY topic, product, stance) AS side_sources
    FROM sides
),
pairs AS (
    SELECT a.topic, a.product, a.side_sources AS affirm_sources, b.side_sources AS deny_sources,
           a.claim_id AS affirm_claim_id, a.text AS affirm_text, a.url AS affirm_url,
           a.site AS affirm_site, a.cluster_id AS affirm_cluster, a.hedge AS affirm_hedge,
           a.warc_file AS affirm_warc_file, a.warc_record_id AS affirm_warc_record_id,
           b.claim_id AS deny_claim_id, b.text AS deny_text, b.url AS deny_url,
           b.site AS deny_site, b.cluster_id AS deny_cluster, b.hedge AS deny_hedge,
           b.warc_file AS deny_warc_file, b.warc_record_id AS deny_warc_record_id,
           row_number() OVER (PARTITION BY a.topic, a.product
                              ORDER BY a.side_rank + b.side_rank, a.side_rank) AS pair_rank
    FROM ranked a
    JOIN ranked b
      ON a.topic = b.topic AND a.product IS NOT DISTINCT FROM b.product
     AND a.stance = 'affirms' AND b.stance = 'denies' AND a.cluster_id <> b.cluster_id
     AND hedges_clash(a.hedge, b.hedge)
     AND durations_comparable(a.min_days, a.max_days, b.min_days, b.max_days)
    WHERE a.side_rank <= 4 AND b.side_rank <= 4
)
SELECT * FROM pairs
WHERE pair_rank <= 2
ORDER BY least(affirm_sources, deny_sources) DESC, affirm_sources + deny_sources DESC, topic,
         product NULLS LAST, pair_rank
