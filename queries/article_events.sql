-- The events one article mentions, in the order of its body, with each event's date and how many articles report it.
-- param: external_id text  the article's external id (its file stem), e.g. 003_7b92abb2997c6845
SELECT m.start_offset, m.end_offset, m.id AS mention_id, m.event_id, m.date_text,
       t.date_label, t.date_precision, m.text, m.match_method, m.match_score,
       t.article_count
FROM event_mentions m
JOIN articles a ON a.id = m.article_id
JOIN v_timeline t ON t.event_id = m.event_id
WHERE a.external_id = :external_id
ORDER BY m.start_offset, m.id;
