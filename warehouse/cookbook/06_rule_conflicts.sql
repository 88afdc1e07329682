-- Which claims contradict what the rules say, and how sure is the rule?
SELECT rule_id, confidence, source, article, site, text, url
FROM v_rule_conflicts
ORDER BY confidence, rule_id, site;
