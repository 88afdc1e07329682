-- 0023_claim_families_no_key: claim_families without its PRIMARY KEY (issue 19, item 4).
-- On the 1M-claim load bench the key's index cost more than writing the rows (1.8 s of a
-- 8.5 s load). The rows are unique by construction: a load or retag inserts each new
-- (sentence_sha1, signature) once, only those without a row yet (warehouse/families.py;
-- tests/test_claim_families.py checks it). DuckDB cannot drop a key, so the table is
-- rebuilt with its rows; the views read it by name and are unchanged.
CREATE TABLE claim_families_rebuilt (
    sentence_sha1 VARCHAR NOT NULL,
    signature     VARCHAR NOT NULL,
    family_id     VARCHAR NOT NULL,
    family_text   VARCHAR NOT NULL
);
INSERT INTO claim_families_rebuilt
SELECT sentence_sha1, signature, family_id, family_text FROM claim_families;
DROP TABLE claim_families;
ALTER TABLE claim_families_rebuilt RENAME TO claim_families;
COMMENT ON TABLE claim_families IS 'Which claim family each (normalized sentence, labels) belongs to: copies with small edits and the same labels share a family (pipeline/claim_families.py). One row per (sentence_sha1, signature), unique by construction (no key: its index cost more than the rows).';
COMMENT ON COLUMN claim_families.sentence_sha1 IS 'claims.sentence_sha1 of the sentence.';
COMMENT ON COLUMN claim_families.signature IS 'The labels the family shares: claim_signature(topics, stance, modality, hedge, min_days, max_days).';
COMMENT ON COLUMN claim_families.family_id IS 'The family: the sentence_sha1 of its first (earliest) sentence.';
COMMENT ON COLUMN claim_families.family_text IS 'The sentence as families compare it: normalized, product names masked as P, letters and digits only.';
