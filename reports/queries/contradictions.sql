-- Contradictions (the pairs v_contradictions makes from v_contradiction_claims): per topic and
-- product, how many independent sources take each side of a contradiction (among the 8
-- shortest quotes per topic, product, side and events), and up to 2 example pairs
-- (shortest first). Pairs follow migration 0021: different sources, opposite
-- stances, hedges that clash, the same proposition (overlapping product scope, comparable
-- durations, the same event, stated conditions and timing).
WITH filtered AS (
    SELECT * FROM v_contradiction_claims
    WHERE ($topic IS NULL OR topic = $topic)
      AND ($since IS NULL OR last_seen >= CAST($since AS TIMESTAMP))
    -- one quote per source, side and product: the shortest
    QUALIFY row_number() OVER (PARTITION BY topic, product, stance, cluster_id
                               ORDER BY length(text), claim_id) = 1
),
sides AS (
    -- at most 8 sources per topic, product, side and events (shortest quotes first), so
    -- the pairing stays small on a warehouse of millions of claims; the counts below are
    -- of the sources in such pairs
    SELECT * FROM filtered
    QUALIFY row_number() OVER (PARTITION BY topic, product, stance,
                                            array_to_string(events, ',')
                               ORDER BY length(text), claim_id) <= 8
),
pairs AS (
    SELECT a.topic, coalesce(a.product, b.product) AS product,
           a.claim_id AS affirm_claim_id, a.text AS affirm_text, a.url AS affirm_url,
           a.site AS affirm_site, a.cluster_id AS affirm_cluster, a.hedge AS affirm_hedge,
           a.warc_file AS affirm_warc_file, a.warc_record_id AS affirm_warc_record_id,
           b.claim_id AS deny_claim_id, b.text AS deny_text, b.url AS deny_url,
           b.site AS deny_site, b.cluster_id AS deny_cluster, b.hedge AS deny_hedge,
           b.warc_file AS deny_warc_file, b.warc_record_id AS deny_warc_record_id
    FROM sides a
    JOIN sides b
      ON a.topic = b.topic AND a.stance = 'affirms' AND b.stance = 'denies'
     AND a.cluster_id <> b.cluster_id
     AND hedges_clash(a.compared_hedge, b.compared_hedge)
     AND same_proposition(a.product, b.product, a.partial, b.partial, a.min_days,
                          a.max_days, b.min_days, b.max_days, a.events, b.events,
                          a.conditions, b.conditions, a.timing, b.timing)
    WHERE ($site IS NULL OR a.site = $site OR b.site = $site)
      AND ($product IS NULL OR coalesce(a.product, b.product) = $product)
),
counted AS (
    SELECT topic, product, count(DISTINCT affirm_cluster) AS affirm_sources,
           count(DISTINCT deny_cluster) AS deny_sources
    FROM pairs
    GROUP BY topic, product
),
ranked AS (
    SELECT p.*, c.affirm_sources, c.deny_sources,
           row_number() OVER (PARTITION BY p.topic, p.product
                              ORDER BY length(p.affirm_text) + length(p.deny_text),
                                       p.affirm_claim_id, p.deny_claim_id) AS pair_rank
    FROM pairs p
    JOIN counted c ON c.topic = p.topic AND c.product IS NOT DISTINCT FROM p.product
)
SELECT * FROM ranked
WHERE pair_rank <= 2
ORDER BY least(affirm_sources, deny_sources) DESC, affirm_sources + deny_sources DESC, topic,
         product NULLS LAST, pair_rank
