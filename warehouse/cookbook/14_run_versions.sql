-- Which extractor, tagger and thresholds made each run, and which site configs changed since the run before?
WITH runs AS (
    SELECT run_id, started_at, extractor_version, tagger_version, dedup_params,
           cleaning_params, site_configs,
           lag(site_configs) OVER (ORDER BY started_at, run_id) AS before
    FROM crawl_runs
)
SELECT run_id, extractor_version, tagger_version,
       dedup_params ->> 'band_radius' AS band_radius,
       cleaning_params ->> 'template_share' AS template_share,
       list_filter(json_keys(site_configs),
                   lambda site: before IS NULL
                                OR (site_configs ->> site) IS DISTINCT FROM (before ->> site))
           AS sites_with_new_config
FROM runs
ORDER BY started_at, run_id;
