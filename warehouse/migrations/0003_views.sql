-- 0003_views: the views analysts and reports query.

-- Claims of the current version of each document, with document, cluster and archive.
CREATE VIEW v_claims AS
SELECT c.*, d.url, d.site, d.title, d.published, d.first_seen, d.status AS doc_status,
       d.warc_file, d.warc_offset, d.warc_record_id,
       coalesce(k.cluster_id, 'c-' || c.doc_id) AS cluster_id
FROM claims c
JOIN documents d ON d.doc_id = c.doc_id AND d.version = c.version
LEFT JOIN clusters k ON k.doc_id = c.doc_id;
COMMENT ON VIEW v_claims IS 'Current claims with their document (URL, site, archived copy) and duplicate cluster.';

-- One row per claim family (identical normalized sentence), earliest occurrence kept:
-- a sentence copied onto 30 sites, or repeated inside a repost cluster, counts once.
CREATE VIEW v_independent_claims AS
SELECT * EXCLUDE (rn) FROM (
    SELECT v.*,
           count(*) OVER (PARTITION BY sentence_sha1) AS family_size,
           count(DISTINCT cluster_id) OVER (PARTITION BY sentence_sha1) AS family_clusters,
           row_number() OVER (PARTITION BY sentence_sha1
                              ORDER BY published NULLS LAST, first_seen, doc_id, idx) AS rn
    FROM v_claims v
) WHERE rn = 1;
COMMENT ON VIEW v_independent_claims IS 'One row per claim family (identical normalized sentence); family_size counts its copies.';

-- Per topic and stance: how many independent sources (clusters) say so; questions left out.
CREATE VIEW v_topic_stance AS
WITH per_topic AS (
    SELECT unnest(topics) AS topic, stance, modality, cluster_id FROM v_independent_claims
)
SELECT topic, stance, modality,
       count(DISTINCT cluster_id) AS sources,
       count(*) AS claims
FROM per_topic
WHERE stance IN ('affirms', 'denies', 'conditional')
GROUP BY topic, stance, modality;
COMMENT ON VIEW v_topic_stance IS 'Independent sources (duplicate clusters) per topic, stance and modality, questions left out.';

-- Durations sources cite, one row per (claim family, topic, product); product NULL when none named.
CREATE VIEW v_thresholds AS
WITH per_topic AS (
    SELECT unnest(topics) AS topic, * EXCLUDE (topics) FROM v_independent_claims
    WHERE min_days IS NOT NULL OR max_days IS NOT NULL
)
SELECT topic, p.product, stance, modality, hedge, anchor, min_days, max_days,
       text, url, site, cluster_id, claim_id
FROM per_topic
LEFT JOIN LATERAL (SELECT unnest(CASE WHEN len(products) = 0 THEN [NULL::VARCHAR]
                                      ELSE products END) AS product) p ON true;
COMMENT ON VIEW v_thresholds IS 'Durations (days) that independent claims cite, per topic and product.';

-- Pairs of independent sources that disagree: same topic and product (or both naming none),
-- one affirms and the other denies, both descriptive, from different clusters.
CREATE VIEW v_contradictions AS
WITH per_topic AS (
    SELECT unnest(topics) AS topic, * EXCLUDE (topics) FROM v_independent_claims
    WHERE stance IN ('affirms', 'denies') AND modality = 'descriptive'
),
exploded AS (
    SELECT per_topic.*, p.product
    FROM per_topic
    LEFT JOIN LATERAL (SELECT unnest(CASE WHEN len(products) = 0 THEN [NULL::VARCHAR]
                                          ELSE products END) AS product) p ON true
)
SELECT a.topic, a.product,
       a.claim_id AS affirm_claim_id, a.text AS affirm_text, a.url AS affirm_url,
       a.site AS affirm_site, a.cluster_id AS affirm_cluster,
       b.claim_id AS deny_claim_id, b.text AS deny_text, b.url AS deny_url,
       b.site AS deny_site, b.cluster_id AS deny_cluster
FROM exploded a
JOIN exploded b
  ON a.topic = b.topic AND a.product IS NOT DISTINCT FROM b.product
 AND a.stance = 'affirms' AND b.stance = 'denies' AND a.cluster_id <> b.cluster_id;
COMMENT ON VIEW v_contradictions IS 'Pairs of independent descriptive claims on the same topic and product where one affirms and one denies.';

-- What changed, per run: new and edited articles (document versions) and vanished ones.
CREATE VIEW v_changes AS
SELECT v.run_id, CASE WHEN v.version = 1 THEN 'new' ELSE 'edited' END AS change,
       v.doc_id, d.url, d.site, coalesce(v.title, d.title) AS title, v.version, v.fetched_at
FROM document_versions v JOIN documents d USING (doc_id)
UNION ALL
SELECT f.run_id, 'gone' AS change, d.doc_id, d.url, d.site, d.title, d.version, f.fetched_at
FROM fetches f JOIN documents d ON d.url = f.url
WHERE f.status IN (404, 410);
COMMENT ON VIEW v_changes IS 'Per run: new, edited and gone articles.';

-- Independent descriptive claims that contradict a reference rule.
CREATE VIEW v_rule_conflicts AS
SELECT r.rule_id, r.source, r.article, r.confidence, r.statement, r.statement_zh,
       c.claim_id, c.text, c.url, c.site, c.stance, c.min_days, c.max_days, c.anchor,
       c.cluster_id
FROM reference_rules r
JOIN v_independent_claims c
  ON list_contains(c.topics, r.topic)
 AND c.modality = 'descriptive'
 AND (len(r.products) = 0 OR len(list_intersect(r.products, c.products)) > 0)
WHERE (r.conflicts_with = 'affirms' AND c.stance = 'affirms')
   OR (r.conflicts_with = 'denies' AND c.stance = 'denies')
   OR (r.conflicts_with = 'threshold' AND c.anchor = r.anchor AND c.stance <> 'question'
       AND (coalesce(c.max_days, c.min_days) < coalesce(r.min_days, -1)
            OR coalesce(c.min_days, c.max_days) > coalesce(r.max_days, 2147483647)));
COMMENT ON VIEW v_rule_conflicts IS 'Independent descriptive claims that contradict a reference_rules row.';
