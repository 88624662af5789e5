-- Every claim of the people whose name matches a pattern (case-insensitive), with how often it was reported and what it cites.
-- param: expert pattern  any part of the name, e.g. katkov (SQL LIKE % and _ also work)
SELECT c.expert_name, c.expert_affiliation, c.claim_id, c.kind, c.text,
       c.article_count, c.mention_count, c.source_names
FROM v_claims c
WHERE LOWER(c.expert_name) LIKE LOWER(:expert)
ORDER BY c.expert_name, c.expert_id, c.claim_id;
