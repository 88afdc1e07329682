-- 0001_init: the core tables of the yuqi warehouse.

CREATE TABLE crawl_runs (
    run_id      VARCHAR PRIMARY KEY,
    started_at  TIMESTAMP,
    finished_at TIMESTAMP,
    status      VARCHAR,
    stats       JSON,
    loaded_at   TIMESTAMP
);
COMMENT ON TABLE crawl_runs IS 'One row per crawl run that has been loaded; stats holds the run''s counters as JSON.';
COMMENT ON COLUMN crawl_runs.run_id IS 'Run id, also the folder name under archive/ and spool/ (UTC timestamp based).';
COMMENT ON COLUMN crawl_runs.started_at IS 'When the crawl started (UTC).';
COMMENT ON COLUMN crawl_runs.finished_at IS 'When the crawl finished (UTC).';
COMMENT ON COLUMN crawl_runs.status IS 'finished, or the reason the crawl stopped early.';
COMMENT ON COLUMN crawl_runs.stats IS 'Counters of the run: pages fetched, documents, claims, drops by reason.';
COMMENT ON COLUMN crawl_runs.loaded_at IS 'When the run''s spool was loaded into this warehouse (UTC).';

CREATE TABLE fetches (
    run_id         VARCHAR NOT NULL,
    url            VARCHAR NOT NULL,
    final_url      VARCHAR,
    site           VARCHAR,
    status         INTEGER,
    fetched_at     TIMESTAMP,
    etag           VARCHAR,
    last_modified  VARCHAR,
    content_type   VARCHAR,
    is_article     BOOLEAN,
    warc_file      VARCHAR,
    warc_offset    BIGINT,
    warc_record_id VARCHAR,
    content_sha1   VARCHAR,
    PRIMARY KEY (run_id, url)
);
COMMENT ON TABLE fetches IS 'Every HTTP response a run archived, with where its bytes are in the WARC archive.';
COMMENT ON COLUMN fetches.run_id IS 'The crawl run (crawl_runs.run_id).';
COMMENT ON COLUMN fetches.url IS 'Canonical requested URL.';
COMMENT ON COLUMN fetches.final_url IS 'URL after redirects.';
COMMENT ON COLUMN fetches.site IS 'Site config name.';
COMMENT ON COLUMN fetches.status IS 'HTTP status code.';
COMMENT ON COLUMN fetches.fetched_at IS 'When the response arrived (UTC).';
COMMENT ON COLUMN fetches.etag IS 'ETag response header, for conditional re-fetch.';
COMMENT ON COLUMN fetches.last_modified IS 'Last-Modified response header, for conditional re-fetch.';
COMMENT ON COLUMN fetches.content_type IS 'Content-Type response header.';
COMMENT ON COLUMN fetches.is_article IS 'True when the URL matched the site''s article pattern.';
COMMENT ON COLUMN fetches.warc_file IS 'WARC file (relative to the data dir) holding the raw response.';
COMMENT ON COLUMN fetches.warc_offset IS 'Byte offset of the response record in warc_file.';
COMMENT ON COLUMN fetches.warc_record_id IS 'WARC-Record-ID of the response record.';
COMMENT ON COLUMN fetches.content_sha1 IS 'SHA-1 of the response body as received.';

