-- Representative quotes: up to 3 per topic and stance, each from a different cluster, the most
-- widely copied sentence first (then the shortest).
WITH one_per_cluster AS (
    SELECT * FROM v_independent_claim_topics
    WHERE stance IN ('affirms', 'denies', 'conditional')
      AND ($topic IS NULL OR topic = $topic)
      AND ($product IS NULL OR list_contains(products, $product))
      AND ($site IS NULL OR site = $site)
      AND ($since IS NULL OR last_seen >= CAST($since AS TIMESTAMP))
    QUALIFY row_number() OVER (PARTITION BY topic, stance, cluster_id
                               ORDER BY (modality = 'descriptive') DESC, family_clusters DESC,
                                        length(text), claim_id) = 1
)
SELECT topic, stance, modality, hedge, text, url, site, title, warc_file, warc_record_id,
       family_size, family_clusters, claim_id
FROM one_per_cluster
QUALIFY row_number() OVER (PARTITION BY topic, stance
                           ORDER BY (modality = 'descriptive') DESC, family_clusters DESC,
                                    length(text), claim_id) <= 3
ORDER BY topic, stance, (modality = 'descriptive') DESC, family_clusters DESC, length(text),
         claim_id
