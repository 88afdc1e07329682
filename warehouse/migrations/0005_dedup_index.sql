-- 0005_dedup_index: what clustering needs of every clustered document, so that a load
-- compares new documents with the warehouse without re-reading and re-shingling the text
-- of every document already in it; per document its distance and similarity to its
-- cluster's canonical document; per cluster the sites it spans and its first site.

-- Filled by the loader (warehouse/load.py) when a document is clustered, refreshed when
-- its text changes; a warehouse made before 0005 is indexed by its next load.
CREATE TABLE dedup_index (
    doc_id    VARCHAR NOT NULL,
    seq       BIGINT NOT NULL,
    simhash   UBIGINT NOT NULL,
    exact_key UBIGINT,
    text_md5  VARCHAR NOT NULL
);
COMMENT ON TABLE dedup_index IS 'Near-duplicate index of every clustered document (one row each): the clusterer reads this, not the texts, of earlier documents.';
COMMENT ON COLUMN dedup_index.doc_id IS 'The document (documents.doc_id, clusters.doc_id).';
COMMENT ON COLUMN dedup_index.seq IS 'Order in which the clusterer placed the document (from 0); later loads register earlier documents in this order, so posting caps and ties resolve as when everything was clustered in one pass.';
COMMENT ON COLUMN dedup_index.simhash IS '64-bit simhash of the shingle hashes of the document''s current text, as the clusterer computed it (equals documents.simhash for pipeline-made rows).';
COMMENT ON COLUMN dedup_index.exact_key IS '64-bit digest of the full shingle-hash set: equal keys are identical normalized texts; NULL when the text is too short to fingerprint (never a candidate).';
COMMENT ON COLUMN dedup_index.text_md5 IS 'MD5 of documents.text when indexed: a reloaded document whose text differs is re-indexed.';

-- One row per (document, anchor): the k smallest shingle hashes (a bottom-k sketch).
CREATE TABLE dedup_anchors (
    anchor UBIGINT NOT NULL,
    seq    BIGINT NOT NULL
);
COMMENT ON TABLE dedup_anchors IS 'Anchor shingle hashes of every indexed document (its k smallest shingle hashes): two documents sharing enough anchors are candidates.';
COMMENT ON COLUMN dedup_anchors.anchor IS 'One of the document''s k smallest 64-bit shingle hashes.';
COMMENT ON COLUMN dedup_anchors.seq IS 'The document (dedup_index.seq).';

ALTER TABLE clusters ADD COLUMN canonical_doc_id VARCHAR;
ALTER TABLE clusters ADD COLUMN canonical_distance INTEGER;
ALTER TABLE clusters ADD COLUMN canonical_similarity DOUBLE;
COMMENT ON COLUMN clusters.canonical_doc_id IS 'The cluster''s canonical document: its founder, the earliest published (then earliest fetched) document when the cluster was founded; never changes.';
COMMENT ON COLUMN clusters.canonical_distance IS 'Simhash Hamming distance to canonical_doc_id (0 for the canonical itself).';
COMMENT ON COLUMN clusters.canonical_similarity IS 'Shingle similarity (Jaccard or scaled containment) to canonical_doc_id (1 for the canonical itself).';

-- Clusters made before 0005: the founder is canonical; a member matched on the founder
-- keeps its figures; other members get the canonical but no figures (they were measured
-- against another member).
UPDATE clusters SET canonical_doc_id = f.doc_id,
       canonical_distance = CASE WHEN clusters.doc_id = f.doc_id THEN 0
                                 WHEN clusters.matched_doc_id = f.doc_id THEN clusters.distance END,
       canonical_similarity = CASE WHEN clusters.doc_id = f.doc_id THEN 1.0
                                   WHEN clusters.matched_doc_id = f.doc_id
                                   THEN clusters.similarity END
FROM (SELECT cluster_id, doc_id FROM clusters WHERE matched_doc_id IS NULL) f
WHERE clusters.cluster_id = f.cluster_id;

-- Repost lineage: one row per cluster.
CREATE VIEW v_clusters AS
WITH members AS (
    SELECT k.cluster_id,
           max(k.doc_id) FILTER (WHERE k.matched_doc_id IS NULL) AS canonical_doc_id,
           count(*) AS documents,
           count(DISTINCT d.site) AS site_count,
           list(DISTINCT d.site ORDER BY d.site) AS sites,
           min(k.canonical_similarity) AS min_similarity,
           max(k.canonical_distance) AS max_distance
    FROM clusters k JOIN documents d USING (doc_id)
    GROUP BY k.cluster_id
)
SELECT m.cluster_id, m.canonical_doc_id, c.site AS first_site, c.url AS first_url,
       c.published AS first_published, c.first_seen AS first_seen, m.documents,
       m.site_count, m.sites, m.min_similarity, m.max_distance
FROM members m LEFT JOIN documents c ON c.doc_id = m.canonical_doc_id;
COMMENT ON VIEW v_clusters IS 'Repost lineage per duplicate cluster: its canonical (first) document and site, how many documents and which sites it spans, and how far its members are from the canonical.';
