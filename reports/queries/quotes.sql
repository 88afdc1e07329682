-- Representative quotes: up to 3 per topic and stance, each from a different cluster, the most
-- widely copied sentence first (then the shortest).
WITH one_per_cluster AS (
    SELECT * FROM filtered_claim_topics($topic, $product, $site, $since)
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
