-- 0020_section_lineage: composite pages (issue 15, item 6). A farm's own article that
-- copies a section of another article is not a repost (it keeps its own cluster), but the
-- copy is lineage worth seeing: which sources copy whole paragraphs from which.
CREATE VIEW v_section_lineage AS
WITH units AS (
    -- Paragraphs and headings of 8 characters or more, boilerplate left out.
    SELECT p.sha1, p.doc_id, length(p.text) AS chars,
           coalesce(k.cluster_id, 'c-' || p.doc_id) AS cluster_id,
           coalesce(d.published, DATE '9999-12-31') AS published, d.first_seen
    FROM paragraphs p
    JOIN documents d ON d.doc_id = p.doc_id
    LEFT JOIN clusters k ON k.doc_id = p.doc_id
    WHERE NOT p.is_boilerplate AND length(p.text) >= 8
),
distinctive AS (
    -- Stock lines (intros, closings, question headings) sit in many sources; a copied
    -- section is in its source and a few copiers.
    SELECT sha1 FROM units GROUP BY sha1 HAVING count(DISTINCT cluster_id) BETWEEN 2 AND 4
),
para AS (
    -- Each cluster's earliest document holding a distinctive unit.
    SELECT u.sha1, u.cluster_id,
           arg_min(u.doc_id, (u.published, u.first_seen, u.doc_id)) AS doc_id,
           min(u.published) AS published, min(u.first_seen) AS first_seen,
           any_value(u.chars) AS chars
    FROM units u SEMI JOIN distinctive USING (sha1)
    GROUP BY u.sha1, u.cluster_id
),
shared AS (
    SELECT a.cluster_id, b.cluster_id AS source_cluster_id,
           any_value(a.doc_id) AS doc_id, any_value(b.doc_id) AS source_doc_id,
           count(*) AS paragraphs, sum(a.chars) AS chars
    FROM para a
    JOIN para b ON b.sha1 = a.sha1 AND b.cluster_id <> a.cluster_id
    -- the source is the earlier of the two (publication, then first seen)
    WHERE (b.published, b.first_seen, b.cluster_id) < (a.published, a.first_seen, a.cluster_id)
    GROUP BY a.cluster_id, b.cluster_id
)
SELECT s.cluster_id, s.doc_id, s.source_cluster_id, s.source_doc_id, s.paragraphs, s.chars,
       d.url, sd.url AS source_url
FROM shared s
JOIN documents d ON d.doc_id = s.doc_id
JOIN documents sd ON sd.doc_id = s.source_doc_id
WHERE s.paragraphs >= 2 AND s.chars >= 60;
COMMENT ON VIEW v_section_lineage IS 'Composite pages: a source (cluster) that copies whole paragraphs or headings (at least two, 60 characters) of an earlier, different source, counting only lines found in at most four sources (stock intros and closings are not copying); one row per (copying cluster, copied cluster). Not reposts: both keep their clusters.';
