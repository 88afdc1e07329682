-- The claims the report covers ($product, $topic: NULL means no filter; bound as parameters).
CREATE OR REPLACE TEMP TABLE f_claims AS
SELECT c.*, d.url, d.site, d.title, d.published, d.warc_file, d.warc_record_id, d.cluster_id
FROM claims c JOIN f_docs d USING (doc_id)
WHERE ($product IS NULL OR list_contains(c.products, $product))
  AND ($topic IS NULL OR list_contains(c.topics, $topic))
