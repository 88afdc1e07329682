-- Headline counts for the filtered documents.
SELECT
    (SELECT count(DISTINCT site) FROM f_docs)                       AS sites,
    (SELECT count(*) FROM fetches)                                  AS pages_fetched,
    (SELECT count(*) FROM f_docs)                                   AS documents,
    (SELECT count(DISTINCT cluster_id) FROM f_docs)                 AS independent_documents,
    (SELECT count(*) FROM f_claims)                                 AS claims,
    (SELECT count(DISTINCT sentence_sha1) FROM f_claims)            AS claim_families,
    (SELECT min(published) FROM f_docs)                             AS first_published,
    (SELECT max(published) FROM f_docs)                             AS last_published,
    (SELECT max(run_id) FROM crawl_runs)                            AS latest_run
