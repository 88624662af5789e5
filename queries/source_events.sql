-- Events linked to a source whose name matches a pattern (case-insensitive): what it reported, confirmed or stated, in date order.
-- param: source pattern  any part of the source name, e.g. white house (LIKE % works)
SELECT s.name AS source_name, l.role, t.event_id, t.date_label, t.date_precision,
       t.summary, t.article_count, COUNT(DISTINCT l.mention_id) AS mention_count
FROM event_sources l
JOIN sources s ON s.id = l.source_id
JOIN v_timeline t ON t.event_id = l.event_id
WHERE LOWER(s.name) LIKE LOWER(:source)
GROUP BY s.id, s.name, l.role, t.event_id, t.date_label, t.date_precision, t.summary,
         t.article_count, t.year, t.month, t.day
ORDER BY s.name, s.id, CASE WHEN t.month IS NULL THEN 1 ELSE 0 END,
         CASE WHEN t.year IS NULL THEN 1 ELSE 0 END, t.year, t.month, COALESCE(t.day, 0),
         t.event_id, l.role;
