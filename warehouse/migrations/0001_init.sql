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
    warc_record_id    VARCHAR
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

CREATE TABLE claims (
    claim_id       VARCHAR PRIMARY KEY,
    doc_id         VARCHAR NOT NULL,
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
COMMENT ON COLUMN claims.claim_id IS 'doc_id:idx.';
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

-- Claims joined with their document and cluster.
CREATE VIEW v_claims AS
SELECT c.*, d.url, d.site, d.title, d.published, d.first_seen, d.warc_file, d.warc_record_id,
       coalesce(k.cluster_id, 'c-' || c.doc_id) AS cluster_id
FROM claims c
JOIN documents d USING (doc_id)
LEFT JOIN clusters k USING (doc_id);
COMMENT ON VIEW v_claims IS 'Claims with their document (URL, site, archived copy) and duplicate cluster.';

-- One row per claim family (identical normalized sentence), earliest occurrence first:
-- a sentence copied onto 30 sites, or a repost cluster, counts once.
CREATE VIEW v_independent_claims AS
SELECT * EXCLUDE (rn) FROM (
    SELECT v.*,
           count(*) OVER (PARTITION BY sentence_sha1) AS family_size,
           row_number() OVER (PARTITION BY sentence_sha1
                              ORDER BY published NULLS LAST, first_seen, doc_id, idx) AS rn
    FROM v_claims v
) WHERE rn = 1;
COMMENT ON VIEW v_independent_claims IS 'One row per claim family (identical normalized sentence); family_size counts its copies.';

-- Per topic and stance: how many independent sources (clusters) say so.
CREATE VIEW v_topic_stance AS
SELECT topic, stance,
       count(DISTINCT cluster_id) AS sources,
       count(*) AS claims
FROM (SELECT unnest(topics) AS topic, stance, cluster_id FROM v_independent_claims)
WHERE stance IS NOT NULL AND stance <> 'question'
GROUP BY topic, stance;
COMMENT ON VIEW v_topic_stance IS 'Independent sources (duplicate clusters) per topic and stance, questions left out.';
