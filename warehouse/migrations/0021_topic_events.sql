-- 0021_topic_events: propositions finer than the topic (issue 15, item 2). A claim's events
-- on a topic are the topic's events whose trigger words its sentence holds
-- (warehouse/seeds/topic_events.toml, refreshed on every load): address book vs emergency
-- contact vs family vs workplace; reporting vs retention vs deletion; freeze vs closure.
-- Two claims are about the same thing only when their events overlap or neither names
-- one, so "会打通讯录" and "不会联系单位" no longer count as a contradiction.
CREATE TABLE topic_events (
    topic    VARCHAR NOT NULL,
    event    VARCHAR NOT NULL,
    name_zh  VARCHAR NOT NULL,
    triggers VARCHAR[] NOT NULL,
    over     VARCHAR[] NOT NULL,
    PRIMARY KEY (topic, event)
);
COMMENT ON TABLE topic_events IS 'What a claim of a topic can be about, finer than the topic (warehouse/seeds/topic_events.toml): a sentence naming a trigger word is about that event.';
COMMENT ON COLUMN topic_events.topic IS 'Topic id (docs/labels.md).';
COMMENT ON COLUMN topic_events.event IS 'The event, unique within its topic (address_book, emergency_contact, family, ...).';
COMMENT ON COLUMN topic_events.name_zh IS 'The event''s name for readers.';
COMMENT ON COLUMN topic_events.triggers IS 'Words that name the event, Simplified and Traditional forms.';
COMMENT ON COLUMN topic_events.over IS 'Events of the topic this one overrides when a sentence names both (律师函 over 强制执行: the sentence is about the letter).';

CREATE TABLE proposition_markers (
    kind  VARCHAR PRIMARY KEY,
    words VARCHAR[] NOT NULL
);
COMMENT ON TABLE proposition_markers IS 'Words that change what a claim is compared with (warehouse/seeds/topic_events.toml): a definition (what something is, can do, or how it is done) is never compared; a claim with a stated condition only with one stating the same marker; an anecdote clashes as a possibility; a denied timing (不会马上) only with an affirmed one; a general claim about some lenders (部分银行) not with a product claim.';
COMMENT ON COLUMN proposition_markers.kind IS 'definition, condition, anecdote, timing or partial.';
COMMENT ON COLUMN proposition_markers.words IS 'The marker words, Simplified and Traditional forms.';

-- The markers of a kind a sentence holds, sorted.
CREATE MACRO claim_markers(want_kind, sentence) AS
    coalesce((SELECT list_sort(list_filter(m.words, lambda w: contains(sentence, w)))
              FROM proposition_markers m WHERE m.kind = want_kind), []);

-- The events of want_topic that a sentence names, sorted, less those another named event
-- overrides (empty: a general claim).
CREATE MACRO claim_events(want_topic, sentence) AS
    coalesce((WITH named AS (
                  SELECT e.event, e.over FROM topic_events e
                  WHERE e.topic = want_topic
                    AND len(list_filter(e.triggers, lambda w: contains(sentence, w))) > 0)
              SELECT list(n.event ORDER BY n.event) FROM named n
              WHERE NOT EXISTS (SELECT 1 FROM named m WHERE list_contains(m.over, n.event))),
             []);

-- Two claims' events are about the same thing: they overlap, or neither names one. The
-- same test serves the condition markers: neither states a condition, or both the same.
CREATE MACRO events_comparable(a_events, b_events) AS
    (len(a_events) = 0 AND len(b_events) = 0) OR len(list_intersect(a_events, b_events)) > 0;

-- A denial of how soon (不会马上被起诉) meets only an affirmation naming that timing.
CREATE MACRO timing_comparable(affirm_timing, deny_timing) AS
    len(deny_timing) = 0 OR len(list_intersect(affirm_timing, deny_timing)) > 0;

-- One definition of a claim's proposition, for contradictions and self-contradictions alike:
-- each descriptive claim per topic and product (NULL: none named) with the stance compared,
-- its events, stated conditions, timing and the hedge compared. A conditional claim whose
-- only condition is an overdue duration (逾期一天就会上征信) affirms the event for that
-- duration, so it meets 逾期一天不会上征信. Left out: the two warning topics (impostors, paid
-- debt help: quoted, never compared) and definitions (what something is or can do).
CREATE VIEW v_claim_propositions AS
WITH per_topic AS (
    SELECT c.claim_id, t.topic,
           CASE WHEN c.stance = 'conditional' THEN 'affirms' ELSE c.stance END AS stance,
           c.hedge, c.products, c.min_days, c.max_days, c.text
    FROM v_claims c, unnest(c.topics) AS t(topic)
    WHERE c.modality = 'descriptive'
      AND t.topic NOT IN ('debt_help_scam', 'fake_collection')
      AND (c.stance IN ('affirms', 'denies')
           OR (c.stance = 'conditional' AND c.anchor = 'overdue'
               AND coalesce(c.min_days, c.max_days) IS NOT NULL
               AND len(claim_markers('condition', c.text)) = 0))
      AND len(claim_markers('definition', c.text)) = 0
)
SELECT per_topic.claim_id, per_topic.topic, p.product, per_topic.stance,
       claim_events(per_topic.topic, per_topic.text) AS events,
       claim_markers('condition', per_topic.text) AS conditions,
       claim_markers('timing', per_topic.text) AS timing,
       len(claim_markers('partial', per_topic.text)) > 0 AS partial,
       -- an anecdote shows the event can happen: it clashes as a possibility would
       CASE WHEN per_topic.hedge = 'none'
                 AND len(claim_markers('anecdote', per_topic.text)) > 0 THEN 'possibility'
            ELSE per_topic.hedge END AS compared_hedge
