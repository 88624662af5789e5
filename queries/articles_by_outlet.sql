-- Articles grouped by outlet, newest first, with their featured expert and how many claims and events each carries.
-- param: outlet pattern = %  any part of the outlet name, e.g. espreso (default: every outlet)
SELECT s.name AS outlet, a.id AS article_id, a.external_id, a.title, a.category,
       a.published_on, x.name AS featured_expert,
       (SELECT COUNT(DISTINCT m.claim_id) FROM claim_mentions m
         WHERE m.article_id = a.id) AS claim_count,
       (SELECT COUNT(DISTINCT m.event_id) FROM event_mentions m
         WHERE m.article_id = a.id) AS event_count
FROM articles a
JOIN sources s ON s.id = a.source_id
LEFT JOIN experts x ON x.id = a.featured_expert_id
WHERE LOWER(s.name) LIKE LOWER(:outlet)
ORDER BY s.name, s.id, CASE WHEN a.published_on IS NULL THEN 1 ELSE 0 END,
         a.published_on DESC, a.external_id, a.id;
