-- 0018_site_health: what the health checks found about each site after each run (issue 18).
CREATE TABLE site_health (
    run_id     VARCHAR NOT NULL,
    site       VARCHAR NOT NULL,
    "check"    VARCHAR NOT NULL,
    severity   VARCHAR NOT NULL,
    figure     DOUBLE,
    baseline   DOUBLE,
    message    VARCHAR NOT NULL,
    checked_at TIMESTAMP NOT NULL
);
COMMENT ON TABLE site_health IS 'Health alerts per run and site: a figure of the run far below the site''s own recent runs (pipeline/health.py). No row: the site looked healthy.';
COMMENT ON COLUMN site_health.run_id IS 'The run checked (crawl_runs.run_id).';
COMMENT ON COLUMN site_health.site IS 'The site (its config name).';
COMMENT ON COLUMN site_health."check" IS 'What fell: no_articles, robots_refuse_all, extraction_collapse, claims_collapse, error_spike, article_drop.';
COMMENT ON COLUMN site_health.severity IS 'error (nothing usable came from the site) or warning (much less than usual).';
COMMENT ON COLUMN site_health.figure IS 'The figure of this run (articles, a share, claims per document ...).';
COMMENT ON COLUMN site_health.baseline IS 'The same figure in the site''s recent runs (median, or the previous run); NULL without history.';
COMMENT ON COLUMN site_health.message IS 'One line for people: the site, the figure and the baseline.';
COMMENT ON COLUMN site_health.checked_at IS 'When the check ran (UTC).';

-- The alerts of the latest loaded run.
CREATE VIEW v_site_health AS
SELECT h.*
FROM site_health h
WHERE h.run_id = (SELECT run_id FROM v_run_order ORDER BY run_seq DESC LIMIT 1);
COMMENT ON VIEW v_site_health IS 'Health alerts of the latest loaded run (site_health); empty when every site looked healthy.';
