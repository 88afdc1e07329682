-- Which sites originate articles and which mostly copy, with their claims and rule conflicts?
SELECT site, documents, originals, copy_share, copied_from, copied_by_others,
       claims_per_document, rule_conflict_claims, self_contradicting_documents
FROM v_site_scorecard
ORDER BY copy_share, documents DESC;
