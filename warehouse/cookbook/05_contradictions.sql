-- Which independent sources contradict each other about lawsuits, per product?
SELECT coalesce(product, '(any)') AS product, affirm_site, affirm_text, deny_site, deny_text
FROM v_contradictions
WHERE topic = 'legal_action'
ORDER BY product, affirm_site, deny_site
LIMIT 20;
