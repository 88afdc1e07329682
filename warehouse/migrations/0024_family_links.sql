-- 0024_family_links: a claim finds its family through its labels and family text (issue 19,
-- item 4). claim_families held one row per (sentence, labels): a load of 1M new claims wrote
-- about as many rows, and grouping them cost as much again (a fifth of the load). A family
-- is a function of its labels and its family text (an exact copy of a family's text joins
-- it; the assigner joins identical texts to the first family), so each claim now carries
-- its family text (written by the claims insert from the spool, as the crawl computed it)
-- and claim_family_links holds one row per (labels, family text): its family. The load
-- writes a link only for a family text new to its labels. claim_families stays, as a view
-- with its columns; the four views that read it join the links instead, same columns.
-- An old warehouse keeps every family: each link takes the family its text had (the
-- smallest id, as the load joined a text in two families), each claim its sentence's text.
ALTER TABLE claims ADD COLUMN family_text VARCHAR;

CREATE TABLE claim_family_links (
    signature     VARCHAR NOT NULL,
    family_text   VARCHAR NOT NULL,
    family_id     VARCHAR NOT NULL,
    sentence_sha1 VARCHAR NOT NULL
);
INSERT INTO claim_family_links
SELECT signature, family_text, min(family_id), arg_min(sentence_sha1, (family_id, sentence_sha1))
FROM claim_families
GROUP BY signature, family_text;

UPDATE claims SET family_text = f.family_text
FROM claim_families f
WHERE f.sentence_sha1 = claims.sentence_sha1
  AND f.signature = claim_signature(claims.topics, claims.stance, claims.modality,
                                    claims.hedge, claims.min_days, claims.max_days);

DROP TABLE claim_families;
COMMENT ON TABLE claim_family_links IS 'The claim family of each (labels, family text): claims with the same labels (claim_signature) and claims.family_text belong to it; copies with small edits and the same labels share a family (pipeline/claim_families.py). One row per (signature, family_text), unique by construction (no key).';
COMMENT ON COLUMN claim_family_links.signature IS 'The labels the family shares: claim_signature(topics, stance, modality, hedge, min_days, max_days).';
COMMENT ON COLUMN claim_family_links.family_text IS 'The sentence as families compare it: normalized, product names masked as P, letters and digits only (claims.family_text).';
COMMENT ON COLUMN claim_family_links.family_id IS 'The family: the sentence_sha1 of its first (earliest) sentence.';
COMMENT ON COLUMN claim_family_links.sentence_sha1 IS 'The sentence (claims.sentence_sha1) that first brought this family text.';
COMMENT ON COLUMN claims.family_text IS 'The sentence as claim families compare it (normalized, product names masked as P, letters and digits only), from the crawl''s spool or computed by the load; with the labels it finds the claim''s family in claim_family_links. NULL until a load or retag places the sentence (then its family is its own sentence_sha1).';

-- Which claim family each (normalized sentence, labels) belongs to, as the table was.
CREATE VIEW claim_families AS
SELECT DISTINCT c.sentence_sha1, s.signature, l.family_id, l.family_text
FROM claims c
CROSS JOIN LATERAL (SELECT claim_signature(c.topics, c.stance, c.modality, c.hedge,
                                           c.min_days, c.max_days) AS signature) s
JOIN claim_family_links l ON l.signature = s.signature AND l.family_text = c.family_text
WHERE c.sentence_sha1 IS NOT NULL;
COMMENT ON VIEW claim_families IS 'Which claim family each (normalized sentence, labels) of a stored claim belongs to (claims.family_text and claim_family_links); copies with small edits and the same labels share a family (pipeline/claim_families.py).';

-- The current claims as before: the family text is read by the views below, not shown.
CREATE OR REPLACE VIEW v_claims AS
SELECT c.* EXCLUDE (family_text), d.url, d.site, d.title, d.published, d.first_seen,
       d.status AS doc_status, d.warc_file, d.warc_offset, d.warc_record_id,
       coalesce(k.cluster_id, 'c-' || c.doc_id) AS cluster_id
FROM claims c
JOIN documents d ON d.doc_id = c.doc_id AND d.version = c.version
LEFT JOIN clusters k ON k.doc_id = c.doc_id;
COMMENT ON VIEW v_claims IS 'Current claims with their document (URL, site, archived copy) and duplicate cluster.';

CREATE OR REPLACE VIEW v_claim_families AS
SELECT c.claim_id, c.doc_id, c.sentence_sha1,
       coalesce(l.family_id, c.sentence_sha1) AS family_id
FROM claims c
JOIN documents d ON d.doc_id = c.doc_id AND d.version = c.version
LEFT JOIN claim_family_links l
       ON l.signature = claim_signature(c.topics, c.stance, c.modality, c.hedge, c.min_days,
                                        c.max_days)
      AND l.family_text = c.family_text;
COMMENT ON VIEW v_claim_families IS 'Every current claim with its claim family (fuzzy: same labels, small edits).';

CREATE OR REPLACE VIEW v_independent_claims AS
SELECT * EXCLUDE (rn, family_key) FROM (
    SELECT v.*,
           count(*) OVER (PARTITION BY family_key) AS family_size,
           count(DISTINCT cluster_id) OVER (PARTITION BY family_key) AS family_clusters,
           row_number() OVER (PARTITION BY family_key
                              ORDER BY published NULLS LAST, first_seen, doc_id, idx) AS rn
    FROM (
        -- v_claims, with the family text it does not show
        SELECT c.* EXCLUDE (family_text), d.url, d.site, d.title, d.published, d.first_seen,
               d.status AS doc_status, d.warc_file, d.warc_offset, d.warc_record_id,
               coalesce(k.cluster_id, 'c-' || c.doc_id) AS cluster_id,
               coalesce(l.family_id, c.sentence_sha1) || '|' || s.signature AS family_key
        FROM claims c
        JOIN documents d ON d.doc_id = c.doc_id AND d.version = c.version
        LEFT JOIN clusters k ON k.doc_id = c.doc_id
        CROSS JOIN LATERAL (SELECT claim_signature(c.topics, c.stance, c.modality, c.hedge,
                                                   c.min_days, c.max_days) AS signature) s
        LEFT JOIN claim_family_links l
               ON l.signature = s.signature AND l.family_text = c.family_text
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
    SELECT ca.as_of_run, c.* EXCLUDE (family_text), d.url, d.site, d.published, d.first_seen,
           d.last_seen, coalesce(k.cluster_id, 'c-' || c.doc_id) AS cluster_id,
           coalesce(l.family_id, c.sentence_sha1) || '|' || s.signature AS family_key
    FROM current_at ca
    JOIN claims c ON c.doc_id = ca.doc_id AND c.version = ca.version
    CROSS JOIN LATERAL (SELECT claim_signature(c.topics, c.stance, c.modality, c.hedge,
                                               c.min_days, c.max_days) AS signature) s
    JOIN documents d ON d.doc_id = c.doc_id
    LEFT JOIN clusters k ON k.doc_id = c.doc_id
    LEFT JOIN claim_family_links l
           ON l.signature = s.signature AND l.family_text = c.family_text
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
           coalesce(l.family_id, c.sentence_sha1) || '|' || s.signature AS family_key
    FROM claims c
    CROSS JOIN LATERAL (SELECT claim_signature(c.topics, c.stance, c.modality, c.hedge,
                                               c.min_days, c.max_days) AS signature) s
    LEFT JOIN claim_family_links l
           ON l.signature = s.signature AND l.family_text = c.family_text
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
