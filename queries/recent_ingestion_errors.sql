-- The newest ingestion errors and warnings: which file, which run, why.
-- param: limit int = 20  how many to list
-- param: severity text = %  error, warning, or % for both
SELECT e.id AS error_id, e.run_id, e.created_at, e.severity, e.code, e.path, e.line,
       e.external_id, e.reason, r.status AS run_status
FROM ingestion_errors e
JOIN ingestion_runs r ON r.id = e.run_id
WHERE LOWER(e.severity) LIKE LOWER(:severity)
ORDER BY e.created_at DESC, e.id DESC
LIMIT :limit;