CREATE TABLE documents (
    doc_id            VARCHAR PRIMARY KEY,
    url               VARCHAR NOT NULL,
    final_url         VARCHAR,
    site              VARCHAR NOT NULL,
    title             VARCHAR,
    published         DATE,
    author            VARCHAR,
    sitename          VARCHAR,
    text              VARCHAR,
    paragraphs        VARCHAR[],
    encoding          VARCHAR,
    flags             VARCHAR[],
    text_norm_sha1    VARCHAR,
    simhash           UBIGINT,
    extractor_version VARCHAR,
    first_seen        TIMESTAMP,
    last_seen         TIMESTAMP,
    run_id            VARCHAR,
    content_sha1      VARCHAR,
    warc_file         VARCHAR,
    warc_offset       BIGINT,
    warc_record_id    VARCHAR,
    version           INTEGER NOT NULL,
    status            VARCHAR NOT NULL,
    gone_since        TIMESTAMP
);
COMMENT ON TABLE documents IS 'One row per article URL: its latest extracted main text and fingerprints.';
COMMENT ON COLUMN documents.doc_id IS 'Stable id: short SHA-1 of the canonical URL.';
COMMENT ON COLUMN documents.url IS 'Canonical article URL.';
COMMENT ON COLUMN documents.final_url IS 'URL after redirects when last fetched.';
COMMENT ON COLUMN documents.site IS 'Site config name.';
COMMENT ON COLUMN documents.title IS 'Title found by the extractor.';
COMMENT ON COLUMN documents.published IS 'Publication date found on the page (may be null).';
COMMENT ON COLUMN documents.author IS 'Author found on the page (may be null).';
COMMENT ON COLUMN documents.sitename IS 'Site name found on the page (may be null).';
COMMENT ON COLUMN documents.text IS 'Main text after cleaning, one paragraph per line.';
COMMENT ON COLUMN documents.paragraphs IS 'Main text as a list of paragraphs.';
COMMENT ON COLUMN documents.encoding IS 'Codec the page was decoded with.';
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
COMMENT ON COLUMN documents.version IS 'Current text version (document_versions.version); starts at 1, +1 when the text changes.';
COMMENT ON COLUMN documents.status IS 'live, or gone once the URL answered 404/410.';
COMMENT ON COLUMN documents.gone_since IS 'When the URL was first seen gone (null while live).';

CREATE TABLE document_versions (
    doc_id            VARCHAR NOT NULL,
    version           INTEGER NOT NULL,
    run_id            VARCHAR NOT NULL,
    fetched_at        TIMESTAMP,
    title             VARCHAR,
    text              VARCHAR,
    text_norm_sha1    VARCHAR,
    extractor_version VARCHAR,
    warc_file         VARCHAR,
    warc_offset       BIGINT,
    warc_record_id    VARCHAR,
    PRIMARY KEY (doc_id, version)
);
COMMENT ON TABLE document_versions IS 'Every distinct text a document has had; claims keep the version they came from.';
COMMENT ON COLUMN document_versions.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN document_versions.version IS 'Version number, 1 for the first text seen.';
COMMENT ON COLUMN document_versions.run_id IS 'The run that first saw this text.';
COMMENT ON COLUMN document_versions.fetched_at IS 'When this text was first fetched (UTC).';
COMMENT ON COLUMN document_versions.title IS 'Title at this version.';
COMMENT ON COLUMN document_versions.text IS 'Main text at this version, one paragraph per line.';
COMMENT ON COLUMN document_versions.text_norm_sha1 IS 'SHA-1 of the normalized text (what makes a new version).';
COMMENT ON COLUMN document_versions.extractor_version IS 'Extractor that produced this text.';
COMMENT ON COLUMN document_versions.warc_file IS 'WARC file with the page as fetched for this version.';
COMMENT ON COLUMN document_versions.warc_offset IS 'Byte offset of that response record.';
COMMENT ON COLUMN document_versions.warc_record_id IS 'WARC-Record-ID of that response record.';

CREATE TABLE paragraphs (
    doc_id         VARCHAR NOT NULL,
    idx            INTEGER NOT NULL,
    text           VARCHAR,
    sha1           VARCHAR,
    is_boilerplate BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (doc_id, idx)
);
COMMENT ON TABLE paragraphs IS 'Paragraphs of the current version of each document.';
COMMENT ON COLUMN paragraphs.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN paragraphs.idx IS 'Position in the document, from 0.';
COMMENT ON COLUMN paragraphs.text IS 'Paragraph text as extracted.';
COMMENT ON COLUMN paragraphs.sha1 IS 'SHA-1 of the paragraph text (equal paragraphs across pages share it).';
COMMENT ON COLUMN paragraphs.is_boilerplate IS 'Marked as site template or teaser by cross-document cleaning.';

