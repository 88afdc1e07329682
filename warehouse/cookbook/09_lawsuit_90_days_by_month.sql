-- Share of independent sources saying 借呗 leads to a lawsuit within 90 days, by month published.
WITH legal AS (
    SELECT date_trunc('month', coalesce(published, CAST(first_seen AS DATE))) AS month,
           cluster_id,
           bool_or(coalesce(max_days, min_days) <= 90) AS within_90
    FROM v_independent_claims
    WHERE list_contains(topics, 'legal_action') AND list_contains(products, '借呗')
      AND stance IN ('affirms', 'conditional')
    GROUP BY ALL
)
SELECT month, count(*) AS sources, count(*) FILTER (WHERE within_90) AS within_90_days,
       round(100.0 * count(*) FILTER (WHERE within_90) / count(*), 1) AS pct
FROM legal
GROUP BY month
ORDER BY month;
