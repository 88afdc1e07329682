-- Blocks removed by cleaning, by rule, for the filtered documents.
SELECT rule, count(*) AS removed, count(DISTINCT doc_id) AS documents
FROM removals WHERE doc_id IN (SELECT doc_id FROM f_docs)
GROUP BY rule ORDER BY removed DESC
