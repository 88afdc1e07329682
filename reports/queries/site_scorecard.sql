-- The per-site scorecard (v_site_scorecard), biggest sites first; $site keeps one site.
-- Counts are over each site's live documents, whatever the topic and product filters.
SELECT * FROM v_site_scorecard
WHERE $site IS NULL OR site = $site
ORDER BY documents DESC, site
