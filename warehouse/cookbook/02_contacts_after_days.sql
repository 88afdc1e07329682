-- Which products do sources say lead to contacts being called, and after how many days?
SELECT coalesce(product, '(no product named)') AS product,
       count(DISTINCT cluster_id) AS sources,
       min(coalesce(min_days, max_days)) AS earliest_days,
       median(coalesce(min_days, max_days)) AS median_days,
       max(coalesce(max_days, min_days)) AS latest_days
FROM v_thresholds
WHERE topic = 'contacts_family' AND stance IN ('affirms', 'conditional') AND anchor = 'overdue'
GROUP BY ALL
ORDER BY sources DESC;
