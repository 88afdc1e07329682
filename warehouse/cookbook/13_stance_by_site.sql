-- Which sites affirm, deny or condition that collectors contact family (independent sources)?
SELECT site, stance, count(DISTINCT cluster_id) AS sources
FROM v_independent_claim_topics
WHERE topic = 'contacts_family' AND modality = 'descriptive'
  AND stance IN ('affirms', 'denies', 'conditional')
GROUP BY site, stance ORDER BY site, stance;
