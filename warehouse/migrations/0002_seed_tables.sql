-- 0002_seed_tables: reference tables loaded from the project's data files on every load.

CREATE TABLE topics (
    id             VARCHAR PRIMARY KEY,
    description    VARCHAR,
    cues           VARCHAR[],
    tagger_version VARCHAR
);
COMMENT ON TABLE topics IS 'The claim topics (DOMAIN.md vocabulary), from pipeline/claims/data/topics.toml.';
COMMENT ON COLUMN topics.id IS 'Topic id, as used in claims.topics.';
COMMENT ON COLUMN topics.description IS 'What the topic covers; its event is what stance is about.';
COMMENT ON COLUMN topics.cues IS 'Cue words that tag a sentence with the topic.';
COMMENT ON COLUMN topics.tagger_version IS 'Tagger version whose data files these rows come from.';

CREATE TABLE products (
    canonical      VARCHAR PRIMARY KEY,
    aliases        VARCHAR[],
    tagger_version VARCHAR
);
COMMENT ON TABLE products IS 'Canonical product names and their aliases, from pipeline/claims/data/products.toml.';
COMMENT ON COLUMN products.canonical IS 'Canonical product name, as used in claims.products.';
COMMENT ON COLUMN products.aliases IS 'Other names that mean this product.';
COMMENT ON COLUMN products.tagger_version IS 'Tagger version whose data files these rows come from.';

CREATE TABLE reference_rules (
    rule_id        VARCHAR PRIMARY KEY,
    topic          VARCHAR NOT NULL,
    products       VARCHAR[],
    statement      VARCHAR NOT NULL,
    statement_zh   VARCHAR,
    source         VARCHAR NOT NULL,
    article        VARCHAR,
    confidence     VARCHAR NOT NULL,
    conflicts_with VARCHAR,
    anchor         VARCHAR,
    min_days       INTEGER,
    max_days       INTEGER,
    note           VARCHAR
);
COMMENT ON TABLE reference_rules IS 'What the rules say (DOMAIN.md §4), from warehouse/seeds/reference_rules.toml.';
COMMENT ON COLUMN reference_rules.rule_id IS 'Short stable id of the rule.';
COMMENT ON COLUMN reference_rules.topic IS 'The topic the rule is about.';
COMMENT ON COLUMN reference_rules.products IS 'Products the rule covers; empty = all.';
COMMENT ON COLUMN reference_rules.statement IS 'What the rule says, in English.';
COMMENT ON COLUMN reference_rules.statement_zh IS 'What the rule says, in Chinese.';
COMMENT ON COLUMN reference_rules.source IS 'The law, regulation or guideline.';
COMMENT ON COLUMN reference_rules.article IS 'Article or section of the source.';
COMMENT ON COLUMN reference_rules.confidence IS 'high (law, regulation) or medium (self-regulation).';
COMMENT ON COLUMN reference_rules.conflicts_with IS 'How a descriptive claim contradicts it: affirms, denies, threshold (outside min..max days), or null (no automatic check).';
COMMENT ON COLUMN reference_rules.anchor IS 'For threshold rules: the anchor of the durations compared (overdue, retention, installment).';
COMMENT ON COLUMN reference_rules.min_days IS 'For threshold rules: smallest duration consistent with the rule.';
COMMENT ON COLUMN reference_rules.max_days IS 'For threshold rules: largest duration consistent with the rule.';
COMMENT ON COLUMN reference_rules.note IS 'Caveats for readers.';
