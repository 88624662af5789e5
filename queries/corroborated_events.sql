-- Events reported by at least N distinct articles, most corroborated first, then by date.
-- param: min_articles int = 2  how many distinct articles must report the event
SELECT t.event_id, t.date_label, t.date_precision, t.date_qualifier, t.summary,
       t.article_count, t.mention_count, t.source_names
FROM v_timeline t
WHERE t.article_count >= :min_articles
ORDER BY t.article_count DESC,
         CASE WHEN t.date_key IS NULL THEN 1 ELSE 0 END, t.date_key,
         COALESCE(t.month, 13), COALESCE(t.day, 0), t.event_id;
