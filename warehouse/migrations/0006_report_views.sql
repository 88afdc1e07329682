-- 0006_report_views: the views the report (reports/) reads, so that it formats figures the
-- warehouse defines instead of re-deriving them. Built on the 0003 views: a claim family, an
-- independent source and a contradiction mean the same here as there. Every view keeps the
-- columns the report filters on (topic, product(s), site, last_seen) so its filters can be
-- applied as bound parameters.

-- Documents with their duplicate cluster (a document never clustered is its own cluster).
CREATE VIEW v_documents AS
SELECT d.*, coalesce(k.cluster_id, 'c-' || d.doc_id) AS cluster_id
FROM documents d LEFT JOIN clusters k USING (doc_id);
COMMENT ON VIEW v_documents IS 'Documents with their duplicate cluster id (the document''s own id when never clustered), as v_claims assigns it.';

-- v_independent_claims, one row per topic, with when the document was last fetched.
CREATE VIEW v_independent_claim_topics AS
SELECT unnest(c.topics) AS topic, c.*, d.last_seen
FROM v_independent_claims c JOIN documents d ON d.doc_id = c.doc_id;
COMMENT ON VIEW v_independent_claim_topics IS 'One row per independent claim (v_independent_claims) and topic, with the document''s last_seen; count DISTINCT cluster_id for independent sources.';

-- The claims v_contradictions pairs: independent, descriptive, affirms or denies, one row per
-- topic and product (product NULL when the claim names none), with the archived copy.
CREATE VIEW v_contradiction_claims AS
WITH per_topic AS (
    SELECT unnest(topics) AS topic, * EXCLUDE (topics) FROM v_independent_claims
    WHERE stance IN ('affirms', 'denies') AND modality = 'descriptive'
)
SELECT per_topic.topic, p.product, per_topic.stance, per_topic.claim_id, per_topic.text,
       per_topic.url, per_topic.site, per_topic.title, per_topic.cluster_id,
       per_topic.hedge, per_topic.products, per_topic.warc_file, per_topic.warc_record_id,
       d.last_seen
FROM per_topic
JOIN documents d ON d.doc_id = per_topic.doc_id
LEFT JOIN LATERAL (SELECT unnest(CASE WHEN len(per_topic.products) = 0 THEN [NULL::VARCHAR]
                                      ELSE per_topic.products END) AS product) p ON true;
COMMENT ON VIEW v_contradiction_claims IS 'The sides v_contradictions pairs: independent descriptive affirming/denying claims per topic and product, with archived copy; two rows of the same topic and product (NULL = none named), opposite stance and different cluster_id are a contradiction.';

-- v_rule_conflicts with what the report shows and filters on: the rule's topic and products,
-- the claim's products, hedge and archived copy, and when its document was last fetched.
CREATE VIEW v_rule_conflict_claims AS
SELECT r.rule_id, rr.topic, rr.products AS rule_products, r.source, r.article, r.confidence,
       r.statement, r.statement_zh, rr.conflicts_with, rr.anchor AS rule_anchor,
       rr.min_days AS rule_min_days, rr.max_days AS rule_max_days, rr.note,
       r.claim_id, r.text, r.url, r.site, r.stance, r.min_days, r.max_days, r.anchor,
       r.cluster_id, c.products, c.hedge, c.title, c.warc_file, c.warc_record_id, d.last_seen
FROM v_rule_conflicts r
JOIN reference_rules rr ON rr.rule_id = r.rule_id
JOIN v_independent_claims c ON c.claim_id = r.claim_id
JOIN documents d ON d.doc_id = c.doc_id;
COMMENT ON VIEW v_rule_conflict_claims IS 'v_rule_conflicts with the rule''s topic and products and the claim''s products, hedge, archived copy and last_seen.';

-- Runs in the order they were crawled (run_seq from 1), for "as of run" views.
CREATE VIEW v_run_order AS
SELECT run_id, started_at,
       row_number() OVER (ORDER BY started_at NULLS FIRST, run_id) AS run_seq
FROM crawl_runs;
COMMENT ON VIEW v_run_order IS 'Loaded crawl runs numbered in crawl order (run_seq 1 = first).';

-- Independent claims as they stood after each run: each document at the latest version
-- loaded by then, families and clusters as in v_independent_claims, one row per topic.
CREATE VIEW v_independent_claim_topics_by_run AS
WITH versions AS (
    SELECT v.doc_id, v.version, o.run_seq
    FROM document_versions v JOIN v_run_order o ON o.run_id = v.run_id
),
current_at AS (
    SELECT a.run_id AS as_of_run, v.doc_id, max(v.version) AS version
    FROM v_run_order a JOIN versions v ON v.run_seq <= a.run_seq
    GROUP BY a.run_id, v.doc_id
),
claims_at AS (
    SELECT ca.as_of_run, c.*, d.url, d.site, d.published, d.first_seen, d.last_seen,
           coalesce(k.cluster_id, 'c-' || c.doc_id) AS cluster_id
    FROM current_at ca
    JOIN claims c ON c.doc_id = ca.doc_id AND c.version = ca.version
    JOIN documents d ON d.doc_id = c.doc_id
    LEFT JOIN clusters k ON k.doc_id = c.doc_id
),
independent AS (
    SELECT * FROM claims_at
    QUALIFY row_number() OVER (PARTITION BY as_of_run, sentence_sha1
                               ORDER BY published NULLS LAST, first_seen, doc_id, idx) = 1
)
SELECT as_of_run, unnest(topics) AS topic, * EXCLUDE (as_of_run) FROM independent;
COMMENT ON VIEW v_independent_claim_topics_by_run IS 'Per run (as_of_run): the independent claims as they stood once that run was loaded, one row per topic; compare two runs for stance shifts.';

