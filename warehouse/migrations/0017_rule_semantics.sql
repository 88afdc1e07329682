-- 0017_rule_semantics: a claim conflicts with a rule only when it presents the practice the
-- rule forbids as what happens; a claim that agrees with the rule, or reports the practice as
-- a violation (illegal, a grievance, a complaint), is no conflict (issue 15). The cue lists
-- are data (warehouse/seeds/reference_rules.toml), in Simplified and Traditional script.
ALTER TABLE reference_rules ADD COLUMN agree_cues VARCHAR[] DEFAULT [];
ALTER TABLE reference_rules ADD COLUMN violation_cues VARCHAR[] DEFAULT [];
COMMENT ON COLUMN reference_rules.agree_cues IS 'Words that make a matching claim agree with the rule (不会透露: the rule forbids disclosure); such a claim is no conflict.';
COMMENT ON COLUMN reference_rules.violation_cues IS 'Words that make a matching claim a report of the forbidden practice as wrong (违法, 投诉, 骚扰 ...): shown in v_reported_violations, not as a conflict.';

-- Every independent descriptive claim that meets a rule's check, flagged: does it agree
-- with the rule, does it report the practice as a violation. The two views below split it.
CREATE VIEW v_rule_matches AS
SELECT r.rule_id, r.source, r.article, r.confidence, r.statement, r.statement_zh,
       r.conflicts_with, c.claim_id, c.text, c.url, c.site, c.title, c.stance, c.min_days, c.max_days,
       c.anchor, c.cluster_id, c.warc_file, c.warc_record_id, c.products,
       EXISTS (SELECT 1 FROM unnest(r.agree_cues) AS u(cue)
               WHERE contains(c.text, u.cue)) AS agrees,
       EXISTS (SELECT 1 FROM unnest(r.violation_cues) AS u(cue)
               WHERE contains(c.text, u.cue)) AS reports_violation
FROM reference_rules r
JOIN v_independent_claims c
  ON list_contains(c.topics, r.topic)
 AND c.modality = 'descriptive'
 AND (len(r.products) = 0 OR len(list_intersect(r.products, c.products)) > 0)
WHERE (r.conflicts_with = 'affirms' AND c.stance = 'affirms')
   OR (r.conflicts_with = 'denies' AND c.stance = 'denies')
   OR (r.conflicts_with = 'threshold' AND c.anchor = r.anchor AND c.stance <> 'question'
       AND (coalesce(c.max_days, c.min_days) < coalesce(r.min_days, -1)
            OR coalesce(c.min_days, c.max_days) > coalesce(r.max_days, 2147483647)));
COMMENT ON VIEW v_rule_matches IS 'Independent descriptive claims that meet a reference rule''s check (stance or duration), flagged when they agree with the rule (agree_cues) or report the practice as a violation (violation_cues); v_rule_conflicts and v_reported_violations split it.';

CREATE OR REPLACE VIEW v_rule_conflicts AS
SELECT rule_id, source, article, confidence, statement, statement_zh, claim_id, text, url,
       site, stance, min_days, max_days, anchor, cluster_id
FROM v_rule_matches
WHERE NOT agrees AND NOT reports_violation;
COMMENT ON VIEW v_rule_conflicts IS 'Independent descriptive claims that present what a reference_rules row forbids as what happens (or deny what it guarantees); claims that agree with the rule or report the practice as a violation are left out.';

CREATE VIEW v_reported_violations AS
SELECT rule_id, statement, statement_zh, source, confidence, claim_id, text, url, site,
       title, cluster_id, warc_file, warc_record_id, products
FROM v_rule_matches
WHERE reports_violation AND NOT agrees AND conflicts_with IN ('affirms', 'denies');
COMMENT ON VIEW v_reported_violations IS 'Independent descriptive claims that report a practice a reference rule forbids as happening and as wrong (a complaint, harassment, illegal): evidence of violations, not advice that contradicts the rule.';
