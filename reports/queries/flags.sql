-- Extraction flags by kind for the filtered documents: documents flagged, and for
-- glyph_gap_count the number of gaps found (the flag's detail).
SELECT kind, count(DISTINCT doc_id) AS documents, count(*) AS flags,
       sum(TRY_CAST(detail AS BIGINT)) FILTER (WHERE kind = 'glyph_gap_count') AS gaps
FROM v_document_flags
WHERE ($site IS NULL OR site = $site)
  AND ($since IS NULL OR last_seen >= CAST($since AS TIMESTAMP))
GROUP BY kind
ORDER BY kind
