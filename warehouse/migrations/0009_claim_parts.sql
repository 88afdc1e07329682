-- 0009_claim_parts: a sentence may give two claims (DOMAIN.md "Real pages": 虽然一般不会X，
-- 但可能会X asserts the concession and contradicts it), and such claims mark their document
-- as contradicting itself (tagger 0.3.0).

ALTER TABLE claims ADD COLUMN part SMALLINT DEFAULT 0;
COMMENT ON COLUMN claims.part IS '0 for a sentence''s (first) claim; 1 for the second claim of a sentence that yields two (虽然一般不会X，但可能会X). claim_id is doc_id:version:idx, with .part appended when part > 0.';

ALTER TABLE claims ADD COLUMN self_contradicting BOOLEAN DEFAULT false;
COMMENT ON COLUMN claims.self_contradicting IS 'True on both claims of a sentence that asserts a concession and states the opposite (虽然一般不会上门，但可能会上门): the document contradicts itself. NULL-free; false for claims tagged before 0009.';
