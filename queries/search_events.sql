-- Events whose summary or any reported wording matches a pattern (case-insensitive), in date order; undated events last.
-- param: pattern pattern  any part of the text, e.g. sanction (LIKE % works)
SELECT t.event_id, t.year, t.month, t.day, t.date_label, t.date_precision, t.summary,
       t.article_count, t.source_names
FROM v_timeline t
WHERE LOWER(t.summary) LIKE LOWER(:pattern)
   OR EXISTS (SELECT 1 FROM event_mentions m
               WHERE m.event_id = t.event_id AND LOWER(m.text) LIKE LOWER(:pattern))
ORDER BY CASE WHEN t.month IS NULL THEN 1 ELSE 0 END,
         CASE WHEN t.year IS NULL THEN 1 ELSE 0 END, t.year, t.month,
         COALESCE(t.day, 0), t.event_id;
