-- Incremental recrawl: remember the sitemap <lastmod> a page was listed with when fetched,
-- so the next crawl can skip pages whose sitemap entry has not changed (our clock never
-- meets the site's).
ALTER TABLE fetches ADD COLUMN sitemap_lastmod VARCHAR;
COMMENT ON COLUMN fetches.sitemap_lastmod IS 'The sitemap <lastmod> the URL was listed with when requested (NULL when not from a sitemap).';
