-- People ranked by activity: distinct claims, articles carrying their claims, and articles that feature them.
-- param: min_claims int = 1  list only people with at least this many claims
SELECT x.expert_id, x.name, x.kind, x.role, x.affiliation,
       x.claim_count, x.article_count, x.featured_count
FROM v_experts x
WHERE x.claim_count >= :min_claims
ORDER BY x.claim_count DESC, x.article_count DESC, x.featured_count DESC, x.expert_id;