CREATE TABLE removals (
    doc_id VARCHAR NOT NULL,
    run_id VARCHAR,
    rule   VARCHAR NOT NULL,
    text   VARCHAR
);
COMMENT ON TABLE removals IS 'Blocks the cleaning removed from extracted text, and the rule that removed them.';
COMMENT ON COLUMN removals.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN removals.run_id IS 'The run whose extraction removed the block.';
COMMENT ON COLUMN removals.rule IS 'Name of the cleaning rule (teaser, disclaimer, cta, info_line).';
COMMENT ON COLUMN removals.text IS 'The removed text.';

CREATE TABLE clusters (
    doc_id           VARCHAR PRIMARY KEY,
    cluster_id       VARCHAR NOT NULL,
    matched_doc_id   VARCHAR,
    distance         INTEGER,
    similarity       DOUBLE
);
COMMENT ON TABLE clusters IS 'Near-duplicate cluster of every document; a cluster counts as one independent source.';
COMMENT ON COLUMN clusters.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN clusters.cluster_id IS 'Cluster id; never changes once given.';
COMMENT ON COLUMN clusters.matched_doc_id IS 'The earlier document whose match put this one in the cluster (null for the founder).';
COMMENT ON COLUMN clusters.distance IS 'Simhash Hamming distance to matched_doc_id.';
COMMENT ON COLUMN clusters.similarity IS 'Shingle similarity (Jaccard or scaled containment) to matched_doc_id.';

-- No PRIMARY KEY: on a million claims the VARCHAR index costs more than the rest of the
-- insert; the loader keeps claim_id unique by construction and warehouse/checks.py verifies it.
CREATE TABLE claims (
    claim_id       VARCHAR NOT NULL,
    doc_id         VARCHAR NOT NULL,
    version        INTEGER NOT NULL,
    idx            INTEGER NOT NULL,
    section        VARCHAR,
    text           VARCHAR NOT NULL,
    topics         VARCHAR[],
    stance         VARCHAR,
    modality       VARCHAR,
    hedge          VARCHAR,
    products       VARCHAR[],
    min_days       INTEGER,
    max_days       INTEGER,
    anchor         VARCHAR,
    cues           VARCHAR[],
    sentence_sha1  VARCHAR,
    tagger_version VARCHAR
);
COMMENT ON TABLE claims IS 'Sentences of main text that say something about overdue debt, tagged in the DOMAIN.md vocabulary.';
COMMENT ON COLUMN claims.claim_id IS 'doc_id:version:idx (unique).';
COMMENT ON COLUMN claims.version IS 'The document version (document_versions.version) the sentence comes from.';
COMMENT ON COLUMN claims.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN claims.idx IS 'Sentence index within the document.';
COMMENT ON COLUMN claims.section IS 'Heading path the sentence sits under.';
COMMENT ON COLUMN claims.text IS 'The sentence as it appears on the page.';
COMMENT ON COLUMN claims.topics IS 'Topic ids (see the topics table).';
COMMENT ON COLUMN claims.stance IS 'affirms, denies, conditional or question.';
COMMENT ON COLUMN claims.modality IS 'descriptive, normative or advice.';
COMMENT ON COLUMN claims.hedge IS 'none, possibility or frequency.';
COMMENT ON COLUMN claims.products IS 'Canonical product names (see the products table).';
COMMENT ON COLUMN claims.min_days IS 'Lower bound of a cited duration, in days (null: none).';
COMMENT ON COLUMN claims.max_days IS 'Upper bound of a cited duration, in days (null: none).';
COMMENT ON COLUMN claims.anchor IS 'What the duration counts: overdue, retention or installment.';
COMMENT ON COLUMN claims.cues IS 'The cues that fired (topic cue, negator, hedge word ...), for explanation.';
COMMENT ON COLUMN claims.sentence_sha1 IS 'SHA-1 of the normalized sentence: one sentence copied onto many sites is one family.';
COMMENT ON COLUMN claims.tagger_version IS 'Version of the tagger and its data files.';
