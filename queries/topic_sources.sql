-- Who reports on a topic: sources linked to events whose summary or wording matches a pattern, with the role and the number of such events.
-- param: topic pattern  any part of the text, e.g. kim jong (LIKE % works)
SELECT s.id AS source_id, s.name, s.kind, l.role, COUNT(DISTINCT l.event_id) AS event_count,
       COUNT(DISTINCT m.article_id) AS article_count
FROM event_sources l
JOIN sources s ON s.id = l.source_id
JOIN event_mentions m ON m.id = l.mention_id
JOIN events e ON e.id = l.event_id
WHERE LOWER(e.summary) LIKE LOWER(:topic)
   OR EXISTS (SELECT 1 FROM event_mentions w
               WHERE w.event_id = e.id AND LOWER(w.text) LIKE LOWER(:topic))
GROUP BY s.id, s.name, s.kind, l.role
ORDER BY COUNT(DISTINCT l.event_id) DESC, COUNT(DISTINCT m.article_id) DESC, s.name, s.id, l.role;
