-- Whether the warehouse has the report views (migration 0006).
SELECT count(*) AS present FROM duckdb_views() WHERE view_name = 'v_runs'
