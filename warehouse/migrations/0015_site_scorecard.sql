-- 0015_site_scorecard: per-site originality, copying, claims and churn (issue 20).

-- One row per site with a live document. A document is an original when it founded its
-- duplicate cluster (or was never clustered), a copy otherwise; "copied from" names the
-- site of the cluster's founder.
CREATE VIEW v_site_scorecard AS
WITH docs AS (
    SELECT d.doc_id, d.site, d.cluster_id,
           coalesce(k.canonical_doc_id, d.doc_id) AS canonical_doc_id
    FROM v_documents d LEFT JOIN clusters k USING (doc_id)
    WHERE d.status <> 'gone'
),
placed AS (
    SELECT o.*, c.site AS canonical_site, o.doc_id = o.canonical_doc_id AS is_original
    FROM docs o LEFT JOIN documents c ON c.doc_id = o.canonical_doc_id
),
per_site AS (
    SELECT site, count(*) AS documents,
           count(*) FILTER (WHERE is_original) AS originals,
           count(*) FILTER (WHERE NOT is_original) AS copies,
           count(*) FILTER (WHERE NOT is_original AND canonical_site <> site) AS copies_from_other_sites
    FROM placed GROUP BY site
),
sources_of AS (
    SELECT canonical_site AS site, count(*) FILTER (WHERE site <> canonical_site) AS copied_by_others
    FROM placed WHERE NOT is_original GROUP BY canonical_site
),
copied_from AS (
    SELECT site, list(canonical_site || ' (' || n || ')' ORDER BY n DESC, canonical_site) AS copied_from
    FROM (SELECT site, canonical_site, count(*) AS n FROM placed
          WHERE NOT is_original AND canonical_site <> site GROUP BY ALL)
    GROUP BY site
),
claim_counts AS (
    SELECT d.site, count(*) AS claims,
           count(DISTINCT c.doc_id) FILTER (WHERE c.self_contradicting) AS self_contradicting_documents
    FROM claims c JOIN documents d ON d.doc_id = c.doc_id AND d.version = c.version
    WHERE d.status <> 'gone'
    GROUP BY d.site
),
conflicts AS (
    SELECT site, count(DISTINCT claim_id) AS rule_conflict_claims FROM v_rule_conflicts GROUP BY site
),
latest AS (
    SELECT site,
           count(*) FILTER (WHERE change = 'new') AS new_in_latest_run,
           count(*) FILTER (WHERE change = 'edited') AS edited_in_latest_run,
           count(*) FILTER (WHERE change = 'gone') AS gone_in_latest_run
    FROM v_changes
    WHERE run_id = (SELECT run_id FROM v_run_order ORDER BY run_seq DESC LIMIT 1)
    GROUP BY site
)
SELECT p.site, p.documents, p.originals, p.copies, p.copies_from_other_sites,
       round(p.copies / p.documents, 3) AS copy_share,
       coalesce(f.copied_from, []) AS copied_from,
       coalesce(s.copied_by_others, 0) AS copied_by_others,
       coalesce(cc.claims, 0) AS claims,
       round(coalesce(cc.claims, 0) / p.documents, 2) AS claims_per_document,
       coalesce(r.rule_conflict_claims, 0) AS rule_conflict_claims,
       coalesce(cc.self_contradicting_documents, 0) AS self_contradicting_documents,
       coalesce(l.new_in_latest_run, 0) AS new_in_latest_run,
       coalesce(l.edited_in_latest_run, 0) AS edited_in_latest_run,
       coalesce(l.gone_in_latest_run, 0) AS gone_in_latest_run
FROM per_site p
LEFT JOIN sources_of s USING (site)
LEFT JOIN copied_from f USING (site)
LEFT JOIN claim_counts cc USING (site)
LEFT JOIN conflicts r USING (site)
LEFT JOIN latest l USING (site);
COMMENT ON VIEW v_site_scorecard IS 'Per site with live documents: originals and copies (and of which sites), how often others copy it, claims per document, rule conflicts, self-contradicting documents, churn in the latest run.';
