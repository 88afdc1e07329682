-- Which sites copy from which? Clusters spanning several sites, with the site that had it first.
SELECT cluster_id, first_site, first_url, first_published, documents, site_count, sites,
       min_similarity, max_distance
FROM v_clusters
WHERE site_count > 1
ORDER BY site_count DESC, documents DESC;
