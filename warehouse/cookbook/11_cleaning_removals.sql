-- What did the cleaning remove from extracted text, by rule and site?
SELECT d.site, r.rule, count(*) AS blocks
FROM removals r JOIN documents d USING (doc_id)
GROUP BY ALL
ORDER BY d.site, blocks DESC;