FROM per_topic
LEFT JOIN LATERAL (SELECT unnest(CASE WHEN len(per_topic.products) = 0 THEN [NULL::VARCHAR]
                                      ELSE per_topic.products END) AS product) p ON true;
COMMENT ON VIEW v_claim_propositions IS 'What each descriptive claim says, as comparisons read it: per topic and product, the stance compared (a claim conditional only on an overdue duration affirms for that duration), its events, stated conditions, timing and hedge; warning topics and definitions left out.';

-- The same proposition, seen from an affirming side a and a denying side b: overlapping
-- product scope (the same product, or one side names none, unless that side speaks of
-- some lenders only: 很多银行都有宽限期 says nothing of 安逸花), comparable durations,
-- events and stated conditions, and a denied timing that the affirmation names.
CREATE MACRO same_proposition(a_product, b_product, a_partial, b_partial, a_min, a_max, b_min,
                              b_max, a_events, b_events, a_conditions, b_conditions,
                              a_timing, b_timing) AS
    ((a_product IS NULL AND NOT (a_partial AND b_product IS NOT NULL))
     OR (b_product IS NULL AND NOT (b_partial AND a_product IS NOT NULL))
     OR a_product = b_product)
    AND durations_comparable(a_min, a_max, b_min, b_max)
    AND events_comparable(a_events, b_events)
    AND events_comparable(a_conditions, b_conditions)
    AND timing_comparable(a_timing, b_timing);

CREATE OR REPLACE VIEW v_contradiction_claims AS
SELECT p.topic, p.product, p.stance, i.claim_id, i.text, i.url, i.site, i.title, i.cluster_id,
       i.hedge, i.products, i.warc_file, i.warc_record_id, d.last_seen, i.min_days,
       i.max_days, i.doc_id, p.events, p.conditions, p.timing, p.partial, p.compared_hedge
FROM v_independent_claims i
JOIN v_claim_propositions p ON p.claim_id = i.claim_id
JOIN documents d ON d.doc_id = i.doc_id;
COMMENT ON VIEW v_contradiction_claims IS 'The sides v_contradictions pairs: independent claims with their propositions (v_claim_propositions: descriptive, per topic and product, a claim conditional only on an overdue duration affirming for that duration, warning topics and definitions left out), with archived copy; an affirming and a denying row from different clusters whose hedges clash and that state the same proposition (same_proposition) are a contradiction.';

CREATE OR REPLACE VIEW v_contradictions AS
SELECT a.topic, coalesce(a.product, b.product) AS product,
       a.claim_id AS affirm_claim_id, a.text AS affirm_text, a.url AS affirm_url,
       a.site AS affirm_site, a.cluster_id AS affirm_cluster,
       b.claim_id AS deny_claim_id, b.text AS deny_text, b.url AS deny_url,
       b.site AS deny_site, b.cluster_id AS deny_cluster,
       (SELECT name_zh FROM topics t WHERE t.id = a.topic) AS topic_name,
       list_distinct(list_concat(a.events, b.events)) AS events
FROM v_contradiction_claims a
JOIN v_contradiction_claims b
  ON a.topic = b.topic AND a.stance = 'affirms' AND b.stance = 'denies'
 AND a.cluster_id <> b.cluster_id
 AND hedges_clash(a.compared_hedge, b.compared_hedge)
 AND same_proposition(a.product, b.product, a.partial, b.partial, a.min_days, a.max_days,
                      b.min_days, b.max_days, a.events, b.events, a.conditions, b.conditions,
                      a.timing, b.timing);
COMMENT ON VIEW v_contradictions IS 'Pairs of independent descriptive claims from different sources that state the same proposition (topic, overlapping product scope, event, stated conditions, timing, comparable durations; definitions and warnings left out) where one affirms and one denies and their hedges clash (not a possibility, or an anecdote, against a frequency hedge).';

-- Self-contradictions: a document that affirms and denies the same proposition (any hedges:
-- 正常情况下不会… 但可能会… is the finding), or one sentence the tagger split into a
-- concession and its opposite (虽然一般不会X，但可能会X).
CREATE OR REPLACE VIEW v_self_contradictions AS
WITH sides AS (
    SELECT p.*, c.doc_id, c.url, c.site, c.title, c.text, c.idx, c.self_contradicting,
           c.min_days, c.max_days, c.warc_file, c.warc_record_id, c.doc_status
    FROM v_claim_propositions p
    JOIN v_claims c ON c.claim_id = p.claim_id
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
      OR same_proposition(a.product, b.product, a.partial, b.partial, a.min_days,
                          a.max_days, b.min_days, b.max_days, a.events, b.events,
                          a.conditions, b.conditions, a.timing, b.timing))
QUALIFY row_number() OVER (PARTITION BY a.doc_id, a.topic
                           ORDER BY (a.idx = b.idx) DESC, abs(a.idx - b.idx), a.claim_id,
                                    b.claim_id) = 1;
COMMENT ON VIEW v_self_contradictions IS 'One row per document and topic where the document affirms and denies the same proposition (v_claim_propositions, same_proposition; any hedges), or one sentence split into a concession and its opposite, with the closest pair of sentences: a self-contradicting page.';
