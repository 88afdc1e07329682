-- 0025_load_tables_no_key: documents, document_versions, paragraphs and clusters without
-- their PRIMARY KEYs (issue 19, item 4), as claims (0001) and claim_families (0023) before.
-- On the load bench (100k documents, 1M claims) the four keys' indexes cost about 0.2 s of
-- a 3.4 s load (building them during the inserts, writing them at the commit). The rows
-- are unique by construction: only the loader writes these tables (warehouse/load.py),
-- one row per staged document (the latest fetch of a page fetched twice), after deleting
-- the rows those documents had; a version row only for a new text (the next version);
-- paragraphs by position; a cluster row only for a document without one.
-- warehouse/checks.py verifies each key. DuckDB cannot drop a key, so each table is rebuilt
-- with its rows, columns (the key columns stay NOT NULL) and comments; views read them by
-- name and are unchanged.
CREATE TABLE documents_rebuilt (
    doc_id             VARCHAR NOT NULL,
    url                VARCHAR NOT NULL,
    final_url          VARCHAR,
    site               VARCHAR NOT NULL,
    title              VARCHAR,
    published          DATE,
    author             VARCHAR,
    sitename           VARCHAR,
    "text"             VARCHAR,
    paragraphs         VARCHAR[],
    "encoding"         VARCHAR,
    flags              VARCHAR[],
    text_norm_sha1     VARCHAR,
    simhash            UBIGINT,
    extractor_version  VARCHAR,
    first_seen         TIMESTAMP,
    last_seen          TIMESTAMP,
    run_id             VARCHAR,
    content_sha1       VARCHAR,
    warc_file          VARCHAR,
    warc_offset        BIGINT,
    warc_record_id     VARCHAR,
    "version"          INTEGER NOT NULL,
    status             VARCHAR NOT NULL,
    gone_since         TIMESTAMP,
    text_norm          VARCHAR
);
INSERT INTO documents_rebuilt SELECT * FROM documents;
DROP TABLE documents;
ALTER TABLE documents_rebuilt RENAME TO documents;
COMMENT ON TABLE documents IS 'One row per article URL: its latest extracted main text and fingerprints.';
COMMENT ON COLUMN documents.doc_id IS 'Stable id: short SHA-1 of the canonical URL.';
COMMENT ON COLUMN documents.url IS 'Canonical article URL.';
COMMENT ON COLUMN documents.final_url IS 'URL after redirects when last fetched.';
COMMENT ON COLUMN documents.site IS 'Site config name.';
COMMENT ON COLUMN documents.title IS 'Title found by the extractor.';
COMMENT ON COLUMN documents.published IS 'Publication date found on the page (may be null).';
COMMENT ON COLUMN documents.author IS 'Author found on the page (may be null).';
COMMENT ON COLUMN documents.sitename IS 'Site name found on the page (may be null).';
COMMENT ON COLUMN documents."text" IS 'Main text after cleaning, one paragraph per line.';
COMMENT ON COLUMN documents.paragraphs IS 'Main text as a list of paragraphs.';
COMMENT ON COLUMN documents."encoding" IS 'Codec the page was decoded with.';
COMMENT ON COLUMN documents.flags IS 'Extraction flags such as encoding_repaired or short_text.';
COMMENT ON COLUMN documents.text_norm_sha1 IS 'SHA-1 of the normalized text: equal values are exact duplicates.';
COMMENT ON COLUMN documents.simhash IS '64-bit simhash of character shingles of the normalized text.';
COMMENT ON COLUMN documents.extractor_version IS 'trafilatura and yuqi cleaning versions that produced text.';
COMMENT ON COLUMN documents.first_seen IS 'First fetch of this URL (UTC).';
COMMENT ON COLUMN documents.last_seen IS 'Latest fetch of this URL (UTC).';
COMMENT ON COLUMN documents.run_id IS 'The run that last loaded this document.';
COMMENT ON COLUMN documents.content_sha1 IS 'SHA-1 of the raw response body last fetched.';
COMMENT ON COLUMN documents.warc_file IS 'WARC file (relative to the data dir) with the archived page.';
COMMENT ON COLUMN documents.warc_offset IS 'Byte offset of the archived response record.';
COMMENT ON COLUMN documents.warc_record_id IS 'WARC-Record-ID of the archived response record.';
COMMENT ON COLUMN documents."version" IS 'Current text version (document_versions.version); starts at 1, +1 when the text changes.';
COMMENT ON COLUMN documents.status IS 'live, or gone once the URL answered 404/410.';
COMMENT ON COLUMN documents.gone_since IS 'When the URL was first seen gone (null while live).';
COMMENT ON COLUMN documents.text_norm IS 'Normalized text for matching (NFKC where safe, Traditional -> Simplified, pinyin glosses removed, whitespace collapsed); NULL for documents spooled before 0007. Reports and quotes use the original text, never this.';

