-- Claims that cite or rely on a source whose name matches a pattern (case-insensitive), with the role and who made the claim.
-- param: source pattern  any part of the source name, e.g. military balance (LIKE % works)
SELECT s.name AS source_name, s.kind AS source_kind, l.role, c.id AS claim_id,
       x.name AS expert_name, c.kind, c.text, COUNT(DISTINCT l.mention_id) AS mention_count
FROM claim_sources l
JOIN sources s ON s.id = l.source_id
JOIN claims c ON c.id = l.claim_id
JOIN experts x ON x.id = c.expert_id
WHERE LOWER(s.name) LIKE LOWER(:source)
GROUP BY s.id, s.name, s.kind, l.role, c.id, x.name, c.kind, c.text
ORDER BY s.name, s.id, c.id, l.role;
