-- Runs of one sweep still marked running whose heartbeat is older than :before and whose array job
-- arraysweep submitted (runs started by run-local have no submission). Reads only that sweep's running
-- runs through the index run(sweep_id, state).
SELECT r.*
  FROM run r
 WHERE r.sweep_id = :sweepId
   AND r.state = 'running'
   AND (r.heartbeat_at IS NULL OR r.heartbeat_at < :before)
   AND r.slurm_array_job_id IN (SELECT x.job_id FROM submission x WHERE x.sweep_id = :sweepId)
 ORDER BY r.array_index
