-- 0022_family_keys: a claim family is (family_id, signature). A family's id is the
-- sentence_sha1 of its first sentence, so the two claims of one sentence (an asserted
-- concession: 虽然一般不会X，但可能会X gives a denial and an affirmation, each its own family)
-- founded two families with the same id, and the views below kept only one of them.
-- They now key a family by its id and its labels (claim_signature), with the same columns.
CREATE OR REPLACE VIEW v_independent_claims AS
SELECT * EXCLUDE (rn, family_key) FROM (
    SELECT v.*,
           count(*) OVER (PARTITION BY family_key) AS family_size,
           count(DISTINCT cluster_id) OVER (PARTITION BY family_key) AS family_clusters,
           row_number() OVER (PARTITION BY family_key
                              ORDER BY published NULLS LAST, first_seen, doc_id, idx) AS rn
    FROM (
        SELECT v.*, coalesce(f.family_id, v.sentence_sha1) || '|' || s.signature AS family_key
        FROM v_claims v
        CROSS JOIN LATERAL (SELECT claim_signature(v.topics, v.stance, v.modality, v.hedge,
                                                   v.min_days, v.max_days) AS signature) s
        LEFT JOIN claim_families f
               ON f.sentence_sha1 = v.sentence_sha1 AND f.signature = s.signature
    ) v
) WHERE rn = 1;
COMMENT ON VIEW v_independent_claims IS 'One row per claim family (the same labels, the sentence copied or edited slightly: v_claim_families); family_size counts its copies.';

CREATE OR REPLACE VIEW v_independent_claim_topics_by_run AS
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
           coalesce(k.cluster_id, 'c-' || c.doc_id) AS cluster_id,
           coalesce(f.family_id, c.sentence_sha1) || '|' || s.signature AS family_key
    FROM current_at ca
    JOIN claims c ON c.doc_id = ca.doc_id AND c.version = ca.version
    CROSS JOIN LATERAL (SELECT claim_signature(c.topics, c.stance, c.modality, c.hedge,
                                               c.min_days, c.max_days) AS signature) s
    JOIN documents d ON d.doc_id = c.doc_id
    LEFT JOIN clusters k ON k.doc_id = c.doc_id
    LEFT JOIN claim_families f
           ON f.sentence_sha1 = c.sentence_sha1 AND f.signature = s.signature
),
independent AS (
    SELECT * FROM claims_at
    QUALIFY row_number() OVER (PARTITION BY as_of_run, family_key
                               ORDER BY published NULLS LAST, first_seen, doc_id, idx) = 1
)
SELECT as_of_run, unnest(topics) AS topic, * EXCLUDE (as_of_run, family_key) FROM independent;
COMMENT ON VIEW v_independent_claim_topics_by_run IS 'Per run (as_of_run): the independent claims as they stood once that run was loaded, one row per topic; compare two runs for stance shifts.';

CREATE OR REPLACE VIEW v_claim_first_seen AS
WITH keyed AS (
    SELECT c.doc_id, c.version,
           coalesce(f.family_id, c.sentence_sha1) || '|' || s.signature AS family_key
    FROM claims c
    CROSS JOIN LATERAL (SELECT claim_signature(c.topics, c.stance, c.modality, c.hedge,
                                               c.min_days, c.max_days) AS signature) s
    LEFT JOIN claim_families f
           ON f.sentence_sha1 = c.sentence_sha1 AND f.signature = s.signature
),
firsts AS (
    SELECT k.family_key, arg_min(o.run_id, o.run_seq) AS first_run_id
    FROM keyed k
    JOIN document_versions v ON v.doc_id = k.doc_id AND v.version = k.version
    JOIN v_run_order o ON o.run_id = v.run_id
    GROUP BY k.family_key
)
SELECT f.first_run_id, i.*, d.last_seen
FROM v_independent_claims i
JOIN v_claim_families cf ON cf.claim_id = i.claim_id
JOIN firsts f ON f.family_key = cf.family_id || '|' || claim_signature(
    i.topics, i.stance, i.modality, i.hedge, i.min_days, i.max_days)
JOIN documents d ON d.doc_id = i.doc_id;
COMMENT ON VIEW v_claim_first_seen IS 'Current independent claims (v_independent_claims) with first_run_id, the run that first loaded a sentence of their claim family: new claims of a run.';
