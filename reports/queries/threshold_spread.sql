-- Per topic and anchor: how many independent sources cite a duration and how far they differ,
-- with the quotes citing the shortest and the longest duration.
WITH cited AS (
    SELECT *, coalesce(min_days, max_days) AS days
    FROM filtered_claim_topics($topic, $product, $site, $since)
    WHERE (min_days IS NOT NULL OR max_days IS NOT NULL) AND anchor IS NOT NULL
)
SELECT topic, anchor, count(DISTINCT cluster_id) AS sources,
       min(days) AS shortest, quantile_disc(days, 0.5) AS median, max(days) AS longest,
       arg_min({'text': text, 'url': url, 'site': site, 'warc_file': warc_file,
                'warc_record_id': warc_record_id, 'days': days}, (days, claim_id)) AS low_quote,
       arg_max({'text': text, 'url': url, 'site': site, 'warc_file': warc_file,
                'warc_record_id': warc_record_id, 'days': days}, (days, claim_id)) AS high_quote
FROM cited
GROUP BY topic, anchor
ORDER BY topic, anchor