-- Claim families with the run that first loaded a sentence of the family.
CREATE VIEW v_claim_first_seen AS
WITH firsts AS (
    SELECT c.sentence_sha1, arg_min(o.run_id, o.run_seq) AS first_run_id
    FROM claims c
    JOIN document_versions v ON v.doc_id = c.doc_id AND v.version = c.version
    JOIN v_run_order o ON o.run_id = v.run_id
    GROUP BY c.sentence_sha1
)
SELECT f.first_run_id, i.*, d.last_seen
FROM v_independent_claims i
JOIN firsts f ON f.sentence_sha1 = i.sentence_sha1
JOIN documents d ON d.doc_id = i.doc_id;
COMMENT ON VIEW v_claim_first_seen IS 'Current independent claims (v_independent_claims) with first_run_id, the run that first loaded their sentence family: new claims of a run.';

-- Per run: what it fetched, what changed, and its crawl counters.
CREATE VIEW v_runs AS
WITH f AS (
    SELECT run_id, count(*) AS responses_archived, count(DISTINCT site) AS sites_fetched,
           count(*) FILTER (WHERE is_article) AS article_fetches
    FROM fetches GROUP BY run_id
),
ch AS (
    SELECT run_id,
           count(*) FILTER (WHERE change = 'new') AS new_articles,
           count(*) FILTER (WHERE change = 'edited') AS edited_articles,
           count(*) FILTER (WHERE change = 'gone') AS gone_articles
    FROM v_changes GROUP BY run_id
),
nc AS (
    SELECT first_run_id AS run_id, count(*) AS new_claim_families
    FROM v_claim_first_seen GROUP BY first_run_id
)
SELECT o.run_seq, r.run_id, r.started_at, r.finished_at, r.status, r.loaded_at,
       coalesce(f.responses_archived, 0) AS responses_archived,
       coalesce(f.sites_fetched, 0) AS sites_fetched,
       coalesce(f.article_fetches, 0) AS article_fetches,
       TRY_CAST(r.stats -> 'summary' ->> 'unchanged' AS BIGINT) AS unchanged,
       TRY_CAST(r.stats -> 'summary' ->> 'refused' AS BIGINT) AS refused,
       TRY_CAST(r.stats -> 'summary' ->> 'documents' AS BIGINT) AS documents_extracted,
       TRY_CAST(r.stats -> 'summary' ->> 'claims' AS BIGINT) AS claims_tagged,
       coalesce(ch.new_articles, 0) AS new_articles,
       coalesce(ch.edited_articles, 0) AS edited_articles,
       coalesce(ch.gone_articles, 0) AS gone_articles,
       coalesce(nc.new_claim_families, 0) AS new_claim_families
FROM crawl_runs r
JOIN v_run_order o ON o.run_id = r.run_id
LEFT JOIN f ON f.run_id = r.run_id
LEFT JOIN ch ON ch.run_id = r.run_id
LEFT JOIN nc ON nc.run_id = r.run_id;
COMMENT ON VIEW v_runs IS 'One row per loaded run in crawl order: responses archived, sites fetched, crawl summary counters, new/edited/gone articles and new claim families.';

-- Sites fetched in one run and not in the next one.
CREATE VIEW v_sites_gone AS
WITH per_run AS (SELECT DISTINCT f.run_id, f.site, o.run_seq
                 FROM fetches f JOIN v_run_order o ON o.run_id = f.run_id
                 WHERE f.site IS NOT NULL)
SELECT nxt.run_id, p.site, p.run_id AS last_run_id
FROM per_run p
JOIN v_run_order nxt ON nxt.run_seq = p.run_seq + 1
WHERE NOT EXISTS (SELECT 1 FROM per_run q WHERE q.run_id = nxt.run_id AND q.site = p.site);
COMMENT ON VIEW v_sites_gone IS 'Sites a run fetched nothing from although the run before fetched them (run_id = the later run).';

-- Crawl counters per run, one row per key of crawl_runs.stats.total.
CREATE VIEW v_run_counters AS
SELECT r.run_id, k.key, TRY_CAST(r.stats -> 'total' ->> k.key AS DOUBLE) AS value
FROM crawl_runs r,
     LATERAL (SELECT unnest(json_keys(r.stats -> 'total')) AS key) k
WHERE json_type(r.stats -> 'total') = 'OBJECT';
COMMENT ON VIEW v_run_counters IS 'crawl_runs.stats.total as rows (run_id, key, value): yuqi/dropped/* (extraction drops by reason), yuqi/refused/* (crawl guard), yuqi/robots/*.';

-- Extraction flags per document: kind and detail of every `kind` or `kind:detail` flag.
CREATE VIEW v_document_flags AS
SELECT d.doc_id, d.site, d.last_seen, f.flag,
       split_part(f.flag, ':', 1) AS kind,
       CASE WHEN contains(f.flag, ':') THEN substr(f.flag, strpos(f.flag, ':') + 1) END AS detail
FROM documents d, LATERAL (SELECT unnest(d.flags) AS flag) f;
COMMENT ON VIEW v_document_flags IS 'One row per document extraction flag, split into kind (glyph_gap_count, encoding_repaired ...) and detail (after the first colon).';
