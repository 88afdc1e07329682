-- What share of independent sources affirm, deny or condition each topic (descriptive claims)?
SELECT topic, stance, sources,
       round(100.0 * sources / sum(sources) OVER (PARTITION BY topic), 1) AS pct
FROM v_topic_stance
WHERE modality = 'descriptive'
ORDER BY topic, sources DESC;
