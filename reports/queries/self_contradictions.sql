-- Sources (duplicate clusters) with a page that affirms and denies the same event
-- (v_self_contradictions): one page per source and topic, one-sentence cases first, up to 20,
-- with how many sources and pages there are in all.
WITH found AS (
    SELECT s.*, v.cluster_id
    FROM v_self_contradictions s
    JOIN v_documents v ON v.doc_id = s.doc_id
    WHERE ($topic IS NULL OR s.topic = $topic)
      AND ($site IS NULL OR s.site = $site)
      AND ($since IS NULL OR v.last_seen >= CAST($since AS TIMESTAMP))
      AND ($product IS NULL OR s.doc_id IN (
            SELECT doc_id FROM claims c WHERE list_contains(c.products, $product)))
),
per_source AS (
    SELECT *, count(DISTINCT doc_id) OVER () AS pages
    FROM found
    QUALIFY row_number() OVER (PARTITION BY cluster_id, topic ORDER BY one_sentence DESC, url) = 1
)
SELECT *, count(*) OVER () AS total
FROM per_source
QUALIFY row_number() OVER (ORDER BY one_sentence DESC, topic, site, url) <= 20
ORDER BY one_sentence DESC, topic, site, url
