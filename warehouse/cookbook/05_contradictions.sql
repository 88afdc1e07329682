-- Which independent sources contradict each other, on what event, per topic and product?
SELECT topic, coalesce(product, '(any)') AS product, array_to_string(events, ',') AS events,
       affirm_site, affirm_text, deny_site, deny_text
FROM v_contradictions
ORDER BY topic, product, affirm_site, deny_site
LIMIT 20;
