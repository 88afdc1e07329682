-- The names a report filter may take: topic ids, canonical products (and their aliases,
-- which name the canonical product), and the sites that have documents.
SELECT 'topic' AS kind, id AS name, id AS means FROM topics
UNION ALL
SELECT 'product', canonical, canonical FROM products
UNION ALL
SELECT 'product', unnest(aliases), canonical FROM products
UNION ALL
SELECT DISTINCT 'site', site, site FROM documents
ORDER BY kind, name
