-- The documents the report covers ($site, $since: NULL means no filter; bound as parameters).
CREATE OR REPLACE TEMP TABLE f_docs AS
SELECT d.*, coalesce(k.cluster_id, 'c-' || d.doc_id) AS cluster_id
FROM documents d LEFT JOIN clusters k USING (doc_id)
WHERE ($site IS NULL OR d.site = $site)
  AND ($since IS NULL OR d.last_seen >= CAST($since AS TIMESTAMP))
