-- Sources per month of publication, topic and net stance among the filtered descriptive
-- claims (the filtered form of v_topic_stance_by_month): the report's small multiples.
WITH per_source AS (
    SELECT CAST(date_trunc('month', coalesce(published, CAST(first_seen AS DATE))) AS DATE)
               AS month,
           topic, cluster_id, net_stance(list(DISTINCT stance)) AS stance
    FROM filtered_claim_topics($topic, $product, $site, $since)
    WHERE modality = 'descriptive'
    GROUP BY ALL
)
SELECT CAST(month AS VARCHAR)[:7] AS month, topic, stance, count(*) AS sources
FROM per_source
GROUP BY ALL
ORDER BY topic, month, stance
