-- Independent sources per topic, site and net stance, descriptive claims (a claim family
-- counts for the site of its earliest occurrence; a source counts once per topic and site).
WITH per_source AS (
    SELECT topic, site, cluster_id, net_stance(list(DISTINCT stance)) AS stance
    FROM filtered_claim_topics($topic, $product, $site, $since)
    WHERE modality = 'descriptive'
    GROUP BY topic, site, cluster_id
)
SELECT topic, site, stance, count(*) AS sources
FROM per_source
GROUP BY topic, site, stance
ORDER BY topic, site, stance
