-- Who says collectors contact family, and who denies it? Quotes with links.
SELECT stance, site, text, url
FROM v_independent_claims
WHERE list_contains(topics, 'contacts_family') AND stance IN ('affirms', 'denies')
  AND modality = 'descriptive'
ORDER BY stance, site
LIMIT 20;
