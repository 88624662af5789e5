-- Pairs of people whose claims appear in the same articles, most shared articles first; filter on either name.
-- param: expert pattern = %  any part of a name one of the pair must have, e.g. katkov (default: everyone)
SELECT xa.id AS expert_id, xa.name AS expert_name, xb.id AS other_id, xb.name AS other_name,
       COUNT(DISTINCT ma.article_id) AS shared_articles
FROM claim_mentions ma
JOIN claims ca ON ca.id = ma.claim_id
JOIN experts xa ON xa.id = ca.expert_id
JOIN claim_mentions mb ON mb.article_id = ma.article_id
JOIN claims cb ON cb.id = mb.claim_id
JOIN experts xb ON xb.id = cb.expert_id
WHERE xa.id < xb.id
  AND (LOWER(xa.name) LIKE LOWER(:expert) OR LOWER(xb.name) LIKE LOWER(:expert))
GROUP BY xa.id, xa.name, xb.id, xb.name
ORDER BY COUNT(DISTINCT ma.article_id) DESC, xa.id, xb.id;
