-- Independent sources (clusters) per topic and stance; a sentence family counts once.
WITH families AS (
    SELECT * FROM f_claims
    QUALIFY row_number() OVER (PARTITION BY sentence_sha1
                               ORDER BY published NULLS LAST, doc_id, idx) = 1
),
per_topic AS (
    SELECT unnest(topics) AS topic, stance, cluster_id FROM families
)
SELECT topic, stance, count(DISTINCT cluster_id) AS sources, count(*) AS claims
FROM per_topic
WHERE stance IN ('affirms', 'denies', 'conditional')
GROUP BY topic, stance
ORDER BY topic, stance
