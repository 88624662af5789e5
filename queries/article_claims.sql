-- The claims one article carries, in the order of its body: who said what, in which section, and how the claim was attributed.
-- param: external_id text  the article's external id (its file stem), e.g. 001_873ae39e16960142
SELECT m.start_offset, m.end_offset, m.id AS mention_id, m.claim_id, m.section,
       c.expert_name, c.kind, m.text, m.attribution, c.article_count, c.source_names
FROM claim_mentions m
JOIN articles a ON a.id = m.article_id
JOIN v_claims c ON c.claim_id = m.claim_id
WHERE a.external_id = :external_id
ORDER BY m.start_offset, m.id;
