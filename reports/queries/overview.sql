-- Headline counts of the documents and claims the filters select ($site, $since on documents;
-- $product, $topic on claims: with either set, only documents with a matching claim count).
WITH claims_in AS (
    SELECT c.* FROM v_claims c JOIN v_documents d ON d.doc_id = c.doc_id
    WHERE ($site IS NULL OR d.site = $site)
      AND ($since IS NULL OR d.last_seen >= CAST($since AS TIMESTAMP))
      AND ($product IS NULL OR list_contains(c.products, $product))
      AND ($topic IS NULL OR list_contains(c.topics, $topic))
),
docs_in AS (
    SELECT * FROM v_documents
    WHERE ($site IS NULL OR site = $site)
      AND ($since IS NULL OR last_seen >= CAST($since AS TIMESTAMP))
      AND (($product IS NULL AND $topic IS NULL) OR doc_id IN (SELECT doc_id FROM claims_in))
)
SELECT
    (SELECT count(DISTINCT site) FROM docs_in)                         AS sites,
    (SELECT count(*) FROM fetches WHERE $site IS NULL OR site = $site)  AS pages_fetched,
    (SELECT count(*) FROM docs_in)                                     AS documents,
    (SELECT count(*) FROM docs_in WHERE status = 'gone')               AS documents_gone,
    (SELECT count(DISTINCT cluster_id) FROM docs_in)                   AS independent_documents,
    (SELECT count(*) FROM claims_in)                                   AS claims,
    (SELECT count(DISTINCT sentence_sha1) FROM claims_in)              AS claim_families,
    (SELECT min(published) FROM docs_in)                               AS first_published,
    (SELECT max(published) FROM docs_in)                               AS last_published,
    (SELECT min(first_seen) FROM docs_in)                              AS first_seen,
    (SELECT max(last_seen) FROM docs_in)                               AS last_seen,
    (SELECT string_agg(DISTINCT extractor_version, ', ' ORDER BY extractor_version)
       FROM docs_in)                                                   AS extractor_versions,
    (SELECT string_agg(DISTINCT tagger_version, ', ' ORDER BY tagger_version)
       FROM claims_in)                                                 AS tagger_versions
