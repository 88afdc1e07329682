-- Reported violations (v_reported_violations): claims that report a practice a rule forbids
-- as happening and as wrong; one quote per source, up to 10, with how many sources in all.
WITH hits AS (
    SELECT v.*, r.topic FROM v_reported_violations v
    JOIN reference_rules r USING (rule_id)
    JOIN documents d ON d.url = v.url
    WHERE ($topic IS NULL OR r.topic = $topic)
      AND ($product IS NULL OR list_contains(v.products, $product))
      AND ($site IS NULL OR v.site = $site)
      AND ($since IS NULL OR d.last_seen >= CAST($since AS TIMESTAMP))
    QUALIFY row_number() OVER (PARTITION BY v.rule_id, v.cluster_id
                               ORDER BY length(v.text), v.claim_id) = 1
)
SELECT *, count(*) OVER () AS total
FROM hits
QUALIFY row_number() OVER (ORDER BY rule_id, length(text), claim_id) <= 10
ORDER BY rule_id, length(text), claim_id
