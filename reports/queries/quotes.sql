-- Representative quotes: up to 3 per topic and stance, each from a different cluster.
WITH per_topic AS (
    SELECT unnest(topics) AS topic, stance, text, url, site, title, warc_file, warc_record_id,
           hedge, modality, claim_id, cluster_id
    FROM f_claims
    WHERE stance IN ('affirms', 'denies', 'conditional')
),
one_per_cluster AS (
    SELECT * FROM per_topic
    QUALIFY row_number() OVER (PARTITION BY topic, stance, cluster_id
                               ORDER BY length(text), claim_id) = 1
)
SELECT topic, stance, text, url, site, title, warc_file, warc_record_id, hedge, modality
FROM one_per_cluster
QUALIFY row_number() OVER (PARTITION BY topic, stance ORDER BY length(text), claim_id) <= 3
ORDER BY topic, stance, length(text), claim_id
