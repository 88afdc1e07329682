-- 0007_cross_document_cleaning: why a paragraph is boilerplate (cross-document cleaning in
-- the load: site template paragraphs, teasers that are another article's beginning), the
-- words glyph gaps probably lost (read from a near-duplicate in the same cluster), and the
-- normalized text kept beside the original.

ALTER TABLE paragraphs ADD COLUMN boilerplate_reason VARCHAR;
COMMENT ON COLUMN paragraphs.boilerplate_reason IS 'Why is_boilerplate is true: ''template'' (the same paragraph on many pages of the site) or ''teaser_of:<doc_id>'' (the beginning of that other document of the site); NULL when not boilerplate. Boilerplate paragraphs stay here but give no claims and are left out of near-duplicate fingerprints.';

ALTER TABLE documents ADD COLUMN text_norm VARCHAR;
COMMENT ON COLUMN documents.text_norm IS 'Normalized text for matching (NFKC where safe, Traditional -> Simplified, pinyin glosses removed, whitespace collapsed); NULL for documents spooled before 0007. Reports and quotes use the original text, never this.';

CREATE TABLE glyph_gaps (
    doc_id      VARCHAR NOT NULL,
    "offset"    INTEGER NOT NULL,
    context     VARCHAR NOT NULL,
    likely_word VARCHAR,
    mate_doc_id VARCHAR,
    PRIMARY KEY (doc_id, "offset")
);
COMMENT ON TABLE glyph_gaps IS 'Glyph gaps (suspected stripped words, flagged glyph_gap:<offset> in documents.flags) of documents that have a near-duplicate in their cluster, with the word the duplicate has at that spot; documents.text is never repaired.';
COMMENT ON COLUMN glyph_gaps.doc_id IS 'The document with the gap (documents.doc_id).';
COMMENT ON COLUMN glyph_gaps."offset" IS 'Character offset of the gap in documents.text (as in its glyph_gap:<offset> flag).';
COMMENT ON COLUMN glyph_gaps.context IS 'The text around the gap, the gap shown as □.';
COMMENT ON COLUMN glyph_gaps.likely_word IS 'What a cluster mate has at that spot: the word the site probably stripped; NULL when no mate has it.';
COMMENT ON COLUMN glyph_gaps.mate_doc_id IS 'The cluster mate likely_word was read from (documents.doc_id); NULL when no mate had it.';
