-- Mentions linked to an existing event or claim by fuzzy matching, weakest first, to review merges: the mention's wording beside the representative one.
-- param: max_score int = 100  list only matches scoring at most this (0-100)
SELECT item_type, item_id, mention_id, article_external_id, match_score, mention_text,
       representative_text
FROM (
    SELECT 'event' AS item_type, m.event_id AS item_id, m.id AS mention_id,
           a.external_id AS article_external_id, m.match_score, m.text AS mention_text,
           e.summary AS representative_text
    FROM event_mentions m
    JOIN events e ON e.id = m.event_id
    JOIN articles a ON a.id = m.article_id
    WHERE m.match_method = 'fuzzy' AND COALESCE(m.match_score, 0) <= :max_score
    UNION ALL
    SELECT 'claim' AS item_type, m.claim_id AS item_id, m.id AS mention_id,
           a.external_id AS article_external_id, m.match_score, m.text AS mention_text,
           c.text AS representative_text
    FROM claim_mentions m
    JOIN claims c ON c.id = m.claim_id
    JOIN articles a ON a.id = m.article_id
    WHERE m.match_method = 'fuzzy' AND COALESCE(m.match_score, 0) <= :max_score
) matches
ORDER BY COALESCE(match_score, 0), item_type, item_id, mention_id;
