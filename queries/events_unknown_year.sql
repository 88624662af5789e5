-- Events whose year is unknown (the text gives none and no published date anchors it), by month and day; undated ones last.
SELECT t.event_id, t.month, t.day, t.date_label, t.date_precision, t.date_qualifier,
       t.summary, t.article_count, t.source_names
FROM v_timeline t
WHERE t.year IS NULL
ORDER BY CASE WHEN t.month IS NULL THEN 1 ELSE 0 END, t.month,
         CASE WHEN t.day IS NULL THEN 0 ELSE 1 END, t.day, t.event_id;
