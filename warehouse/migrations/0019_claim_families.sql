-- 0019_claim_families: fuzzy claim families (issue 15, item 5). A family was one exact
-- normalized sentence; now sentences with the same labels whose texts differ by small
-- edits (a spun word, another product name) are one family (pipeline/claim_families.py),
-- assigned at each load and after a retag. A sentence without a row here is a family of
-- its own (the old definition), so a warehouse keeps working until its next load.
CREATE TABLE claim_families (
    sentence_sha1 VARCHAR NOT NULL,
    signature     VARCHAR NOT NULL,
    family_id     VARCHAR NOT NULL,
    family_text   VARCHAR NOT NULL,
    PRIMARY KEY (sentence_sha1, signature)
);
COMMENT ON TABLE claim_families IS 'Which claim family each (normalized sentence, labels) belongs to: copies with small edits and the same labels share a family (pipeline/claim_families.py).';
COMMENT ON COLUMN claim_families.sentence_sha1 IS 'claims.sentence_sha1 of the sentence.';
COMMENT ON COLUMN claim_families.signature IS 'The labels the family shares: claim_signature(topics, stance, modality, hedge, min_days, max_days).';
COMMENT ON COLUMN claim_families.family_id IS 'The family: the sentence_sha1 of its first (earliest) sentence.';
COMMENT ON COLUMN claim_families.family_text IS 'The sentence as families compare it: normalized, product names masked as P, letters and digits only.';

CREATE MACRO claim_signature(topics, stance, modality, hedge, min_days, max_days) AS
    concat_ws('|', coalesce(array_to_string(list_sort(topics), ','), ''), coalesce(stance, ''),
              coalesce(modality, ''), coalesce(hedge, ''), coalesce(min_days::VARCHAR, ''),
              coalesce(max_days::VARCHAR, ''));

-- Each current claim with its family (the sentence's own hash when not yet assigned).
CREATE VIEW v_claim_families AS
SELECT c.claim_id, c.doc_id, c.sentence_sha1,
       coalesce(f.family_id, c.sentence_sha1) AS family_id
FROM v_claims c
LEFT JOIN claim_families f
       ON f.sentence_sha1 = c.sentence_sha1
      AND f.signature = claim_signature(c.topics, c.stance, c.modality, c.hedge, c.min_days,
                                        c.max_days);
COMMENT ON VIEW v_claim_families IS 'Every current claim with its claim family (fuzzy: same labels, small edits).';

-- One row per claim family, earliest occurrence kept: a sentence copied onto 30 sites, or
-- spun on each of them, counts once. Same columns as before; families are now fuzzy.
CREATE OR REPLACE VIEW v_independent_claims AS
SELECT * EXCLUDE (rn, family_key) FROM (
    SELECT v.*,
           count(*) OVER (PARTITION BY family_key) AS family_size,
           count(DISTINCT cluster_id) OVER (PARTITION BY family_key) AS family_clusters,
           row_number() OVER (PARTITION BY family_key
                              ORDER BY published NULLS LAST, first_seen, doc_id, idx) AS rn
    FROM (
        SELECT v.*, coalesce(f.family_id, v.sentence_sha1) AS family_key
        FROM v_claims v
        LEFT JOIN claim_families f
               ON f.sentence_sha1 = v.sentence_sha1
              AND f.signature = claim_signature(v.topics, v.stance, v.modality, v.hedge,
                                                v.min_days, v.max_days)
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
           coalesce(f.family_id, c.sentence_sha1) AS family_key
    FROM current_at ca
    JOIN claims c ON c.doc_id = ca.doc_id AND c.version = ca.version
    JOIN documents d ON d.doc_id = c.doc_id
    LEFT JOIN clusters k ON k.doc_id = c.doc_id
    LEFT JOIN claim_families f
           ON f.sentence_sha1 = c.sentence_sha1
          AND f.signature = claim_signature(c.topics, c.stance, c.modality, c.hedge,
                                            c.min_days, c.max_days)
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
    SELECT c.doc_id, c.version, coalesce(f.family_id, c.sentence_sha1) AS family_key
    FROM claims c
    LEFT JOIN claim_families f
           ON f.sentence_sha1 = c.sentence_sha1
          AND f.signature = claim_signature(c.topics, c.stance, c.modality, c.hedge,
                                            c.min_days, c.max_days)
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
JOIN firsts f ON f.family_key = cf.family_id
JOIN documents d ON d.doc_id = i.doc_id;
COMMENT ON VIEW v_claim_first_seen IS 'Current independent claims (v_independent_claims) with first_run_id, the run that first loaded a sentence of their claim family: new claims of a run.';
