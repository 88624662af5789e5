-- The events of one month in date order; a year of 0 means every year, and events whose year is unknown are listed too unless unknown_year is 0.
-- param: month int  month number, 1-12
-- param: year int = 0  the year, or 0 for every year
-- param: unknown_year int = 1  1 = also list the month's events whose year is unknown (listed last), 0 = only events with a known year
SELECT t.event_id, t.year, t.month, t.day, t.date_label, t.date_precision, t.date_qualifier,
       t.summary, t.article_count, t.source_names
FROM v_timeline t
WHERE t.month = :month
  AND (:year = 0 OR t.year = :year OR t.year IS NULL)
  AND (t.year IS NOT NULL OR :unknown_year = 1)
ORDER BY CASE WHEN t.year IS NULL THEN 1 ELSE 0 END, t.year,
         CASE WHEN t.day IS NULL THEN 0 ELSE 1 END, t.day, t.event_id;
