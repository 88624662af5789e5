-- Claims carried by at least N distinct articles (the same statement reported again), most repeated first.
-- param: min_articles int = 2  how many distinct articles must carry the claim
SELECT c.claim_id, c.expert_name, c.kind, c.text, c.article_count, c.mention_count,
       c.source_names
FROM v_claims c
WHERE c.article_count >= :min_articles
ORDER BY c.article_count DESC, c.mention_count DESC, c.claim_id;
