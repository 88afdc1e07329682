-- Claim families first loaded in run $run (v_claim_first_seen), stated claims only: up to 20,
-- the most widely copied first, with how many there are in all.
SELECT topics, stance, modality, text, url, site, warc_file, warc_record_id, family_clusters,
       count(*) OVER () AS total
FROM v_claim_first_seen
WHERE first_run_id = $run AND stance IN ('affirms', 'denies', 'conditional')
  AND ($topic IS NULL OR list_contains(topics, $topic))
  AND ($product IS NULL OR list_contains(products, $product))
  AND ($site IS NULL OR site = $site)
  AND ($since IS NULL OR last_seen >= CAST($since AS TIMESTAMP))
QUALIFY row_number() OVER (ORDER BY family_clusters DESC, length(text), claim_id) <= 20
ORDER BY family_clusters DESC, length(text), claim_id
