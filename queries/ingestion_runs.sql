-- Loads started on or after a date, newest first: status, what they did, and how many inputs they rejected or warned about.
-- param: since date = 2000-01-01  earliest start date (YYYY-MM-DD, UTC)
SELECT r.id AS run_id, r.started_at, r.finished_at, r.status, r.files_seen, r.added,
       r.updated, r.unchanged, r.failed, r.extractor_version,
       (SELECT COUNT(*) FROM ingestion_errors e
         WHERE e.run_id = r.id AND e.severity = 'error') AS error_count,
       (SELECT COUNT(*) FROM ingestion_errors e
         WHERE e.run_id = r.id AND e.severity = 'warning') AS warning_count,
       r.message
FROM ingestion_runs r
WHERE r.started_at >= :since
ORDER BY r.started_at DESC, r.id DESC;
