-- 0016_source_stance: one definition of a source and of its stance (issue 15).
--
-- A source is a duplicate cluster: an article and all its reposts. A source counts once per
-- topic (and modality), with its *net* stance over its claims on that topic:
--   affirms and denies both present          -> 'mixed' (the source says both)
--   affirms (with or without conditional)     -> 'affirms'
--   conditional (with or without denies)      -> 'conditional' (it happens, under a condition:
--                                                "一般不会上门，如果长期失联会上门")
--   denies only                               -> 'denies'
-- so the stance shares of a topic add up to its number of sources.

-- Reader-facing topic names (warehouse/seeds/topic_names.toml), refreshed on every load.
ALTER TABLE topics ADD COLUMN name_zh VARCHAR;
ALTER TABLE topics ADD COLUMN name_en VARCHAR;
COMMENT ON COLUMN topics.name_zh IS 'The topic''s name for readers, in Chinese (联系家人/通讯录).';
COMMENT ON COLUMN topics.name_en IS 'A short English gloss of the name (contacting family and contacts).';
CREATE MACRO net_stance(stances) AS
    CASE WHEN list_contains(stances, 'affirms') AND list_contains(stances, 'denies') THEN 'mixed'
         WHEN list_contains(stances, 'affirms') THEN 'affirms'
         WHEN list_contains(stances, 'conditional') THEN 'conditional'
         WHEN list_contains(stances, 'denies') THEN 'denies'
    END;

-- One row per source (cluster), topic and modality with its net stance; questions left out.
CREATE VIEW v_source_topic_stance AS
SELECT c.topic, any_value(t.name_zh) AS topic_name, c.modality, c.cluster_id,
       net_stance(list(DISTINCT c.stance)) AS stance,
       list(DISTINCT c.stance ORDER BY c.stance) AS claim_stances,
       count(*) AS claims
FROM v_independent_claim_topics c
LEFT JOIN topics t ON t.id = c.topic
WHERE c.stance IN ('affirms', 'denies', 'conditional')
GROUP BY c.topic, c.modality, c.cluster_id;
COMMENT ON VIEW v_source_topic_stance IS 'One row per independent source (duplicate cluster), topic and modality: its net stance over its claims (affirms and denies together = mixed), questions left out. The one definition every source count derives from.';

-- Sources per topic, net stance and modality: the stance shares add up to the topic's sources.
CREATE OR REPLACE VIEW v_topic_stance AS
SELECT topic, any_value(topic_name) AS topic_name, stance, modality, count(*) AS sources,
       sum(claims) AS claims
FROM v_source_topic_stance
GROUP BY topic, stance, modality;
COMMENT ON VIEW v_topic_stance IS 'Independent sources (duplicate clusters) per topic, net stance (affirms, conditional, denies, mixed) and modality, questions left out: a source counts once per topic and modality, so the shares add up.';

-- Contradictions compare like with like (issue 15): two descriptive claims of different
-- sources, same topic and product, one affirms and one denies, and
--   * their hedges clash: a possibility ("有可能会") against a frequency hedge ("一般不会")
--     does not ("it may happen" and "it usually does not" are both true);
--   * their durations are comparable: neither names one, or both do and the ranges overlap.
--     A claim with a duration against one without is a threshold disagreement, not a
--     contradiction ("逾期一天不会上征信" against "逾期会上征信").
CREATE MACRO hedges_clash(affirm_hedge, deny_hedge) AS
    NOT (affirm_hedge = 'possibility' AND deny_hedge = 'frequency');

CREATE MACRO durations_comparable(a_min, a_max, b_min, b_max) AS
    (coalesce(a_min, a_max) IS NULL AND coalesce(b_min, b_max) IS NULL)
    OR (coalesce(a_min, a_max) IS NOT NULL AND coalesce(b_min, b_max) IS NOT NULL
        AND coalesce(a_min, 0) <= coalesce(b_max, 2147483647)
        AND coalesce(b_min, 0) <= coalesce(a_max, 2147483647));

CREATE OR REPLACE VIEW v_contradiction_claims AS
WITH per_topic AS (
    SELECT unnest(topics) AS topic, * EXCLUDE (topics) FROM v_independent_claims
    WHERE stance IN ('affirms', 'denies') AND modality = 'descriptive'
)
SELECT per_topic.topic, p.product, per_topic.stance, per_topic.claim_id, per_topic.text,
       per_topic.url, per_topic.site, per_topic.title, per_topic.cluster_id,
       per_topic.hedge, per_topic.products, per_topic.warc_file, per_topic.warc_record_id,
       d.last_seen, per_topic.min_days, per_topic.max_days, per_topic.doc_id
FROM per_topic
JOIN documents d ON d.doc_id = per_topic.doc_id
LEFT JOIN LATERAL (SELECT unnest(CASE WHEN len(per_topic.products) = 0 THEN [NULL::VARCHAR]
                                      ELSE per_topic.products END) AS product) p ON true;
