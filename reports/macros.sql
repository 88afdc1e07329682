-- The independent claims (with a stance) that every topic query of the report starts from: the
-- one definition of what --topic, --product, --site and --since select. The arguments are the
-- bound filter values ($topic, $product, $site, $since); NULL means no filter.
CREATE OR REPLACE TEMP MACRO filtered_claim_topics(want_topic, want_product, want_site,
                                                   want_since) AS TABLE
SELECT *
FROM v_independent_claim_topics
WHERE stance IN ('affirms', 'denies', 'conditional')
  AND (want_topic IS NULL OR topic = want_topic)
  AND (want_product IS NULL OR list_contains(products, want_product))
  AND (want_site IS NULL OR site = want_site)
  AND (want_since IS NULL OR last_seen >= CAST(want_since AS TIMESTAMP))
