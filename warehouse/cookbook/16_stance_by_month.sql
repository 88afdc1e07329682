-- How has the share of sources saying family gets contacted moved, month by month?
SELECT month, stance, sources,
       round(100.0 * sources / sum(sources) OVER (PARTITION BY month), 1) AS pct
FROM v_topic_stance_by_month
WHERE topic = 'contacts_family'
ORDER BY month, stance;