CREATE TABLE document_versions_rebuilt (
    doc_id             VARCHAR NOT NULL,
    "version"          INTEGER NOT NULL,
    run_id             VARCHAR NOT NULL,
    fetched_at         TIMESTAMP,
    title              VARCHAR,
    "text"             VARCHAR,
    text_norm_sha1     VARCHAR,
    extractor_version  VARCHAR,
    warc_file          VARCHAR,
    warc_offset        BIGINT,
    warc_record_id     VARCHAR
);
INSERT INTO document_versions_rebuilt SELECT * FROM document_versions;
DROP TABLE document_versions;
ALTER TABLE document_versions_rebuilt RENAME TO document_versions;
COMMENT ON TABLE document_versions IS 'Every distinct text a document has had; claims keep the version they came from. The current version''s text is documents.text (its text here is NULL until a new version supersedes it): coalesce(v.text, d.text) joining documents d ON d.doc_id = v.doc_id AND d.version = v.version.';
COMMENT ON COLUMN document_versions.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN document_versions."version" IS 'Version number, 1 for the first text seen.';
COMMENT ON COLUMN document_versions.run_id IS 'The run that first saw this text.';
COMMENT ON COLUMN document_versions.fetched_at IS 'When this text was first fetched (UTC).';
COMMENT ON COLUMN document_versions.title IS 'Title at this version.';
COMMENT ON COLUMN document_versions."text" IS 'Main text at this version, one paragraph per line; NULL for a document''s current version, whose text is documents.text (copied here when a new version supersedes it; loads before yuqi''s load6 change stored it here too).';
COMMENT ON COLUMN document_versions.text_norm_sha1 IS 'SHA-1 of the normalized text (what makes a new version).';
COMMENT ON COLUMN document_versions.extractor_version IS 'Extractor that produced this text.';
COMMENT ON COLUMN document_versions.warc_file IS 'WARC file with the page as fetched for this version.';
COMMENT ON COLUMN document_versions.warc_offset IS 'Byte offset of that response record.';
COMMENT ON COLUMN document_versions.warc_record_id IS 'WARC-Record-ID of that response record.';

CREATE TABLE paragraphs_rebuilt (
    doc_id              VARCHAR NOT NULL,
    idx                 INTEGER NOT NULL,
    "text"              VARCHAR,
    sha1                VARCHAR,
    is_boilerplate      BOOLEAN DEFAULT false NOT NULL,
    boilerplate_reason  VARCHAR
);
INSERT INTO paragraphs_rebuilt SELECT * FROM paragraphs;
DROP TABLE paragraphs;
ALTER TABLE paragraphs_rebuilt RENAME TO paragraphs;
COMMENT ON TABLE paragraphs IS 'Paragraphs of the current version of each document.';
COMMENT ON COLUMN paragraphs.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN paragraphs.idx IS 'Position in the document, from 0.';
COMMENT ON COLUMN paragraphs."text" IS 'Paragraph text as extracted.';
COMMENT ON COLUMN paragraphs.sha1 IS 'SHA-1 of the paragraph text (equal paragraphs across pages share it).';
COMMENT ON COLUMN paragraphs.is_boilerplate IS 'Marked as site template or teaser by cross-document cleaning.';
COMMENT ON COLUMN paragraphs.boilerplate_reason IS 'Why is_boilerplate is true: ''template'' (the same paragraph on many pages of the site) or ''teaser_of:<doc_id>'' (the beginning of that other document of the site); NULL when not boilerplate. Boilerplate paragraphs stay here but give no claims and are left out of near-duplicate fingerprints.';

CREATE TABLE clusters_rebuilt (
    doc_id                VARCHAR NOT NULL,
    cluster_id            VARCHAR NOT NULL,
    matched_doc_id        VARCHAR,
    "distance"            INTEGER,
    "similarity"          DOUBLE,
    canonical_doc_id      VARCHAR,
    canonical_distance    INTEGER,
    canonical_similarity  DOUBLE
);
INSERT INTO clusters_rebuilt SELECT * FROM clusters;
DROP TABLE clusters;
ALTER TABLE clusters_rebuilt RENAME TO clusters;
COMMENT ON TABLE clusters IS 'Near-duplicate cluster of every document; a cluster counts as one independent source.';
COMMENT ON COLUMN clusters.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN clusters.cluster_id IS 'Cluster id; never changes once given.';
COMMENT ON COLUMN clusters.matched_doc_id IS 'The earlier document whose match put this one in the cluster (null for the founder).';
COMMENT ON COLUMN clusters."distance" IS 'Simhash Hamming distance to matched_doc_id.';
COMMENT ON COLUMN clusters."similarity" IS 'Shingle similarity (Jaccard or scaled containment) to matched_doc_id.';
COMMENT ON COLUMN clusters.canonical_doc_id IS 'The cluster''s canonical document: its founder, the earliest published (then earliest fetched) document when the cluster was founded; never changes.';
COMMENT ON COLUMN clusters.canonical_distance IS 'Simhash Hamming distance to canonical_doc_id (0 for the canonical itself).';
COMMENT ON COLUMN clusters.canonical_similarity IS 'Shingle similarity (Jaccard or scaled containment) to canonical_doc_id (1 for the canonical itself).';
