-- The latest run and the one before it (whole crawl: run counters are not filtered).
SELECT * FROM v_runs ORDER BY run_seq DESC LIMIT 2
