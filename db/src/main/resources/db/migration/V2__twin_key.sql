-- Twin key: the hash of a run's canonical parameters without the sampling ones
-- (dev.arraysweep.db.params.TwinKey), so that a filtered run joins its archetype twin in SQL.
-- Rows stored before this column existed are filled in by Schema.migrate.
ALTER TABLE run ADD COLUMN twin_key VARCHAR(64);
CREATE INDEX run_twin_idx ON run(sweep_id, twin_key);
