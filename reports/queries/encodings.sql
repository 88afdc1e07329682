-- Encoding repairs (flags encoding_repaired:<from>-><to>) by repair, for the filtered documents.
SELECT detail AS repair, count(DISTINCT doc_id) AS documents
FROM v_document_flags
WHERE kind = 'encoding_repaired'
  AND ($site IS NULL OR site = $site)
  AND ($since IS NULL OR last_seen >= CAST($since AS TIMESTAMP))
GROUP BY detail
ORDER BY documents DESC, repair
