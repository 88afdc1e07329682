-- Extractor and tagger versions behind the figures.
SELECT
    (SELECT string_agg(DISTINCT extractor_version, ', ') FROM f_docs) AS extractor_versions,
    (SELECT string_agg(DISTINCT tagger_version, ', ') FROM f_claims)  AS tagger_versions
