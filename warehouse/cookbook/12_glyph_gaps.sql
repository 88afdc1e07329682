-- Which words did sites probably strip, and which reposted copy still has them?
SELECT g.likely_word, count(*) AS gaps, count(DISTINCT d.site) AS sites,
       min(g.context) AS example_context, min(m.url) AS example_mate_url
FROM glyph_gaps g
JOIN documents d USING (doc_id)
LEFT JOIN documents m ON m.doc_id = g.mate_doc_id
WHERE g.likely_word IS NOT NULL
GROUP BY g.likely_word
ORDER BY gaps DESC, g.likely_word
LIMIT 20;
