-- Independent descriptive claims contradicting a reference rule (v_rule_conflict_claims):
-- per rule the number of sources, and up to 4 quotes from different clusters.
WITH hits AS (
    SELECT * FROM v_rule_conflict_claims
    WHERE ($topic IS NULL OR topic = $topic)
      AND ($product IS NULL OR list_contains(products, $product))
      AND ($site IS NULL OR site = $site)
      AND ($since IS NULL OR last_seen >= CAST($since AS TIMESTAMP))
    QUALIFY row_number() OVER (PARTITION BY rule_id, cluster_id
                               ORDER BY length(text), claim_id) = 1
)
SELECT *, count(*) OVER (PARTITION BY rule_id) AS sources
FROM hits
QUALIFY row_number() OVER (PARTITION BY rule_id ORDER BY length(text), claim_id) <= 4
ORDER BY confidence = 'high' DESC, rule_id, length(text), claim_id
