-- Health alerts of the latest loaded run (v_site_health), errors first; filtered by $site.
SELECT site, "check", severity, figure, baseline, message
FROM v_site_health
WHERE $site IS NULL OR site = $site
ORDER BY severity = 'error' DESC, site, "check"
