-- Which sentences are copied onto the most pages (claim families)?
SELECT any_value(text) AS sentence, count(*) AS copies, count(DISTINCT site) AS sites,
       count(DISTINCT cluster_id) AS clusters
FROM v_claims
GROUP BY sentence_sha1
HAVING count(*) > 1
ORDER BY copies DESC
LIMIT 10;
