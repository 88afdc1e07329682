-- Independent sources per topic, site and stance, descriptive claims (a claim family counts
-- for the site of its earliest occurrence).
SELECT topic, site, stance, count(DISTINCT cluster_id) AS sources
FROM filtered_claim_topics($topic, $product, $site, $since)
WHERE modality = 'descriptive'
GROUP BY topic, site, stance
ORDER BY topic, site, stance
