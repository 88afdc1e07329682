-- 0008_run_versions: what shaped each run's rows, one column per kind, so a figure can be
-- traced to the extractor, tagger, site configs and thresholds that produced it.

ALTER TABLE crawl_runs ADD COLUMN extractor_version VARCHAR;
COMMENT ON COLUMN crawl_runs.extractor_version IS 'Extractor that produced the run''s documents: trafilatura-<version>+<code revision>+<hash of the decoding, extraction and paragraph-cleaning rules and thresholds>; NULL for runs spooled before 0008.';

ALTER TABLE crawl_runs ADD COLUMN tagger_version VARCHAR;
COMMENT ON COLUMN crawl_runs.tagger_version IS 'Claim tagger that tagged the run''s spool: tagger-<version>+<hash of its data files> (claims.tagger_version changes with yuqi retag, this does not); NULL before 0008.';

ALTER TABLE crawl_runs ADD COLUMN site_configs JSON;
COMMENT ON COLUMN crawl_runs.site_configs IS 'Site config name -> stable 12-character hash of its parsed settings (drop_selectors, patterns, limits, politeness) as crawled or replayed; compare runs with site_configs->>''farm-a''. NULL before 0008.';

ALTER TABLE crawl_runs ADD COLUMN dedup_params JSON;
COMMENT ON COLUMN crawl_runs.dedup_params IS 'Near-duplicate thresholds the load clustered this run''s new documents with (shingle_size, band_radius, anchors, min_shared_anchors, max_posting, min_jaccard, min_containment); NULL before 0008.';

ALTER TABLE crawl_runs ADD COLUMN cleaning_params JSON;
COMMENT ON COLUMN crawl_runs.cleaning_params IS 'Cross-document cleaning thresholds the load applied (template_min_pages, template_share, teaser_min_chars, teaser_cut_min_chars); NULL before 0008 or when the load ran without cross-document cleaning. Per-paragraph cleaning is hashed into extractor_version.';
