-- Cited sources ranked by reach: distinct articles whose events or claims name them, then the events and claims linked to them, with counts by role.
-- param: min_articles int = 1  list only sources named in at least this many articles (0 also lists outlets never cited)
-- param: kind text = %  source kind pattern: outlet, publication, government, intelligence, organization, media, other
SELECT s.source_id, s.name, s.kind, s.citing_article_count, s.event_count, s.claim_count,
       s.article_count AS published_article_count, s.reported_by_count,
       s.confirmed_by_count, s.cited_count, s.stated_by_count, s.observed_by_count
FROM v_sources s
WHERE s.citing_article_count >= :min_articles
  AND LOWER(s.kind) LIKE LOWER(:kind)
ORDER BY s.citing_article_count DESC, s.event_count + s.claim_count DESC, s.name, s.source_id;
