-- Which sites copy from which? Clusters spanning several sites, with the site that had it first.
SELECT k.cluster_id,
       count(*) AS copies,
       list(DISTINCT d.site ORDER BY d.site) AS sites,
       arg_min(d.site, coalesce(d.published, CAST(d.first_seen AS DATE))) AS first_site,
       arg_min(d.url, coalesce(d.published, CAST(d.first_seen AS DATE))) AS first_url
FROM clusters k JOIN documents d USING (doc_id)
GROUP BY k.cluster_id
HAVING count(DISTINCT d.site) > 1
ORDER BY copies DESC;