COMMENT ON VIEW v_contradiction_claims IS 'The sides v_contradictions pairs: independent descriptive affirming/denying claims per topic and product, with archived copy and durations; an affirming and a denying row of the same topic and product (NULL = none named), from different clusters, whose hedges clash and durations are comparable, are a contradiction.';

CREATE OR REPLACE VIEW v_contradictions AS
SELECT a.topic, a.product,
       a.claim_id AS affirm_claim_id, a.text AS affirm_text, a.url AS affirm_url,
       a.site AS affirm_site, a.cluster_id AS affirm_cluster,
       b.claim_id AS deny_claim_id, b.text AS deny_text, b.url AS deny_url,
       b.site AS deny_site, b.cluster_id AS deny_cluster,
       (SELECT name_zh FROM topics t WHERE t.id = a.topic) AS topic_name
FROM v_contradiction_claims a
JOIN v_contradiction_claims b
  ON a.topic = b.topic AND a.product IS NOT DISTINCT FROM b.product
 AND a.stance = 'affirms' AND b.stance = 'denies' AND a.cluster_id <> b.cluster_id
 AND hedges_clash(a.hedge, b.hedge)
 AND durations_comparable(a.min_days, a.max_days, b.min_days, b.max_days);
COMMENT ON VIEW v_contradictions IS 'Pairs of independent descriptive claims from different sources on the same topic and product where one affirms and one denies, their hedges clash (not possibility against frequency) and their durations are comparable.';

-- Documents that affirm and deny the same event: descriptive claims of one document on the
-- same topic, sharing a topic cue word (the event: 上门 against 上门, not 律师函 against
-- 强制执行), with overlapping product scope and comparable durations; or one sentence the
-- tagger split into a concession and its opposite (虽然一般不会X，但可能会X). A finding of its
-- own, never a contradiction pair. The two warning topics are quoted, never compared.
CREATE VIEW v_self_contradictions AS
WITH sides AS (
    SELECT t.topic, c.*,
           coalesce((SELECT list(u.cue) FROM unnest(c.cues) AS u(cue)
                     WHERE starts_with(u.cue, 'topic:' || t.topic || ':')), []) AS event_cues
    FROM v_claims c, unnest(c.topics) AS t(topic)
    WHERE c.modality = 'descriptive' AND c.stance IN ('affirms', 'denies')
      AND t.topic NOT IN ('debt_help_scam', 'fake_collection')
)
SELECT a.doc_id, a.url, a.site, a.title, a.topic,
       a.claim_id AS affirm_claim_id, a.text AS affirm_text,
       b.claim_id AS deny_claim_id, b.text AS deny_text,
       a.warc_file, a.warc_record_id, a.doc_status,
       a.idx = b.idx AS one_sentence,
       (SELECT name_zh FROM topics t WHERE t.id = a.topic) AS topic_name
FROM sides a
JOIN sides b
  ON a.doc_id = b.doc_id AND a.topic = b.topic
 AND a.stance = 'affirms' AND b.stance = 'denies'
 AND ((a.idx = b.idx AND a.self_contradicting AND b.self_contradicting)
      OR (len(list_intersect(a.event_cues, b.event_cues)) > 0
          AND (len(a.products) = 0 OR len(b.products) = 0
               OR len(list_intersect(a.products, b.products)) > 0)
          AND durations_comparable(a.min_days, a.max_days, b.min_days, b.max_days)))
QUALIFY row_number() OVER (PARTITION BY a.doc_id, a.topic
                           ORDER BY (a.idx = b.idx) DESC, abs(a.idx - b.idx), a.claim_id,
                                    b.claim_id) = 1;
COMMENT ON VIEW v_self_contradictions IS 'One row per document and topic where the document affirms and denies the same event (descriptive claims sharing a topic cue word, overlapping product scope, comparable durations; or one sentence split into a concession and its opposite), with the closest pair of sentences: a self-contradicting page.';

-- Trends: sources per month of publication, topic and net stance (descriptive claims; a
-- document without a date counts in the month it was first seen). A source counts once
-- per month and topic, with its net stance over that month's claims.
CREATE VIEW v_topic_stance_by_month AS
WITH per_source AS (
    SELECT CAST(date_trunc('month', coalesce(published, CAST(first_seen AS DATE))) AS DATE)
               AS month,
           topic, cluster_id, net_stance(list(DISTINCT stance)) AS stance, count(*) AS claims
    FROM v_independent_claim_topics
    WHERE modality = 'descriptive' AND stance IN ('affirms', 'denies', 'conditional')
    GROUP BY ALL
)
SELECT month, topic, (SELECT name_zh FROM topics t WHERE t.id = per_source.topic) AS topic_name,
       stance, count(*) AS sources, sum(claims) AS claims
FROM per_source
GROUP BY ALL;
COMMENT ON VIEW v_topic_stance_by_month IS 'Independent sources (duplicate clusters) per month of publication, topic and net stance (descriptive claims, questions left out): the by-month view of v_topic_stance; a month''s stances add up to its sources.';
