-- Share of independent sources saying a lawsuit comes within 90 days of overdue, by product and month published (add AND product = '借呗' for one product).
WITH legal AS (
    SELECT coalesce(p.product, '(general)') AS product,
           CAST(date_trunc('month', coalesce(published, CAST(first_seen AS DATE))) AS DATE) AS month,
           cluster_id,
           bool_or(coalesce(max_days, min_days) <= 90) AS within_90
    FROM v_independent_claims
    LEFT JOIN LATERAL (SELECT unnest(products) AS product) p ON true
    WHERE list_contains(topics, 'legal_action') AND anchor = 'overdue'
      AND stance IN ('affirms', 'conditional') AND modality = 'descriptive'
    GROUP BY ALL
)
SELECT product, month, count(*) AS sources, count(*) FILTER (WHERE within_90) AS within_90_days,
       round(100.0 * count(*) FILTER (WHERE within_90) / count(*), 1) AS pct
FROM legal
GROUP BY ALL
ORDER BY product, month;
